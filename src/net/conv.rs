//! The 3×3, stride 1, zero-padding 1 convolution of [`super::arch`], forward
//! and backward, for one image.
//!
//! Loop order: for every (output channel, input channel, tap) the tap's
//! weight is applied to whole output rows at once, `out[y][x₀..x₁] += w ·
//! in[y + ky − 1][x₀ + kx − 1..x₁ + kx − 1]`, where `x₀..x₁` and the rows are
//! clipped so the tap stays inside the image (that is the zero padding). The
//! inner loop is a contiguous multiply-add over a row, which compilers
//! vectorise (SIMD natively, simd128 in wasm) without reordering any sum, so
//! results are deterministic and identical on every platform.

use super::arch::KERNEL;
use super::vecops::{axpy, dot};

/// The output range `lo..hi` (of rows or columns) for which tap offset `k`
/// (0, 1 or 2, i.e. −1, 0, +1) reads inside an image of side `side`.
fn valid_range(k: usize, side: usize) -> (usize, usize) {
    (1_usize.saturating_sub(k), (side + 1 - k).min(side))
}

/// One 3×3 convolution of a `cin × side × side` image into `cout × side ×
/// side` (`cout = bias.len()`), plus bias, then ReLU, written into `out`.
pub(crate) fn forward_relu(input: &[f32], cin: usize, side: usize, weights: &[f32], bias: &[f32], out: &mut [f32]) {
    let plane = side * side;
    for (o, (out_plane, &b)) in out.chunks_exact_mut(plane).zip(bias).enumerate() {
        out_plane.fill(b);
        for c in 0..cin {
            let in_plane = &input[c * plane..(c + 1) * plane];
            let taps = &weights[(o * cin + c) * KERNEL * KERNEL..(o * cin + c + 1) * KERNEL * KERNEL];
            for ky in 0..KERNEL {
                let (y0, y1) = valid_range(ky, side);
                for kx in 0..KERNEL {
                    let w = taps[ky * KERNEL + kx];
                    let (x0, x1) = valid_range(kx, side);
                    let width = x1 - x0;
                    for y in y0..y1 {
                        let src = (y + ky - 1) * side + x0 + kx - 1;
                        axpy(&mut out_plane[y * side + x0..y * side + x1], w, &in_plane[src..src + width]);
                    }
                }
            }
        }
        for v in out_plane.iter_mut() {
            *v = v.max(0.0);
        }
    }
}

/// Where [`backward`] adds its gradients.
pub(crate) struct Grads<'a> {
    /// Weight gradient, `[cout][cin][3][3]`.
    pub(crate) w: &'a mut [f32],
    /// Bias gradient, `[cout]`.
    pub(crate) b: &'a mut [f32],
    /// Input gradient, `cin × side × side`, or `None` when not needed.
    pub(crate) input: Option<&'a mut [f32]>,
}

/// Backward pass of one convolution (before its ReLU): given `grad_out`
/// (`cout × side × side`, the gradient with respect to the convolution's
/// output, already masked by the ReLU), adds the weight, bias and (when
/// wanted) input gradients into `grads`.
pub(crate) fn backward(input: &[f32], cin: usize, side: usize, weights: &[f32], grad_out: &[f32], grads: Grads<'_>) {
    let Grads { w: grad_w, b: grad_b, input: mut grad_in } = grads;
    let plane = side * side;
    for (o, (g_plane, gb)) in grad_out.chunks_exact(plane).zip(grad_b.iter_mut()).enumerate() {
        *gb += g_plane.iter().sum::<f32>();
        for c in 0..cin {
            let in_plane = &input[c * plane..(c + 1) * plane];
            let base = (o * cin + c) * KERNEL * KERNEL;
            for ky in 0..KERNEL {
                let (y0, y1) = valid_range(ky, side);
                for kx in 0..KERNEL {
                    let (x0, x1) = valid_range(kx, side);
                    let width = x1 - x0;
                    let mut acc = 0.0_f32;
                    for y in y0..y1 {
                        let src = (y + ky - 1) * side + x0 + kx - 1;
                        let g = &g_plane[y * side + x0..y * side + x1];
                        acc += dot(g, &in_plane[src..src + width]);
                    }
                    grad_w[base + ky * KERNEL + kx] += acc;
                    if let Some(gi) = grad_in.as_deref_mut() {
                        let w = weights[base + ky * KERNEL + kx];
                        let gi_plane = &mut gi[c * plane..(c + 1) * plane];
                        for y in y0..y1 {
                            let src = (y + ky - 1) * side + x0 + kx - 1;
                            axpy(&mut gi_plane[src..src + width], w, &g_plane[y * side + x0..y * side + x1]);
                        }
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ranges_clip_the_padding() {
        assert_eq!(valid_range(0, 5), (1, 5));
        assert_eq!(valid_range(1, 5), (0, 5));
        assert_eq!(valid_range(2, 5), (0, 4));
    }

    #[test]
    fn a_centre_tap_copies_and_a_shifted_tap_shifts() {
        // 1 → 1 channel, 3×3 image 1..9. Centre tap = identity.
        let img: Vec<f32> = (1..=9).map(|v| v as f32).collect();
        let mut w = [0.0_f32; 9];
        w[4] = 1.0;
        let mut out = [0.0_f32; 9];
        forward_relu(&img, 1, 3, &w, &[0.5], &mut out);
        assert_eq!(out.to_vec(), img.iter().map(|v| v + 0.5).collect::<Vec<_>>());
        // Tap (ky, kx) = (0, 0) reads pixel (y − 1, x − 1).
        let mut w = [0.0_f32; 9];
        w[0] = 1.0;
        forward_relu(&img, 1, 3, &w, &[0.0], &mut out);
        assert_eq!(out, [0.0, 0.0, 0.0, 0.0, 1.0, 2.0, 0.0, 4.0, 5.0]);
    }
}
