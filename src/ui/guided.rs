//! The guided lesson card: progress, the step's text, the invited action and
//! a check mark once the student has done it; Next / Back and ← → keys.
//! The training step also sets up the training panel (α = 0 beside α = 0.2
//! from step 0) and shows the two runs' live numbers.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::{use_ctx, Ctx};
use super::train_state::TrainUi;
use crate::i18n::Key;
use crate::state::lesson::{step, LessonContext, LessonStep, RunProgress, TrainingProgress, STEPS};

/// Goes to step `n` (clamped to 0..=STEPS) and sets up its scene (and, for
/// the training step, the training panel).
pub fn go_to(ctx: Ctx, n: u32) {
    let n = n.min(STEPS.len() as u32);
    ctx.lesson_step.set(n);
    if let Some(s) = step(n) {
        ctx.playing.set(false);
        ctx.steps_taken.set(0);
        ctx.scene.update(|scene| (s.setup)(scene));
        ctx.explained.set(ctx.scene.with_untracked(|s| s.preset));
        if s.uses_training {
            if let Some(ui) = ctx.train.get_untracked() {
                set_up_comparison(ui);
            }
        }
    }
}

/// The comparison of α = 0 and α = 0.2 from fresh weights, at step 0.
fn set_up_comparison(ui: TrainUi) {
    ui.pause();
    if !ui.compare.get_untracked() {
        ui.compare.set(true);
    }
    if ui.collapsed.get_untracked() {
        ui.collapsed.set(false);
    }
    ui.reset();
}

/// What the lesson sees of the training panel (copied from its signals).
fn progress_of(ui: TrainUi) -> TrainingProgress {
    let compare = ui.compare.get();
    ui.snapshot.with(|s| TrainingProgress {
        steps: s.step,
        compare,
        runs: s
            .runs
            .iter()
            .map(|h| RunProgress {
                alpha: h.alpha,
                loss: h.loss.last().copied(),
                accuracy: h.accuracy.last().map(|a| a.1),
            })
            .collect(),
    })
}

/// "α = 0: loss 0.0012, accuracy 86.1 %" for one run.
fn describe_run(run: &RunProgress, lang: crate::i18n::Lang) -> String {
    let loss = run.loss.map_or("—".to_string(), |l| format!("{l:.4}"));
    let accuracy = run.accuracy.map_or("—".to_string(), |a| format!("{:.1} %", a * 100.0));
    format!(
        "α = {}: {} {loss}, {} {accuracy}",
        run.alpha,
        lang.t(Key::TrainLossLabel).to_lowercase(),
        lang.t(Key::TrainAccuracyLabel).to_lowercase()
    )
}

/// Moves keyboard focus (and the view) to the training panel's Start button.
fn focus_training_panel() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let target = doc
        .query_selector("[data-testid=\"train-start\"]")
        .ok()
        .flatten()
        .or_else(|| doc.get_element_by_id("train-heading"));
    if let Some(el) = target {
        el.scroll_into_view();
        if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
            let _ = el.focus();
        }
    }
}

/// The training step's live line and its "go to the panel" button.
#[component]
fn TrainingLive(progress: Memo<Option<TrainingProgress>>) -> impl IntoView {
    let ctx = use_ctx();
    let line = move || {
        let lang = ctx.lang.get();
        progress.with(|p| match p {
            None => lang.t(Key::LessonTrainWaiting).to_string(),
            Some(p) => {
                let runs: Vec<String> = p.runs.iter().map(|r| describe_run(r, lang)).collect();
                format!(
                    "{} ({} {}): {}",
                    lang.t(Key::LessonTrainLive),
                    lang.t(Key::TrainStepLabel).to_lowercase(),
                    p.steps,
                    runs.join("; ")
                )
            }
        })
    };
    view! {
        <p class="lesson-live" data-testid="lesson-train-live" data-value=move || {
            progress.with(|p| p.as_ref().map_or(0, |p| p.steps)).to_string()
        }>{line}</p>
        <div class="button-row">
            <button type="button" data-testid="lesson-train-go" on:click=move |_| focus_training_panel()>
                {ctx.t(Key::LessonTrainGo)}
            </button>
        </div>
    }
}

/// The lesson card.
#[component]
pub fn GuidedLesson() -> impl IntoView {
    let ctx = use_ctx();
    let current = move || ctx.lesson_step.get();
    let total = STEPS.len() as u32;
    let training = Memo::new(move |_| ctx.train.get().filter(|ui| ui.ready.get()).map(progress_of));
    let done = Memo::new(move |_| {
        step(current()).is_some_and(|s| {
            ctx.scene.with(|scene| {
                ctx.eval.with(|eval| training.with(|t| (s.check)(&LessonContext { scene, eval, training: t.as_ref() })))
            })
        })
    });
    let uses_training = move || step(current()).is_some_and(|s| s.uses_training);
    let text =
        move |pick: fn(&LessonStep) -> Key| move || step(current()).map(|s| ctx.lang.get().t(pick(s))).unwrap_or("");
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
                <Show when=uses_training>
                    <TrainingLive progress=training />
                </Show>
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
