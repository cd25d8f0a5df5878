//! The app's shared reactive state, provided once by `App` and read by every
//! component. Signals hold plain core types; everything derived comes from
//! core functions through memos.

use leptos::prelude::*;

use super::train_state::TrainUi;
use crate::geom::camera::OrbitCamera;
use crate::i18n::{Key, Lang};
use crate::loss::multi::KmEvaluation;
use crate::state::descent::LEARNING_RATE_DEFAULT;
use crate::state::{PointId, Preset, Scene};

/// Shared signals of the app.
#[derive(Clone, Copy)]
pub struct Ctx {
    /// The scene (single source of truth for points, α, preset).
    pub scene: RwSignal<Scene>,
    /// The loss evaluation of the scene, recomputed by the core on change.
    pub eval: Memo<KmEvaluation>,
    /// UI language.
    pub lang: RwSignal<Lang>,
    /// The point under the pointer or keyboard focus, if any.
    pub highlight: RwSignal<Option<PointId>>,
    /// The heat-map cell (positive, negative) under the pointer or focus.
    pub heat_pair: RwSignal<Option<(usize, usize)>>,
    /// Whether −∂L/∂x arrows are drawn.
    pub show_arrows: RwSignal<bool>,
    /// Learning rate of the step / play buttons.
    pub learning_rate: RwSignal<f32>,
    /// Whether "play" is animating gradient descent.
    pub playing: RwSignal<bool>,
    /// Gradient steps taken since the last preset or reset.
    pub steps_taken: RwSignal<usize>,
    /// The 3D view's orbit camera.
    pub camera: RwSignal<OrbitCamera>,
    /// Presentation mode: large type, thick lines, side panels hidden.
    pub presentation: RwSignal<bool>,
    /// Dark theme (starts from the system preference).
    pub dark: RwSignal<bool>,
    /// The preset chosen last (its explanation stays visible while the
    /// student moves the points).
    pub explained: RwSignal<Preset>,
    /// Guided-lesson step (1-based; 0 = not started).
    pub lesson_step: RwSignal<u32>,
    /// The training panel's signals, once the panel is mounted (the guided
    /// lesson reads its progress and sets up the comparison).
    pub train: RwSignal<Option<TrainUi>>,
}

impl Ctx {
    /// Creates the signals for a starting scene and language.
    pub fn new(scene: Scene, lang: Lang) -> Ctx {
        let scene = RwSignal::new(scene);
        let eval = Memo::new(move |_| scene.with(Scene::evaluate));
        Ctx {
            scene,
            eval,
            lang: RwSignal::new(lang),
            highlight: RwSignal::new(None),
            heat_pair: RwSignal::new(None),
            show_arrows: RwSignal::new(false),
            learning_rate: RwSignal::new(LEARNING_RATE_DEFAULT),
            playing: RwSignal::new(false),
            steps_taken: RwSignal::new(0),
            camera: RwSignal::new(OrbitCamera { distance: 8.0, ..OrbitCamera::default() }),
            presentation: RwSignal::new(false),
            dark: RwSignal::new(false),
            explained: RwSignal::new(scene.with_untracked(|s| s.preset)),
            lesson_step: RwSignal::new(0),
            train: RwSignal::new(None),
        }
    }

    /// A reactive closure giving `key`'s text in the current language.
    pub fn t(self, key: Key) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
        let lang = self.lang;
        move || lang.get().t(key)
    }
}

/// The context provided by `App`.
pub fn use_ctx() -> Ctx {
    expect_context::<Ctx>()
}
