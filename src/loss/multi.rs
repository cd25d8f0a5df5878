//! The lesson's second formula: one anchor, k positives and m negatives,
//! `L = Σᵢ Σⱼ max(0, ‖A − Pᵢ‖² − ‖A − Nⱼ‖² + α)`, with the reductions that
//! libraries use instead of the plain sum and the gradient of the sum.
//!
//! Points are stored contiguously: `positives` holds k vectors of `dim`
//! components one after the other, `negatives` holds m.

use super::kernels;
use super::triplet::{hinge, hinge_argument};

/// Everything the app shows about one anchor with its positives and negatives.
#[derive(Clone, Debug, PartialEq)]
pub struct KmEvaluation {
    /// Margin α used for every term.
    pub alpha: f32,
    /// `d_apᵢ = ‖A − Pᵢ‖²`, one per positive.
    pub d_ap: Vec<f32>,
    /// `d_anⱼ = ‖A − Nⱼ‖²`, one per negative.
    pub d_an: Vec<f32>,
    /// Hinge terms `max(0, d_apᵢ − d_anⱼ + α)`, row-major k×m (row = positive).
    pub terms: Vec<f32>,
    /// The lesson's loss: the sum of all k·m terms.
    pub sum: f32,
    /// Number of active (strictly positive) terms.
    pub active: usize,
}

impl KmEvaluation {
    /// Builds the evaluation from already computed distances (any convention).
    pub fn from_distances(d_ap: Vec<f32>, d_an: Vec<f32>, alpha: f32) -> KmEvaluation {
        let mut terms = Vec::with_capacity(d_ap.len() * d_an.len());
        for &ap in &d_ap {
            for &an in &d_an {
                terms.push(hinge(ap, an, alpha));
            }
        }
        // Summed in f64: a plain f32 sum of 64×64 terms drifts by ~1e-5
        // relative, visibly off in a 4-decimal readout (tests/extremes.rs).
        let sum = terms.iter().map(|t| f64::from(*t)).sum::<f64>() as f32;
        let active = terms.iter().filter(|t| **t > 0.0).count();
        KmEvaluation { alpha, d_ap, d_an, terms, sum, active }
    }

    /// The largest term (0 when there are none), e.g. for a colour scale.
    pub fn max_term(&self) -> f32 {
        self.terms.iter().copied().fold(0.0_f32, f32::max)
    }

    /// Number of positives k.
    pub fn k(&self) -> usize {
        self.d_ap.len()
    }

    /// Number of negatives m.
    pub fn m(&self) -> usize {
        self.d_an.len()
    }

    /// The hinge term for positive `i` and negative `j` (0-based).
    pub fn term(&self, i: usize, j: usize) -> f32 {
        self.terms[i * self.m() + j]
    }

    /// The hinge's argument `d_apᵢ − d_anⱼ + α` (may be negative).
    pub fn hinge_argument(&self, i: usize, j: usize) -> f32 {
        hinge_argument(self.d_ap[i], self.d_an[j], self.alpha)
    }

    /// Mean over all k·m terms (PyTorch's default reduction); 0 when there are none.
    pub fn mean(&self) -> f32 {
        if self.terms.is_empty() {
            0.0
        } else {
            self.sum / self.terms.len() as f32
        }
    }

    /// Mean over the active terms only; 0 when no term is active.
    pub fn mean_nonzero(&self) -> f32 {
        if self.active == 0 {
            0.0
        } else {
            self.sum / self.active as f32
        }
    }

    /// Fraction of the k·m terms that are active; 0 when there are none.
    pub fn active_fraction(&self) -> f32 {
        if self.terms.is_empty() {
            0.0
        } else {
            self.active as f32 / self.terms.len() as f32
        }
    }

    /// Batch-hard loss `max(0, maxᵢ d_apᵢ − minⱼ d_anⱼ + α)`; 0 when k or m is 0.
    pub fn batch_hard(&self) -> f32 {
        let hardest_positive = self.d_ap.iter().copied().fold(f32::NEG_INFINITY, f32::max);
        let hardest_negative = self.d_an.iter().copied().fold(f32::INFINITY, f32::min);
        if self.d_ap.is_empty() || self.d_an.is_empty() {
            0.0
        } else {
            hinge(hardest_positive, hardest_negative, self.alpha)
        }
    }
}

