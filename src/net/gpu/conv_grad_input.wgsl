// Input gradient of a 3×3 convolution (stride 1, zero padding 1):
// dx[n][ic][r][c] = Σ_oc Σ_ky,kx W[oc][ic][ky][kx] · dy[n][oc][r − ky + 1][c − kx + 1]
// over the taps that land inside the image. One invocation per component of dx.

override IN_CH: u32;
override OUT_CH: u32;
override SIDE: u32;

@group(0) @binding(1) var<storage, read> grad_out: array<f32>;
@group(0) @binding(2) var<storage, read> weight: array<f32>;
@group(0) @binding(3) var<storage, read_write> grad_in: array<f32>;

@compute @workgroup_size(64)
fn main(
    @builtin(workgroup_id) group: vec3<u32>,
    @builtin(num_workgroups) groups: vec3<u32>,
    @builtin(local_invocation_index) lane: u32,
) {
    let i = flat_index(group, groups, lane);
    let plane = SIDE * SIDE;
    let per_image = IN_CH * plane;
    if (i >= params.batch * per_image) {
        return;
    }
    let n = i / per_image;
    let ic = (i % per_image) / plane;
    let r = i32((i % plane) / SIDE);
    let c = i32(i % SIDE);
    let side = i32(SIDE);
    var acc = 0.0;
    for (var oc = 0u; oc < OUT_CH; oc++) {
        let out_base = (n * OUT_CH + oc) * plane;
        let taps = (oc * IN_CH + ic) * 9u;
        for (var ky = 0; ky < 3; ky++) {
            let y = r - ky + 1;
            if (y < 0 || y >= side) {
                continue;
            }
            for (var kx = 0; kx < 3; kx++) {
                let x = c - kx + 1;
                if (x < 0 || x >= side) {
                    continue;
                }
                acc += weight[taps + u32(ky * 3 + kx)] * grad_out[out_base + u32(y * side + x)];
            }
        }
    }
    grad_in[i] = acc;
}
