//! Gradient descent on the points: arrows, one step, and play until L = 0.

use leptos::prelude::*;

use super::browser::media_matches;
use super::context::{use_ctx, Ctx};
use super::fields::NumberField;
use crate::i18n::Key;
use crate::state::descent::{LEARNING_RATE_MAX, PLAY_MAX_STEPS};

/// Takes one step; returns whether descent should go on.
fn step(ctx: Ctx) -> bool {
    let lr = ctx.learning_rate.get_untracked();
    let loss = ctx.scene.try_update(|s| s.gradient_step(lr)).unwrap_or(0.0);
    ctx.steps_taken.update(|n| *n += 1);
    loss > 0.0 && ctx.steps_taken.get_untracked() < PLAY_MAX_STEPS
}

/// Runs one step per animation frame while `playing` is set.
fn play_frame(ctx: Ctx) {
    request_animation_frame(move || {
        if !ctx.playing.get_untracked() {
            return;
        }
        if step(ctx) {
            play_frame(ctx);
        } else {
            ctx.playing.set(false);
        }
    });
}

/// The descent controls.
#[component]
pub fn DescentControl() -> impl IntoView {
    let ctx = use_ctx();
    let lr = Signal::derive(move || ctx.learning_rate.get());
    let set_lr = Callback::new(move |v: f32| ctx.learning_rate.set(v));
    let lr_label = Signal::derive(move || ctx.lang.get().t(Key::LearningRate).to_string());
    let flat = move || ctx.eval.with(|e| e.active == 0);
    view! {
        <section class="card descent" aria-labelledby="descent-heading">
            <h2 id="descent-heading">{ctx.t(Key::DescentHeading)}</h2>
            <label class="checkbox">
                <input
                    type="checkbox"
                    data-testid="grad-arrows"
                    prop:checked=move || ctx.show_arrows.get()
                    on:change=move |ev| ctx.show_arrows.set(event_target_checked(&ev))
                />
                {ctx.t(Key::ShowArrows)}
            </label>
            <div class="control-row">
                <label class="coord-axis">
                    <span class="control-label">{ctx.t(Key::LearningRate)}</span>
                    <NumberField
                        testid="learning-rate".to_string()
                        label=lr_label
                        value=lr
                        min=0.0
                        max=LEARNING_RATE_MAX
                        clamp_notice=Key::ErrLearningRateClamped
                        on_commit=set_lr
                    />
                </label>
            </div>
            <div class="button-row">
                <button
                    type="button"
                    data-testid="grad-step"
                    disabled=flat
                    on:click=move |_| {
                        step(ctx);
                    }
                >
                    {ctx.t(Key::Step)}
                </button>
                <button
                    type="button"
                    data-testid="grad-play"
                    aria-pressed=move || ctx.playing.get().to_string()
                    disabled=move || flat() && !ctx.playing.get()
                    on:click=move |_| {
                        if ctx.playing.get_untracked() {
                            ctx.playing.set(false);
                        } else if media_matches("(prefers-reduced-motion: reduce)") {
                            // No animation: run the descent to its end at once.
                            while step(ctx) {}
                        } else {
                            ctx.playing.set(true);
                            play_frame(ctx);
                        }
                    }
                >
                    {move || ctx.lang.get().t(if ctx.playing.get() { Key::Pause } else { Key::Play })}
                </button>
                <span class="steps">
                    {ctx.t(Key::StepsTaken)}
                    ": "
                    <strong data-testid="grad-steps" data-value=move || ctx.steps_taken.get().to_string()>
                        {move || ctx.steps_taken.get()}
                    </strong>
                </span>
            </div>
            <p class="hint">{ctx.t(Key::DescentNote)}</p>
        </section>
    }
}
