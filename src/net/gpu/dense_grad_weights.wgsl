// Parameter gradient of a dense layer y = W x + b (W is [out][in]), summed
// over the batch: dW[o][k] = Σₙ dy[n][o] x[n][k], db[o] = Σₙ dy[n][o].
// One invocation per parameter: the first OUT_LEN·IN_LEN write dW, the next
// OUT_LEN write db. Each sums the images in order, so no atomics are needed.

override IN_LEN: u32;
override OUT_LEN: u32;

@group(0) @binding(1) var<storage, read> grad_out: array<f32>;
@group(0) @binding(2) var<storage, read> src: array<f32>;
@group(0) @binding(3) var<storage, read_write> grad_weight: array<f32>;
@group(0) @binding(4) var<storage, read_write> grad_bias: array<f32>;

@compute @workgroup_size(64)
fn main(
    @builtin(workgroup_id) group: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
    @builtin(local_invocation_index) lane: u32,
) {
    let i = flat_index(group, groups, lane);
    let weights = OUT_LEN * IN_LEN;
    if (i < weights) {
        let o = i / IN_LEN;
        let k = i % IN_LEN;
        var acc = 0.0;
        for (var n = 0u; n < params.batch; n++) {
            acc += grad_out[n * OUT_LEN + o] * src[n * IN_LEN + k];
        }
        grad_weight[i] = acc;
    } else if (i < weights + OUT_LEN) {
        let o = i - weights;
        var acc = 0.0;
        for (var n = 0u; n < params.batch; n++) {
            acc += grad_out[n * OUT_LEN + o];
        }
        grad_bias[o] = acc;
    }
}
