//! The training panel's state and its scheduler. The [`TrainingSession`]
//! (pure core) lives in a thread-local; the signals in [`TrainUi`] carry
//! copies of what the page shows (histories, sphere tables).
//!
//! Training never freezes the page: the work runs in slices, each its own
//! `setTimeout(0)` task — a few units of work (one run's step, a held-out
//! evaluation, a chunk of a sphere's forward pass) while their measured
//! cost fits in [`SLICE_MS`] (`performance.now()`), then it yields so the
//! browser can paint and handle input. Slicing does not change the
//! numbers: the same seed and settings give the same curves.
//!
//! When the faces panel runs the net on WebGPU, the steps run there too
//! (`train_gpu.rs`): each session step is an async task on a copy of the
//! session, written back when it finishes (unless a reset or new settings
//! came meanwhile). If the GPU fails, the copy is dropped and training goes
//! on on the CPU from the same step, with a notice.

use std::cell::{Cell, RefCell};
use std::sync::Arc;

use leptos::prelude::*;

use super::face_model::{now_ms, Backend, FaceModel};
use super::train_work::{Unit, Work};
use crate::faces::FaceSet;
use crate::net::session::{RunHistory, SessionData, SessionSettings, StartWeights, TrainingSession};
use crate::net::train_device::{trains_on_gpu, TrainDevice};

/// Milliseconds of work per slice (one task).
pub const SLICE_MS: f64 = 25.0;
/// Images embedded per unit of work while a sphere is refreshed.
pub const EMBED_CHUNK: usize = 24;
/// Milliseconds between two updates of the readouts, chart and spheres while running.
pub const PUBLISH_MS: f64 = 100.0;
/// Steps one press of Start runs before pausing by itself.
pub const STEP_BUDGET: u64 = 200;

/// What the readouts and the chart show.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    /// Steps taken.
    pub step: u64,
    /// Each run's history.
    pub runs: Vec<RunHistory>,
}

/// One sphere's table: the step it belongs to and n × 3 embeddings.
pub type SphereTable = Option<(u64, Arc<Vec<f32>>)>;

/// The panel's signals (provided by the panel, copied into closures).
#[derive(Clone, Copy)]
pub struct TrainUi {
    /// The student's settings.
    pub settings: RwSignal<SessionSettings>,
    /// Whether α = 0 and α = 0.2 run side by side.
    pub compare: RwSignal<bool>,
    /// Whether both runs start from collapsed weights (else fresh ones).
    pub collapsed: RwSignal<bool>,
    /// Whether training is running.
    pub running: RwSignal<bool>,
    /// Histories and step count.
    pub snapshot: RwSignal<Arc<Snapshot>>,
    /// Each run's latest sphere table.
    pub spheres: RwSignal<Arc<Vec<SphereTable>>>,
    /// Each face's identity, in image order.
    pub identities: RwSignal<Arc<Vec<usize>>>,
    /// Session steps per second while running (a comparison step counts once).
    pub rate: RwSignal<Option<f64>>,
    /// Why training stopped, when it failed.
    pub error: RwSignal<Option<String>>,
    /// Whether a session exists (the faces are loaded).
    pub ready: RwSignal<bool>,
    /// The faces panel's backend: training uses WebGPU when it does.
    pub face_backend: Option<RwSignal<Backend>>,
    /// Why training left the GPU for the CPU, once it did.
    pub gpu_failed: RwSignal<Option<String>>,
    /// Where the user asked training to run (automatic: WebGPU on a
    /// hardware GPU, the CPU on a software one).
    pub device: RwSignal<TrainDevice>,
}

/// Where the training steps run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainBackend {
    /// WebGPU (the net's WGSL forward and backward passes).
    WebGpu,
    /// The CPU (WebAssembly SIMD).
    Cpu,
}

impl TrainBackend {
    /// The stable test value, `webgpu` or `cpu`.
    pub fn value(self) -> &'static str {
        match self {
            TrainBackend::WebGpu => "webgpu",
            TrainBackend::Cpu => "cpu",
        }
    }
}

thread_local! {
    pub(super) static SESSION: RefCell<Option<TrainingSession>> = const { RefCell::new(None) };
    static DATA: RefCell<Option<Arc<SessionData>>> = const { RefCell::new(None) };
    pub(super) static WORK: RefCell<Work> = RefCell::new(Work::default());
    static PUMPING: RefCell<bool> = const { RefCell::new(false) };
    pub(super) static TARGET: RefCell<u64> = const { RefCell::new(0) };
    /// Bumped by every rebuild and reset: a GPU step started before is dropped.
    pub(super) static GENERATION: Cell<u64> = const { Cell::new(0) };
    /// Whether a GPU step is in flight.
    pub(super) static GPU_BUSY: Cell<bool> = const { Cell::new(false) };
}

