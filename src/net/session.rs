//! A training session as the app shows it: one run, or two runs side by
//! side (α = 0 and α = 0.2, from the same initial weights and seed, stepping
//! together), each with its history of loss, fraction of active triplets and
//! held-out verification accuracy.
//!
//! Pure and deterministic like [`Trainer`]: the same data, settings and
//! start give the same histories, however the steps are spread over frames.
//! Only identities that are not held out are trained on; the held-out ones
//! are only embedded to measure [`evaluate`]'s verification accuracy.

use std::sync::Arc;

use super::arch::EMBED_DIM;
use super::eval::evaluate;
use super::forward::forward_batch;
use super::gradient::{GradientBackend, StepError};
use super::objective::Mining;
use super::optim::Optimizer;
use super::train::{StepReport, TrainConfig, TrainError, Trainer};
use super::Weights;

#[path = "session_data.rs"]
mod data;
#[path = "session_embed.rs"]
mod embed;
pub use data::{collapsed_weights, SessionData, StartWeights};

/// The two margins of the comparison mode, in run order.
pub const COMPARE_ALPHAS: [f32; 2] = [0.0, 0.2];
/// K: images of each identity in a batch (P = batch size / K identities).
pub const IMAGES_PER_IDENTITY: usize = 4;
/// Scale of the last layer's weights in the [`StartWeights::Collapsed`] start.
pub const COLLAPSE_SCALE: f32 = 0.01;
/// The last layer's bias in the [`StartWeights::Collapsed`] start: every
/// face lands near this direction (a unit vector).
pub const COLLAPSE_DIRECTION: [f32; 3] = [0.6, 0.0, 0.8];

/// What the student can set.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SessionSettings {
    /// The margin α of a single run (the comparison uses [`COMPARE_ALPHAS`]).
    pub alpha: f32,
    /// How triplets are mined from each batch.
    pub mining: Mining,
    /// Images per batch, a multiple of [`IMAGES_PER_IDENTITY`].
    pub batch_size: usize,
    /// Step size of the optimiser.
    pub learning_rate: f32,
    /// SGD with momentum or Adam.
    pub optimizer: Optimizer,
    /// Seeds the initial weights and the batch sampling.
    pub seed: u64,
    /// Held-out accuracy is measured every this many steps (and at step 0).
    pub eval_every: u64,
}

impl SessionSettings {
    /// The app's defaults: α = 0.2, batch-all, batch 32, Adam at 1e-3, seed 1,
    /// accuracy every 5 steps. Over seeds 1–3 these give the clearest
    /// comparison within 200 steps (held-out accuracy, mean of the last 25
    /// steps: α = 0 ends at 0.85–0.87, α = 0.2 at 0.90–0.94; see the
    /// `figures` run in `tests/train_session.rs`).
    pub const DEFAULT: SessionSettings = SessionSettings {
        alpha: 0.2,
        mining: Mining::BatchAll,
        batch_size: 32,
        learning_rate: 1e-3,
        optimizer: Optimizer::ADAM,
        seed: 1,
        eval_every: 5,
    };

    /// The trainer's configuration for a run with margin `alpha`.
    pub fn train_config(&self, alpha: f32) -> TrainConfig {
        TrainConfig {
            alpha,
            mining: self.mining,
            batch_size: self.batch_size,
            images_per_identity: IMAGES_PER_IDENTITY,
            learning_rate: self.learning_rate,
            optimizer: self.optimizer,
            seed: self.seed,
        }
    }
}

impl Default for SessionSettings {
    fn default() -> Self {
        SessionSettings::DEFAULT
    }
}

/// One run's history.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct RunHistory {
    /// The run's margin α.
    pub alpha: f32,
    /// Batch loss of step 1, 2, … (index = step − 1).
    pub loss: Vec<f64>,
    /// Fraction of active terms of each step.
    pub fraction_active: Vec<f64>,
    /// (step, held-out verification accuracy), from step 0 every
    /// `eval_every` steps.
    pub accuracy: Vec<(u64, f64)>,
}

