//! Native tests of the loss engine: kernels against the f64 reference,
//! the sorted k×m hinge against the naive double loop, the batch losses
//! against their O(B³) definitions, gradients against finite differences.
//! (The simd128 kernels are tested in the browser: tests/engine_wasm.rs.)
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tripletlab::loss::batch::{self, pairwise_squared_distances};
use tripletlab::loss::error::LossError;
use tripletlab::loss::kernels::{self, reference, scalar};
use tripletlab::loss::sorted::{km_hinge_naive, km_hinge_sorted, km_loss, SWEEP_MIN};

fn config() -> ProptestConfig {
    ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() }
}

/// Continuous values, or quarter steps (exact in f32) to provoke ties.
fn value() -> impl Strategy<Value = f32> {
    prop_oneof![-4.0_f32..4.0, (-16_i32..=16).prop_map(|q| q as f32 * 0.25)]
}

fn margin() -> impl Strategy<Value = f32> {
    prop_oneof![Just(0.0_f32), Just(0.25), Just(0.5), 0.0_f32..1.0]
}

fn pairs(max: usize) -> impl Strategy<Value = (Vec<f32>, Vec<f32>)> {
    (0..=max).prop_flat_map(|n| (prop::collection::vec(value(), n), prop::collection::vec(value(), n)))
}

/// A labelled batch: (embeddings, labels, dim).
fn labelled(
    b: std::ops::RangeInclusive<usize>,
    d: usize,
    scale: f32,
) -> impl Strategy<Value = (Vec<f32>, Vec<u32>, usize)> {
    (b, 1..=d).prop_flat_map(move |(b, d)| {
        let x = prop::collection::vec(prop_oneof![-scale..scale, (-4_i32..=4).prop_map(|q| q as f32 * 0.25)], b * d);
        (x, prop::collection::vec(0_u32..3, b), Just(d))
    })
}

