//! The exact k×m hinge sum `Σᵢ Σⱼ max(0, aᵢ − bⱼ + α)` in O((k + m) log m).
//!
//! With `aᵢ = d_apᵢ` and `bⱼ = d_anⱼ`, the negatives are sorted once and
//! given f64 prefix sums `P[c] = b₀ + … + b_{c−1}`. For one `a` the active
//! terms are exactly the smallest `c` values of `b` (the test below is
//! monotone in `b`), found by binary search, and their sum is
//! `c · (a + α) − P[c]`. Sorting costs O(m log m), the k searches
//! O(k log m); the naive double loop is O(k · m). At large k the searches,
//! each a chain of cache misses, dominate: from [`SWEEP_MIN`] queries on
//! the `a`s are sorted too and one forward pointer replaces the searches
//! (`c` only grows with `a`), O(k log k + m log m) with O(k + m) after the
//! sorts. Large arrays are radix-sorted ([`kernels::sort`]).
//!
//! # Active terms and ties
//! A term is active exactly when the f32 expression `(aᵢ − bⱼ) + α` is
//! strictly positive: the same expression, in the same precision, as the
//! naive path ([`km_hinge_naive`], the kernels, [`crate::loss::multi`]), so
//! the active count is identical on both paths. Because f32 subtraction and
//! addition round monotonically, that predicate is monotone in `bⱼ`, which
//! makes the binary search exact. Ties are inactive: `bⱼ == aᵢ + α` (with
//! α = 0: `bⱼ == aᵢ`) gives argument 0, which adds nothing and is not
//! counted. Active terms are summed in f64, so k = m = 10⁶ (10¹² terms) stays
//! accurate; counts are `u64` (10¹² overflows a 32-bit `usize` on wasm32).
//!
//! Empty sets are not errors: k = 0 or m = 0 gives sum 0 with 0 active.

use super::error::{check_alpha, check_finite, check_rows, check_vector, LossError};
use super::kernels;
use super::kernels::sort::{sort_f32_with, sort_order};

/// From this many `a`s on, [`km_hinge_sorted`] sorts them and sweeps
/// instead of one binary search per `a`.
pub const SWEEP_MIN: usize = 1 << 10;

/// Sum, active count and means of a k×m hinge sum.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct KmSummary {
    /// `Σᵢ Σⱼ max(0, aᵢ − bⱼ + α)`, accumulated in f64.
    pub sum: f64,
    /// Number of strictly positive terms.
    pub active: u64,
    /// Number of terms, k · m.
    pub terms: u64,
    /// Mean over the active terms, `sum / active`; 0 when none is active.
    pub mean_active: f64,
}

impl KmSummary {
    fn new(sum: f64, active: u64, terms: u64) -> Self {
        let mean_active = if active == 0 { 0.0 } else { sum / active as f64 };
        Self { sum, active, terms, mean_active }
    }

    /// Mean over all k · m terms (PyTorch's default reduction); 0 when k · m = 0.
    pub fn mean_all(&self) -> f64 {
        if self.terms == 0 {
            0.0
        } else {
            self.sum / self.terms as f64
        }
    }
}

/// Negative distances sorted ascending with f64 prefix sums: answers
/// "Σⱼ max(0, a − bⱼ + α) and how many are active" for any `a` in O(log m).
#[derive(Clone, Debug, Default)]
pub struct SortedNegatives {
    sorted: Vec<f32>,
    prefix: Vec<f64>,
    keys: Vec<u32>,
    scratch: Vec<u32>,
}

impl SortedNegatives {
    /// Sorts `b` (O(m log m)) and builds its prefix sums. Values should be
    /// finite; NaN would sort last and never be active.
    pub fn new(b: &[f32]) -> Self {
        let mut out = Self::default();
        out.rebuild(b);
        out
    }

    /// Like [`SortedNegatives::new`] but reuses the allocations.
    pub fn rebuild(&mut self, b: &[f32]) {
        self.sorted.clear();
        self.sorted.extend_from_slice(b);
        sort_f32_with(&mut self.sorted, &mut self.keys, &mut self.scratch);
        self.fill_prefix(b.len());
    }

    /// Like [`SortedNegatives::rebuild`], and also fills `order` with the
    /// sorting permutation: `sorted()[r] == b[order[r]]`.
    pub fn rebuild_with_order(&mut self, b: &[f32], order: &mut Vec<usize>) {
        sort_order(b, order);
        self.sorted.clear();
        self.sorted.extend(order.iter().map(|&i| b[i]));
        self.fill_prefix(b.len());
    }