/// One run: its trainer, history and embeddings of every image.
#[derive(Clone, Debug)]
struct Run {
    trainer: Trainer,
    history: RunHistory,
    /// The last complete table of every image's embedding, and its step.
    embeddings: Option<(u64, Vec<f32>)>,
    /// A table being computed a few images at a time.
    job: Option<EmbedJob>,
    /// A held-out evaluation left for later: the step and its weights.
    pending: Option<(u64, Weights)>,
}

/// Every image's embedding under the weights of one step, computed in
/// chunks (a forward pass of all images is too long for one frame).
#[derive(Clone, Debug)]
struct EmbedJob {
    step: u64,
    weights: Weights,
    out: Vec<f32>,
}

/// One or two training runs stepping together.
#[derive(Clone, Debug)]
pub struct TrainingSession {
    data: Arc<SessionData>,
    settings: SessionSettings,
    compare: bool,
    start: StartWeights,
    runs: Vec<Run>,
    deferred: bool,
}

impl TrainingSession {
    /// A session at step 0 on `data`: one run with `settings.alpha`, or with
    /// `compare` two runs with [`COMPARE_ALPHAS`], all from
    /// `start.weights(settings.seed)`. The accuracy at step 0 is measured.
    ///
    /// Errors: [`TrainError::InvalidConfig`] for bad settings,
    /// [`TrainError::TooFewIdentities`] when fewer than two identities are
    /// left for training.
    pub fn new(
        data: Arc<SessionData>,
        settings: SessionSettings,
        compare: bool,
        start: StartWeights,
    ) -> Result<TrainingSession, TrainError> {
        let mut ids = data.train_labels.clone();
        ids.sort_unstable();
        ids.dedup();
        if ids.len() < 2 {
            return Err(TrainError::TooFewIdentities { found: ids.len() });
        }
        if settings.eval_every == 0 {
            return Err(TrainError::InvalidConfig("the evaluation interval must be at least 1 step".into()));
        }
        let mut session = TrainingSession { data, settings, compare, start, runs: Vec::new(), deferred: false };
        session.runs = session.fresh_runs()?;
        Ok(session)
    }

    fn fresh_runs(&self) -> Result<Vec<Run>, TrainError> {
        let alphas: &[f32] = if self.compare { &COMPARE_ALPHAS } else { std::slice::from_ref(&self.settings.alpha) };
        let initial = self.start.weights(self.settings.seed);
        alphas
            .iter()
            .map(|&alpha| {
                let trainer = Trainer::with_weights(self.settings.train_config(alpha), initial.clone())?;
                let history = RunHistory { alpha, ..RunHistory::default() };
                let mut run = Run { trainer, history, embeddings: None, job: None, pending: None };
                let accuracy = self.held_out_accuracy(run.trainer.weights());
                run.history.accuracy.push((0, accuracy));
                Ok(run)
            })
            .collect()
    }

    fn held_out_accuracy(&self, weights: &Weights) -> f64 {
        let embeddings = forward_batch(weights, &self.data.eval_inputs);
        evaluate(&embeddings, &self.data.eval_labels, EMBED_DIM).verification_accuracy
    }

    /// One step of every run (and, on multiples of `eval_every`, the
    /// held-out accuracy). On error no run has moved.
    ///
    /// Errors: those of [`Trainer::step`] (e.g. a loss that diverged).
    pub fn step(&mut self) -> Result<(), TrainError> {
        let mut next = self.runs.clone();
        for run in &mut next {
            self.step_run(run)?;
        }
        self.runs = next;
        Ok(())
    }

    /// One step of the run that is behind (the first one when all are
    /// level), so a comparison step can be split over two frames. Returns
    /// true when every run has taken the same number of steps again. The
    /// histories are those of [`TrainingSession::step`].
    ///
    /// Errors: those of [`Trainer::step`]; on error nothing has moved.
    pub fn step_lagging_run(&mut self) -> Result<bool, TrainError> {
        let behind = (0..self.runs.len()).min_by_key(|&r| self.runs[r].trainer.step_count()).unwrap_or(0);
        let mut run = self.runs[behind].clone();
        self.step_run(&mut run)?;
        self.runs[behind] = run;
        Ok(self.runs.iter().all(|r| r.trainer.step_count() == self.runs[0].trainer.step_count()))
    }

