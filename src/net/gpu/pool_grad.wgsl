// Backward of 2×2 max pooling (stride 2) and of the ReLU before it: each
// window's gradient goes to its first maximum in row-major order (as in the
// forward pass), and only when that maximum is > 0 (the ReLU was open).
// One invocation per pooling input value (the conv output), CHW.

override CH: u32;
override IN_SIDE: u32;

@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> grad_out: array<f32>;
@group(0) @binding(3) var<storage, read_write> grad_in: array<f32>;

@compute @workgroup_size(64)
fn main(
    @builtin(workgroup_id) group: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
    @builtin(local_invocation_index) lane: u32,
) {
    let i = flat_index(group, groups, lane);
    let in_plane = IN_SIDE * IN_SIDE;
    if (i >= params.batch * CH * in_plane) {
        return;
    }
    let plane_index = i / in_plane;
    let row = (i % in_plane) / IN_SIDE;
    let col = i % IN_SIDE;
    let out_side = IN_SIDE / 2u;
    let pr = row / 2u;
    let pc = col / 2u;
    let top_left = plane_index * in_plane + (2u * pr) * IN_SIDE + 2u * pc;

    // Strict > keeps the first maximum in row-major order.
    var winner = top_left;
    var best = src[top_left];
    let candidates = array<u32, 3>(top_left + 1u, top_left + IN_SIDE, top_left + IN_SIDE + 1u);
    for (var c = 0u; c < 3u; c++) {
        let v = src[candidates[c]];
        if (v > best) {
            best = v;
            winner = candidates[c];
        }
    }
    let o = plane_index * out_side * out_side + pr * out_side + pc;
    grad_in[i] = select(0.0, grad_out[o], winner == i && best > 0.0);
}
