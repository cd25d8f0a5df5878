//! Batch-hard (Hermans et al. 2017): per anchor only its hardest positive
//! (largest `d_ap` over same-label `p ≠ a`) and hardest negative (smallest
//! `d_an` over other labels), `L = mean over anchors that have both of
//! max(0, max d_ap − min d_an + α)`. O(B²D) for the matrix, O(B²) after.
//! Ties pick the lowest index.

use super::{hinge_term, mean, Prepared};
use crate::loss::error::LossError;

/// The hardest pair chosen for one anchor.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Hardest {
    /// Index of the hardest positive.
    pub positive: usize,
    /// Index of the hardest negative.
    pub negative: usize,
    /// Its `d_ap`.
    pub d_ap: f32,
    /// Its `d_an`.
    pub d_an: f32,
    /// `max(0, d_ap − d_an + α)`.
    pub term: f32,
}

/// The batch-hard loss, its counts and the chosen pairs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct BatchHard {
    /// Mean of the terms over the anchors that have a positive and a
    /// negative (`sum / anchors`); 0 when no anchor has both.
    pub loss: f64,
    /// Sum of the per-anchor terms.
    pub sum: f64,
    /// Anchors whose term is strictly positive.
    pub active: u64,
    /// Anchors that have at least one positive and one negative.
    pub anchors: u64,
    /// Per anchor, its hardest pair; `None` without positive or negative.
    pub hardest: Vec<Option<Hardest>>,
}

/// Batch-hard loss of `embeddings` (B×`dim`, row-major) with `labels`.
///
/// Errors: see [`crate::loss::batch`].
pub fn batch_hard(embeddings: &[f32], labels: &[u32], dim: usize, alpha: f32) -> Result<BatchHard, LossError> {
    let p = Prepared::new(embeddings, labels, dim, alpha)?;
    Ok(run(&p, alpha))
}

/// Batch-hard loss and the gradient of [`BatchHard::loss`] with respect to
/// every embedding (B×`dim`, row-major). Every active anchor contributes
/// `2(xₙ − xₚ)`, `2(xₚ − xₐ)`, `2(xₐ − xₙ)` for its hardest pair, divided by
/// `anchors`; the arg-max/arg-min selection is treated as fixed (it is
/// piecewise constant).
///
/// Errors: see [`crate::loss::batch`].
pub fn batch_hard_with_gradient(
    embeddings: &[f32],
    labels: &[u32],
    dim: usize,
    alpha: f32,
) -> Result<(BatchHard, Vec<f32>), LossError> {
    let p = Prepared::new(embeddings, labels, dim, alpha)?;
    let out = run(&p, alpha);
    let mut w = vec![0.0_f32; p.b * p.b];
    for (a, h) in out.hardest.iter().enumerate() {
        if let Some(h) = h.filter(|h| h.term > 0.0) {
            w[a * p.b + h.positive] += 1.0;
            w[a * p.b + h.negative] -= 1.0;
        }
    }
    let scale = if out.anchors == 0 { 0.0 } else { 1.0 / out.anchors as f32 };
    let g = p.gradient(&w, scale);
    Ok((out, g))
}

/// The best candidate so far: index and distance.
type Pick = Option<(usize, f32)>;

fn run(p: &Prepared, alpha: f32) -> BatchHard {
    let mut out = BatchHard { hardest: Vec::with_capacity(p.b), ..BatchHard::default() };
    for a in 0..p.b {
        let (mut pos, mut neg): (Pick, Pick) = (None, None);
        for (j, &label) in p.labels.iter().enumerate() {
            let d = p.d(a, j);
            if label != p.labels[a] {
                if neg.is_none_or(|(_, best)| d < best) {
                    neg = Some((j, d));
                }
            } else if j != a && pos.is_none_or(|(_, best)| d > best) {
                pos = Some((j, d));
            }
        }
        let hardest = pos.zip(neg).map(|((positive, d_ap), (negative, d_an))| {
            let (term, active) = hinge_term(d_ap, d_an, alpha);
            out.anchors += 1;
            out.active += u64::from(active);
            out.sum += f64::from(term);
            Hardest { positive, negative, d_ap, d_an, term }
        });
        out.hardest.push(hardest);
    }
    out.loss = mean(out.sum, out.anchors);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_batch() {
        // See all.rs: anchor 0 → (2, 3) 0.07, anchor 1 → (2, 3) 0.77,
        // anchor 2 → (1, 4) 0.65; anchors 3 and 4 have no positive.
        let x = [0.0, 0.0, 0.5, 0.0, 0.0, 0.6, 0.7, 0.0, 0.0, 1.0];
        let r = batch_hard(&x, &[0, 0, 0, 1, 2], 2, 0.2).unwrap();
        assert_eq!((r.anchors, r.active), (3, 3));
        assert!((r.sum - 1.49).abs() < 1e-6 && (r.loss - 1.49 / 3.0).abs() < 1e-6);
        let pairs: Vec<_> = r.hardest.iter().map(|h| h.map(|h| (h.positive, h.negative))).collect();
        assert_eq!(pairs, vec![Some((2, 3)), Some((2, 3)), Some((1, 4)), None, None]);
        let (same, g) = batch_hard_with_gradient(&x, &[0, 0, 0, 1, 2], 2, 0.2).unwrap();
        assert_eq!((same, g.len()), (r, 10));
    }

    #[test]
    fn ties_pick_the_lowest_index_and_inactive_anchors_count() {
        // Anchor 0 at 0; positives 1 and 2 both at distance 1; negatives at ±3.
        let r = batch_hard(&[0.0, 1.0, -1.0, 3.0, -3.0], &[0, 0, 0, 1, 1], 1, 0.5).unwrap();
        let h = r.hardest[0].unwrap();
        assert_eq!((h.positive, h.negative, h.term), (1, 3, 0.0));
        assert_eq!(r.anchors, 5);
        let (r, g) = batch_hard_with_gradient(&[0.0, 10.0], &[0, 1], 1, 0.5).unwrap();
        assert_eq!((r.anchors, r.loss, g), (0, 0.0, vec![0.0, 0.0]));
    }
}