    /// Like [`TrainingSession::step_lagging_run`], with the run's forward
    /// and backward passes on `backend` (the GPU in the browser); the rest
    /// of the step is the same code. On error nothing has moved, so the
    /// session can go on with another backend from the same step.
    ///
    /// Errors: [`StepError::Train`] as [`TrainingSession::step`],
    /// [`StepError::Backend`] for the backend's own failures.
    pub async fn step_lagging_run_on<B: GradientBackend>(
        &mut self,
        backend: &mut B,
    ) -> Result<bool, StepError<B::Error>> {
        let behind = (0..self.runs.len()).min_by_key(|&r| self.runs[r].trainer.step_count()).unwrap_or(0);
        let mut run = self.runs[behind].clone();
        let data = self.data.clone();
        let report = run.trainer.step_on(backend, &data.train_inputs, &data.train_labels).await?;
        self.record(&mut run, &report);
        self.runs[behind] = run;
        Ok(self.runs.iter().all(|r| r.trainer.step_count() == self.runs[0].trainer.step_count()))
    }

    fn step_run(&self, run: &mut Run) -> Result<(), TrainError> {
        let report = run.trainer.step(&self.data.train_inputs, &self.data.train_labels)?;
        self.record(run, &report);
        Ok(())
    }

    /// Appends a step's report to its run's history (and measures or defers
    /// the held-out accuracy).
    fn record(&self, run: &mut Run, report: &StepReport) {
        run.history.loss.push(report.loss);
        run.history.fraction_active.push(report.fraction_active);
        if let Some((step, weights)) = run.pending.take() {
            run.history.accuracy.push((step, self.held_out_accuracy(&weights)));
        }
        if report.step.is_multiple_of(self.settings.eval_every) {
            if self.deferred {
                run.pending = Some((report.step, run.trainer.weights().clone()));
            } else {
                let accuracy = self.held_out_accuracy(run.trainer.weights());
                run.history.accuracy.push((report.step, accuracy));
            }
        }
    }

    /// With `on`, steps leave their held-out evaluation for
    /// [`TrainingSession::run_pending_evaluation`] (the page spreads the work
    /// over frames); the accuracy history is the same either way.
    pub fn set_deferred_evaluation(&mut self, on: bool) {
        self.deferred = on;
    }

    /// Whether some run has an evaluation left for later.
    pub fn evaluation_pending(&self) -> bool {
        self.runs.iter().any(|r| r.pending.is_some())
    }

    /// Runs one pending held-out evaluation; returns false when there was none.
    pub fn run_pending_evaluation(&mut self) -> bool {
        let Some(i) = self.runs.iter().position(|r| r.pending.is_some()) else { return false };
        if let Some((step, weights)) = self.runs[i].pending.take() {
            let accuracy = self.held_out_accuracy(&weights);
            self.runs[i].history.accuracy.push((step, accuracy));
        }
        true
    }

    /// Back to step 0 with the same settings, start and comparison mode.
    pub fn reset(&mut self) {
        // The settings were valid when the session was built.
        if let Ok(runs) = self.fresh_runs() {
            self.runs = runs;
        }
    }

    /// Steps taken by every run (a run may be one step ahead in the middle
    /// of [`TrainingSession::step_lagging_run`]).
    pub fn step_count(&self) -> u64 {
        self.runs.iter().map(|r| r.trainer.step_count()).min().unwrap_or(0)
    }

    /// Number of runs (1, or 2 when comparing).
    pub fn run_count(&self) -> usize {
        self.runs.len()
    }

    /// Whether this session compares α = 0 with α = 0.2.
    pub fn compare(&self) -> bool {
        self.compare
    }

    /// The settings.
    pub fn settings(&self) -> &SessionSettings {
        &self.settings
    }

    /// The data trained on and evaluated with.
    pub fn data(&self) -> &Arc<SessionData> {
        &self.data
    }

    /// The history of run `run`.
    ///
    /// # Panics
    /// When `run >= self.run_count()`.
    pub fn history(&self, run: usize) -> &RunHistory {
        &self.runs[run].history
    }

    /// The current weights of run `run`.
    ///
    /// # Panics
    /// When `run >= self.run_count()`.
    pub fn weights(&self, run: usize) -> &Weights {
        self.runs[run].trainer.weights()
    }
}
