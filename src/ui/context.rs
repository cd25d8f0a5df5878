//! The app's shared reactive state, provided once by `App` and read by every
//! component. Signals hold plain core types; everything derived comes from
//! core functions through memos.

use leptos::prelude::*;

use crate::i18n::{Key, Lang};
use crate::loss::multi::KmEvaluation;
use crate::state::{PointId, Scene};

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
}

impl Ctx {
    /// Creates the signals for a starting scene and language.
    pub fn new(scene: Scene, lang: Lang) -> Ctx {
        let scene = RwSignal::new(scene);
        let eval = Memo::new(move |_| scene.with(Scene::evaluate));
        Ctx { scene, eval, lang: RwSignal::new(lang), highlight: RwSignal::new(None) }
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
