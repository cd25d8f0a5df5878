//! k and m: how many positives and negatives, with add/remove buttons.

use leptos::prelude::*;

use super::context::{use_ctx, Ctx};
use super::fields::NumberField;
use crate::i18n::Key;
use crate::state::scene::MAX_POINTS_PER_SET;
use crate::state::PointSet;

/// Resizes a set and resets the step counter (a new scene).
fn resize(ctx: Ctx, set: PointSet, count: usize) {
    ctx.scene.update(|s| {
        s.resize_set(set, count);
    });
}

/// One count (k or m) with its field and buttons.
#[component]
fn CountControl(set: PointSet) -> impl IntoView {
    let ctx = use_ctx();
    let (testid, label, add, remove) = match set {
        PointSet::Positives => ("k", Key::CountK, Key::AddPositive, Key::RemovePositive),
        PointSet::Negatives => ("m", Key::CountM, Key::AddNegative, Key::RemoveNegative),
    };
    let count = move || ctx.scene.with(|s| s.set(set).len());
    let value = Signal::derive(move || count() as f32);
    let commit = Callback::new(move |v: f32| resize(ctx, set, v.round().max(1.0) as usize));
    let label_text = Signal::derive(move || ctx.lang.get().t(label).to_string());
    view! {
        <div class="count-control">
            <span class="control-label">{ctx.t(label)}</span>
            <div class="control-row">
                <button
                    type="button"
                    class="small"
                    data-testid=format!("{testid}-remove")
                    disabled=move || { count() <= 1 }
                    on:click=move |_| resize(ctx, set, count().saturating_sub(1))
                >
                    {ctx.t(remove)}
                </button>
                <NumberField
                    testid=testid.to_string()
                    label=label_text
                    value=value
                    min=1.0
                    max=MAX_POINTS_PER_SET as f32
                    clamp_notice=Key::ErrCountClamped
                    on_commit=commit
                />
                <button
                    type="button"
                    class="small"
                    data-testid=format!("{testid}-add")
                    disabled=move || { count() >= MAX_POINTS_PER_SET }
                    on:click=move |_| resize(ctx, set, count() + 1)
                >
                    {ctx.t(add)}
                </button>
            </div>
        </div>
    }
}

/// The k and m controls.
#[component]
pub fn SetsControl() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="card sets" aria-labelledby="sets-heading">
            <h2 id="sets-heading">{ctx.t(Key::SetsHeading)}</h2>
            <CountControl set=PointSet::Positives />
            <CountControl set=PointSet::Negatives />
        </section>
    }
}
