//! Scenes for the classic confusions learners have about the triplet loss.
//! Each one is built so that the numbers its explanation claims hold
//! exactly (see the tests here and the end-to-end tests).

use super::presets::Preset;
use super::scene::{Dim, Scene, ALPHA_DEFAULT};
use crate::loss::convention::Convention;

fn build(dim: Dim, anchor: [f32; 3], positives: &[[f32; 3]], negatives: &[[f32; 3]], preset: Preset) -> Scene {
    Scene {
        dim,
        anchor,
        positives: positives.to_vec(),
        negatives: negatives.to_vec(),
        alpha: ALPHA_DEFAULT,
        preset,
        convention: Convention::Squared,
        unit_sphere: false,
        ring_positive: 0,
        faces: Default::default(),
    }
}

/// The scene of a confusion preset, or `None` for the other presets.
pub(crate) fn confusion_scene(preset: Preset) -> Option<Scene> {
    let s = match preset {
        // ‖A−P‖ = 1, ‖A−N‖ = 1.15: squared 1 − 1.3225 + 0.2 < 0 (easy),
        // plain 1 − 1.15 + 0.2 = 0.05 > 0 (still inside the margin).
        Preset::SquaredVsPlain => build(Dim::Two, [0.0; 3], &[[1.0, 0.0, 0.0]], &[[0.0, 1.15, 0.0]], preset),
        // Every point in one place: every distance is 0, so L = α.
        Preset::Collapse => build(Dim::Two, [0.3, 0.2, 0.0], &[[0.3, 0.2, 0.0]; 2], &[[0.3, 0.2, 0.0]; 2], preset),
        // k = 2, m = 4, one hard negative: sum, mean over 8 terms and mean over 2 active terms differ.
        Preset::Reductions => {
            let mut s = Preset::OneHard.scene();
            s.preset = preset;
            s
        }
        // d_ap = 0.36; N1 hard (0.25), N2 semi-hard (0.49), N3 easy (0.81).
        Preset::NegativeClasses => {
            build(Dim::Two, [0.0; 3], &[[0.6, 0.0, 0.0]], &[[0.5, 0.0, 0.0], [0.0, 0.7, 0.0], [-0.9, 0.0, 0.0]], preset)
        }
        // On the unit sphere: d_ap = 0.4, d_an = 4 (antipodal), the largest possible.
        Preset::UnitSphere => {
            let mut s = build(Dim::Three, [1.0, 0.0, 0.0], &[[0.8, 0.6, 0.0]], &[[-1.0, 0.0, 0.0]], preset);
            s.unit_sphere = true;
            s
        }
        // Plain distances with P on top of A: ∂‖A − P‖/∂A = 0/0.
        Preset::SqrtNan => {
            let mut s = build(Dim::Two, [0.3, 0.3, 0.0], &[[0.3, 0.3, 0.0]], &[[0.5, 0.3, 0.0]], preset);
            s.convention = Convention::Euclidean;
            s.alpha = 0.3;
            s
        }
        // Unit circle: cos(A,P) = 0.8, cos(A,N) = 0 → d_ap = 2 − 2·0.8 = 0.4, d_an = 2.
        Preset::Cosine => {
            let mut s = build(Dim::Two, [1.0, 0.0, 0.0], &[[0.8, 0.6, 0.0]], &[[0.0, 1.0, 0.0]], preset);
            s.unit_sphere = true;
            s
        }
        _ => return None,
    };
    Some(s)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::regions::{classify, NegativeClass};
    use crate::loss::convention::Convention;

    fn scene(p: Preset) -> Scene {
        confusion_scene(p).unwrap()
    }

    #[test]
    fn squared_and_plain_disagree_on_the_same_points() {
        let s = scene(Preset::SquaredVsPlain);
        assert_eq!(s.evaluate_as(Convention::Squared).sum, 0.0);
        assert!((s.evaluate_as(Convention::Euclidean).sum - 0.05).abs() < 1e-6);
    }

    #[test]
    fn collapse_gives_alpha_and_zero_without_margin() {
        let mut s = scene(Preset::Collapse);
        assert!((s.evaluate().sum - 4.0 * 0.2).abs() < 1e-6, "k·m·α");
        assert!((s.evaluate().mean() - 0.2).abs() < 1e-6);
        s.set_alpha(0.0);
        assert_eq!(s.evaluate().sum, 0.0);
    }

    #[test]
    fn reductions_differ() {
        let e = scene(Preset::Reductions).evaluate();
        assert_eq!((e.terms.len(), e.active), (8, 2));
        assert!((e.mean() - e.sum / 8.0).abs() < 1e-7 && (e.mean_nonzero() - e.sum / 2.0).abs() < 1e-7);
    }

    #[test]
    fn one_negative_of_each_class() {
        let e = scene(Preset::NegativeClasses).evaluate();
        let classes: Vec<_> = e.d_an.iter().map(|d| classify(e.d_ap[0], *d, e.alpha)).collect();
        assert_eq!(classes, [NegativeClass::Hard, NegativeClass::SemiHard, NegativeClass::Easy]);
    }

    #[test]
    fn unit_sphere_bounds_and_cosine_identity() {
        let e = scene(Preset::UnitSphere).evaluate();
        assert!((e.d_ap[0] - 0.4).abs() < 1e-6 && (e.d_an[0] - 4.0).abs() < 1e-6);
        let c = scene(Preset::Cosine).evaluate();
        assert!((c.d_ap[0] - (2.0 - 2.0 * 0.8)).abs() < 1e-6 && (c.d_an[0] - 2.0).abs() < 1e-6);
    }

    #[test]
    fn sqrt_nan_scene_has_a_finite_gradient() {
        let s = scene(Preset::SqrtNan);
        let e = s.evaluate();
        assert!((e.sum - 0.1).abs() < 1e-6);
        assert!(s.gradient(&e).iter().flatten().all(|g| g.is_finite()));
    }
}
