//! The lesson's sum beside the reductions libraries use instead.

use leptos::prelude::*;

use super::context::use_ctx;
use crate::i18n::Key;
use crate::state::input::{format_readout, full_precision};

/// One reduction row.
#[component]
fn Row(
    testid: &'static str,
    label: Key,
    #[prop(into)] value: Signal<f32>,
    #[prop(optional)] lesson: bool,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <tr class:lesson-row=lesson>
            <th scope="row">
                {ctx.t(label)}
                {lesson.then(|| view! { <span class="badge">{ctx.t(Key::LessonBadge)}</span> })}
            </th>
            <td data-testid=testid data-value=move || full_precision(value.get())>
                {move || format_readout(value.get())}
            </td>
        </tr>
    }
}

/// The reductions table.
#[component]
pub fn Reductions() -> impl IntoView {
    let ctx = use_ctx();
    let eval = ctx.eval;
    let sum = Signal::derive(move || eval.with(|e| e.sum));
    let mean = Signal::derive(move || eval.with(|e| e.mean()));
    let mean_nonzero = Signal::derive(move || eval.with(|e| e.mean_nonzero()));
    let batch_hard = Signal::derive(move || eval.with(|e| e.batch_hard()));
    let active = move || eval.with(|e| e.active);
    let total = move || eval.with(|e| e.terms.len());
    let fraction = move || eval.with(|e| e.active_fraction());
    view! {
        <section class="card reductions" aria-labelledby="reductions-heading">
            <h2 id="reductions-heading">{ctx.t(Key::ReductionsHeading)}</h2>
            <table class="reduction-table">
                <tbody>
                    <Row testid="reduction-sum" label=Key::ReductionSum value=sum lesson=true />
                    <Row testid="reduction-mean" label=Key::ReductionMean value=mean />
                    <Row testid="reduction-mean-nonzero" label=Key::ReductionMeanNonzero value=mean_nonzero />
                    <tr>
                        <th scope="row">{ctx.t(Key::ReductionActive)}</th>
                        <td data-testid="reduction-active-count" data-value=move || active().to_string()>
                            {move || format!("{} / {} ({:.0} %)", active(), total(), fraction() * 100.0)}
                        </td>
                    </tr>
                    <Row testid="reduction-batch-hard" label=Key::ReductionBatchHard value=batch_hard />
                </tbody>
            </table>
            <p class="hint">{ctx.t(Key::ReductionsNote)}</p>
        </section>
    }
}