impl TrainUi {
    /// Fresh signals with the default settings (comparison on, fresh start).
    pub fn new() -> TrainUi {
        TrainUi {
            settings: RwSignal::new(SessionSettings::DEFAULT),
            compare: RwSignal::new(true),
            collapsed: RwSignal::new(false),
            running: RwSignal::new(false),
            snapshot: RwSignal::new(Arc::new(Snapshot::default())),
            spheres: RwSignal::new(Arc::new(Vec::new())),
            identities: RwSignal::new(Arc::new(Vec::new())),
            rate: RwSignal::new(None),
            error: RwSignal::new(None),
            ready: RwSignal::new(false),
            face_backend: use_context::<FaceModel>().map(|m| m.backend),
            gpu_failed: RwSignal::new(None),
            device: RwSignal::new(TrainDevice::default()),
        }
    }

    /// Where the next steps run: WebGPU when the faces panel uses it, the
    /// user's choice allows it ([`trains_on_gpu`]) and the GPU has not failed
    /// during training (tracks all three).
    pub fn backend(self) -> TrainBackend {
        let adapter = self.gpu_adapter();
        let failed = self.gpu_failed.with(Option::is_some);
        if cfg!(feature = "gpu") && trains_on_gpu(self.device.get(), adapter.as_deref(), failed) {
            TrainBackend::WebGpu
        } else {
            TrainBackend::Cpu
        }
    }

    /// The adapter the faces panel embeds on, `None` when it runs on the
    /// CPU (tracks the faces' backend).
    pub fn gpu_adapter(self) -> Option<String> {
        self.face_backend.and_then(|b| match b.get() {
            Backend::WebGpu(adapter) => Some(adapter),
            Backend::Starting | Backend::Cpu => None,
        })
    }

    fn on_gpu(self) -> bool {
        untrack(|| self.backend()) == TrainBackend::WebGpu
    }

    /// (Re)builds the session from `faces` and the current settings, at step 0.
    pub fn rebuild(self, faces: &FaceSet) {
        self.running.set(false);
        GENERATION.set(GENERATION.get() + 1);
        // The data is rebuilt only when the faces changed (the user added or
        // removed photos): building it embeds nothing but copies every input.
        let data = DATA.with_borrow_mut(|d| {
            if !d.as_ref().is_some_and(|d| d.matches(faces)) {
                *d = Some(Arc::new(SessionData::from_faces(faces)));
            }
            d.clone().expect("set just above")
        });
        self.identities.set(Arc::new(faces.faces().iter().map(|f| f.identity).collect()));
        let start = if self.collapsed.get_untracked() { StartWeights::Collapsed } else { StartWeights::Fresh };
        let built = TrainingSession::new(data, self.settings.get_untracked(), self.compare.get_untracked(), start);
        match built {
            Ok(session) => {
                SESSION.with_borrow_mut(|s| *s = Some(session));
                self.error.set(None);
                self.ready.set(true);
            }
            Err(e) => {
                SESSION.with_borrow_mut(|s| *s = None);
                self.error.set(Some(e.to_string()));
            }
        }
        self.after_change();
    }

    /// Starts (or continues) training for up to [`STEP_BUDGET`] steps.
    pub fn start(self) {
        let step = SESSION.with_borrow(|s| s.as_ref().map(TrainingSession::step_count));
        let Some(step) = step else { return };
        TARGET.with_borrow_mut(|t| *t = step + STEP_BUDGET);
        WORK.with_borrow_mut(|w| {
            w.started_at = now_ms();
            w.steps = 0;
        });
        self.rate.set(None);
        self.running.set(true);
        self.pump();
    }

    /// Pauses after the slice in progress.
    pub fn pause(self) {
        self.running.set(false);
    }

    /// One step of every run (when paused).
    pub fn single_step(self) {
        if self.running.get_untracked() || GPU_BUSY.get() {
            return;
        }
        if self.on_gpu() {
            self.spawn_gpu_step(true);
            return;
        }
        let result = SESSION.with_borrow_mut(|s| s.as_mut().map(TrainingSession::step));
        if let Some(Err(e)) = result {
            self.error.set(Some(e.to_string()));
        }
        self.publish();
        self.pump();
    }

    /// Back to step 0 with the same settings.
    pub fn reset(self) {
        self.running.set(false);
        GENERATION.set(GENERATION.get() + 1);
        SESSION.with_borrow_mut(|s| s.as_mut().map(TrainingSession::reset));
        self.error.set(None);
        self.rate.set(None);
        self.after_change();
    }

    fn after_change(self) {
        WORK.with_borrow_mut(|w| w.spheres.clear());
        self.spheres.set(Arc::new(Vec::new()));
        self.publish();
        self.pump();
    }

    /// Copies the histories into [`TrainUi::snapshot`].
    pub(super) fn publish(self) {
        let snapshot = SESSION.with_borrow(|s| {
            s.as_ref().map(|s| Snapshot {
                step: s.step_count(),
                runs: (0..s.run_count()).map(|r| s.history(r).clone()).collect(),
            })
        });
        self.snapshot.set(Arc::new(snapshot.unwrap_or_default()));
    }

