//! The training scheduler's bookkeeping: the units a slice is made of
//! and [`Work`], the measured cost of each and what waits to be shown.

use std::sync::Arc;

/// One unit of a slice.s work.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Unit {
    /// A held-out evaluation left by a step.
    Evaluate,
    /// A chunk of run `.0`'s sphere.
    Embed(usize),
    /// One step of the run that is behind.
    Step,
}

/// The scheduler's memory: measured costs, what is waiting to be shown,
/// and the steps since Start (for the speed).
#[derive(Default)]
pub(super) struct Work {
    /// Expected milliseconds of one run's step.
    pub(super) step_ms: f64,
    /// Expected milliseconds of a held-out evaluation.
    pub(super) evaluate_ms: f64,
    /// Expected milliseconds of a sphere chunk.
    pub(super) embed_ms: f64,
    /// Something changed since the last [`super::train_state::TrainUi`] publish.
    pub(super) dirty: bool,
    /// When the readouts were last published (`performance.now()`).
    pub(super) published_at: f64,
    /// When Start was pressed.
    pub(super) started_at: f64,
    /// Session steps since Start.
    pub(super) steps: u64,
    /// Finished sphere tables waiting to be shown: (run, step, table).
    pub(super) spheres: Vec<(usize, u64, Arc<Vec<f32>>)>,
}

impl Work {
    /// The expected milliseconds of `unit`.
    pub(super) fn cost(&self, unit: Unit) -> f64 {
        match unit {
            Unit::Evaluate => self.evaluate_ms,
            Unit::Embed(_) => self.embed_ms,
            Unit::Step => self.step_ms,
        }
    }

    /// Takes a measurement: the estimate follows rises at once and falls slowly.
    pub(super) fn measured(&mut self, unit: Unit, ms: f64) {
        let slot = match unit {
            Unit::Evaluate => &mut self.evaluate_ms,
            Unit::Embed(_) => &mut self.embed_ms,
            Unit::Step => &mut self.step_ms,
        };
        *slot = ms.max(0.8 * *slot);
    }
}
