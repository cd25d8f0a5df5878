// L2 normalisation of each embedding: y / max(‖y‖, NORM_EPS).
// One invocation per output value (each recomputes its row's norm).

override DIM: u32;
override NORM_EPS: f32;

@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read_write> dst: array<f32>;

@compute @workgroup_size(64)
fn main(
    @builtin(workgroup_id) group: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
    @builtin(local_invocation_index) lane: u32,
) {
    let i = flat_index(group, groups, lane);
    if (i >= params.batch * DIM) {
        return;
    }
    let row = (i / DIM) * DIM;
    var sum = 0.0;
    for (var d = 0u; d < DIM; d++) {
        let v = src[row + d];
        sum += v * v;
    }
    dst[i] = src[i] / max(sqrt(sum), NORM_EPS);
}
