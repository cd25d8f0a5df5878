//! Triplet losses over a labelled batch of B embeddings.
//!
//! Input: `embeddings`, B row-major vectors of `dim` f32 components, and
//! `labels` (`&[u32]`, one per embedding). For an anchor `a`, a *positive* is
//! any `p ≠ a` with the same label, a *negative* any `n` with another label.
//! Distances are squared Euclidean, as in the lesson.
//!
//! * [`pairwise_squared_distances`]: the B×B matrix every loss starts from.
//! * [`all`]: batch-all, mean over active triplets, O(B²D + B² log B).
//! * [`hard`]: batch-hard (hardest positive and negative per anchor).
//! * [`semihard`]: FaceNet / TF Addons semi-hard mining.
//!
//! Loss values are f64 (they are accumulated in f64); each hinge term is
//! decided in f32 exactly like the kernels, so a term is active when
//! `(d_ap − d_an) + α > 0` and ties (argument 0) are inactive. Every function
//! validates its input: NaN/∞, ragged embeddings, B < 2, a label count other
//! than B, or a non-finite α give a [`LossError`].
//!
//! # Distance matrix: direct differences, not the Gram trick
//! `‖x − y‖² = ‖x‖² + ‖y‖² − 2 x·y` turns the matrix into one matrix
//! product, but in f32 it cancels catastrophically when x ≈ y (it can even go
//! negative), and the hinge compares `d_ap − d_an` with −α, exactly where
//! small absolute errors flip terms on and off. Without a BLAS the product
//! has no speed advantage anyway, so we compute `Σ (xₖ − yₖ)²` directly
//! (same O(B²D), exact zeros on the diagonal, never negative), only for
//! j > i (the matrix is symmetric), in tiles of [`TILE`]×[`TILE`] rows so
//! both row blocks stay in cache.

use super::error::{check_alpha, check_batch, check_rows, LossError};
use super::kernels;

pub mod all;
pub mod hard;
pub mod semihard;

pub use all::{batch_all, batch_all_with_gradient, BatchAll};
pub use hard::{batch_hard, batch_hard_with_gradient, BatchHard};
pub use semihard::{semi_hard, SemiHard};

/// Rows per tile of the blocked distance matrix.
pub const TILE: usize = 32;

/// The B×B matrix of squared distances `‖xᵢ − xⱼ‖²` (row-major, symmetric,
/// zero diagonal) of the `dim`-dimensional rows of `embeddings`; B may be 0.
///
/// Errors: [`LossError::ZeroDimension`], [`LossError::NotWholeVectors`],
/// [`LossError::NonFinite`].
pub fn pairwise_squared_distances(embeddings: &[f32], dim: usize) -> Result<Vec<f32>, LossError> {
    let b = check_rows("embeddings", embeddings, dim)?;
    Ok(distance_matrix(embeddings, dim, b))
}

fn distance_matrix(embeddings: &[f32], dim: usize, b: usize) -> Vec<f32> {
    let mut m = vec![0.0_f32; b * b];
    for i0 in (0..b).step_by(TILE) {
        for j0 in (i0..b).step_by(TILE) {
            let j1 = (j0 + TILE).min(b);
            for i in i0..(i0 + TILE).min(b) {
                let j_start = j0.max(i + 1);
                if j_start >= j1 {
                    continue;
                }
                let query = &embeddings[i * dim..(i + 1) * dim];
                let rows = &embeddings[j_start * dim..j1 * dim];
                kernels::squared_distances(query, rows, &mut m[i * b + j_start..i * b + j1]);
                for j in j_start..j1 {
                    m[j * b + i] = m[i * b + j];
                }
            }
        }
    }
    m
}

/// A validated batch with its distance matrix.
pub(crate) struct Prepared<'a> {
    pub(crate) b: usize,
    pub(crate) dim: usize,
    pub(crate) embeddings: &'a [f32],
    pub(crate) labels: &'a [u32],
    pub(crate) dist: Vec<f32>,
}

impl<'a> Prepared<'a> {
    /// Validates the batch and α and computes the distance matrix.
    pub(crate) fn new(embeddings: &'a [f32], labels: &'a [u32], dim: usize, alpha: f32) -> Result<Self, LossError> {
        let b = check_batch(embeddings, labels, dim)?;
        check_alpha(alpha)?;
        Ok(Self { b, dim, embeddings, labels, dist: distance_matrix(embeddings, dim, b) })
    }

