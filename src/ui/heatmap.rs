//! The k×m heat map of hinge terms. Hovering or focusing a cell highlights
//! its pair on the plot; hovering a point highlights its row or column.

use leptos::prelude::*;

use super::context::use_ctx;
use crate::chart::palette::{heat_colour, needs_light_text};
use crate::i18n::Key;
use crate::state::input::{format_readout, full_precision};
use crate::state::PointId;

/// Cells show their number only while they are big enough to read.
const MAX_SIDE_WITH_NUMBERS: usize = 8;

/// One cell.
#[component]
fn Cell(i: usize, j: usize) -> impl IntoView {
    let ctx = use_ctx();
    let value = move || ctx.eval.with(|e| if i < e.k() && j < e.m() { e.term(i, j) } else { 0.0 });
    let max = move || ctx.eval.with(|e| e.terms.iter().copied().fold(0.0_f32, f32::max));
    let style = move || {
        let v = value();
        if v > 0.0 {
            let bg = heat_colour(v, max());
            let fg = if needs_light_text(bg) { "#ffffff" } else { "#0f172a" };
            format!("background-color:{};color:{fg}", bg.hex())
        } else {
            String::new()
        }
    };
    let show_numbers = move || ctx.eval.with(|e| e.k().max(e.m()) <= MAX_SIDE_WITH_NUMBERS);
    let in_focus = move || match ctx.highlight.get() {
        Some(PointId::Positive(p)) => p == i,
        Some(PointId::Negative(n)) => n == j,
        _ => false,
    };
    let title = move || format!("P{} × N{}: {}", i + 1, j + 1, format_readout(value()));
    view! {
        <td
            tabindex="0"
            class="heat-cell"
            class:zero=move || { value() <= 0.0 }
            class:line-focus=in_focus
            class:pair-focus=move || ctx.heat_pair.get() == Some((i, j))
            data-testid=format!("heatmap-cell-{}-{}", i + 1, j + 1)
            data-value=move || full_precision(value())
            title=title
            aria-label=title
            style=style
            on:pointerenter=move |_| ctx.heat_pair.set(Some((i, j)))
            on:pointerleave=move |_| ctx.heat_pair.set(None)
            on:focus=move |_| ctx.heat_pair.set(Some((i, j)))
            on:blur=move |_| ctx.heat_pair.set(None)
        >
            {move || if show_numbers() { format_readout(value()) } else { String::new() }}
        </td>
    }
}

/// The heat map.
#[component]
pub fn Heatmap() -> impl IntoView {
    let ctx = use_ctx();
    let rows = move || (0..ctx.eval.with(|e| e.k())).collect::<Vec<_>>();
    let cols = move || (0..ctx.eval.with(|e| e.m())).collect::<Vec<_>>();
    view! {
        <section class="heatmap" aria-labelledby="heatmap-heading">
            <h2 id="heatmap-heading">{ctx.t(Key::HeatmapHeading)}</h2>
            <p class="hint">{ctx.t(Key::HeatmapHelp)}</p>
            <div class="heatmap-scroll">
                <table class="heat-table" data-testid="heatmap">
                    <thead>
                        <tr>
                            <th></th>
                            <For
                                each=cols
                                key=|j| *j
                                children=move |j| view! { <th scope="col" class="neg-head">{format!("N{}", j + 1)}</th> }
                            />
                        </tr>
                    </thead>
                    <tbody>
                        <For
                            each=rows
                            key=|i| *i
                            children=move |i| {
                                view! {
                                    <tr>
                                        <th scope="row" class="pos-head">{format!("P{}", i + 1)}</th>
                                        <For each=cols key=|j| *j children=move |j| view! { <Cell i=i j=j /> } />
                                    </tr>
                                }
                            }
                        />
                    </tbody>
                </table>
            </div>
        </section>
    }
}