    fn fill_prefix(&mut self, len: usize) {
        self.prefix.clear();
        self.prefix.reserve(len + 1);
        let mut running = 0.0_f64;
        self.prefix.push(running);
        for &v in &self.sorted {
            running += f64::from(v);
            self.prefix.push(running);
        }
    }

    /// The values, ascending.
    pub fn sorted(&self) -> &[f32] {
        &self.sorted
    }

    /// Number of active terms for `a`: how many `bⱼ` have `(a − bⱼ) + α > 0`
    /// in f32 (those are the smallest ones).
    pub fn active_count(&self, a: f32, alpha: f32) -> usize {
        self.sorted.partition_point(|&b| (a - b) + alpha > 0.0)
    }

    /// `(Σⱼ max(0, a − bⱼ + α), active count)`, the sum in f64.
    pub fn hinge(&self, a: f32, alpha: f32) -> (f64, usize) {
        let c = self.active_count(a, alpha);
        let sum = c as f64 * (f64::from(a) + f64::from(alpha)) - self.prefix[c];
        (sum, c)
    }

    /// `(Σᵢ Σⱼ max(0, aᵢ − bⱼ + α), active count)` for `a_ascending` sorted
    /// ascending: one forward pointer instead of a search per `aᵢ`, O(k + m).
    pub fn hinge_sweep(&self, a_ascending: &[f32], alpha: f32) -> (f64, u64) {
        debug_assert!(a_ascending.windows(2).all(|w| w[0] <= w[1]), "queries must be ascending");
        let (mut sum, mut active, mut c) = (0.0_f64, 0_u64, 0_usize);
        for &a in a_ascending {
            while c < self.sorted.len() && (a - self.sorted[c]) + alpha > 0.0 {
                c += 1;
            }
            sum += c as f64 * (f64::from(a) + f64::from(alpha)) - self.prefix[c];
            active += c as u64;
        }
        (sum, active)
    }

    /// Index (into [`SortedNegatives::sorted`]) of the smallest value strictly
    /// greater than `x`, if any.
    pub fn first_above(&self, x: f32) -> Option<usize> {
        let i = self.sorted.partition_point(|&b| b <= x);
        (i < self.sorted.len()).then_some(i)
    }
}

/// Exact k×m hinge sum by sorting `d_an`, prefix sums and binary search:
/// O((k + m) log m). See the module docs for ties and precision.
///
/// Errors: [`LossError::NonFinite`] for NaN/∞ in `d_ap`, `d_an` or `alpha`.
pub fn km_hinge_sorted(d_ap: &[f32], d_an: &[f32], alpha: f32) -> Result<KmSummary, LossError> {
    check_inputs(d_ap, d_an, alpha)?;
    let mut negatives = SortedNegatives::new(d_an);
    let (mut sum, mut active) = (0.0_f64, 0_u64);
    if d_ap.len() >= SWEEP_MIN {
        let mut a = d_ap.to_vec();
        sort_f32_with(&mut a, &mut negatives.keys, &mut negatives.scratch);
        (sum, active) = negatives.hinge_sweep(&a, alpha);
    } else {
        for &a in d_ap {
            let (s, c) = negatives.hinge(a, alpha);
            sum += s;
            active += c as u64;
        }
    }
    Ok(KmSummary::new(sum, active, terms(d_ap, d_an)))
}

/// The same k×m hinge sum by the naive double loop, O(k · m): one
/// [`kernels::hinge_sum_row`] per `aᵢ` (f32 within a row, f64 across rows).
/// Used to check and to benchmark [`km_hinge_sorted`].
///
/// Errors: as [`km_hinge_sorted`].
pub fn km_hinge_naive(d_ap: &[f32], d_an: &[f32], alpha: f32) -> Result<KmSummary, LossError> {
    check_inputs(d_ap, d_an, alpha)?;
    let (mut sum, mut active) = (0.0_f64, 0_u64);
    for &a in d_ap {
        let row = kernels::hinge_sum_row(a, d_an, alpha);
        sum += f64::from(row.sum);
        active += row.active as u64;
    }
    Ok(KmSummary::new(sum, active, terms(d_ap, d_an)))
}

/// The k×m loss of one anchor from embeddings: squared distances through
/// the kernels, then [`km_hinge_sorted`]. `positives` and `negatives` are
/// row-major sets of `dim`-dimensional vectors (possibly empty).
///
/// Errors: [`LossError::ZeroDimension`], [`LossError::DimensionMismatch`]
/// (anchor), [`LossError::NotWholeVectors`] (sets), [`LossError::NonFinite`].
pub fn km_loss(
    anchor: &[f32],
    positives: &[f32],
    negatives: &[f32],
    dim: usize,
    alpha: f32,
) -> Result<KmSummary, LossError> {
    check_vector("anchor", anchor, dim)?;
    let k = check_rows("positives", positives, dim)?;
    let m = check_rows("negatives", negatives, dim)?;
    check_alpha(alpha)?;
    let (mut d_ap, mut d_an) = (vec![0.0; k], vec![0.0; m]);
    kernels::squared_distances(anchor, positives, &mut d_ap);
    kernels::squared_distances(anchor, negatives, &mut d_an);
    km_hinge_sorted(&d_ap, &d_an, alpha)
}

