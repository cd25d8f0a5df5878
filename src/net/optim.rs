//! Optimisers over [`Weights`]: SGD with momentum and Adam. Their state has
//! the shape of the weights; updates are element-wise in a fixed order, so
//! they are deterministic. Adam's bias corrections use running products
//! `β₁ᵗ`, `β₂ᵗ` (no `powf`), exact and identical on every platform.

use super::Weights;

/// Which optimiser and its hyper-parameters (the learning rate is given to
/// each [`OptimizerState::update`]).
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Optimizer {
    /// `v ← μ v + g`, `w ← w − lr · v` (PyTorch's form).
    Sgd {
        /// Momentum μ (0 for plain SGD).
        momentum: f32,
    },
    /// Adam (Kingma and Ba 2015) with bias correction.
    Adam {
        /// Decay of the first moment, β₁ (usually 0.9).
        beta1: f32,
        /// Decay of the second moment, β₂ (usually 0.999).
        beta2: f32,
        /// Added to the root of the second moment, ε (usually 1e-8).
        epsilon: f32,
    },
}

impl Optimizer {
    /// Adam with the usual β₁ = 0.9, β₂ = 0.999, ε = 1e-8.
    pub const ADAM: Optimizer = Optimizer::Adam { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
}

/// The optimiser's memory: first (and for Adam second) moments and the
/// running powers of the β's.
#[derive(Clone, Debug, PartialEq)]
pub struct OptimizerState {
    kind: Optimizer,
    first: Weights,
    second: Weights,
    beta1_power: f64,
    beta2_power: f64,
}

impl OptimizerState {
    /// Fresh (all-zero) state for `kind`.
    pub fn new(kind: Optimizer) -> Self {
        Self { kind, first: Weights::zeros(), second: Weights::zeros(), beta1_power: 1.0, beta2_power: 1.0 }
    }

    /// The optimiser this state belongs to.
    pub fn kind(&self) -> Optimizer {
        self.kind
    }

    /// Moves `weights` one step against `gradient` with learning rate `lr`.
    pub fn update(&mut self, weights: &mut Weights, gradient: &Weights, lr: f32) {
        match self.kind {
            Optimizer::Sgd { momentum } => {
                for ((w, v), g) in
                    weights.tensors_mut().into_iter().zip(self.first.tensors_mut()).zip(gradient.tensors())
                {
                    for ((w, v), &g) in w.iter_mut().zip(v.iter_mut()).zip(g) {
                        *v = momentum * *v + g;
                        *w -= lr * *v;
                    }
                }
            }
            Optimizer::Adam { beta1, beta2, epsilon } => {
                self.beta1_power *= f64::from(beta1);
                self.beta2_power *= f64::from(beta2);
                // lr·√(1 − β₂ᵗ)/(1 − β₁ᵗ) folds both bias corrections into the step.
                let step = (f64::from(lr) * (1.0 - self.beta2_power).sqrt() / (1.0 - self.beta1_power)) as f32;
                let eps_hat = (f64::from(epsilon) * (1.0 - self.beta2_power).sqrt()) as f32;
                let tensors =
                    weights.tensors_mut().into_iter().zip(self.first.tensors_mut()).zip(self.second.tensors_mut());
                for (((w, m), s), g) in tensors.zip(gradient.tensors()) {
                    for (((w, m), s), &g) in w.iter_mut().zip(m.iter_mut()).zip(s.iter_mut()).zip(g) {
                        *m = beta1 * *m + (1.0 - beta1) * g;
                        *s = beta2 * *s + (1.0 - beta2) * g * g;
                        *w -= step * *m / (s.sqrt() + eps_hat);
                    }
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(v: f32) -> Weights {
        let mut w = Weights::zeros();
        w.fc2_b = vec![v, 0.0, 0.0];
        w
    }

    #[test]
    fn sgd_with_momentum_accumulates() {
        let mut s = OptimizerState::new(Optimizer::Sgd { momentum: 0.5 });
        let mut w = one(1.0);
        s.update(&mut w, &one(2.0), 0.1); // v = 2, w = 1 − 0.2
        s.update(&mut w, &one(2.0), 0.1); // v = 3, w = 0.8 − 0.3
        assert!((w.fc2_b[0] - 0.5).abs() < 1e-6);
    }

    #[test]
    fn adam_first_step_is_the_learning_rate() {
        // With bias correction the first step is lr · g/|g| (up to ε).
        let mut s = OptimizerState::new(Optimizer::ADAM);
        let mut w = one(1.0);
        s.update(&mut w, &one(-3.0), 0.01);
        assert!((w.fc2_b[0] - 1.01).abs() < 1e-6, "{}", w.fc2_b[0]);
        assert_eq!(w.fc2_b[1], 0.0);
    }
}
