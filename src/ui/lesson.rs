//! The lesson's text beside the lab: the formula and its symbols, the worked
//! example (with buttons that set it up live) and the k×m formula with the
//! lesson's question and answer.

use leptos::prelude::*;

use super::context::use_ctx;
use crate::chart::formula::{multi_formula, substitution_formula, triplet_formula, Substitution};
use crate::i18n::Key;
use crate::state::input::format_readout;
use crate::state::{PointSet, Preset};

/// The formula and its symbols.
#[component]
pub fn FormulaPanel() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <section class="card lesson formula-panel" aria-labelledby="formula-heading">
            <h2 id="formula-heading">{ctx.t(Key::FormulaHeading)}</h2>
            <div class="formula" data-testid="formula" inner_html=triplet_formula()></div>
            <p>{ctx.t(Key::Where)}</p>
            <ul class="symbols">
                <li>{ctx.t(Key::SymbolA)}</li>
                <li>{ctx.t(Key::SymbolP)}</li>
                <li>{ctx.t(Key::SymbolN)}</li>
                <li>{ctx.t(Key::SymbolF)}</li>
                <li>{ctx.t(Key::SymbolNorm)}</li>
                <li>{ctx.t(Key::SymbolAlpha)}</li>
            </ul>
            <p class="hint">{ctx.t(Key::PlotIsEmbedding)}</p>
        </section>
    }
}

/// The lesson's worked example, 0.5 vs 0.51, without and with α = 0.2.
#[component]
pub fn WorkedExample() -> impl IntoView {
    let ctx = use_ctx();
    let show = move |alpha: f32| {
        ctx.scene.update(|s| {
            Preset::WorkedExample.apply(s);
            s.set_alpha(alpha);
        })
    };
    view! {
        <section class="card lesson worked" data-testid="worked-explanation" aria-labelledby="worked-heading">
            <h2 id="worked-heading">{ctx.t(Key::WorkedHeading)}</h2>
            <p>{ctx.t(Key::WorkedWithout)}</p>
            <div class="formula" inner_html=substitution_formula(&Substitution::lesson(None))></div>
            <p>{ctx.t(Key::WorkedZeroMeans)}</p>
            <p>{ctx.t(Key::WorkedWith)}</p>
            <div class="formula" inner_html=substitution_formula(&Substitution::lesson(Some(0.2)))></div>
            <p>{ctx.t(Key::WorkedKeepsLearning)}</p>
            <div class="button-row">
                <button type="button" data-testid="worked-alpha-0" on:click=move |_| show(0.0)>
                    {ctx.t(Key::WorkedShowWithout)}
                </button>
                <button type="button" data-testid="worked-alpha-02" on:click=move |_| show(0.2)>
                    {ctx.t(Key::WorkedShowWith)}
                </button>
            </div>
        </section>
    }
}

/// The k×m formula, the lesson's question and its answer, with a live
/// demonstration of how the number of terms, the sum and the mean change.
#[component]
pub fn MultiSection() -> impl IntoView {
    let ctx = use_ctx();
    let grow = move |set: PointSet| {
        ctx.scene.update(|s| {
            let n = s.set(set).len();
            s.resize_set(set, n + 1);
        })
    };
    view! {
        <section class="card lesson multi" aria-labelledby="multi-heading">
            <h2 id="multi-heading">{ctx.t(Key::MultiHeading)}</h2>
            <p>{ctx.t(Key::MultiIntro)}</p>
            <div class="formula" data-testid="formula-multi" inner_html=multi_formula()></div>
            <p>{ctx.t(Key::MultiSymbols)}</p>
            <p class="question" data-testid="lesson-question"><strong>{ctx.t(Key::MultiQuestion)}</strong></p>
            <ul>
                <li>{ctx.t(Key::MultiAnswerPositives)}</li>
                <li>{ctx.t(Key::MultiAnswerNegatives)}</li>
                <li>{ctx.t(Key::MultiAnswerTerms)}</li>
            </ul>
            <p class="live-demo" data-testid="multi-live">
                <strong>{ctx.t(Key::MultiLiveNow)}</strong>
                ": k = "
                {move || ctx.eval.with(|e| e.k())}
                ", m = "
                {move || ctx.eval.with(|e| e.m())}
                " → k·m = "
                <span data-testid="multi-terms">{move || ctx.eval.with(|e| e.terms.len())}</span>
                " "
                {ctx.t(Key::Terms)}
                "; Σ = "
                {move || ctx.eval.with(|e| format_readout(e.sum))}
                "; "
                {ctx.t(Key::ColMean)}
                " = "
                {move || ctx.eval.with(|e| format_readout(e.mean()))}
            </p>
            <p class="hint">{ctx.t(Key::MultiTry)}</p>
            <div class="button-row">
                <button type="button" on:click=move |_| grow(PointSet::Positives)>{ctx.t(Key::AddPositive)}</button>
                <button type="button" on:click=move |_| grow(PointSet::Negatives)>{ctx.t(Key::AddNegative)}</button>
            </div>
        </section>
    }
}
