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
    Ok(run(&p, alpha, None))
}

/// Semi-hard loss and the gradient of [`SemiHard::loss`] with respect to
/// every embedding (B×`dim`, row-major). Every active pair contributes
/// `2(xₙ − xₚ)`, `2(xₚ − xₐ)`, `2(xₐ − xₙ)` for its chosen negative, divided
/// by `pairs`; the choice of the negative is treated as fixed (it is
/// piecewise constant). Among negatives at exactly the same distance the
/// gradient goes to the lowest index (the loss is the same for any of them).
///
/// Errors: see [`crate::loss::batch`].
pub fn semi_hard_with_gradient(
    embeddings: &[f32],
    labels: &[u32],
    dim: usize,
    alpha: f32,
) -> Result<(SemiHard, Vec<f32>), LossError> {
    let p = Prepared::new(embeddings, labels, dim, alpha)?;
    let mut w = vec![0.0_f32; p.b * p.b];
    let out = run(&p, alpha, Some(&mut w));
    let scale = if out.pairs == 0 { 0.0 } else { 1.0 / out.pairs as f32 };
    Ok((out, p.gradient(&w, scale)))
}

/// The O(B² log B) pass. With `weights`, also accumulates ∂sum/∂d(i, j):
/// `+1` on (a, p) and `−1` on (a, chosen n) for every active pair.
fn run(p: &Prepared, alpha: f32, mut weights: Option<&mut [f32]>) -> SemiHard {
    let (mut positives, mut negatives, mut d_an, mut order) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let mut sorted = SortedNegatives::default();
    let mut out = SemiHard::default();
    for a in 0..p.b {
        p.split(a, &mut positives, &mut negatives);
        if positives.is_empty() || negatives.is_empty() {
            continue;
        }
        d_an.clear();
        d_an.extend(negatives.iter().map(|&n| p.d(a, n)));
        match weights {
            None => sorted.rebuild(&d_an),
            Some(_) => sorted.rebuild_with_order(&d_an, &mut order),
        }
        let values = sorted.sorted();
        for &q in &positives {
            let d_ap = p.d(a, q);
            let rank = match sorted.first_above(d_ap) {
                Some(i) => i,
                None => {
                    out.fallbacks += 1;
                    values.len() - 1
                }
            };
            let (term, active) = hinge_term(d_ap, values[rank], alpha);
            out.pairs += 1;
            out.active += u64::from(active);
            out.sum += f64::from(term);
            if let (true, Some(w)) = (active, weights.as_deref_mut()) {
                w[a * p.b + q] += 1.0;
                w[a * p.b + negatives[order[rank]]] -= 1.0;
            }
        }
    }
    out.loss = mean(out.sum, out.pairs);
    out
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

    /// Loss of the semi-hard triplets chosen at `x`, with the choice frozen:
    /// the finite differences below stay inside one piece.
    fn frozen_loss(x: &[f64], dim: usize, alpha: f64, chosen: &[(usize, usize, usize)]) -> f64 {
        let d = |i: usize, j: usize| (0..dim).map(|k| (x[i * dim + k] - x[j * dim + k]).powi(2)).sum::<f64>();
        chosen.iter().map(|&(a, q, n)| (d(a, q) - d(a, n) + alpha).max(0.0)).sum::<f64>()
    }

    #[test]
    fn gradient_matches_finite_differences() {
        // 3 labels × 3 points in 2-D at irregular places (no ties).
        let x: Vec<f32> = vec![
            0.0, 0.1, 0.31, -0.2, 0.12, 0.44, 0.9, 0.05, 0.62, 0.41, 1.13, 0.27, -0.5, 0.8, -0.21, 0.57, -0.37, 1.02,
        ];
        let labels = [0, 0, 0, 1, 1, 1, 2, 2, 2];
        let (dim, alpha) = (2, 0.5_f32);
        let (r, g) = semi_hard_with_gradient(&x, &labels, dim, alpha).unwrap();
        assert_eq!(r, semi_hard(&x, &labels, dim, alpha).unwrap());
        assert!(r.active > 0 && r.active < r.pairs, "the case should mix active and inactive pairs: {r:?}");
        // The chosen triplets, by brute force on the definition.
        let d = |i: usize, j: usize| (0..dim).map(|k| (x[i * dim + k] - x[j * dim + k]).powi(2)).sum::<f32>();
        let mut chosen = Vec::new();
        for a in 0..9 {
            for q in (0..9).filter(|&q| q != a && labels[q] == labels[a]) {
                let negs: Vec<usize> = (0..9).filter(|&n| labels[n] != labels[a]).collect();
                let above =
                    negs.iter().copied().filter(|&n| d(a, n) > d(a, q)).min_by(|&i, &j| d(a, i).total_cmp(&d(a, j)));
                let n =
                    above.unwrap_or_else(|| negs.iter().copied().max_by(|&i, &j| d(a, i).total_cmp(&d(a, j))).unwrap());
                chosen.push((a, q, n));
            }
        }
        let x64: Vec<f64> = x.iter().map(|&v| f64::from(v)).collect();
        let pairs = r.pairs as f64;
        assert!((frozen_loss(&x64, dim, 0.5, &chosen) / pairs - r.loss).abs() < 1e-6);
        let h = 1e-6;
        for i in 0..x.len() {
            let (mut up, mut down) = (x64.clone(), x64.clone());
            up[i] += h;
            down[i] -= h;
            let fd = (frozen_loss(&up, dim, 0.5, &chosen) - frozen_loss(&down, dim, 0.5, &chosen)) / (2.0 * h * pairs);
            assert!((fd - f64::from(g[i])).abs() < 1e-4, "component {i}: finite differences {fd}, gradient {}", g[i]);
        }
    }
}
