//! Ready-made scenes. Each preset has a stable value (used by the `preset`
//! select and the tests) and builds a complete [`Scene`].

use super::scene::{Dim, Scene, ALPHA_DEFAULT};
use crate::i18n::Key;
use crate::loss::convention::Convention;

/// A named starting scene.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Preset {
    /// The user's own arrangement (after any drag or edit).
    #[default]
    Custom,
    /// The scene the app opens with: one semi-hard negative.
    Start,
    /// The lesson's worked example: d_ap = 0.5, d_an = 0.51.
    WorkedExample,
    /// The worked example on real model outputs: three bundled faces whose
    /// embeddings give d_ap = 0.50 and d_an = 0.51.
    WorkedExampleFaces,
    /// k = 2, m = 4: one hard negative among easy ones.
    OneHard,
    /// k = 3, m = 3: every negative is easy, the loss is 0.
    AllEasy,
    /// k = 2, m = 3: every negative is closer than every positive.
    AllHard,
    /// Confusion: squared vs plain distance on the same points.
    SquaredVsPlain,
    /// Confusion: every point in one place, loss = α.
    Collapse,
    /// Confusion: sum vs mean vs mean over non-zero terms.
    Reductions,
    /// Confusion: easy / semi-hard / hard negatives.
    NegativeClasses,
    /// Confusion: the margin's scale on the unit sphere.
    UnitSphere,
    /// Confusion: the NaN gradient of √ at distance 0, and PyTorch's ε.
    SqrtNan,
    /// Confusion: Euclidean vs cosine distance on normalised embeddings.
    Cosine,
}

/// √0.15, so that (−0.6)² + √0.15² = 0.51.
const WORKED_NEGATIVE_Y: f32 = -0.387_298_33;

/// A 2D scene with the anchor at the origin.
fn plane(positives: &[(f32, f32)], negatives: &[(f32, f32)], preset: Preset) -> Scene {
    Scene {
        dim: Dim::Two,
        anchor: [0.0, 0.0, 0.0],
        positives: positives.iter().map(|&(x, y)| [x, y, 0.0]).collect(),
        negatives: negatives.iter().map(|&(x, y)| [x, y, 0.0]).collect(),
        alpha: ALPHA_DEFAULT,
        preset,
        convention: Convention::Squared,
        unit_sphere: false,
        ring_positive: 0,
        faces: Default::default(),
    }
}

impl Preset {
    /// Presets in menu order (`Custom` is shown but not applied).
    pub const ALL: [Preset; 14] = [
        Preset::Custom,
        Preset::Start,
        Preset::WorkedExample,
        Preset::WorkedExampleFaces,
        Preset::OneHard,
        Preset::AllEasy,
        Preset::AllHard,
        Preset::SquaredVsPlain,
        Preset::Collapse,
        Preset::Reductions,
        Preset::NegativeClasses,
        Preset::UnitSphere,
        Preset::SqrtNan,
        Preset::Cosine,
    ];

