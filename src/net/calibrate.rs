//! The lesson's worked example on real faces: an anchor, a positive (same
//! identity, other lighting / pose / expression) and a negative (another
//! identity) whose embeddings give d_ap = 0.50 and d_an = 0.51 when rounded
//! to two decimals, so `max(0, d_ap − d_an + α)` is 0 at α = 0 and rounds to
//! 0.19 at α = 0.2.
//!
//! [`find_worked_example`] searches every triplet of a set of embeddings:
//! per anchor the negatives' distances are sorted once and a binary search
//! finds those near 0.51, so the search is O(B² log B). A triplet qualifies
//! when every displayed number is at least [`ROUNDING_GUARD`] away from a
//! rounding boundary (so a 1e-4 difference between the GPU and the CPU
//! forward passes cannot change what the app shows); among those it
//! minimises `|d_ap − 0.50| + |d_an − 0.51|`.

use serde::{Deserialize, Serialize};

use super::eval::squared_distance;

/// The lesson's d_ap.
pub const TARGET_D_AP: f64 = 0.50;
/// The lesson's d_an.
pub const TARGET_D_AN: f64 = 0.51;
/// The lesson's margin.
pub const LESSON_ALPHA: f64 = 0.2;
/// Least distance of every shown value from a rounding boundary (±0.005
/// around the two-decimal value).
pub const ROUNDING_GUARD: f64 = 0.002;

/// A chosen triplet (face indices) and its exact squared distances.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Triplet {
    /// The anchor.
    pub anchor: usize,
    /// The positive (same identity as the anchor).
    pub positive: usize,
    /// The negative (another identity).
    pub negative: usize,
    /// `‖e_a − e_p‖²`, accumulated in f64 from the f32 embeddings.
    pub d_ap: f64,
    /// `‖e_a − e_n‖²`.
    pub d_an: f64,
}

/// `assets/net/worked_example.json`: the triplet and the CRC-32 of the
/// weights that produce it (the checksum stored at the end of the weight
/// file, [`crate::net::Weights::file_checksum`]).
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct WorkedExample {
    /// Face index of the anchor in the atlas.
    pub anchor: usize,
    /// Face index of the positive.
    pub positive: usize,
    /// Face index of the negative.
    pub negative: usize,
    /// Its d_ap under those weights (CPU forward pass).
    pub d_ap: f64,
    /// Its d_an.
    pub d_an: f64,
    /// The weight file's stored checksum.
    pub weights_crc32: u32,
}

/// True when `x` rounds to `target` (two decimals) with at least
/// [`ROUNDING_GUARD`] to spare on both sides.
pub fn rounds_safely_to(x: f64, target: f64) -> bool {
    (x - target).abs() <= 0.005 - ROUNDING_GUARD
}

/// True when `(d_ap, d_an)` shows the lesson's numbers robustly: d_ap → 0.50,
/// d_an → 0.51, the loss at α = 0 is exactly 0 (d_an > d_ap) and at α = 0.2
/// rounds to 0.19, each at least [`ROUNDING_GUARD`] from a boundary.
pub fn qualifies(d_ap: f64, d_an: f64) -> bool {
    rounds_safely_to(d_ap, TARGET_D_AP)
        && rounds_safely_to(d_an, TARGET_D_AN)
        && d_an - d_ap >= ROUNDING_GUARD
        && rounds_safely_to(d_ap - d_an + LESSON_ALPHA, 0.19)
}

/// The distance of a triplet from the lesson's numbers.
pub fn score(d_ap: f64, d_an: f64) -> f64 {
    (d_ap - TARGET_D_AP).abs() + (d_an - TARGET_D_AN).abs()
}

/// The qualifying triplet of `embeddings` (`labels.len()` rows of `dim`)
/// closest to the lesson's numbers ([`score`]; ties: lowest anchor, then
/// positive, then smaller d_an and lower index), or `None` when no triplet
/// [`qualifies`].
///
/// # Panics
/// When `embeddings.len() != labels.len() · dim`.
pub fn find_worked_example(embeddings: &[f32], labels: &[u32], dim: usize) -> Option<Triplet> {
    search(embeddings, labels, dim, &|_| true, true)
}

/// The triplet closest to the lesson's numbers ([`score`]) whether it
/// qualifies or not, among the faces `i` with `allowed[i]` (all three of
/// them); `None` when those faces hold no triplet.
///
/// # Panics
/// When `embeddings.len() != labels.len() · dim` or `allowed.len() !=
/// labels.len()`.
pub fn closest_triplet(embeddings: &[f32], labels: &[u32], dim: usize, allowed: &[bool]) -> Option<Triplet> {
    assert_eq!(allowed.len(), labels.len(), "one flag per face is needed");
    search(embeddings, labels, dim, &|i| allowed[i], false)
}

