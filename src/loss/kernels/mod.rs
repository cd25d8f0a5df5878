//! Hot loops of the loss engine on contiguous `f32` embeddings.
//!
//! Three implementations share the same shapes:
//!
//! * [`scalar`]: portable Rust with several independent accumulators (so
//!   LLVM can vectorise it natively); used natively and in wasm builds
//!   without SIMD.
//! * `simd128`: explicit `core::arch::wasm32` f32x4 code, compiled only for
//!   `cfg(all(target_arch = "wasm32", target_feature = "simd128"))` (the
//!   repo's `.cargo/config.toml` enables simd128 for every wasm build).
//! * [`reference`](mod@reference): straightforward f64 loops, the yardstick of the tests.
//!
//! [`sort`] sorts f32 values through order-preserving u32 keys (radix sort
//! for large arrays) for the sorted k×m hinge and the batch losses.
//!
//! The functions at this level dispatch to simd128 when it is compiled in
//! and to scalar otherwise; [`BACKEND`] says which. Kernels trust their
//! input (they are called in inner loops): mismatched lengths panic, and
//! NaN/∞ flow through. The checked entry point is [`distances`]; the
//! engine's higher-level functions validate their input and return
//! [`LossError`].

use super::error::{check_finite, check_rows, LossError};

pub mod reference;
pub mod scalar;
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub mod simd128;
pub mod sort;

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
use simd128 as backend;

#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
use scalar as backend;

/// Name of the implementation the dispatching functions use in this build:
/// `"simd128"` or `"scalar"`.
#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
pub const BACKEND: &str = "simd128";

/// Name of the implementation the dispatching functions use in this build:
/// `"simd128"` or `"scalar"`.
#[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
pub const BACKEND: &str = "scalar";

/// Result of a hinge-sum kernel: `Σ max(0, a − b + α)` and how many terms
/// were active. A term is active exactly when its argument `(a − b) + α`,
/// evaluated in the kernel's precision, is strictly positive; inactive terms
/// (including exact ties, argument 0) add nothing.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct HingeSum<T = f32> {
    /// Sum of the hinge terms.
    pub sum: T,
    /// Number of strictly positive terms.
    pub active: usize,
}

/// Squared Euclidean distance `‖a − b‖²`.
///
/// # Panics
/// If `a` and `b` differ in length.
#[inline]
pub fn squared_distance(a: &[f32], b: &[f32]) -> f32 {
    backend::squared_distance(a, b)
}

/// Squared distances from `query` (dim = `query.len()`) to every row of the
/// row-major `set`, written to `out` (one per row).
///
/// # Panics
/// If `query` is empty or `set.len() != out.len() * query.len()`.
#[inline]
pub fn squared_distances(query: &[f32], set: &[f32], out: &mut [f32]) {
    backend::squared_distances(query, set, out)
}

/// Elementwise hinge sum `Σᵢ max(0, aᵢ − bᵢ + α)` with the active count.
///
/// # Panics
/// If `a` and `b` differ in length.
#[inline]
pub fn hinge_sum(a: &[f32], b: &[f32], alpha: f32) -> HingeSum {
    backend::hinge_sum(a, b, alpha)
}

/// One row of the k×m hinge: `Σⱼ max(0, a − bⱼ + α)` with the active count.
#[inline]
pub fn hinge_sum_row(a: f32, b: &[f32], alpha: f32) -> HingeSum {
    backend::hinge_sum_row(a, b, alpha)
}

/// Checked squared distances from `query` to every `query.len()`-dimensional
/// row of `set`.
///
/// Errors: [`LossError::ZeroDimension`] for an empty query,
/// [`LossError::NotWholeVectors`] for a ragged set, [`LossError::NonFinite`]
/// for NaN/∞ in either input.
pub fn distances(query: &[f32], set: &[f32]) -> Result<Vec<f32>, LossError> {
    if query.is_empty() {
        return Err(LossError::ZeroDimension);
    }
    check_finite("query", query)?;
    let rows = check_rows("set", set, query.len())?;
    let mut out = vec![0.0; rows];
    squared_distances(query, set, &mut out);
    Ok(out)
}

/// Sums unsigned per-lane counters into one count.
#[inline]
fn total(counts: &[u32]) -> usize {
    counts.iter().map(|&c| c as usize).sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dispatch_matches_hand_values() {
        assert_eq!(squared_distance(&[0.0, 0.0, 1.0], &[3.0, 4.0, 1.0]), 25.0);
        let mut out = [0.0; 2];
        squared_distances(&[0.0, 0.0], &[0.5, 0.0, 0.0, 0.6], &mut out);
        assert_eq!(out, [0.25, 0.36]);
        let h = hinge_sum_row(0.36, &[0.49, 1.0], 0.2);
        assert_eq!(h.active, 1);
        assert!((h.sum - 0.07).abs() < 1e-6);
        let h = hinge_sum(&[0.25, 0.36], &[0.49, 0.49], 0.2);
        assert_eq!(h.active, 1);
        assert!(!BACKEND.is_empty());
    }

    #[test]
    fn checked_distances_reject_bad_input() {
        assert_eq!(distances(&[], &[]), Err(LossError::ZeroDimension));
        assert!(matches!(distances(&[0.0, 0.0], &[1.0; 3]), Err(LossError::NotWholeVectors { .. })));
        assert!(matches!(distances(&[f32::NAN], &[1.0]), Err(LossError::NonFinite { what: "query", .. })));
        assert_eq!(distances(&[1.0], &[]).unwrap(), Vec::<f32>::new());
        assert_eq!(distances(&[1.0], &[3.0, 0.0]).unwrap(), vec![4.0, 1.0]);
    }
}
