//! Live numbers: d_ap, d_an, the hinge argument and the loss, the formula
//! with those numbers substituted (MathML) and a one-line verdict.

use leptos::prelude::*;

use super::context::use_ctx;
use crate::chart::formula::{substitution_formula, Substitution};
use crate::chart::plot2d::negative_classes;
use crate::geom::regions::NegativeClass;
use crate::i18n::Key;
use crate::state::input::{format_readout, full_precision};

/// One labelled number with its full-precision value in `data-value`.
#[component]
fn Readout(testid: &'static str, symbol: &'static str, label: Key, #[prop(into)] value: Signal<f32>) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class=format!("readout readout-{testid}")>
            <dt>
                <span class="symbol">{symbol}</span>
                <span class="readout-label">{ctx.t(label)}</span>
            </dt>
            <dd data-testid=testid data-value=move || full_precision(value.get())>
                {move || format_readout(value.get())}
            </dd>
        </div>
    }
}

/// The live numbers panel for P1 and N1.
#[component]
pub fn Readouts() -> impl IntoView {
    let ctx = use_ctx();
    let eval = ctx.eval;
    let d_ap = Signal::derive(move || eval.with(|e| e.d_ap.first().copied().unwrap_or(0.0)));
    let d_an = Signal::derive(move || eval.with(|e| e.d_an.first().copied().unwrap_or(0.0)));
    let hinge =
        Signal::derive(move || eval.with(|e| if e.k() > 0 && e.m() > 0 { e.hinge_argument(0, 0) } else { 0.0 }));
    let loss = Signal::derive(move || eval.with(|e| e.sum));
    let formula = move || eval.with(|e| substitution_formula(&Substitution::live(d_ap.get(), d_an.get(), e.alpha)));
    let class = move || eval.with(|e| negative_classes(e, 0).first().copied().unwrap_or(NegativeClass::Easy));
    let class_key = move || match class() {
        NegativeClass::Hard => Key::ClassHard,
        NegativeClass::SemiHard => Key::ClassSemiHard,
        NegativeClass::Easy => Key::ClassEasy,
    };
    view! {
        <section class="card readouts" aria-labelledby="live-heading">
            <h2 id="live-heading">{ctx.t(Key::LiveNumbers)}</h2>
            <dl class="readout-grid">
                <Readout testid="d-ap" symbol="d_ap = ‖f(A) − f(P)‖²" label=Key::ReadoutDap value=d_ap />
                <Readout testid="d-an" symbol="d_an = ‖f(A) − f(N)‖²" label=Key::ReadoutDan value=d_an />
                <Readout testid="hinge" symbol="d_ap − d_an + α" label=Key::ReadoutHinge value=hinge />
                <Readout testid="loss" symbol="L" label=Key::ReadoutLoss value=loss />
            </dl>
            <div class="formula live" data-testid="formula-live" inner_html=formula></div>
            <p class="verdict" data-testid="verdict" class:zero=move || loss.get() <= 0.0>
                {move || ctx.lang.get().t(if loss.get() > 0.0 { Key::VerdictPositive } else { Key::VerdictZero })}
            </p>
            <p class="negative-class" data-testid="class-N1" data-value=move || class().value()>
                <span class=move || format!("class-dot class-{}", class().value())></span>
                {"N1 "}
                {ctx.t(Key::NegativeIs)}
                {" "}
                <strong>{move || ctx.lang.get().t(class_key())}</strong>
            </p>
        </section>
    }
}
