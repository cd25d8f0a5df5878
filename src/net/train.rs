//! Step-based training: a [`Trainer`] holds the weights, the optimiser's
//! state, the seeded generator and the step counter; each
//! [`Trainer::step`] samples one P × K batch, runs the forward pass, the
//! loss engine's mined loss and gradient, the backward pass and one
//! optimiser update. [`Trainer::step_on`] does the same with the forward
//! and backward passes on another [`GradientBackend`] (the GPU).
//!
//! Single-threaded, no clock, no threads: the browser can call the very same
//! `step` between frames, and the same seed, configuration and data give
//! bit-identical weights.

use std::fmt;

use super::arch::INPUT_LEN;
use super::gradient::{now_or_never, CpuBackend, GradientBackend, StepError};
use super::objective::{MinedLoss, Mining};
use super::optim::{Optimizer, OptimizerState};
use super::rng::SplitMix64;
use super::sampler::Groups;
use super::Weights;
use crate::loss::error::LossError;

/// Hyper-parameters of a training run.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct TrainConfig {
    /// The margin α of the triplet loss.
    pub alpha: f32,
    /// How triplets are mined from each batch.
    pub mining: Mining,
    /// Images per batch; a multiple of `images_per_identity`.
    pub batch_size: usize,
    /// K: images of each identity in a batch (P = batch_size / K identities).
    pub images_per_identity: usize,
    /// Step size of the optimiser.
    pub learning_rate: f32,
    /// SGD with momentum or Adam.
    pub optimizer: Optimizer,
    /// Seeds the initial weights and then the batch sampling.
    pub seed: u64,
}

impl TrainConfig {
    /// The settings of the bundled net (see docs/net.md): α = 0.2,
    /// batch-all, 32 = 8 identities × 4 images, Adam at 2e-3, seed 1.
    pub const DEFAULT: TrainConfig = TrainConfig {
        alpha: 0.2,
        mining: Mining::BatchAll,
        batch_size: 32,
        images_per_identity: 4,
        learning_rate: 2e-3,
        optimizer: Optimizer::ADAM,
        seed: 1,
    };

    /// P: identities per batch.
    pub fn identities_per_batch(&self) -> usize {
        self.batch_size / self.images_per_identity.max(1)
    }
}

/// What one step did.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct StepReport {
    /// The step's number, from 1.
    pub step: u64,
    /// The batch loss before the update.
    pub loss: f64,
    /// Active terms (see [`crate::net::objective::MinedLoss::active`]).
    pub active: u64,
    /// What `active` counts out of (valid triplets, anchors or pairs).
    pub considered: u64,
    /// `active / considered`.
    pub fraction_active: f64,
    /// Euclidean norm of the whole parameter gradient.
    pub gradient_norm: f64,
}

/// Why a trainer could not be built or could not step.
#[derive(Clone, Debug, PartialEq)]
pub enum TrainError {
    /// A hyper-parameter is out of range; the text says which and why.
    InvalidConfig(String),
    /// `inputs` does not hold one image per label.
    InputLength {
        /// Values in `inputs`.
        values: usize,
        /// Labels given.
        labels: usize,
    },
    /// Fewer than two identities: no triplet exists.
    TooFewIdentities {
        /// Identities found among the labels.
        found: usize,
    },
    /// The loss engine refused the embeddings (e.g. training diverged to NaN).
    Loss(LossError),
}

impl fmt::Display for TrainError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::InvalidConfig(why) => write!(f, "invalid training settings: {why}"),
            Self::InputLength { values, labels } => write!(
                f,
                "the training inputs hold {values} values, but {labels} labels need {} ({INPUT_LEN} per image)",
                labels * INPUT_LEN
            ),
            Self::TooFewIdentities { found } => {
                write!(f, "training needs images of at least 2 identities, but found {found}")
            }
            Self::Loss(e) => write!(f, "the triplet loss failed: {e}"),
        }
    }
}

impl std::error::Error for TrainError {}