    /// Schedules the next slice as a new task, unless one is scheduled.
    pub(super) fn pump(self) {
        if PUMPING.with_borrow(|p| *p) {
            return;
        }
        PUMPING.with_borrow_mut(|p| *p = true);
        set_timeout(
            move || {
                PUMPING.with_borrow_mut(|p| *p = false);
                if self.slice() {
                    self.pump();
                }
            },
            std::time::Duration::ZERO,
        );
    }

    /// One slice of work; returns whether more is needed. A slice either
    /// shows what changed (at most every [`PUBLISH_MS`] while running) or
    /// computes: units of work (a pending held-out evaluation, a chunk of
    /// a sphere, one run's step) while their measured cost fits in
    /// [`SLICE_MS`], at least one unit per slice.
    fn slice(self) -> bool {
        if GPU_BUSY.get() {
            // The GPU step pumps again when it is done.
            return false;
        }
        let start = now_ms();
        let on_gpu = self.on_gpu();
        let mut gpu_step = false;
        let running = self.running.get_untracked();
        let dirty = WORK.with_borrow(|w| w.dirty);
        let since = start - WORK.with_borrow(|w| w.published_at);
        if dirty && (!running || since >= PUBLISH_MS) {
            self.show();
            return true;
        }
        let mut failure = None;
        let mut stopped = false;
        let more = SESSION.with_borrow_mut(|s| {
            let Some(s) = s.as_mut() else { return false };
            s.set_deferred_evaluation(true);
            let target = TARGET.with_borrow(|t| *t);
            let mut keep_running = running;
            let mut embedded = false;
            let mut first = true;
            loop {
                let level = s.run_count() < 2 || s.history(0).loss.len() == s.history(1).loss.len();
                // The stale sphere shown longest ago goes first, so both runs' spheres move.
                let stale = (0..s.run_count())
                    .filter(|&r| s.embeddings_stale(r))
                    .min_by_key(|&r| s.latest_embeddings(r).map_or(-1, |(step, _)| step as i64));
                let unit = if s.evaluation_pending() {
                    Unit::Evaluate
                } else if let (Some(run), false) = (stale, embedded && keep_running) {
                    Unit::Embed(run)
                } else if keep_running || !level {
                    Unit::Step
                } else {
                    break;
                };
                let estimate = WORK.with_borrow(|w| w.cost(unit));
                if !first && now_ms() - start + estimate > SLICE_MS {
                    break;
                }
                first = false;
                let t = now_ms();
                match unit {
                    Unit::Evaluate => {
                        s.run_pending_evaluation();
                    }
                    Unit::Embed(run) => {
                        embedded = true;
                        if s.advance_embeddings(run, EMBED_CHUNK) {
                            if let Some((step, e)) = s.latest_embeddings(run) {
                                let table = (run, step, Arc::new(e.to_vec()));
                                WORK.with_borrow_mut(|w| w.spheres.push(table));
                            }
                        }
                    }
                    Unit::Step if on_gpu => {
                        gpu_step = true;
                        break;
                    }
                    Unit::Step => match s.step_lagging_run() {
                        Ok(level) => {
                            WORK.with_borrow_mut(|w| w.steps += u64::from(level));
                            if level && s.step_count() >= target {
                                keep_running = false;
                            }
                        }
                        Err(e) => {
                            failure = Some(e.to_string());
                            keep_running = false;
                            break;
                        }
                    },
                }
                let spent = now_ms() - t;
                WORK.with_borrow_mut(|w| {
                    w.measured(unit, spent);
                    w.dirty = true;
                });
            }
            stopped = running && !keep_running;
            keep_running
                || s.evaluation_pending()
                || (0..s.run_count()).any(|r| s.embeddings_stale(r))
                || WORK.with_borrow(|w| w.dirty)
        });
        if stopped {
            self.running.set(false);
        }
        if let Some(e) = failure {
            self.error.set(Some(e));
        }
        if gpu_step {
            self.spawn_gpu_step(false);
            return false;
        }
        more
    }

    /// Without the `gpu` feature there is no GPU step (never called).
    #[cfg(not(feature = "gpu"))]
    fn spawn_gpu_step(self, _single: bool) {}

    /// Publishes the histories, finished spheres and the speed.
    fn show(self) {
        let now = now_ms();
        let (spheres, steps, since) = WORK.with_borrow_mut(|w| {
            w.dirty = false;
            w.published_at = now;
            (std::mem::take(&mut w.spheres), w.steps, w.started_at)
        });
        self.publish();
        if !spheres.is_empty() {
            self.spheres.update(|all| {
                let all = Arc::make_mut(all);
                for (run, step, table) in spheres {
                    if all.len() <= run {
                        all.resize(run + 1, None);
                    }
                    all[run] = Some((step, table));
                }
            });
        }
        if self.running.get_untracked() && now > since && steps > 0 {
            self.rate.set(Some(steps as f64 * 1000.0 / (now - since)));
        }
    }
}