/// Per anchor: the negatives sorted by distance once, then per positive a
/// binary search for those near [`TARGET_D_AN`] (the qualifying window when
/// `guarded`, else the two neighbours of the target).
fn search(
    embeddings: &[f32],
    labels: &[u32],
    dim: usize,
    allowed: &dyn Fn(usize) -> bool,
    guarded: bool,
) -> Option<Triplet> {
    assert_eq!(embeddings.len(), labels.len() * dim, "one embedding of {dim} values per label is needed");
    let n = labels.len();
    let row = |i: usize| &embeddings[i * dim..(i + 1) * dim];
    let window = 0.005 - ROUNDING_GUARD;
    let mut best: Option<(f64, Triplet)> = None;
    let mut negatives: Vec<(f64, usize)> = Vec::with_capacity(n);
    for a in (0..n).filter(|&a| allowed(a)) {
        negatives.clear();
        let others = (0..n).filter(|&j| labels[j] != labels[a] && allowed(j));
        negatives.extend(others.map(|j| (squared_distance(row(a), row(j)), j)));
        negatives.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
        let (lo, hi) = if guarded {
            let lo = negatives.partition_point(|x| x.0 < TARGET_D_AN - window);
            (lo, negatives.partition_point(|x| x.0 <= TARGET_D_AN + window))
        } else {
            let at = negatives.partition_point(|x| x.0 < TARGET_D_AN);
            (at.saturating_sub(1), (at + 1).min(negatives.len()))
        };
        if lo >= hi {
            continue;
        }
        for p in (0..n).filter(|&p| p != a && labels[p] == labels[a] && allowed(p)) {
            let d_ap = squared_distance(row(a), row(p));
            if guarded && !rounds_safely_to(d_ap, TARGET_D_AP) {
                continue;
            }
            for &(d_an, negative) in &negatives[lo..hi] {
                if guarded && !qualifies(d_ap, d_an) {
                    continue;
                }
                let s = score(d_ap, d_an);
                if best.is_none_or(|(b, _)| s < b) {
                    best = Some((s, Triplet { anchor: a, positive: p, negative, d_ap, d_an }));
                }
            }
        }
    }
    best.map(|(_, t)| t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_lesson_numbers_qualify_and_near_misses_do_not() {
        assert!(qualifies(0.50, 0.51));
        assert!(qualifies(0.5029, 0.5101));
        assert!(!qualifies(0.504, 0.51)); // too close to 0.505
        assert!(!qualifies(0.497, 0.513)); // loss 0.184 rounds to 0.18
        assert!(!qualifies(0.51, 0.50));
    }

    #[test]
    fn finds_the_closest_triplet_on_a_line() {
        // 1-D: anchor 0 at 0; positives at √0.5 ≈ 0.70711 and √0.49; negatives
        // at √0.512 and √0.6 (identity 1) and √0.5102 (identity 2).
        let x: Vec<f32> =
            [0.0, 0.5_f64.sqrt(), 0.49_f64.sqrt(), 0.512_f64.sqrt(), 0.6_f64.sqrt(), -(0.5102_f64.sqrt())]
                .iter()
                .map(|&v| v as f32)
                .collect();
        let t = find_worked_example(&x, &[0, 0, 0, 1, 1, 2], 1).unwrap();
        assert_eq!((t.anchor, t.positive, t.negative), (0, 1, 5));
        assert!(qualifies(t.d_ap, t.d_an));
        assert_eq!(find_worked_example(&x[..3], &[0, 0, 0], 1), None);
        // Without face 5 the closest allowed triplet is (0, 1, 3), qualifying
        // or not; without faces 1 and 5 it no longer qualifies.
        let t = closest_triplet(&x, &[0, 0, 0, 1, 1, 2], 1, &[true, true, true, true, true, false]).unwrap();
        assert_eq!((t.anchor, t.positive, t.negative), (0, 1, 3));
        let t = closest_triplet(&x, &[0, 0, 0, 1, 1, 2], 1, &[true, false, true, true, true, false]).unwrap();
        assert_eq!((t.anchor, t.positive, t.negative), (0, 2, 3));
        assert!(!qualifies(t.d_ap, t.d_an));
    }
}
