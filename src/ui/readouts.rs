//! Live numbers: d_ap, d_an, the hinge argument and the loss, the formula
//! with those numbers substituted (MathML) and a one-line verdict.

use leptos::prelude::*;

use super::context::use_ctx;
use crate::chart::formula::{substitution_formula, DistanceSymbol, Substitution};
use crate::chart::plot2d::negative_classes;
use crate::geom::regions::NegativeClass;
use crate::i18n::Key;
use crate::loss::convention::Convention;
use crate::state::input::{format_readout, full_precision};

/// One labelled number with its full-precision value in `data-value`.
#[component]
fn Readout(
    testid: &'static str,
    #[prop(into)] symbol: Signal<String>,
    #[prop(into)] label: Signal<Key>,
    #[prop(into)] value: Signal<f32>,
) -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class=format!("readout readout-{testid}")>
            <dt>
                <span class="symbol">{move || symbol.get()}</span>
                <span class="readout-label">{move || ctx.lang.get().t(label.get())}</span>
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
    let convention = move || ctx.scene.with(|s| s.convention);
    let formula = move || {
        let distance = match convention() {
            Convention::Squared => DistanceSymbol::Squared,
            Convention::Euclidean => DistanceSymbol::Plain,
            Convention::PyTorch => DistanceSymbol::PlusEps,
        };
        let live = eval.with(|e| Substitution::live(d_ap.get(), d_an.get(), e.alpha));
        substitution_formula(&Substitution { distance, ..live })
    };
    let symbol = move |x: &str| match convention() {
        Convention::Squared => format!("‖f(A) − f({x})‖²"),
        Convention::Euclidean => format!("‖f(A) − f({x})‖"),
        Convention::PyTorch => format!("‖f(A) − f({x}) + ε‖"),
    };
    let dap_symbol = Signal::derive(move || format!("d_ap = {}", symbol("P1")));
    let dan_symbol = Signal::derive(move || format!("d_an = {}", symbol("N1")));
    let dap_label =
        Signal::derive(
            move || if convention() == Convention::Squared { Key::ReadoutDap } else { Key::ReadoutDapPlain },
        );
    let dan_label =
        Signal::derive(
            move || if convention() == Convention::Squared { Key::ReadoutDan } else { Key::ReadoutDanPlain },
        );
    let class = move || eval.with(|e| negative_classes(e, 0).first().copied().unwrap_or(NegativeClass::Easy));
    let class_key = move || match class() {
        NegativeClass::Hard => Key::ClassHard,
        NegativeClass::SemiHard => Key::ClassSemiHard,
        NegativeClass::Easy => Key::ClassEasy,
    };
    // Screen readers hear the loss once it settles, not on every pointer move.
    let announcement = RwSignal::new(String::new());
    let timer = StoredValue::new(None::<leptos::prelude::TimeoutHandle>);
    Effect::new(move |_| {
        let text = format!("L = {}", format_readout(loss.get()));
        if let Some(handle) = timer.get_value() {
            handle.clear();
        }
        let handle = set_timeout_with_handle(move || announcement.set(text), std::time::Duration::from_millis(700));
        timer.set_value(handle.ok());
    });
    view! {
        <section class="card readouts keep-in-presentation" aria-labelledby="live-heading">
            <h2 id="live-heading">{ctx.t(Key::LiveNumbers)}</h2>
            <dl class="readout-grid">
                <Readout testid="d-ap" symbol=dap_symbol label=dap_label value=d_ap />
                <Readout testid="d-an" symbol=dan_symbol label=dan_label value=d_an />
                <Readout testid="hinge" symbol="d_ap − d_an + α (P1, N1)".to_string() label=Key::ReadoutHinge value=hinge />
                <Readout testid="loss" symbol="L = Σᵢ Σⱼ …".to_string() label=Key::ReadoutLoss value=loss />
            </dl>
            <div class="formula live" data-testid="formula-live" inner_html=formula></div>
            <p class="verdict" data-testid="verdict" class:zero=move || { loss.get() <= 0.0 }>
                {move || ctx.lang.get().t(if loss.get() > 0.0 { Key::VerdictPositive } else { Key::VerdictZero })}
            </p>
            <p class="visually-hidden" aria-live="polite" data-testid="loss-announcement">{announcement}</p>
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
