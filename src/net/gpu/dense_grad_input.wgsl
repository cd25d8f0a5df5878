// Input gradient of a dense layer y = W x + b: dx[n][k] = Σₒ W[o][k] dy[n][o],
// then, with MASK = 1, zeroed where the layer's input x[n][k] ≤ 0 (the ReLU
// that produced x was closed there). One invocation per component of dx.

override IN_LEN: u32;
override OUT_LEN: u32;
// 1: apply the ReLU mask of the input, 0: none.
override MASK: u32;

@group(0) @binding(1) var<storage, read> grad_out: array<f32>;
@group(0) @binding(2) var<storage, read> weight: array<f32>;
@group(0) @binding(3) var<storage, read> src: array<f32>;
@group(0) @binding(4) var<storage, read_write> grad_in: array<f32>;

@compute @workgroup_size(64)
fn main(
    @builtin(workgroup_id) group: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
    @builtin(local_invocation_index) lane: u32,
) {
    let i = flat_index(group, groups, lane);
    if (i >= params.batch * IN_LEN) {
        return;
    }
    let n = i / IN_LEN;
    let k = i % IN_LEN;
    var acc = 0.0;
    for (var o = 0u; o < OUT_LEN; o++) {
        acc += weight[o * IN_LEN + k] * grad_out[n * OUT_LEN + o];
    }
    if (MASK != 0u && src[i] <= 0.0) {
        acc = 0.0;
    }
    grad_in[i] = acc;
}