/// Hinge sum check: relative 1e-5 of the magnitudes involved; the active
/// count exactly, except for arguments within rounding of 0.
fn assert_hinge(fast: kernels::HingeSum, exact: kernels::HingeSum<f64>, args: impl Iterator<Item = (f64, f64)>) {
    let (mut scale, mut near_zero) = (1e-6_f64, 0_usize);
    for (arg, magnitude) in args {
        scale += magnitude;
        near_zero += usize::from(arg.abs() <= 1e-6 * magnitude);
    }
    assert!((f64::from(fast.sum) - exact.sum).abs() <= 1e-5 * scale, "{fast:?} vs {exact:?}");
    assert!(fast.active.abs_diff(exact.active) <= near_zero, "{fast:?} vs {exact:?}");
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn scalar_distances_match_f64((a, b) in pairs(67), dim in 1_usize..=9) {
        let exact = reference::squared_distance(&a, &b);
        prop_assert!((f64::from(scalar::squared_distance(&a, &b)) - exact).abs() <= 1e-5 * exact + 1e-12);
        prop_assert_eq!(kernels::squared_distance(&a, &b), scalar::squared_distance(&a, &b));
        let rows = b.len() / dim;
        let (query, set) = (&a[..dim.min(a.len())], &b[..rows * dim]);
        if query.len() == dim {
            let (mut fast, mut slow) = (vec![0.0; rows], vec![0.0; rows]);
            kernels::squared_distances(query, set, &mut fast);
            reference::squared_distances(query, set, &mut slow);
            for (f, s) in fast.iter().zip(&slow) {
                prop_assert!((f64::from(*f) - s).abs() <= 1e-5 * s + 1e-12);
            }
            prop_assert_eq!(kernels::distances(query, set).unwrap(), fast);
        }
    }

    #[test]
    fn scalar_hinges_match_f64((a, b) in pairs(67), alpha in margin()) {
        let mag = |x: f32, y: f32| f64::from(x.abs() + y.abs() + alpha.abs());
        let arg = |x: f32, y: f32| f64::from(x) - f64::from(y) + f64::from(alpha);
        let fast = scalar::hinge_sum(&a, &b, alpha);
        assert_hinge(fast, reference::hinge_sum(&a, &b, alpha), a.iter().zip(&b).map(|(&x, &y)| (arg(x, y), mag(x, y))));
        prop_assert_eq!(kernels::hinge_sum(&a, &b, alpha), fast);
        let x = a.first().copied().unwrap_or(0.5);
        let row = scalar::hinge_sum_row(x, &b, alpha);
        assert_hinge(row, reference::hinge_sum_row(x, &b, alpha), b.iter().map(|&y| (arg(x, y), mag(x, y))));
        prop_assert_eq!(kernels::hinge_sum_row(x, &b, alpha), row);
    }

    #[test]
    fn sorted_equals_naive_double_loop(
        // Few a's take one binary search each; from SWEEP_MIN on they are sorted and swept.
        d_ap in prop_oneof![prop::collection::vec(value(), 0..40), prop::collection::vec(value(), SWEEP_MIN..SWEEP_MIN + 64)],
        d_an in prop::collection::vec(value(), 0..40),
        alpha in margin(),
    ) {
        let fast = km_hinge_sorted(&d_ap, &d_an, alpha).unwrap();
        let (mut sum, mut active, mut scale) = (0.0_f64, 0_u64, 1e-9_f64);
        for &a in &d_ap {
            for &b in &d_an {
                // The documented predicate: the f32 argument is strictly positive.
                if (a - b) + alpha > 0.0 {
                    sum += f64::from(a) - f64::from(b) + f64::from(alpha);
                    active += 1;
                }
                scale += f64::from(a.abs() + b.abs() + alpha.abs());
            }
        }
        prop_assert_eq!(fast.active, active);
        prop_assert!((fast.sum - sum).abs() <= 1e-12 * scale, "{} vs {}", fast.sum, sum);
        let naive = km_hinge_naive(&d_ap, &d_an, alpha).unwrap();
        prop_assert_eq!(naive.active, active);
        prop_assert!((naive.sum - sum).abs() <= 1e-5 * scale);
        prop_assert_eq!(fast.terms, (d_ap.len() * d_an.len()) as u64);
    }

    #[test]
    fn batch_losses_equal_naive_definitions((x, labels, dim) in labelled(2..=12, 4, 2.0), alpha in margin()) {
        let d = pairwise_squared_distances(&x, dim).unwrap();
        let b = labels.len();
        for i in 0..b {
            for j in 0..b {
                let exact = reference::squared_distance(&x[i * dim..(i + 1) * dim], &x[j * dim..(j + 1) * dim]);
                prop_assert!((f64::from(d[i * b + j]) - exact).abs() <= 1e-5 * exact + 1e-12);
            }
        }
        let n = naive(&d, &labels, alpha);
        let all = batch::batch_all(&x, &labels, dim, alpha).unwrap();
        prop_assert_eq!((all.active, all.valid), (n.all_active, n.all_valid));
        prop_assert!((all.sum - n.all_sum).abs() <= 1e-9 * (1.0 + n.all_sum));
        let hard = batch::batch_hard(&x, &labels, dim, alpha).unwrap();
        prop_assert_eq!((hard.active, hard.anchors), (n.hard_active, n.hard_anchors));
        prop_assert!((hard.sum - n.hard_sum).abs() <= 1e-6 * (1.0 + n.hard_sum));
        let semi = batch::semi_hard(&x, &labels, dim, alpha).unwrap();
        prop_assert_eq!((semi.active, semi.pairs, semi.fallbacks), (n.semi_active, n.semi_pairs, n.semi_fallbacks));
        prop_assert!((semi.sum - n.semi_sum).abs() <= 1e-6 * (1.0 + n.semi_sum));
    }

    #[test]
    fn gradients_match_finite_differences((x, labels, dim) in labelled(3..=6, 3, 1.0), alpha in 0.1_f32..0.5) {
        let d = pairwise_squared_distances(&x, dim).unwrap();
        // Central differences are exact on the piecewise quadratic loss as
        // long as no hinge or arg-max switches within ±h: stay 0.03 away.
        prop_assume!(away_from_kinks(&d, &labels, alpha, 0.03));
        let (_, g_all) = batch::batch_all_with_gradient(&x, &labels, dim, alpha).unwrap();
        let (_, g_hard) = batch::batch_hard_with_gradient(&x, &labels, dim, alpha).unwrap();
        let h = 1e-3_f32;
        for c in 0..x.len() {
            let (mut plus, mut minus) = (x.clone(), x.clone());
            plus[c] += h;
            minus[c] -= h;
            let step = f64::from(plus[c]) - f64::from(minus[c]);
            let fd = |f: &dyn Fn(&[f32]) -> f64| (f(&plus) - f(&minus)) / step;
            let all = fd(&|y| batch::batch_all(y, &labels, dim, alpha).unwrap().loss);
            let hard = fd(&|y| batch::batch_hard(y, &labels, dim, alpha).unwrap().loss);
            prop_assert!((all - f64::from(g_all[c])).abs() <= 2e-3 * (1.0 + all.abs()), "batch-all {c}: {all} vs {}", g_all[c]);
            prop_assert!((hard - f64::from(g_hard[c])).abs() <= 2e-3 * (1.0 + hard.abs()), "batch-hard {c}: {hard} vs {}", g_hard[c]);
        }
    }
}

