//! Dense (fully connected) layers, `y = W x + b` with `W` as `[out][in]`,
//! forward and backward.

use super::vecops::{axpy, dot};

/// `out = W x + b` (then ReLU when `relu`), `W` is `out.len() × x.len()`.
pub(crate) fn forward(weights: &[f32], bias: &[f32], x: &[f32], relu: bool, out: &mut [f32]) {
    for ((o, row), &b) in out.iter_mut().zip(weights.chunks_exact(x.len())).zip(bias) {
        let v = b + dot(row, x);
        *o = if relu { v.max(0.0) } else { v };
    }
}

/// Backward of `y = W x + b` for one input: adds `g xᵀ` to `grad_w` and `g`
/// to `grad_b`, and when `grad_x` is given overwrites it with `Wᵀ g`.
pub(crate) fn backward(
    weights: &[f32],
    x: &[f32],
    grad_y: &[f32],
    grad_w: &mut [f32],
    grad_b: &mut [f32],
    grad_x: Option<&mut [f32]>,
) {
    for ((row, &g), gb) in grad_w.chunks_exact_mut(x.len()).zip(grad_y).zip(grad_b.iter_mut()) {
        *gb += g;
        if g != 0.0 {
            axpy(row, g, x);
        }
    }
    if let Some(gx) = grad_x {
        gx.fill(0.0);
        for (row, &g) in weights.chunks_exact(x.len()).zip(grad_y) {
            if g != 0.0 {
                axpy(gx, g, row);
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn forward_and_backward_of_a_2x3_layer() {
        let w = [1.0, 2.0, 3.0, -1.0, 0.0, 1.0];
        let mut y = [0.0; 2];
        forward(&w, &[0.5, -10.0], &[1.0, 1.0, 1.0], true, &mut y);
        assert_eq!(y, [6.5, 0.0]);
        let (mut gw, mut gb, mut gx) = ([0.0; 6], [0.0; 2], [0.0; 3]);
        backward(&w, &[1.0, 2.0, 3.0], &[1.0, 2.0], &mut gw, &mut gb, Some(&mut gx));
        assert_eq!(gw, [1.0, 2.0, 3.0, 2.0, 4.0, 6.0]);
        assert_eq!((gb, gx), ([1.0, 2.0], [-1.0, 2.0, 5.0]));
    }
}