/// A training run in progress.
#[derive(Clone, Debug)]
pub struct Trainer {
    config: TrainConfig,
    weights: Weights,
    optimizer: OptimizerState,
    rng: SplitMix64,
    step: u64,
    batch_inputs: Vec<f32>,
    batch_labels: Vec<u32>,
}

impl Trainer {
    /// A trainer with He-uniform initial weights drawn from `config.seed`
    /// (the same generator then samples the batches).
    ///
    /// Errors: [`TrainError::InvalidConfig`].
    pub fn new(config: TrainConfig) -> Result<Trainer, TrainError> {
        check(&config)?;
        let mut rng = SplitMix64::new(config.seed);
        let weights = Weights::he_uniform(&mut rng);
        Ok(Self::assemble(config, weights, rng))
    }

    /// A trainer that continues from `weights` (fresh optimiser state, batches
    /// sampled from `config.seed`).
    ///
    /// Errors: [`TrainError::InvalidConfig`].
    pub fn with_weights(config: TrainConfig, weights: Weights) -> Result<Trainer, TrainError> {
        check(&config)?;
        Ok(Self::assemble(config, weights, SplitMix64::new(config.seed)))
    }

    fn assemble(config: TrainConfig, weights: Weights, rng: SplitMix64) -> Trainer {
        let optimizer = OptimizerState::new(config.optimizer);
        Trainer { config, weights, optimizer, rng, step: 0, batch_inputs: Vec::new(), batch_labels: Vec::new() }
    }

    /// The current weights.
    pub fn weights(&self) -> &Weights {
        &self.weights
    }

    /// The settings.
    pub fn config(&self) -> &TrainConfig {
        &self.config
    }

    /// Steps taken so far.
    pub fn step_count(&self) -> u64 {
        self.step
    }

    /// Changes the learning rate from the next step on (a schedule, or a
    /// slider in the app); values that are not finite and positive are
    /// ignored.
    pub fn set_learning_rate(&mut self, learning_rate: f32) {
        if learning_rate.is_finite() && learning_rate > 0.0 {
            self.config.learning_rate = learning_rate;
        }
    }

    /// One training step on a batch sampled from `inputs` (one image of
    /// `INPUT_LEN` values per label) and `labels` (identity per image).
    /// Pass only the training identities: everything given may be sampled.
    ///
    /// Errors: [`TrainError::InputLength`], [`TrainError::TooFewIdentities`],
    /// [`TrainError::Loss`]; on error the trainer is unchanged.
    pub fn step(&mut self, inputs: &[f32], labels: &[u32]) -> Result<StepReport, TrainError> {
        self.step_with_extra(inputs, labels, |_| Ok(None))
    }

    /// Like [`Trainer::step`], with an additional loss term: `extra` gets
    /// the current weights and returns that term's gradient (or `None`),
    /// which is added to the batch gradient before the update (the
    /// calibration of the worked example uses this, see
    /// [`crate::net::nudge`]).
    ///
    /// Errors: as [`Trainer::step`], and those of `extra`.
    pub fn step_with_extra<F>(&mut self, inputs: &[f32], labels: &[u32], extra: F) -> Result<StepReport, TrainError>
    where
        F: FnOnce(&Weights) -> Result<Option<Weights>, TrainError>,
    {
        let rng = self.sample(inputs, labels)?;
        let c = self.config;
        let mut cpu = CpuBackend;
        let future = cpu.batch_gradient(&self.weights, &self.batch_inputs, &self.batch_labels, c.alpha, c.mining);
        let (mined, mut gradient) = match now_or_never(future) {
            Some(Ok(result)) => result,
            Some(Err(StepError::Train(e))) => return Err(e),
            Some(Err(StepError::Backend(never))) => match never {},
            None => unreachable!("the CPU backend's future is ready at once"),
        };
        if let Some(more) = extra(&self.weights)? {
            for (g, m) in gradient.tensors_mut().into_iter().zip(more.tensors()) {
                for (g, m) in g.iter_mut().zip(m) {
                    *g += m;
                }
            }
        }
        Ok(self.apply(rng, &mined, &gradient))
    }