/// The O(B³) definitions, straight from the docs.
#[derive(Default)]
struct Naive {
    all_sum: f64,
    all_active: u64,
    all_valid: u64,
    hard_sum: f64,
    hard_active: u64,
    hard_anchors: u64,
    semi_sum: f64,
    semi_active: u64,
    semi_pairs: u64,
    semi_fallbacks: u64,
}

fn naive(d: &[f32], labels: &[u32], alpha: f32) -> Naive {
    let b = labels.len();
    let mut n = Naive::default();
    for a in 0..b {
        let pos: Vec<f32> = (0..b).filter(|&p| p != a && labels[p] == labels[a]).map(|p| d[a * b + p]).collect();
        let neg: Vec<f32> = (0..b).filter(|&q| labels[q] != labels[a]).map(|q| d[a * b + q]).collect();
        for &ap in &pos {
            for &an in &neg {
                n.all_valid += 1;
                if (ap - an) + alpha > 0.0 {
                    n.all_active += 1;
                    n.all_sum += f64::from(ap) - f64::from(an) + f64::from(alpha);
                }
            }
            if let Some(&largest) = neg.iter().max_by(|x, y| x.total_cmp(y)) {
                let semi = neg.iter().copied().filter(|&an| an > ap).min_by(|x, y| x.total_cmp(y));
                n.semi_fallbacks += u64::from(semi.is_none());
                let term = ((ap - semi.unwrap_or(largest)) + alpha).max(0.0);
                n.semi_pairs += 1;
                n.semi_active += u64::from(term > 0.0);
                n.semi_sum += f64::from(term);
            }
        }
        if let (Some(hp), Some(hn)) = (pos.iter().copied().reduce(f32::max), neg.iter().copied().reduce(f32::min)) {
            let term = ((hp - hn) + alpha).max(0.0);
            n.hard_anchors += 1;
            n.hard_active += u64::from(term > 0.0);
            n.hard_sum += f64::from(term);
        }
    }
    n
}

/// No triplet argument within `gap` of 0 and no near tie for the hardest
/// positive or negative of any anchor.
fn away_from_kinks(d: &[f32], labels: &[u32], alpha: f32, gap: f32) -> bool {
    let b = labels.len();
    let clear = |mut v: Vec<f32>| {
        v.sort_by(f32::total_cmp);
        v.windows(2).all(|w| w[1] - w[0] > gap)
    };
    (0..b).all(|a| {
        let pos: Vec<f32> = (0..b).filter(|&p| p != a && labels[p] == labels[a]).map(|p| d[a * b + p]).collect();
        let neg: Vec<f32> = (0..b).filter(|&q| labels[q] != labels[a]).map(|q| d[a * b + q]).collect();
        pos.iter().all(|&ap| neg.iter().all(|&an| ((ap - an) + alpha).abs() > gap)) && clear(pos) && clear(neg)
    })
}

