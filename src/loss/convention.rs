//! Distance conventions a learner meets, evaluated on the same points:
//!
//! * **squared** Euclidean `‖a − b‖²` — the lesson's formula (default);
//! * plain **Euclidean** `‖a − b‖`;
//! * **PyTorch**'s `TripletMarginLoss`: `‖a − b + ε‖` with ε = 1e-6 added to
//!   every component of the difference (`pairwise_distance`), whose default
//!   reduction is the mean over terms.
//!
//! The k×m evaluation and its gradient are generic over the convention; the
//! squared case goes through the SIMD engine in [`super::multi`].

use super::multi::{self, KmEvaluation, KmGradient};

/// PyTorch's `eps` in `pairwise_distance` / `TripletMarginLoss`.
pub const PYTORCH_EPS: f32 = 1e-6;

/// How the distance inside the hinge is measured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Convention {
    /// `‖a − b‖²`, the lesson's.
    #[default]
    Squared,
    /// `‖a − b‖`.
    Euclidean,
    /// `‖a − b + ε‖`, ε = 1e-6 per component (PyTorch).
    PyTorch,
}

impl Convention {
    /// All conventions, in display order.
    pub const ALL: [Convention; 3] = [Convention::Squared, Convention::Euclidean, Convention::PyTorch];

    /// Stable value for the `convention` select and URLs.
    pub fn value(self) -> &'static str {
        match self {
            Convention::Squared => "squared",
            Convention::Euclidean => "euclidean",
            Convention::PyTorch => "pytorch",
        }
    }

    /// Parses a stable value.
    pub fn from_value(v: &str) -> Option<Convention> {
        Convention::ALL.into_iter().find(|c| c.value() == v)
    }

    /// The distance between `a` and `b` under this convention.
    pub fn distance(self, a: &[f32], b: &[f32]) -> f32 {
        match self {
            Convention::Squared => super::kernels::squared_distance(a, b),
            Convention::Euclidean => super::kernels::squared_distance(a, b).sqrt(),
            Convention::PyTorch => {
                a.iter().zip(b).map(|(x, y)| (x - y + PYTORCH_EPS) * (x - y + PYTORCH_EPS)).sum::<f32>().sqrt()
            }
        }
    }

    /// ∂distance(a, b)/∂a, added into `out` times `scale` (∂/∂b is its negative).
    ///
    /// At `a = b` the Euclidean distance has no derivative (its formula gives
    /// 0/0 = NaN); we use the subgradient 0 there. PyTorch's ε moves the kink
    /// off `a = b`, which is exactly why it adds ε.
    pub fn add_gradient_wrt_a(self, a: &[f32], b: &[f32], scale: f32, out: &mut [f32]) {
        match self {
            Convention::Squared => {
                for ((o, x), y) in out.iter_mut().zip(a).zip(b) {
                    *o += scale * 2.0 * (x - y);
                }
            }
            Convention::Euclidean | Convention::PyTorch => {
                let eps = if self == Convention::PyTorch { PYTORCH_EPS } else { 0.0 };
                let d = self.distance(a, b);
                if d > 0.0 {
                    for ((o, x), y) in out.iter_mut().zip(a).zip(b) {
                        *o += scale * (x - y + eps) / d;
                    }
                }
            }
        }
    }
}

/// The k×m loss under `convention` (contiguous points of `dim` components).
pub fn evaluate(
    convention: Convention,
    anchor: &[f32],
    positives: &[f32],
    negatives: &[f32],
    dim: usize,
    alpha: f32,
) -> KmEvaluation {
    if convention == Convention::Squared {
        return multi::evaluate(anchor, positives, negatives, dim, alpha);
    }
    let dist = |set: &[f32]| set.chunks_exact(dim).map(|x| convention.distance(anchor, x)).collect::<Vec<f32>>();
    KmEvaluation::from_distances(dist(positives), dist(negatives), alpha)
}