    /// Like [`Trainer::step`], with the forward and backward passes on
    /// `backend` (e.g. the GPU). Sampling, the loss mining and the
    /// optimiser are the same code as on the CPU, so from the same state
    /// both give the same step up to the backends' rounding.
    ///
    /// Errors: [`StepError::Train`] as [`Trainer::step`],
    /// [`StepError::Backend`] for the backend's failures; on error the
    /// trainer is unchanged, so it can go on with another backend.
    pub async fn step_on<B: GradientBackend>(
        &mut self,
        backend: &mut B,
        inputs: &[f32],
        labels: &[u32],
    ) -> Result<StepReport, StepError<B::Error>> {
        let rng = self.sample(inputs, labels).map_err(StepError::Train)?;
        let c = self.config;
        let (mined, gradient) =
            backend.batch_gradient(&self.weights, &self.batch_inputs, &self.batch_labels, c.alpha, c.mining).await?;
        Ok(self.apply(rng, &mined, &gradient))
    }

    /// Checks the data and samples the next P × K batch into the trainer's
    /// batch buffers; returns the generator as it will be after this step
    /// (committed only by [`Trainer::apply`]).
    fn sample(&mut self, inputs: &[f32], labels: &[u32]) -> Result<SplitMix64, TrainError> {
        if inputs.len() != labels.len() * INPUT_LEN {
            return Err(TrainError::InputLength { values: inputs.len(), labels: labels.len() });
        }
        let groups = Groups::new(labels);
        if groups.len() < 2 {
            return Err(TrainError::TooFewIdentities { found: groups.len() });
        }
        let mut rng = self.rng.clone();
        let batch = groups.sample(&mut rng, self.config.identities_per_batch(), self.config.images_per_identity);
        self.batch_inputs.clear();
        self.batch_labels.clear();
        for &i in &batch {
            self.batch_inputs.extend_from_slice(&inputs[i * INPUT_LEN..(i + 1) * INPUT_LEN]);
            self.batch_labels.push(labels[i]);
        }
        Ok(rng)
    }

    /// Applies the optimiser, commits the generator and counts the step.
    fn apply(&mut self, rng: SplitMix64, mined: &MinedLoss, gradient: &Weights) -> StepReport {
        self.optimizer.update(&mut self.weights, gradient, self.config.learning_rate);
        self.rng = rng;
        self.step += 1;
        let gradient_norm =
            gradient.tensors().iter().flat_map(|t| t.iter()).map(|&g| f64::from(g) * f64::from(g)).sum::<f64>().sqrt();
        StepReport {
            step: self.step,
            loss: mined.loss,
            active: mined.active,
            considered: mined.considered,
            fraction_active: mined.fraction_active(),
            gradient_norm,
        }
    }
}

fn check(c: &TrainConfig) -> Result<(), TrainError> {
    let bad = |why: String| Err(TrainError::InvalidConfig(why));
    if !c.alpha.is_finite() || c.alpha < 0.0 {
        return bad(format!("the margin α must be a finite number ≥ 0, not {}", c.alpha));
    }
    if !(c.learning_rate.is_finite() && c.learning_rate > 0.0) {
        return bad(format!("the learning rate must be a finite number > 0, not {}", c.learning_rate));
    }
    if c.images_per_identity < 2 {
        return bad(format!("K (images per identity) must be at least 2 for positives, not {}", c.images_per_identity));
    }
    if c.batch_size < 2 * c.images_per_identity || !c.batch_size.is_multiple_of(c.images_per_identity) {
        return bad(format!(
            "the batch size {} must be a multiple of K = {} covering at least 2 identities",
            c.batch_size, c.images_per_identity
        ));
    }
    match c.optimizer {
        Optimizer::Sgd { momentum } if !(0.0..1.0).contains(&momentum) => {
            bad(format!("the momentum must be in [0, 1), not {momentum}"))
        }
        Optimizer::Adam { beta1, beta2, epsilon }
            if !((0.0..1.0).contains(&beta1) && (0.0..1.0).contains(&beta2) && epsilon > 0.0) =>
        {
            bad(format!("Adam needs β₁, β₂ in [0, 1) and ε > 0, not {beta1}, {beta2}, {epsilon}"))
        }
        _ => Ok(()),
    }
}
