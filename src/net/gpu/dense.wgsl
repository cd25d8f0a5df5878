// Dense layer y = W x + b (W is [out][in]), optional ReLU.
// One invocation per output value; x is the CHW flatten of the previous stage.

override IN_LEN: u32;
override OUT_LEN: u32;
// 1: apply ReLU, 0: linear.
override RELU: u32;

@group(0) @binding(1) var<storage, read> src: array<f32>;
@group(0) @binding(2) var<storage, read> weight: array<f32>;
@group(0) @binding(3) var<storage, read> bias: array<f32>;
@group(0) @binding(4) var<storage, read_write> dst: array<f32>;

@compute @workgroup_size(64)
fn main(
    @builtin(workgroup_id) group: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
    @builtin(local_invocation_index) lane: u32,
) {
    let i = flat_index(group, groups, lane);
    if (i >= params.batch * OUT_LEN) {
        return;
    }
    let image = i / OUT_LEN;
    let o = i % OUT_LEN;
    let x = image * IN_LEN;
    let w = o * IN_LEN;

    var acc = 0.0;
    for (var k = 0u; k < IN_LEN; k++) {
        acc += weight[w + k] * src[x + k];
    }
    var y = acc + bias[o];
    if (RELU != 0u) {
        y = max(y, 0.0);
    }
    dst[i] = y;
}
