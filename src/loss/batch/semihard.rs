//! Semi-hard mining as in FaceNet (Schroff et al. 2015) and TF Addons'
//! `triplet_semihard_loss`, on squared distances (TF's "squared-L2").
//!
//! For every anchor-positive pair (a, p) the negative is the one with the
//! smallest `d_an` such that `d_an > d_ap` (strictly: the semi-hard band
//! `d_ap < d_an`). If no negative is farther than the positive, TF Addons
//! falls back to the *largest* `d_an` of the anchor (its easiest negative),
//! and so do we. The loss is `Σ max(0, d_ap − d_an + α)` divided by the
//! number of anchor-positive pairs (TF divides by all of them, active or
//! not). One deliberate difference: TF also counts pairs whose anchor has
//! no negative at all (it then uses a degenerate distance); we skip those,
//! so [`SemiHard::pairs`] only counts pairs with a negative to choose from.
//! Per anchor the negatives are sorted once, each pair is a binary search:
//! O(B²D + B² log B).

use super::{hinge_term, mean, Prepared};
use crate::loss::error::LossError;
use crate::loss::sorted::SortedNegatives;

/// The semi-hard loss and its counts.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct SemiHard {
    /// `sum / pairs`; 0 when there is no pair.
    pub loss: f64,
    /// Sum of the per-pair terms.
    pub sum: f64,
    /// Pairs whose term is strictly positive.
    pub active: u64,
    /// Anchor-positive pairs (p ≠ a, same label) whose anchor has a negative.
    pub pairs: u64,
    /// Pairs that had no negative farther than the positive and used the
    /// largest `d_an` instead.
    pub fallbacks: u64,
}

/// Semi-hard loss of `embeddings` (B×`dim`, row-major) with `labels`.
///
/// Errors: see [`crate::loss::batch`].
pub fn semi_hard(embeddings: &[f32], labels: &[u32], dim: usize, alpha: f32) -> Result<SemiHard, LossError> {
    let p = Prepared::new(embeddings, labels, dim, alpha)?;
    let (mut positives, mut negatives, mut d_an) = (Vec::new(), Vec::new(), Vec::new());
    let mut sorted = SortedNegatives::default();
    let mut out = SemiHard::default();
    for a in 0..p.b {
        p.split(a, &mut positives, &mut negatives);
        if positives.is_empty() || negatives.is_empty() {
            continue;
        }
        d_an.clear();
        d_an.extend(negatives.iter().map(|&n| p.d(a, n)));
        sorted.rebuild(&d_an);
        let values = sorted.sorted();
        for &q in &positives {
            let d_ap = p.d(a, q);
            let chosen = match sorted.first_above(d_ap) {
                Some(i) => values[i],
                None => {
                    out.fallbacks += 1;
                    values[values.len() - 1]
                }
            };
            let (term, active) = hinge_term(d_ap, chosen, alpha);
            out.pairs += 1;
            out.active += u64::from(active);
            out.sum += f64::from(term);
        }
    }
    out.loss = mean(out.sum, out.pairs);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hand_computed_batch() {
        // See all.rs. Anchor 0: p=1 (0.25) → 0.49: −0.04; p=2 (0.36) → 0.49:
        // 0.07. Anchor 1: negatives 0.04, 1.25 → 1.25 for both: inactive.
        // Anchor 2: negatives 0.16, 0.85 → 0.85 for both: inactive.
        let x = [0.0, 0.0, 0.5, 0.0, 0.0, 0.6, 0.7, 0.0, 0.0, 1.0];
        let r = semi_hard(&x, &[0, 0, 0, 1, 2], 2, 0.2).unwrap();
        assert_eq!((r.pairs, r.active, r.fallbacks), (6, 1, 0));
        assert!((r.sum - 0.07).abs() < 1e-6 && (r.loss - 0.07 / 6.0).abs() < 1e-7);
    }

    #[test]
    fn falls_back_to_the_largest_negative() {
        // Anchor 0 at 0, positive at 3 (d_ap = 9), negatives at 1 and 2
        // (1, 4): none beyond 9 → use 4: 9 − 4 + 0.5 = 5.5.
        let r = semi_hard(&[0.0, 3.0, 1.0, 2.0], &[0, 0, 1, 1], 1, 0.5).unwrap();
        // Anchor 1 (at 3): d_ap = 9, negatives 4 and 1: fallback 4 → 5.5.
        // Anchors 2 (at 1) and 3 (at 2): d_ap = 1, negatives 1 and 4 (from
        // 0 and 3) or 4 and 1: first strictly above 1 is 4: 1 − 4 + 0.5 < 0.
        assert_eq!((r.pairs, r.fallbacks, r.active), (4, 2, 2));
        assert!((r.sum - 11.0).abs() < 1e-6 && (r.loss - 2.75).abs() < 1e-6);
        let r = semi_hard(&[0.0, 1.0], &[3, 3], 1, 0.5).unwrap();
        assert_eq!(r, SemiHard::default());
    }
}