/// Evaluate the k×m triplet loss for `anchor` (length `dim`) against the
/// contiguous `positives` and `negatives` (lengths multiples of `dim`).
pub fn evaluate(anchor: &[f32], positives: &[f32], negatives: &[f32], dim: usize, alpha: f32) -> KmEvaluation {
    assert!(dim > 0 && anchor.len() == dim, "anchor must have `dim` components");
    assert!(
        positives.len().is_multiple_of(dim) && negatives.len().is_multiple_of(dim),
        "point sets must be whole vectors"
    );
    let mut d_ap = vec![0.0_f32; positives.len() / dim];
    let mut d_an = vec![0.0_f32; negatives.len() / dim];
    kernels::squared_distances(anchor, positives, &mut d_ap);
    kernels::squared_distances(anchor, negatives, &mut d_an);
    KmEvaluation::from_distances(d_ap, d_an, alpha)
}

/// Gradient of the summed k×m loss with respect to every point.
#[derive(Clone, Debug, PartialEq)]
pub struct KmGradient {
    /// ∂L/∂A (length `dim`).
    pub anchor: Vec<f32>,
    /// ∂L/∂Pᵢ, contiguous like the positives.
    pub positives: Vec<f32>,
    /// ∂L/∂Nⱼ, contiguous like the negatives.
    pub negatives: Vec<f32>,
}

/// Gradient of [`KmEvaluation::sum`]: every active term (i, j) contributes
/// `2(Nⱼ − Pᵢ)` to A, `2(Pᵢ − A)` to Pᵢ and `2(A − Nⱼ)` to Nⱼ; inactive terms
/// contribute nothing.
pub fn gradient(anchor: &[f32], positives: &[f32], negatives: &[f32], dim: usize, eval: &KmEvaluation) -> KmGradient {
    let mut g = KmGradient {
        anchor: vec![0.0; dim],
        positives: vec![0.0; positives.len()],
        negatives: vec![0.0; negatives.len()],
    };
    for (i, p) in positives.chunks_exact(dim).enumerate() {
        for (j, n) in negatives.chunks_exact(dim).enumerate() {
            if eval.term(i, j) <= 0.0 {
                continue;
            }
            for c in 0..dim {
                g.anchor[c] += 2.0 * (n[c] - p[c]);
                g.positives[i * dim + c] += 2.0 * (p[c] - anchor[c]);
                g.negatives[j * dim + c] += 2.0 * (anchor[c] - n[c]);
            }
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_hand_computed_case() {
        // A=(0,0), P=[(0.5,0),(0,0.6)], N=[(0.7,0),(0,1)], α=0.2.
        // d_ap = [0.25, 0.36], d_an = [0.49, 1.0]
        // terms: max(0,0.25-0.49+0.2)=0, max(0,0.25-1+0.2)=0,
        //        max(0,0.36-0.49+0.2)=0.07, max(0,0.36-1+0.2)=0 → sum 0.07, mean 0.0175.
        let e = evaluate(&[0.0, 0.0], &[0.5, 0.0, 0.0, 0.6], &[0.7, 0.0, 0.0, 1.0], 2, 0.2);
        assert!((e.sum - 0.07).abs() < 1e-6);
        assert!((e.mean() - 0.0175).abs() < 1e-6);
        assert_eq!(e.active, 1);
        assert!((e.mean_nonzero() - 0.07).abs() < 1e-6);
        assert!((e.batch_hard() - 0.07).abs() < 1e-6);
        assert_eq!(e.term(0, 0), 0.0);
        assert!((e.term(1, 0) - 0.07).abs() < 1e-6);
    }

    #[test]
    fn empty_sets_reduce_to_zero() {
        let e = evaluate(&[0.0, 0.0], &[], &[1.0, 1.0], 2, 0.2);
        assert_eq!((e.sum, e.mean(), e.mean_nonzero(), e.batch_hard(), e.active_fraction()), (0.0, 0.0, 0.0, 0.0, 0.0));
    }
}
