//! The two inner loops every layer is made of, `dot` and `axpy`, written as
//! plain index loops over slices of equal length: the bounds checks vanish
//! and they vectorise in release builds (SIMD natively, simd128 in wasm),
//! and they stay fast enough in unoptimised test builds, where iterator
//! adapters cost a function call per element.
//!
//! Floating-point sums are evaluated in the order written here (compilers do
//! not reassociate them), so the results are the same bits on every
//! platform.

/// `Σ aᵢ bᵢ` over the common length, in eight interleaved partial sums
/// `s₀ … s₇` (`sₖ` takes every element with `i mod 8 = k`) combined as
/// `((s₀ + s₄) + (s₂ + s₆)) + ((s₁ + s₅) + (s₃ + s₇))`, then the tail in
/// order.
#[inline]
pub(crate) fn dot(a: &[f32], b: &[f32]) -> f32 {
    let n = a.len().min(b.len());
    let (a, b) = (a[..n].chunks_exact(8), b[..n].chunks_exact(8));
    let (tail_a, tail_b) = (a.remainder(), b.remainder());
    let mut s = [0.0_f32; 8];
    for (x, y) in a.zip(b) {
        // Fixed-size chunks: no bounds checks, one SIMD multiply-add.
        let (x, y): (&[f32; 8], &[f32; 8]) = (x.try_into().unwrap_or(&[0.0; 8]), y.try_into().unwrap_or(&[0.0; 8]));
        s[0] += x[0] * y[0];
        s[1] += x[1] * y[1];
        s[2] += x[2] * y[2];
        s[3] += x[3] * y[3];
        s[4] += x[4] * y[4];
        s[5] += x[5] * y[5];
        s[6] += x[6] * y[6];
        s[7] += x[7] * y[7];
    }
    let mut total = ((s[0] + s[4]) + (s[2] + s[6])) + ((s[1] + s[5]) + (s[3] + s[7]));
    let mut i = 0;
    while i < tail_a.len() {
        total += tail_a[i] * tail_b[i];
        i += 1;
    }
    total
}

/// `yᵢ += w · xᵢ` over the common length.
#[inline]
pub(crate) fn axpy(y: &mut [f32], w: f32, x: &[f32]) {
    let n = y.len().min(x.len());
    let (y, x) = (&mut y[..n], &x[..n]);
    let mut i = 0;
    while i < n {
        y[i] += w * x[i];
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dot_and_axpy_of_any_length() {
        for n in 0..20 {
            let a: Vec<f32> = (0..n).map(|i| i as f32).collect();
            let expected: f32 = a.iter().map(|v| v * v).sum();
            assert_eq!(dot(&a, &a), expected);
            let mut y = vec![1.0; n];
            axpy(&mut y, 2.0, &a);
            assert!(y.iter().enumerate().all(|(i, &v)| v == 1.0 + 2.0 * i as f32));
        }
        assert_eq!(dot(&[1.0, 2.0, 3.0], &[1.0]), 1.0);
    }
}