fn check_inputs(d_ap: &[f32], d_an: &[f32], alpha: f32) -> Result<(), LossError> {
    check_finite("d_ap", d_ap)?;
    check_finite("d_an", d_an)?;
    check_alpha(alpha)
}

fn terms(d_ap: &[f32], d_an: &[f32]) -> u64 {
    d_ap.len() as u64 * d_an.len() as u64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_hand_computed_case() {
        // A=(0,0), P=[(0.5,0),(0,0.6)], N=[(0.7,0),(0,1)], α=0.2:
        // only (P₂, N₁) is active, 0.36 − 0.49 + 0.2 = 0.07.
        let s = km_loss(&[0.0, 0.0], &[0.5, 0.0, 0.0, 0.6], &[0.7, 0.0, 0.0, 1.0], 2, 0.2).unwrap();
        assert_eq!((s.active, s.terms), (1, 4));
        assert!((s.sum - 0.07).abs() < 1e-6 && (s.mean_active - 0.07).abs() < 1e-6);
        assert!((s.mean_all() - 0.0175).abs() < 1e-7);
        let naive = km_hinge_naive(&[0.25, 0.36], &[0.49, 1.0], 0.2).unwrap();
        assert_eq!(naive.active, 1);
        assert!((naive.sum - s.sum).abs() < 1e-6);
    }

    #[test]
    fn ties_are_inactive_and_empty_sets_are_zero() {
        // Exactly representable: 0.5 − 0.75 + 0.25 = 0 is a tie (inactive);
        // a = 1 is active against 0.75 (0.5) and 1.0 (0.25).
        let s = km_hinge_sorted(&[0.5, 1.0], &[0.75, 1.0, 2.0], 0.25).unwrap();
        let n = km_hinge_naive(&[0.5, 1.0], &[0.75, 1.0, 2.0], 0.25).unwrap();
        assert_eq!((s.active, n.active), (2, 2));
        assert_eq!((s.sum, n.sum), (0.75, 0.75));
        assert_eq!(km_hinge_sorted(&[1.0, 1.0], &[1.0; 3], 0.0).unwrap().active, 0);
        let empty = km_hinge_sorted(&[], &[1.0], 0.2).unwrap();
        assert_eq!(empty, KmSummary::default());
        assert_eq!(empty.mean_all(), 0.0);
        assert_eq!(km_loss(&[0.0], &[1.0], &[], 1, 0.2).unwrap().terms, 0);
    }

    #[test]
    fn errors() {
        assert!(matches!(km_hinge_sorted(&[f32::NAN], &[], 0.2), Err(LossError::NonFinite { what: "d_ap", .. })));
        assert!(matches!(km_hinge_naive(&[], &[], f32::INFINITY), Err(LossError::NonFinite { what: "alpha", .. })));
        assert!(matches!(km_loss(&[0.0], &[0.0; 2], &[], 2, 0.2), Err(LossError::DimensionMismatch { .. })));
        assert!(matches!(km_loss(&[0.0; 2], &[0.0; 3], &[], 2, 0.2), Err(LossError::NotWholeVectors { .. })));
    }

    #[test]
    fn first_above_is_strict() {
        let s = SortedNegatives::new(&[3.0, 1.0, 2.0]);
        assert_eq!(s.sorted(), &[1.0, 2.0, 3.0]);
        assert_eq!((s.first_above(2.0), s.first_above(0.0), s.first_above(3.0)), (Some(2), Some(0), None));
        let (mut t, mut order) = (SortedNegatives::default(), Vec::new());
        t.rebuild_with_order(&[3.0, 1.0, 2.0], &mut order);
        assert_eq!((t.sorted(), t.prefix.as_slice(), order), (s.sorted(), &[0.0, 1.0, 3.0, 6.0][..], vec![1, 2, 0]));
        // Sweep = one search per query, ties (a = 1.5, α = 0.5, b = 2) inactive.
        let queries = [0.0, 1.5, 2.5, 9.0];
        let searched = queries.iter().map(|&a| s.hinge(a, 0.5)).fold((0.0, 0), |(x, n), (y, m)| (x + y, n + m as u64));
        assert_eq!(s.hinge_sweep(&queries, 0.5), searched);
        assert_eq!(searched.1, 6);
    }
}
