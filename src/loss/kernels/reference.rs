//! f64 reference kernels: the simplest possible loops, accumulated in f64,
//! over the same `f32` inputs as [`super::scalar`] and `super::simd128`.
//! Only the result type differs (f64). The tests compare the fast kernels
//! against these.

use super::HingeSum;

/// Squared Euclidean distance `‖a − b‖²` in f64.
///
/// # Panics
/// If `a` and `b` differ in length.
pub fn squared_distance(a: &[f32], b: &[f32]) -> f64 {
    assert_eq!(a.len(), b.len(), "vectors must have the same dimension");
    a.iter()
        .zip(b)
        .map(|(&x, &y)| {
            let d = f64::from(x) - f64::from(y);
            d * d
        })
        .sum()
}

/// Squared distances (f64) from `query` to every row of the row-major `set`.
///
/// # Panics
/// If `query` is empty or `set.len() != out.len() * query.len()`.
pub fn squared_distances(query: &[f32], set: &[f32], out: &mut [f64]) {
    let dim = query.len();
    assert!(dim > 0, "the query must have at least one component");
    assert_eq!(set.len(), out.len() * dim, "set must hold out.len() rows");
    for (o, row) in out.iter_mut().zip(set.chunks_exact(dim)) {
        *o = squared_distance(query, row);
    }
}

/// Elementwise hinge sum `Σᵢ max(0, aᵢ − bᵢ + α)` in f64; a term is active
/// when its f64 argument is strictly positive.
///
/// # Panics
/// If `a` and `b` differ in length.
pub fn hinge_sum(a: &[f32], b: &[f32], alpha: f32) -> HingeSum<f64> {
    assert_eq!(a.len(), b.len(), "hinge inputs must be equally long");
    let mut out = HingeSum::<f64>::default();
    for (&x, &y) in a.iter().zip(b) {
        add(&mut out, f64::from(x) - f64::from(y) + f64::from(alpha));
    }
    out
}

/// One row of the k×m hinge, `Σⱼ max(0, a − bⱼ + α)`, in f64.
pub fn hinge_sum_row(a: f32, b: &[f32], alpha: f32) -> HingeSum<f64> {
    let mut out = HingeSum::<f64>::default();
    for &y in b {
        add(&mut out, f64::from(a) - f64::from(y) + f64::from(alpha));
    }
    out
}

fn add(acc: &mut HingeSum<f64>, argument: f64) {
    if argument > 0.0 {
        acc.sum += argument;
        acc.active += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn squared_distances_by_hand() {
        assert_eq!(squared_distance(&[], &[]), 0.0);
        assert_eq!(squared_distance(&[0.0, 0.0], &[3.0, 4.0]), 25.0);
        // 0.1 is not exact in f32: the reference works on the f32 value.
        let tenth = f64::from(0.1_f32);
        assert_eq!(squared_distance(&[0.1], &[0.0]), tenth * tenth);
        let mut out = [0.0; 3];
        squared_distances(&[1.0, 1.0], &[1.0, 1.0, 2.0, 1.0, 1.0, -1.0], &mut out);
        assert_eq!(out, [0.0, 1.0, 4.0]);
    }

    #[test]
    fn hinges_by_hand() {
        // The case: d_ap = [0.25, 0.36] against d_an = 0.49, α = 0.2.
        let h = hinge_sum(&[0.25, 0.36], &[0.49, 0.49], 0.2);
        assert_eq!(h.active, 1);
        assert!((h.sum - 0.07).abs() < 1e-7);
        // Ties (argument exactly 0) are inactive, with or without a margin.
        assert_eq!(hinge_sum(&[1.0, 2.0], &[1.0, 2.0], 0.0), HingeSum { sum: 0.0, active: 0 });
        assert_eq!(hinge_sum_row(0.5, &[0.75, 0.25, 2.0], 0.25), HingeSum { sum: 0.5, active: 1 });
        assert_eq!(hinge_sum_row(0.5, &[], 0.25), HingeSum::default());
    }

    #[test]
    #[should_panic(expected = "equally long")]
    fn mismatched_lengths_panic() {
        hinge_sum(&[1.0], &[], 0.2);
    }
}
