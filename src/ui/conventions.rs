//! The distance convention: a select, and all three conventions' numbers for
//! the current points side by side.

use leptos::prelude::*;

use super::context::use_ctx;
use crate::i18n::Key;
use crate::loss::convention::Convention;
use crate::state::input::{format_readout, full_precision};

fn label(c: Convention) -> Key {
    match c {
        Convention::Squared => Key::ConvSquared,
        Convention::Euclidean => Key::ConvEuclidean,
        Convention::PyTorch => Key::ConvPyTorch,
    }
}

/// Convention select and comparison table.
#[component]
pub fn Conventions() -> impl IntoView {
    let ctx = use_ctx();
    let rows = Memo::new(move |_| {
        ctx.scene.with(|s| Convention::ALL.into_iter().map(|c| (c, s.evaluate_as(c))).collect::<Vec<_>>())
    });
    view! {
        <section class="card conventions" aria-labelledby="conv-heading">
            <label class="picker-light">
                <span id="conv-heading" class="control-label">{ctx.t(Key::ConventionLabel)}</span>
                <select
                    data-testid="convention"
                    prop:value=move || ctx.scene.with(|s| s.convention.value())
                    on:change=move |ev| {
                        if let Some(c) = Convention::from_value(&event_target_value(&ev)) {
                            ctx.scene.update(|s| s.convention = c);
                        }
                    }
                >
                    {Convention::ALL
                        .into_iter()
                        .map(|c| view! { <option value=c.value()>{ctx.t(label(c))}</option> })
                        .collect_view()}
                </select>
            </label>
            <table class="conv-table">
                <caption>{ctx.t(Key::ConventionTable)}</caption>
                <thead>
                    <tr>
                        <th scope="col">{ctx.t(Key::ColConvention)}</th>
                        <th scope="col">"d(A, P1)"</th>
                        <th scope="col">"d(A, N1)"</th>
                        <th scope="col">{ctx.t(Key::ColSum)}</th>
                        <th scope="col">{ctx.t(Key::ColMean)}</th>
                        <th scope="col">{ctx.t(Key::ColActive)}</th>
                    </tr>
                </thead>
                <tbody>
                    {move || {
                        let current = ctx.scene.with(|s| s.convention);
                        rows.get()
                            .into_iter()
                            .map(|(c, e)| {
                                let first = |v: &Vec<f32>| v.first().copied().unwrap_or(0.0);
                                view! {
                                    <tr class:current=c == current>
                                        <th scope="row">{c.value()}</th>
                                        <td>{format_readout(first(&e.d_ap))}</td>
                                        <td>{format_readout(first(&e.d_an))}</td>
                                        <td
                                            data-testid=format!("conv-{}-sum", c.value())
                                            data-value=full_precision(e.sum)
                                        >
                                            {format_readout(e.sum)}
                                        </td>
                                        <td
                                            data-testid=format!("conv-{}-mean", c.value())
                                            data-value=full_precision(e.mean())
                                        >
                                            {format_readout(e.mean())}
                                        </td>
                                        <td>{format!("{}/{}", e.active, e.terms.len())}</td>
                                    </tr>
                                }
                            })
                            .collect_view()
                    }}
                </tbody>
            </table>
            <p class="hint">{ctx.t(Key::ConventionNote)}</p>
        </section>
    }
}