    /// `d(i, j)`.
    pub(crate) fn d(&self, i: usize, j: usize) -> f32 {
        self.dist[i * self.b + j]
    }

    /// Fills the positives and negatives of anchor `a` (ascending indices).
    pub(crate) fn split(&self, a: usize, positives: &mut Vec<usize>, negatives: &mut Vec<usize>) {
        positives.clear();
        negatives.clear();
        for (j, &label) in self.labels.iter().enumerate() {
            if label != self.labels[a] {
                negatives.push(j);
            } else if j != a {
                positives.push(j);
            }
        }
    }

    /// Gradient of `scale · Σᵢⱼ wᵢⱼ ‖xᵢ − xⱼ‖²` with respect to every
    /// embedding (B×dim, row-major), for a B×B weight matrix `w` (the
    /// derivative of a loss with respect to each pairwise distance):
    /// `∂/∂xᵢ = 2 · scale · Σⱼ (wᵢⱼ + wⱼᵢ)(xᵢ − xⱼ)`. O(B²D).
    pub(crate) fn gradient(&self, w: &[f32], scale: f32) -> Vec<f32> {
        let (b, dim) = (self.b, self.dim);
        let mut g = vec![0.0_f32; b * dim];
        for i in 0..b {
            let gi = &mut g[i * dim..(i + 1) * dim];
            let xi = &self.embeddings[i * dim..(i + 1) * dim];
            let mut total = 0.0_f32;
            for j in 0..b {
                let s = w[i * b + j] + w[j * b + i];
                if s != 0.0 {
                    total += s;
                    for (gk, xk) in gi.iter_mut().zip(&self.embeddings[j * dim..(j + 1) * dim]) {
                        *gk -= s * xk;
                    }
                }
            }
            for (gk, xk) in gi.iter_mut().zip(xi) {
                *gk = 2.0 * scale * (*gk + total * xk);
            }
        }
        g
    }
}

/// `(d_ap − d_an) + α` decided in f32 like every kernel: the term and
/// whether it is active.
pub(crate) fn hinge_term(d_ap: f32, d_an: f32, alpha: f32) -> (f32, bool) {
    let argument = (d_ap - d_an) + alpha;
    if argument > 0.0 {
        (argument, true)
    } else {
        (0.0, false)
    }
}

/// `numerator / denominator`, 0 when the denominator is 0.
pub(crate) fn mean(numerator: f64, denominator: u64) -> f64 {
    if denominator == 0 {
        0.0
    } else {
        numerator / denominator as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matrix_is_symmetric_with_zero_diagonal() {
        // 40 points on a line: crosses a tile boundary.
        let x: Vec<f32> = (0..40).map(|i| i as f32).collect();
        let m = pairwise_squared_distances(&x, 1).unwrap();
        for i in 0..40 {
            for j in 0..40 {
                assert_eq!(m[i * 40 + j], ((i as f32) - (j as f32)).powi(2));
            }
        }
        assert!(pairwise_squared_distances(&[], 3).unwrap().is_empty());
        assert!(pairwise_squared_distances(&[1.0; 3], 2).is_err());
    }

    #[test]
    fn gradient_of_one_pair() {
        // w₀₁ = 1: L = ‖x₀ − x₁‖², ∂/∂x₀ = 2(x₀ − x₁), ∂/∂x₁ = −2(x₀ − x₁).
        let p = Prepared::new(&[1.0, 2.0, 0.0, 0.0], &[0, 1], 2, 0.2).unwrap();
        assert_eq!(p.gradient(&[0.0, 1.0, 0.0, 0.0], 1.0), vec![2.0, 4.0, -2.0, -4.0]);
        assert!(matches!(Prepared::new(&[0.0; 2], &[0, 1], 2, 0.2), Err(LossError::TooFewEmbeddings { found: 1 })));
        assert!(matches!(
            Prepared::new(&[0.0; 4], &[0, 1], 2, f32::NAN),
            Err(LossError::NonFinite { what: "alpha", .. })
        ));
    }
}
