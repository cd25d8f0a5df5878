//! Training steps on WebGPU for the training panel: one session step (every
//! run, through [`TrainingSession::step_lagging_run_on`]) as an async task,
//! so the page never waits on the GPU. The session's own code does the
//! sampling, the loss mining and the optimiser; only the net's forward and
//! backward passes run in WGSL. The training panel has its own
//! [`GpuNet`], created at the first GPU step with the page's
//! [`page_gpu_options`] (so `?gpu-fault=` reaches it too).
//! [`TrainUi::spawn_gpu_step`] writes the stepped copy back into the
//! panel's session, or hands training to the CPU when the GPU fails.

use std::cell::RefCell;

use leptos::prelude::*;

use super::face_model::page_gpu_options;
use super::train_state::{TrainUi, GENERATION, GPU_BUSY, SESSION, TARGET, WORK};
use crate::net::gpu::GpuNet;
use crate::net::session::TrainingSession;
use crate::net::{StepError, Weights};

/// Images the training net's buffers hold from the start (the largest batch offered).
const BATCH_CAPACITY: usize = 64;

thread_local! {
    static NET: RefCell<Option<GpuNet>> = const { RefCell::new(None) };
}

/// How a GPU session step ended.
pub enum GpuStep {
    /// Every run took one step; the session after it.
    Done(Box<TrainingSession>),
    /// The GPU failed (creation, device lost, readback…): the reason. The
    /// session given was not changed; go on on the CPU.
    GpuFailed(String),
    /// The training itself failed (e.g. the loss diverged), as on the CPU.
    TrainFailed(String),
}

/// Takes one step of every run of `session` on the GPU (runs that are
/// behind first, as on the CPU), creating the GPU net if needed.
pub async fn step_session(mut session: TrainingSession) -> GpuStep {
    let existing = NET.with_borrow_mut(Option::take).filter(|net| !net.is_lost());
    let mut net = match existing {
        Some(net) => net,
        None => {
            let options = crate::net::gpu::GpuOptions { batch_capacity: BATCH_CAPACITY, ..page_gpu_options() };
            match GpuNet::new(&Weights::zeros(), options).await {
                Ok(net) => net,
                Err(e) => return GpuStep::GpuFailed(e.to_string()),
            }
        }
    };
    loop {
        match session.step_lagging_run_on(&mut net).await {
            Ok(true) => break,
            Ok(false) => {}
            // A failed GPU is dropped: the panel trains on the CPU from now on.
            Err(StepError::Backend(e)) => return GpuStep::GpuFailed(e.to_string()),
            Err(StepError::Train(e)) => {
                NET.with_borrow_mut(|n| *n = Some(net));
                return GpuStep::TrainFailed(e.to_string());
            }
        }
    }
    NET.with_borrow_mut(|n| *n = Some(net));
    GpuStep::Done(Box::new(session))
}

impl TrainUi {
    /// Starts one session step on the GPU as an async task on a copy of the
    /// session. `single`: a press of "One step" (when the GPU fails, the
    /// step is taken on the CPU at once).
    pub(super) fn spawn_gpu_step(self, single: bool) {
        let Some(session) = SESSION.with_borrow(Clone::clone) else { return };
        let generation = GENERATION.get();
        GPU_BUSY.set(true);
        wasm_bindgen_futures::spawn_local(async move {
            let outcome = step_session(session).await;
            GPU_BUSY.set(false);
            if GENERATION.get() != generation {
                self.pump();
                return;
            }
            match outcome {
                GpuStep::Done(session) => {
                    let step = session.step_count();
                    SESSION.with_borrow_mut(|s| *s = Some(*session));
                    WORK.with_borrow_mut(|w| {
                        w.steps += 1;
                        w.dirty = true;
                    });
                    if step >= TARGET.with_borrow(|t| *t) {
                        self.running.set(false);
                    }
                }
                GpuStep::GpuFailed(reason) => {
                    self.gpu_failed.set(Some(reason));
                    if single {
                        let result = SESSION.with_borrow_mut(|s| s.as_mut().map(TrainingSession::step));
                        if let Some(Err(e)) = result {
                            self.error.set(Some(e.to_string()));
                        }
                    }
                }
                GpuStep::TrainFailed(e) => {
                    self.error.set(Some(e));
                    self.running.set(false);
                }
            }
            if single || !self.running.get_untracked() {
                self.publish();
            }
            self.pump();
        });
    }
}
