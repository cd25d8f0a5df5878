// Parameter gradient of a 3×3 convolution (stride 1, zero padding 1),
// summed over the batch: dW[oc][ic][ky][kx] = Σ dy[n][oc][y][x] ·
// x[n][ic][y + ky − 1][x + kx − 1], db[oc] = Σ dy[n][oc][y][x].
// dy is already the gradient after the ReLU. One invocation per parameter:
// the first OUT_CH·IN_CH·9 write dW, the next OUT_CH write db.

override IN_CH: u32;
override OUT_CH: u32;
override SIDE: u32;

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
    let plane = SIDE * SIDE;
    let weights = OUT_CH * IN_CH * 9u;
    if (i < weights) {
        let oc = i / (IN_CH * 9u);
        let ic = (i / 9u) % IN_CH;
        let ky = (i % 9u) / 3u;
        let kx = i % 3u;
        // Output rows/cols whose tap lands inside the image.
        let y0 = select(0u, 1u, ky == 0u);
        let y1 = select(SIDE, SIDE - 1u, ky == 2u);
        let x0 = select(0u, 1u, kx == 0u);
        let x1 = select(SIDE, SIDE - 1u, kx == 2u);
        var acc = 0.0;
        for (var n = 0u; n < params.batch; n++) {
            let out_base = (n * OUT_CH + oc) * plane;
            let in_base = (n * IN_CH + ic) * plane;
            for (var y = y0; y < y1; y++) {
                let r = y + ky - 1u;
                for (var x = x0; x < x1; x++) {
                    acc += grad_out[out_base + y * SIDE + x] * src[in_base + r * SIDE + x + kx - 1u];
                }
            }
        }
        grad_weight[i] = acc;
    } else if (i < weights + OUT_CH) {
        let oc = i - weights;
        var acc = 0.0;
        for (var n = 0u; n < params.batch; n++) {
            let out_base = (n * OUT_CH + oc) * plane;
            for (var p = 0u; p < plane; p++) {
                acc += grad_out[out_base + p];
            }
        }
        grad_bias[oc] = acc;
    }
}
