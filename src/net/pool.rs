//! 2×2, stride 2 max pooling of [`super::arch`], forward and backward. The
//! window is read in row-major order and the *first* maximum wins (strict
//! `>`), which decides where the backward pass sends the gradient.

/// Max-pools `channels` planes of `side × side` into `side/2 × side/2`,
/// writing the maxima into `out` and, per output, the winning position in
/// its window (`2·dy + dx`, 0..4) into `arg`.
pub(crate) fn forward(input: &[f32], channels: usize, side: usize, out: &mut [f32], arg: &mut [u8]) {
    let half = side / 2;
    for c in 0..channels {
        let plane = &input[c * side * side..(c + 1) * side * side];
        for py in 0..half {
            let top = &plane[2 * py * side..(2 * py + 1) * side];
            let bottom = &plane[(2 * py + 1) * side..(2 * py + 2) * side];
            let o = c * half * half + py * half;
            for px in 0..half {
                let (mut best, mut at) = (top[2 * px], 0_u8);
                if top[2 * px + 1] > best {
                    (best, at) = (top[2 * px + 1], 1);
                }
                if bottom[2 * px] > best {
                    (best, at) = (bottom[2 * px], 2);
                }
                if bottom[2 * px + 1] > best {
                    (best, at) = (bottom[2 * px + 1], 3);
                }
                out[o + px] = best;
                arg[o + px] = at;
            }
        }
    }
}

/// Sends each pooled gradient to its window's winner, through the ReLU that
/// precedes the pooling: a winner whose (ReLU-ed) value is 0 had a
/// non-positive pre-activation and gets nothing. Overwrites `grad_in`
/// (`channels × side × side`).
pub(crate) fn backward_relu(
    grad_out: &[f32],
    pooled: &[f32],
    arg: &[u8],
    channels: usize,
    side: usize,
    grad_in: &mut [f32],
) {
    grad_in.fill(0.0);
    let half = side / 2;
    for c in 0..channels {
        for py in 0..half {
            for px in 0..half {
                let o = c * half * half + py * half + px;
                if pooled[o] > 0.0 {
                    let (dy, dx) = (usize::from(arg[o] / 2), usize::from(arg[o] % 2));
                    grad_in[c * side * side + (2 * py + dy) * side + 2 * px + dx] = grad_out[o];
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_maximum_wins() {
        // One 4×4 plane, four windows; ties go to the first in row-major order.
        #[rustfmt::skip]
        let x = [
            1.0, 3.0,  0.0, 0.0,
            3.0, 2.0,  0.0, 0.0,
            5.0, 5.0,  7.0, 1.0,
            5.0, 5.0,  2.0, 9.0,
        ];
        let (mut out, mut arg) = ([0.0; 4], [0_u8; 4]);
        forward(&x, 1, 4, &mut out, &mut arg);
        assert_eq!(out, [3.0, 0.0, 5.0, 9.0]);
        assert_eq!(arg, [1, 0, 0, 3]);
        let mut g = [9.0; 16];
        backward_relu(&[1.0, 2.0, 3.0, 4.0], &out, &arg, 1, 4, &mut g);
        assert_eq!(g.iter().sum::<f32>(), 1.0 + 3.0 + 4.0);
        assert_eq!((g[1], g[8], g[15]), (1.0, 3.0, 4.0));
    }
}