#[test]
fn issue_hand_computed_case() {
    // A=(0,0), P=[(0.5,0),(0,0.6)], N=[(0.7,0),(0,1)], α=0.2 → sum 0.07, mean 0.0175, 1 active.
    let s = km_loss(&[0.0, 0.0], &[0.5, 0.0, 0.0, 0.6], &[0.7, 0.0, 0.0, 1.0], 2, 0.2).unwrap();
    assert_eq!(s.active, 1);
    assert!((s.sum - 0.07).abs() < 1e-6);
    assert!((s.mean_all() - 0.0175).abs() < 1e-7);
    assert!((s.mean_active - 0.07).abs() < 1e-6);
}

#[test]
fn a_million_by_a_million_stays_accurate() {
    // bⱼ = j·2⁻²⁰ and aᵢ = (i mod 8)/8 are exact in f32, so row i has
    // c = #{j : j·2⁻²⁰ < aᵢ + α} active terms summing to c(aᵢ + α) − 2⁻²⁰·c(c − 1)/2.
    let (k, m, alpha) = (1_000_000_usize, 1_000_000_usize, 0.25_f32);
    let d_an: Vec<f32> = (0..m).map(|j| j as f32 / 1_048_576.0).collect();
    let d_ap: Vec<f32> = (0..k).map(|i| (i % 8) as f32 / 8.0).collect();
    let s = km_hinge_sorted(&d_ap, &d_an, alpha).unwrap();
    let (mut sum, mut active) = (0.0_f64, 0_u64);
    for &a in &d_ap {
        let c = (((f64::from(a) + 0.25) * 1_048_576.0).ceil() as u64).min(m as u64);
        active += c;
        sum += c as f64 * (f64::from(a) + 0.25) - (c as f64) * (c as f64 - 1.0) / 2.0 / 1_048_576.0;
    }
    assert_eq!((s.active, s.terms), (active, 1_000_000_000_000));
    assert!((s.sum - sum).abs() <= 1e-12 * sum, "{} vs {sum}", s.sum);
}

#[test]
fn invalid_input_gives_typed_errors() {
    let e = batch::batch_all(&[0.0, f32::NAN], &[0, 1], 1, 0.2).unwrap_err();
    assert_eq!(e, LossError::NonFinite { what: "embeddings", index: 1 });
    assert!(e.to_string().contains("not a finite number"));
    assert_eq!(
        batch::batch_hard(&[0.0; 3], &[0, 1], 2, 0.2),
        Err(LossError::NotWholeVectors { what: "embeddings", len: 3, dim: 2 })
    );
    assert_eq!(batch::semi_hard(&[0.0; 2], &[0], 2, 0.2), Err(LossError::TooFewEmbeddings { found: 1 }));
    assert_eq!(
        batch::batch_all(&[0.0; 4], &[0, 1, 2], 2, 0.2),
        Err(LossError::LabelCountMismatch { embeddings: 2, labels: 3 })
    );
    assert_eq!(batch::batch_all(&[0.0; 4], &[0, 1], 0, 0.2), Err(LossError::ZeroDimension));
    assert_eq!(
        km_loss(&[0.0], &[0.0; 2], &[], 2, 0.2),
        Err(LossError::DimensionMismatch { what: "anchor", expected: 2, found: 1 })
    );
    assert!(matches!(
        km_hinge_sorted(&[1.0], &[f32::INFINITY], 0.2),
        Err(LossError::NonFinite { what: "d_an", index: 0 })
    ));
    // Empty sets are defined, not errors.
    assert_eq!(km_hinge_sorted(&[], &[], 0.2).unwrap().active, 0);
}
