//! Gradient descent on the scene's points: the "step" and "play" buttons.
//!
//! Every point moves by `−lr · ∂L/∂x` of the summed loss (current
//! convention). Points are then constrained like any other move (clamped;
//! back onto the unit sphere in unit-sphere mode: projected gradient descent).

use super::presets::Preset;
use super::scene::{Point, Scene};

/// Default learning rate of the step button.
pub const LEARNING_RATE_DEFAULT: f32 = 0.02;
/// Largest learning rate accepted.
pub const LEARNING_RATE_MAX: f32 = 1.0;
/// "Play" stops after this many steps even if the loss is not yet 0.
pub const PLAY_MAX_STEPS: usize = 500;

/// Arrows to draw for the current loss: `−∂L/∂x` per point, in
/// `Scene::points()` order, scaled so the longest is `longest` scene units
/// (all zero when the loss is flat).
pub fn descent_arrows(gradient: &[Point], longest: f32) -> Vec<Point> {
    let max = gradient.iter().map(|g| (g[0] * g[0] + g[1] * g[1] + g[2] * g[2]).sqrt()).fold(0.0_f32, f32::max);
    if max <= 0.0 || !max.is_finite() {
        return vec![[0.0; 3]; gradient.len()];
    }
    let k = longest / max;
    gradient.iter().map(|g| [-g[0] * k, -g[1] * k, -g[2] * k]).collect()
}

impl Scene {
    /// One gradient-descent step with learning rate `lr`. Returns the loss
    /// after the step.
    pub fn gradient_step(&mut self, lr: f32) -> f32 {
        let eval = self.evaluate();
        if eval.active == 0 {
            return eval.sum;
        }
        let g = self.gradient(&eval);
        let mut moved: Vec<Point> = self
            .points()
            .iter()
            .zip(&g)
            .map(|((_, p), g)| [p[0] - lr * g[0], p[1] - lr * g[1], p[2] - lr * g[2]])
            .collect();
        for p in &mut moved {
            *p = self.constrain(*p);
        }
        let k = self.positives.len();
        self.anchor = moved[0];
        self.positives.copy_from_slice(&moved[1..1 + k]);
        self.negatives.copy_from_slice(&moved[1 + k..]);
        self.preset = Preset::Custom;
        self.evaluate().sum
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loss::convention::Convention;
    use crate::state::scene::Dim;

    #[test]
    fn a_small_step_lowers_the_loss_for_every_convention() {
        for conv in Convention::ALL {
            for preset in [Preset::Start, Preset::OneHard, Preset::AllHard] {
                let mut s = preset.scene();
                s.convention = conv;
                let before = s.evaluate().sum;
                let after = s.gradient_step(0.01);
                assert!(after < before, "{conv:?} {preset:?}: {before} → {after}");
            }
        }
    }

    #[test]
    fn descent_reaches_zero_loss_and_pushes_negatives_past_the_margin() {
        let mut s = Preset::WorkedExample.scene();
        let mut steps = 0;
        while s.evaluate().sum > 0.0 && steps < PLAY_MAX_STEPS {
            s.gradient_step(LEARNING_RATE_DEFAULT);
            steps += 1;
        }
        let e = s.evaluate();
        assert_eq!(e.sum, 0.0, "after {steps} steps");
        // The margin kept pushing after d_an > d_ap: now d_an ≥ d_ap + α.
        assert!(e.d_an[0] >= e.d_ap[0] + s.alpha - 1e-6);
    }

    #[test]
    fn flat_loss_means_no_move_and_no_arrows() {
        let mut s = Preset::AllEasy.scene();
        let before = s.clone();
        s.gradient_step(0.5);
        assert_eq!(s.points(), before.points());
        let arrows = descent_arrows(&s.gradient(&s.evaluate()), 0.5);
        assert!(arrows.iter().all(|a| *a == [0.0; 3]));
    }

    #[test]
    fn arrows_point_downhill_and_are_scaled() {
        let s = Preset::AllHard.scene();
        let g = s.gradient(&s.evaluate());
        let arrows = descent_arrows(&g, 0.4);
        let longest = arrows.iter().map(|a| (a[0] * a[0] + a[1] * a[1]).sqrt()).fold(0.0, f32::max);
        assert!((longest - 0.4).abs() < 1e-5);
        for (a, g) in arrows.iter().zip(&g) {
            assert!(a[0] * g[0] + a[1] * g[1] <= 0.0);
        }
    }

    #[test]
    fn unit_sphere_steps_stay_on_the_sphere() {
        let mut s = Preset::AllHard.scene();
        s.set_dim(Dim::Three);
        s.set_unit_sphere(true);
        for _ in 0..20 {
            s.gradient_step(0.1);
        }
        for (_, p) in s.points() {
            assert!(((p[0] * p[0] + p[1] * p[1] + p[2] * p[2]).sqrt() - 1.0).abs() < 1e-5);
        }
    }
}
