// Backward of the L2 normalisation e = y / max(‖y‖, NORM_EPS):
// dy = (de − e (e · de)) / ‖y‖ when ‖y‖ > NORM_EPS, else de / NORM_EPS.
// One invocation per component of dy (each recomputes its row's norm).

override DIM: u32;
override NORM_EPS: f32;

@group(0) @binding(1) var<storage, read> raw: array<f32>;
@group(0) @binding(2) var<storage, read> grad_e: array<f32>;
@group(0) @binding(3) var<storage, read_write> dst: array<f32>;

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
        sum += raw[row + d] * raw[row + d];
    }
    let divisor = max(sqrt(sum), NORM_EPS);
    var along = 0.0;
    if (divisor > NORM_EPS) {
        for (var d = 0u; d < DIM; d++) {
            along += (raw[row + d] / divisor) * grad_e[row + d];
        }
    }
    dst[i] = (grad_e[i] - (raw[i] / divisor) * along) / divisor;
}
