// 3×3 convolution, stride 1, zero padding 1, + bias, ReLU.
// One invocation per output value; activations CHW, one image after another;
// weights [out][in][ky][kx]; tap (ky, kx) reads pixel (row + ky - 1, col + kx - 1).

override IN_CH: u32;
override OUT_CH: u32;
override SIDE: u32;

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
    let plane = SIDE * SIDE;
    let per_image = OUT_CH * plane;
    if (i >= params.batch * per_image) {
        return;
    }
    let image = i / per_image;
    let oc = (i % per_image) / plane;
    let row = i32((i % plane) / SIDE);
    let col = i32(i % SIDE);
    let side = i32(SIDE);
    let src_base = image * IN_CH * plane;

    var acc = 0.0;
    for (var ic = 0u; ic < IN_CH; ic++) {
        let channel = src_base + ic * plane;
        let taps = (oc * IN_CH + ic) * 9u;
        for (var ky = 0; ky < 3; ky++) {
            let r = row + ky - 1;
            if (r < 0 || r >= side) {
                continue;
            }
            for (var kx = 0; kx < 3; kx++) {
                let c = col + kx - 1;
                if (c < 0 || c >= side) {
                    continue;
                }
                acc += weight[taps + u32(ky * 3 + kx)] * src[channel + u32(r * side + c)];
            }
        }
    }
    dst[i] = max(acc + bias[oc], 0.0);
}