/// Gradient of the summed k×m loss under `convention`: each active term
/// (i, j) adds ∂d(A,Pᵢ)/∂· − ∂d(A,Nⱼ)/∂·; inactive terms add nothing.
pub fn gradient(
    convention: Convention,
    anchor: &[f32],
    positives: &[f32],
    negatives: &[f32],
    dim: usize,
    eval: &KmEvaluation,
) -> KmGradient {
    let mut g = KmGradient {
        anchor: vec![0.0; dim],
        positives: vec![0.0; positives.len()],
        negatives: vec![0.0; negatives.len()],
    };
    let m = eval.m();
    // How many active terms each positive / negative takes part in.
    let row_active: Vec<f32> =
        (0..eval.k()).map(|i| (0..m).filter(|&j| eval.term(i, j) > 0.0).count() as f32).collect();
    let col_active: Vec<f32> =
        (0..m).map(|j| (0..eval.k()).filter(|&i| eval.term(i, j) > 0.0).count() as f32).collect();
    for (i, p) in positives.chunks_exact(dim).enumerate() {
        if row_active[i] > 0.0 {
            convention.add_gradient_wrt_a(anchor, p, row_active[i], &mut g.anchor);
            convention.add_gradient_wrt_a(anchor, p, -row_active[i], &mut g.positives[i * dim..(i + 1) * dim]);
        }
    }
    for (j, n) in negatives.chunks_exact(dim).enumerate() {
        if col_active[j] > 0.0 {
            convention.add_gradient_wrt_a(anchor, n, -col_active[j], &mut g.anchor);
            convention.add_gradient_wrt_a(anchor, n, col_active[j], &mut g.negatives[j * dim..(j + 1) * dim]);
        }
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pytorch_convention_on_the_lesson_distances() {
        // A=(0,0), P=(√0.5,0), N=(0,√0.51), margin 0.2 → 0.1929639… (squared: 0.19).
        let (a, p, n) = ([0.0_f32, 0.0], [0.5_f32.sqrt(), 0.0], [0.0, 0.51_f32.sqrt()]);
        let e = evaluate(Convention::PyTorch, &a, &p, &n, 2, 0.2);
        assert!((e.sum - 0.192_963_9).abs() < 2e-6, "{}", e.sum);
        let s = evaluate(Convention::Squared, &a, &p, &n, 2, 0.2);
        assert!((s.sum - 0.19).abs() < 1e-6);
        let eu = evaluate(Convention::Euclidean, &a, &p, &n, 2, 0.2);
        assert!((eu.sum as f64 - (0.5_f64.sqrt() - 0.51_f64.sqrt() + 0.2)).abs() < 1e-6);
    }

    #[test]
    fn squared_gradient_agrees_with_the_engine_formula() {
        let (a, p, n) = ([0.1_f32, -0.2, 0.3], [0.5, 0.4, -0.1, 0.2, 0.0, 0.9], [0.3, 0.3, 0.3, -1.0, 0.5, 0.2]);
        let e = evaluate(Convention::Squared, &a, &p, &n, 3, 0.8);
        let (mine, engine) = (gradient(Convention::Squared, &a, &p, &n, 3, &e), multi::gradient(&a, &p, &n, 3, &e));
        let flat = |g: &KmGradient| [g.anchor.clone(), g.positives.clone(), g.negatives.clone()].concat();
        assert!(e.active > 0 && e.active < 4, "mixed active/inactive terms: {}", e.active);
        for (x, y) in flat(&mine).iter().zip(flat(&engine)) {
            assert!((x - y).abs() < 1e-5, "{x} vs {y}");
        }
    }

    #[test]
    fn euclidean_gradient_is_zero_not_nan_at_coincident_points() {
        let a = [0.3_f32, 0.3];
        let e = evaluate(Convention::Euclidean, &a, &a, &a, 2, 0.2);
        assert_eq!(e.sum, 0.2);
        let g = gradient(Convention::Euclidean, &a, &a, &a, 2, &e);
        assert!(g.anchor.iter().chain(&g.positives).chain(&g.negatives).all(|v| *v == 0.0));
        let gp = gradient(Convention::PyTorch, &a, &a, &a, 2, &evaluate(Convention::PyTorch, &a, &a, &a, 2, 0.2));
        assert!(gp.anchor.iter().all(|v| v.is_finite()));
    }

    #[test]
    fn values_round_trip() {
        for c in Convention::ALL {
            assert_eq!(Convention::from_value(c.value()), Some(c));
        }
    }
}