    /// Stable value for the `preset` select and URLs.
    pub fn value(self) -> &'static str {
        match self {
            Preset::Custom => "custom",
            Preset::Start => "start",
            Preset::WorkedExample => "worked-example",
            Preset::WorkedExampleFaces => "worked-example-faces",
            Preset::OneHard => "one-hard",
            Preset::AllEasy => "all-easy",
            Preset::AllHard => "all-hard",
            Preset::SquaredVsPlain => "squared-vs-plain",
            Preset::Collapse => "collapse",
            Preset::Reductions => "reductions",
            Preset::NegativeClasses => "negative-classes",
            Preset::UnitSphere => "unit-sphere",
            Preset::SqrtNan => "sqrt-nan",
            Preset::Cosine => "cosine",
        }
    }

    /// Parses a stable value.
    pub fn from_value(value: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.value() == value)
    }

    /// The menu label.
    pub fn label(self) -> Key {
        match self {
            Preset::Custom => Key::PresetCustom,
            Preset::Start => Key::PresetStart,
            Preset::WorkedExample => Key::PresetWorkedExample,
            Preset::WorkedExampleFaces => Key::PresetWorkedExampleFaces,
            Preset::OneHard => Key::PresetOneHard,
            Preset::AllEasy => Key::PresetAllEasy,
            Preset::AllHard => Key::PresetAllHard,
            Preset::SquaredVsPlain => Key::PresetSquaredVsPlain,
            Preset::Collapse => Key::PresetCollapse,
            Preset::Reductions => Key::PresetReductions,
            Preset::NegativeClasses => Key::PresetNegativeClasses,
            Preset::UnitSphere => Key::PresetUnitSphere,
            Preset::SqrtNan => Key::PresetSqrtNan,
            Preset::Cosine => Key::PresetCosine,
        }
    }

    /// The explanation shown while this preset is the one chosen last.
    pub fn explanation(self) -> Option<Key> {
        Some(match self {
            Preset::AllEasy => Key::ExplainAllEasy,
            Preset::WorkedExampleFaces => Key::ExplainWorkedExampleFaces,
            Preset::SquaredVsPlain => Key::ExplainSquaredVsPlain,
            Preset::Collapse => Key::ExplainCollapse,
            Preset::Reductions => Key::ExplainReductions,
            Preset::NegativeClasses => Key::ExplainNegativeClasses,
            Preset::UnitSphere => Key::ExplainUnitSphere,
            Preset::SqrtNan => Key::ExplainSqrtNan,
            Preset::Cosine => Key::ExplainCosine,
            _ => return None,
        })
    }

    /// Whether the preset sets the view itself (dimension, convention,
    /// unit-sphere mode) because its point depends on them.
    pub fn defines_view(self) -> bool {
        matches!(self, Preset::UnitSphere | Preset::SqrtNan | Preset::Cosine | Preset::WorkedExampleFaces)
    }

    /// Builds the preset's scene (`Custom` gives the start scene marked custom).
    pub fn scene(self) -> Scene {
        match self {
            Preset::Custom | Preset::Start => plane(&[(0.6, 0.4)], &[(-0.7, -0.3)], self),
            // ‖A − P‖² = 0.5² + 0.5² = 0.5 exactly; ‖A − N‖² = 0.36 + 0.15 = 0.51.
            Preset::WorkedExample => plane(&[(0.5, 0.5)], &[(-0.6, WORKED_NEGATIVE_Y)], self),
            // d_ap = 0.34, 0.3425; N1 hard (0.18), the rest ≥ 1.85.
            Preset::OneHard => {
                plane(&[(0.5, 0.3), (-0.2, 0.55)], &[(0.3, -0.3), (1.3, 0.4), (-1.2, -0.9), (-0.9, 1.1)], self)
            }
            // d_ap ≤ 0.1525, d_an ≥ 2.29: all easy, L = 0.
            Preset::AllEasy => {
                plane(&[(0.3, 0.2), (-0.25, 0.3), (0.1, -0.35)], &[(1.4, 0.6), (-1.3, 0.9), (0.2, -1.5)], self)
            }
            // d_ap ≥ 1.69, d_an ≤ 0.4: all hard.
            Preset::AllHard => plane(&[(1.2, 0.5), (-1.0, 1.0)], &[(0.4, 0.3), (-0.3, -0.4), (0.2, -0.6)], self),
            Preset::WorkedExampleFaces => super::face_scene::worked_example_faces_scene(),
            _ => super::confusions::confusion_scene(self).unwrap_or_else(|| Preset::Start.scene()),
        }
    }

    /// Applies the preset to an existing scene, keeping the view settings the
    /// preset does not define (dimension, convention, unit-sphere mode).
    pub fn apply(self, scene: &mut Scene) {
        let (dim, convention, unit_sphere) = (scene.dim, scene.convention, scene.unit_sphere);
        *scene = self.scene();
        if self.defines_view() {
            return;
        }
        scene.convention = convention;
        scene.dim = dim;
        scene.unit_sphere = unit_sphere;
        scene.reconstrain();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::regions::{classify, NegativeClass};
    use crate::loss::triplet::{hinge_f64, squared_distance_f64};

    #[test]
    fn worked_example_reproduces_the_lesson() {
        let s = Preset::WorkedExample.scene();
        let to64 = |p: [f32; 3]| [p[0] as f64, p[1] as f64];
        let d_ap = squared_distance_f64(&to64(s.anchor), &to64(s.positives[0]));
        let d_an = squared_distance_f64(&to64(s.anchor), &to64(s.negatives[0]));
        assert_eq!(d_ap, 0.5);
        assert!((d_an - 0.51).abs() < 1e-7, "{d_an}");
        assert_eq!(hinge_f64(d_ap, d_an, 0.0), 0.0);
        assert!((hinge_f64(d_ap, d_an, 0.2) - 0.19).abs() < 1e-7);

        let mut s32 = s.clone();
        s32.set_alpha(0.0);
        assert_eq!(s32.evaluate().sum, 0.0);
        s32.set_alpha(0.2);
        assert!((s32.evaluate().sum - 0.19).abs() < 1e-6);
    }

    #[test]
    fn values_round_trip() {
        for p in Preset::ALL {
            assert_eq!(Preset::from_value(p.value()), Some(p));
        }
        assert_eq!(Preset::from_value("nope"), None);
    }

    fn classes(p: Preset) -> Vec<NegativeClass> {
        let e = p.scene().evaluate();
        let mut out = Vec::new();
        for i in 0..e.k() {
            for j in 0..e.m() {
                out.push(classify(e.d_ap[i], e.d_an[j], e.alpha));
            }
        }
        out
    }

    #[test]
    fn presets_show_what_their_names_say() {
        let start = Preset::Start.scene().evaluate();
        assert!(start.d_an[0] > start.d_ap[0] && start.sum > 0.0);
        assert!(classes(Preset::AllEasy).iter().all(|c| *c == NegativeClass::Easy));
        assert_eq!(Preset::AllEasy.scene().evaluate().sum, 0.0);
        assert!(classes(Preset::AllHard).iter().all(|c| *c == NegativeClass::Hard));
        let one = Preset::OneHard.scene().evaluate();
        assert_eq!((one.k(), one.m()), (2, 4));
        // N1 is hard for both positives; the other negatives are easy for both.
        assert_eq!(one.active, 2);
        assert!(one.term(0, 0) > 0.0 && one.term(1, 0) > 0.0);
    }

    #[test]
    fn applying_keeps_view_settings() {
        let mut s = Scene::default();
        s.set_dim(Dim::Three);
        s.convention = Convention::Euclidean;
        Preset::AllHard.apply(&mut s);
        assert_eq!((s.dim, s.convention, s.positives.len()), (Dim::Three, Convention::Euclidean, 2));
    }
}
