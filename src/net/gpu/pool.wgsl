// 2×2 max pooling, stride 2. One invocation per output value; CHW.
// The first maximum in row-major order wins (only the value matters here).

override CH: u32;
override IN_SIDE: u32;

@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read_write> dst: array<f32>;

@compute @workgroup_size(64)
fn main(
    @builtin(workgroup_id) group: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
    @builtin(local_invocation_index) lane: u32,
) {
    let i = flat_index(group, groups, lane);
    let out_side = IN_SIDE / 2u;
    let out_plane = out_side * out_side;
    if (i >= params.batch * CH * out_plane) {
        return;
    }
    // Image and channel together index whole planes, in and out alike.
    let plane_index = i / out_plane;
    let row = (i % out_plane) / out_side;
    let col = i % out_side;
    let top_left = plane_index * IN_SIDE * IN_SIDE + (2u * row) * IN_SIDE + 2u * col;

    // Strict `>` keeps the first maximum in row-major order.
    var best = src[top_left];
    best = select(best, src[top_left + 1u], src[top_left + 1u] > best);
    best = select(best, src[top_left + IN_SIDE], src[top_left + IN_SIDE] > best);
    best = select(best, src[top_left + IN_SIDE + 1u], src[top_left + IN_SIDE + 1u] > best);
    dst[i] = best;
}
