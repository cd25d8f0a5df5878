//! The data table: every point (its coordinates) and every Pᵢ × Nⱼ term
//! (d_ap, d_an, the term, whether it is active), for screen readers and for
//! anyone who prefers numbers to a plot. A button shows or hides it (hidden
//! by default: with k = m = 64 it has 4096 rows). While shown it follows the
//! same core evaluation as every other readout (`ctx.eval`): no math here.

use leptos::prelude::*;

use super::context::use_ctx;
use crate::i18n::Key;
use crate::loss::multi::KmEvaluation;
use crate::state::input::{format_coordinate, format_readout, full_precision};
use crate::state::{PointId, Scene};

/// One row of the points table: name and coordinates (2 or 3).
#[derive(Clone, PartialEq)]
struct PointRow {
    id: PointId,
    coords: Vec<f32>,
}

/// One row of the terms table.
#[derive(Clone, PartialEq)]
struct TermRow {
    positive: usize,
    negative: usize,
    d_ap: f32,
    d_an: f32,
    term: f32,
}

fn point_rows(scene: &Scene) -> Vec<PointRow> {
    let dims = scene.dim.components();
    scene.points().into_iter().map(|(id, p)| PointRow { id, coords: p[..dims].to_vec() }).collect()
}

fn term_rows(e: &KmEvaluation) -> Vec<TermRow> {
    let mut rows = Vec::with_capacity(e.terms.len());
    for (i, &d_ap) in e.d_ap.iter().enumerate() {
        for (j, &d_an) in e.d_an.iter().enumerate() {
            rows.push(TermRow { positive: i, negative: j, d_ap, d_an, term: e.term(i, j) });
        }
    }
    rows
}

/// A numeric cell: formatted text, full precision in `data-value`.
fn number_cell(column: &'static str, v: f32) -> impl IntoView {
    view! { <td class="num" data-col=column data-value=full_precision(v)>{format_readout(v)}</td> }
}

/// The points table.
#[component]
fn PointsTable() -> impl IntoView {
    let ctx = use_ctx();
    let rows = Memo::new(move |_| ctx.scene.with(point_rows));
    let three = move || ctx.scene.with(|s| s.dim.components()) == 3;
    view! {
        <table class="data-table" data-testid="data-table-points">
            <caption>{ctx.t(Key::DataTablePointsCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{ctx.t(Key::DataTablePoint)}</th>
                    <th scope="col">"x"</th>
                    <th scope="col">"y"</th>
                    <Show when=three>
                        <th scope="col">"z"</th>
                    </Show>
                </tr>
            </thead>
            <tbody>
                {move || {
                    rows.get()
                        .into_iter()
                        .map(|row| {
                            let id = row.id;
                            view! {
                                <tr data-testid=format!("data-row-{id}")>
                                    <th scope="row">{id.to_string()}</th>
                                    {row
                                        .coords
                                        .iter()
                                        .zip(["x", "y", "z"])
                                        .map(|(&v, axis)| {
                                            view! {
                                                <td class="num" data-col=axis data-value=full_precision(v)>
                                                    {format_coordinate(v)}
                                                </td>
                                            }
                                        })
                                        .collect_view()}
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

/// The terms table.
#[component]
fn TermsTable() -> impl IntoView {
    let ctx = use_ctx();
    let rows = Memo::new(move |_| ctx.eval.with(term_rows));
    view! {
        <table class="data-table" data-testid="data-table-terms">
            <caption>{ctx.t(Key::DataTableTermsCaption)}</caption>
            <thead>
                <tr>
                    <th scope="col">{ctx.t(Key::DataTablePair)}</th>
                    <th scope="col">"d_ap"</th>
                    <th scope="col">"d_an"</th>
                    <th scope="col">{ctx.t(Key::DataTableTerm)}</th>
                    <th scope="col">{ctx.t(Key::ColActive)}</th>
                </tr>
            </thead>
            <tbody>
                {move || {
                    let lang = ctx.lang.get();
                    rows.get()
                        .into_iter()
                        .map(|r| {
                            let name = format!("P{}-N{}", r.positive + 1, r.negative + 1);
                            let active = r.term > 0.0;
                            view! {
                                <tr data-testid=format!("data-row-{name}") class:active=active>
                                    <th scope="row">{format!("P{} × N{}", r.positive + 1, r.negative + 1)}</th>
                                    {number_cell("d-ap", r.d_ap)}
                                    {number_cell("d-an", r.d_an)}
                                    {number_cell("term", r.term)}
                                    <td data-col="active" data-value=active.to_string()>
                                        {lang.t(if active { Key::DataTableYes } else { Key::DataTableNo })}
                                    </td>
                                </tr>
                            }
                        })
                        .collect_view()
                }}
            </tbody>
        </table>
    }
}

/// The data table section with its show / hide button.
#[component]
pub fn DataTable() -> impl IntoView {
    let ctx = use_ctx();
    let open = RwSignal::new(false);
    view! {
        <section class="card data-tables" aria-labelledby="data-table-heading" data-testid="data-table">
            <h2 id="data-table-heading">{ctx.t(Key::DataTableHeading)}</h2>
            <p class="hint">{ctx.t(Key::DataTableIntro)}</p>
            <div class="button-row">
            <button
                type="button"
                data-testid="data-table-toggle"
                aria-expanded=move || open.get().to_string()
                aria-controls="data-table-body"
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {move || ctx.lang.get().t(if open.get() { Key::DataTableHide } else { Key::DataTableShow })}
            </button>
            </div>
            <div
                id="data-table-body"
                class="data-table-scroll"
                role="region"
                aria-labelledby="data-table-heading"
                tabindex="0"
                hidden=move || !open.get()
            >
                <Show when=move || open.get()>
                    <PointsTable />
                    <p class="data-table-total" data-testid="data-table-sum" data-value=move || {
                        ctx.eval.with(|e| full_precision(e.sum))
                    }>
                        "L = Σ = "
                        {move || ctx.eval.with(|e| format_readout(e.sum))}
                        " · α = "
                        {move || ctx.eval.with(|e| format_readout(e.alpha))}
                    </p>
                    <TermsTable />
                </Show>
            </div>
        </section>
    }
}
