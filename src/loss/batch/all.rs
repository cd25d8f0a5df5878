//! Batch-all: every valid triplet (a, p, n) of the batch, with
//! `L = mean over active triplets of max(0, d_ap − d_an + α)`.
//!
//! Per anchor the negatives' distances are sorted once with f64 prefix sums
//! ([`SortedNegatives`]); each positive then costs one binary search, so the
//! whole loss is O(B²D) for the distance matrix plus O(B² log B) instead of
//! the naive O(B³). Negatives that are inactive even for the anchor's
//! farthest positive are dropped before sorting (exact: nothing they could
//! contribute is lost), which shrinks the sorts once training separates
//! the classes.

use super::{mean, Prepared};
use crate::loss::error::LossError;
use crate::loss::sorted::SortedNegatives;

/// The batch-all loss and its counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct BatchAll {
    /// Mean over active triplets, `sum / active`; 0 when none is active.
    pub loss: f64,
    /// Sum of all hinge terms.
    pub sum: f64,
    /// Number of active triplets (strictly positive term).
    pub active: u64,
    /// Number of valid triplets: anchor, positive p ≠ a of its label,
    /// negative of another label.
    pub valid: u64,
    /// `active / valid`; 0 when there is no valid triplet.
    pub fraction_positive: f64,
}

/// Batch-all loss of `embeddings` (B×`dim`, row-major) with `labels`.
///
/// Errors: see [`crate::loss::batch`].
pub fn batch_all(embeddings: &[f32], labels: &[u32], dim: usize, alpha: f32) -> Result<BatchAll, LossError> {
    let p = Prepared::new(embeddings, labels, dim, alpha)?;
    Ok(run(&p, alpha, None))
}

/// Batch-all loss and its gradient with respect to every embedding
/// (B×`dim`, row-major), the gradient of [`BatchAll::loss`] (the mean over
/// active triplets, whose count is piecewise constant; multiply by
/// `active` for the gradient of `sum`). Each active triplet contributes
/// `2(xₙ − xₚ)` to the anchor, `2(xₚ − xₐ)` to the positive and `2(xₐ − xₙ)`
/// to the negative; inactive triplets contribute nothing.
///
/// Errors: see [`crate::loss::batch`].
pub fn batch_all_with_gradient(
    embeddings: &[f32],
    labels: &[u32],
    dim: usize,
    alpha: f32,
) -> Result<(BatchAll, Vec<f32>), LossError> {
    let p = Prepared::new(embeddings, labels, dim, alpha)?;
    let mut w = vec![0.0_f32; p.b * p.b];
    let out = run(&p, alpha, Some(&mut w));
    let scale = if out.active == 0 { 0.0 } else { 1.0 / out.active as f32 };
    Ok((out, p.gradient(&w, scale)))
}

/// The O(B² log B) pass. With `weights`, also accumulates ∂sum/∂d(i, j):
/// `+c` on (a, p) where c negatives are active for (a, p), and `−(number of
/// positives for which n is active)` on (a, n).
fn run(p: &Prepared, alpha: f32, mut weights: Option<&mut [f32]>) -> BatchAll {
    let b = p.b;
    let (mut positives, mut negatives, mut d_an) = (Vec::new(), Vec::new(), Vec::new());
    let (mut order, mut histogram) = (Vec::new(), Vec::new());
    let mut sorted = SortedNegatives::default();
    let (mut sum, mut active, mut valid) = (0.0_f64, 0_u64, 0_u64);
    for a in 0..b {
        p.split(a, &mut positives, &mut negatives);
        valid += positives.len() as u64 * negatives.len() as u64;
        if positives.is_empty() || negatives.is_empty() {
            continue;
        }
        // Only negatives active for the farthest positive can be active for
        // any positive (the predicate is monotone in d_ap): sort just those.
        let farthest = positives.iter().map(|&q| p.d(a, q)).fold(f32::NEG_INFINITY, f32::max);
        negatives.retain(|&n| (farthest - p.d(a, n)) + alpha > 0.0);
        d_an.clear();
        d_an.extend(negatives.iter().map(|&n| p.d(a, n)));
        match weights {
            None => sorted.rebuild(&d_an),
            Some(_) => sorted.rebuild_with_order(&d_an, &mut order),
        }
        histogram.clear();
        histogram.resize(negatives.len() + 1, 0_u32);
        for &q in &positives {
            let (s, c) = sorted.hinge(p.d(a, q), alpha);
            sum += s;
            active += c as u64;
            if let Some(w) = weights.as_deref_mut() {
                w[a * b + q] += c as f32;
                histogram[c] += 1;
            }
        }
        if let Some(w) = weights.as_deref_mut() {
            // The negative of rank r is active for every positive with c > r.
            let mut above = 0_u32;
            for r in (0..negatives.len()).rev() {
                above += histogram[r + 1];
                w[a * b + negatives[order[r]]] -= above as f32;
            }
        }
    }
    BatchAll {
        loss: mean(sum, active),
        sum,
        active,
        valid,
        fraction_positive: if valid == 0 { 0.0 } else { active as f64 / valid as f64 },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The k×m case as a batch: A=(0,0), P=[(0.5,0),(0,0.6)] share
    /// label 0, N=[(0.7,0),(0,1)] have labels 1 and 2.
    fn case() -> (Vec<f32>, Vec<u32>) {
        (vec![0.0, 0.0, 0.5, 0.0, 0.0, 0.6, 0.7, 0.0, 0.0, 1.0], vec![0, 0, 0, 1, 2])
    }

    #[test]
    fn counts_of_a_small_batch() {
        let (x, labels) = case();
        let r = batch_all(&x, &labels, 2, 0.2).unwrap();
        // 3 anchors of label 0 × 2 positives × 2 negatives (anchors 3 and 4
        // have no positive). Active by hand: anchor 0: 0.36 − 0.49 + 0.2 =
        // 0.07; anchor 1: 0.25 − 0.04 + 0.2 = 0.41, 0.61 − 0.04 + 0.2 = 0.77;
        // anchor 2: 0.36 − 0.16 + 0.2 = 0.4, 0.61 − 0.16 + 0.2 = 0.65.
        assert_eq!((r.valid, r.active), (12, 5));
        assert!((r.sum - 2.3).abs() < 1e-6 && (r.loss - 0.46).abs() < 1e-6);
        assert!((r.fraction_positive - 5.0 / 12.0).abs() < 1e-12);
        let (same, g) = batch_all_with_gradient(&x, &labels, 2, 0.2).unwrap();
        assert_eq!((same, g.len()), (r, 10));
    }

    #[test]
    fn no_valid_triplet_is_zero() {
        let r = batch_all(&[0.0, 1.0, 2.0], &[7, 7, 7], 1, 0.2).unwrap();
        assert_eq!(r, BatchAll::default());
        let (r, g) = batch_all_with_gradient(&[0.0, 1.0, 2.0], &[1, 2, 3], 1, 0.2).unwrap();
        assert_eq!((r.valid, g), (0, vec![0.0; 3]));
    }

    #[test]
    fn far_negatives_are_inactive() {
        // 0 and 1 together, 10 and 11 together: every d_an ≥ 81 ≫ d_ap + α.
        let r = batch_all(&[0.0, 1.0, 10.0, 11.0], &[0, 0, 1, 1], 1, 0.5).unwrap();
        assert_eq!((r.valid, r.active, r.loss), (8, 0, 0.0));
    }
}
