//! The guided lesson card: progress, the step's text, the invited action and
//! a check mark once the student has done it; Next / Back and ← → keys.

use leptos::prelude::*;

use super::context::{use_ctx, Ctx};
use crate::i18n::Key;
use crate::state::lesson::{step, STEPS};

/// Goes to step `n` (clamped to 0..=STEPS) and sets up its scene.
pub fn go_to(ctx: Ctx, n: u32) {
    let n = n.min(STEPS.len() as u32);
    ctx.lesson_step.set(n);
    if let Some(s) = step(n) {
        ctx.playing.set(false);
        ctx.steps_taken.set(0);
        ctx.scene.update(|scene| (s.setup)(scene));
        ctx.explained.set(ctx.scene.with_untracked(|s| s.preset));
    }
}

/// The lesson card.
#[component]
pub fn GuidedLesson() -> impl IntoView {
    let ctx = use_ctx();
    let current = move || ctx.lesson_step.get();
    let total = STEPS.len() as u32;
    let done = Memo::new(move |_| {
        step(current()).is_some_and(|s| ctx.scene.with(|scene| ctx.eval.with(|e| (s.check)(scene, e))))
    });
    let text = move |pick: fn(&crate::state::lesson::LessonStep) -> Key| {
        move || step(current()).map(|s| ctx.lang.get().t(pick(s))).unwrap_or("")
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "ArrowRight" if current() < total => {
            ev.prevent_default();
            go_to(ctx, current() + 1);
        }
        "ArrowLeft" if current() > 1 => {
            ev.prevent_default();
            go_to(ctx, current() - 1);
        }
        _ => {}
    };
    view! {
        <section
            class="card guided keep-in-presentation"
            aria-labelledby="guided-heading"
            tabindex="-1"
            on:keydown=on_key
        >
            <h2 id="guided-heading">
                {ctx.t(Key::LessonHeading)}
                <span class="progress" data-testid="lesson-step" data-value=move || current().to_string()>
                    {move || {
                        if current() == 0 {
                            String::new()
                        } else {
                            format!(" — {} {}/{}", ctx.lang.get().t(Key::LessonStepWord), current(), total)
                        }
                    }}
                </span>
            </h2>
            <div class="progress-bar" aria-hidden="true">
                <div style:width=move || format!("{}%", current() * 100 / total)></div>
            </div>
            <Show
                when=move || { current() > 0 }
                fallback=move || view! { <p>{ctx.t(Key::LessonIntro)}</p> }
            >
                <h3>{text(|s| s.title)}</h3>
                <p>{text(|s| s.body)}</p>
                <p class="task" class:done=move || done.get()>
                    <strong>{ctx.t(Key::LessonYourTurn)}</strong>
                    " "
                    {text(|s| s.task)}
                </p>
                <p class="task-done" role="status" data-testid="lesson-done" hidden=move || !done.get()>
                    "✓ "
                    {text(|s| s.done)}
                </p>
            </Show>
            <div class="button-row">
                <button
                    type="button"
                    data-testid="lesson-prev"
                    disabled=move || { current() <= 1 }
                    on:click=move |_| go_to(ctx, current().saturating_sub(1).max(1))
                >
                    {ctx.t(Key::LessonPrev)}
                </button>
                <button
                    type="button"
                    data-testid="lesson-next"
                    disabled=move || { current() >= total }
                    on:click=move |_| go_to(ctx, current() + 1)
                >
                    {move || ctx.lang.get().t(if current() == 0 { Key::LessonStart } else { Key::LessonNext })}
                </button>
            </div>
        </section>
    }
}
