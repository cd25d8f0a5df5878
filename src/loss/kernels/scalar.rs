//! Portable kernels: plain Rust over `f32` with [`LANES`] independent
//! accumulators per loop.
//!
//! Independent accumulators break the sequential dependency of a single
//! running sum, so the CPU can overlap additions and LLVM may map the lanes
//! onto native vector registers (SSE/AVX/NEON) without changing the result.
//! Used natively and in wasm builds compiled without simd128.

use super::{total, HingeSum};

/// Number of independent accumulators (lanes) per loop.
pub const LANES: usize = 8;

/// Adds the lanes pairwise (less rounding than a left fold).
#[inline]
fn reduce(acc: [f32; LANES]) -> f32 {
    ((acc[0] + acc[4]) + (acc[1] + acc[5])) + ((acc[2] + acc[6]) + (acc[3] + acc[7]))
}

/// The hinge of one argument `(a − b) + α` as (term, is-active), with the
/// same predicate as every other kernel: active ⇔ argument > 0.
#[inline(always)]
fn hinge(argument: f32) -> (f32, u32) {
    if argument > 0.0 {
        (argument, 1)
    } else {
        (0.0, 0)
    }
}

/// Squared Euclidean distance `‖a − b‖²`.
///
/// # Panics
/// If `a` and `b` differ in length.
pub fn squared_distance(a: &[f32], b: &[f32]) -> f32 {
    assert_eq!(a.len(), b.len(), "vectors must have the same dimension");
    let mut acc = [0.0_f32; LANES];
    let (mut xs, mut ys) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    for (x, y) in (&mut xs).zip(&mut ys) {
        for l in 0..LANES {
            let d = x[l] - y[l];
            acc[l] += d * d;
        }
    }
    let mut tail = 0.0_f32;
    for (x, y) in xs.remainder().iter().zip(ys.remainder()) {
        let d = x - y;
        tail += d * d;
    }
    reduce(acc) + tail
}

/// Squared distances from `query` (dim = `query.len()`) to every row of the
/// row-major `set`, written to `out`.
///
/// # Panics
/// If `query` is empty or `set.len() != out.len() * query.len()`.
pub fn squared_distances(query: &[f32], set: &[f32], out: &mut [f32]) {
    let dim = query.len();
    assert!(dim > 0, "the query must have at least one component");
    assert_eq!(set.len(), out.len() * dim, "set must hold out.len() rows");
    if dim == 2 {
        // The app's 2-D case: inline the two products instead of a call per row.
        let (q0, q1) = (query[0], query[1]);
        for (o, row) in out.iter_mut().zip(set.chunks_exact(2)) {
            let (d0, d1) = (row[0] - q0, row[1] - q1);
            *o = d0 * d0 + d1 * d1;
        }
        return;
    }
    for (o, row) in out.iter_mut().zip(set.chunks_exact(dim)) {
        *o = squared_distance(query, row);
    }
}

/// Elementwise hinge sum `Σᵢ max(0, aᵢ − bᵢ + α)` with the active count.
///
/// # Panics
/// If `a` and `b` differ in length.
pub fn hinge_sum(a: &[f32], b: &[f32], alpha: f32) -> HingeSum {
    assert_eq!(a.len(), b.len(), "hinge inputs must be equally long");
    let mut acc = [0.0_f32; LANES];
    let mut count = [0_u32; LANES];
    let (mut xs, mut ys) = (a.chunks_exact(LANES), b.chunks_exact(LANES));
    for (x, y) in (&mut xs).zip(&mut ys) {
        for l in 0..LANES {
            let (t, c) = hinge((x[l] - y[l]) + alpha);
            acc[l] += t;
            count[l] += c;
        }
    }
    let (mut tail, mut tail_count) = (0.0_f32, 0_u32);
    for (x, y) in xs.remainder().iter().zip(ys.remainder()) {
        let (t, c) = hinge((x - y) + alpha);
        tail += t;
        tail_count += c;
    }
    HingeSum { sum: reduce(acc) + tail, active: total(&count) + tail_count as usize }
}

/// One row of the k×m hinge: `Σⱼ max(0, a − bⱼ + α)` with the active count.
pub fn hinge_sum_row(a: f32, b: &[f32], alpha: f32) -> HingeSum {
    let mut acc = [0.0_f32; LANES];
    let mut count = [0_u32; LANES];
    let mut ys = b.chunks_exact(LANES);
    for y in &mut ys {
        for l in 0..LANES {
            let (t, c) = hinge((a - y[l]) + alpha);
            acc[l] += t;
            count[l] += c;
        }
    }
    let (mut tail, mut tail_count) = (0.0_f32, 0_u32);
    for y in ys.remainder() {
        let (t, c) = hinge((a - y) + alpha);
        tail += t;
        tail_count += c;
    }
    HingeSum { sum: reduce(acc) + tail, active: total(&count) + tail_count as usize }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn remainders_and_ties() {
        let a: Vec<f32> = (0..11).map(|i| i as f32).collect();
        let b = vec![0.0; 11];
        assert_eq!(squared_distance(&a, &b), 385.0);
        // α = 0 and a == b: every argument is exactly 0, so nothing is active.
        assert_eq!(hinge_sum(&a, &a, 0.0), HingeSum { sum: 0.0, active: 0 });
        assert_eq!(hinge_sum_row(1.0, &[1.0; 9], 0.0).active, 0);
        assert_eq!(hinge_sum_row(1.0, &[1.0; 9], 0.5), HingeSum { sum: 4.5, active: 9 });
        let mut out = [0.0; 3];
        squared_distances(&[1.0, 1.0, 1.0], &[1.0; 9], &mut out);
        assert_eq!(out, [0.0; 3]);
    }
}
