//! Ready-made scenes. Each preset has a stable value (used by the `preset`
//! select and the tests) and builds a complete [`Scene`].

use super::scene::{Dim, Scene, ALPHA_DEFAULT};
use crate::i18n::Key;

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
}

/// √0.15, so that (−0.6)² + √0.15² = 0.51.
const WORKED_NEGATIVE_Y: f32 = -0.387_298_33;

impl Preset {
    /// Presets the user can choose, in menu order (`Custom` is shown but not applied).
    pub const ALL: [Preset; 3] = [Preset::Custom, Preset::Start, Preset::WorkedExample];

    /// Stable value for the `preset` select and URLs.
    pub fn value(self) -> &'static str {
        match self {
            Preset::Custom => "custom",
            Preset::Start => "start",
            Preset::WorkedExample => "worked-example",
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
        }
    }

    /// Builds the preset's scene (`Custom` gives the start scene marked custom).
    pub fn scene(self) -> Scene {
        let mut scene = match self {
            Preset::Custom | Preset::Start => Scene {
                dim: Dim::Two,
                anchor: [0.0, 0.0, 0.0],
                positives: vec![[0.6, 0.4, 0.0]],
                negatives: vec![[-0.7, -0.3, 0.0]],
                alpha: ALPHA_DEFAULT,
                preset: self,
            },
            // ‖A − P‖² = 0.5² + 0.5² = 0.5 exactly; ‖A − N‖² = 0.36 + 0.15 = 0.51.
            Preset::WorkedExample => Scene {
                dim: Dim::Two,
                anchor: [0.0, 0.0, 0.0],
                positives: vec![[0.5, 0.5, 0.0]],
                negatives: vec![[-0.6, WORKED_NEGATIVE_Y, 0.0]],
                alpha: ALPHA_DEFAULT,
                preset: self,
            },
        };
        scene.preset = self;
        scene
    }

    /// Applies the preset to an existing scene, keeping what the preset does
    /// not define (the view dimension).
    pub fn apply(self, scene: &mut Scene) {
        let dim = scene.dim;
        *scene = self.scene();
        scene.dim = dim;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
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

    #[test]
    fn start_scene_has_a_semi_hard_negative() {
        let e = Preset::Start.scene().evaluate();
        assert!(e.d_an[0] > e.d_ap[0] && e.sum > 0.0);
    }
}
