//! The k×m heat map of hinge terms. Hovering or focusing a cell highlights
//! its pair on the plot; hovering a point highlights its row or column.
//!
//! With up to 64 × 64 = 4096 cells, giving every cell its own reactive
//! subscriptions makes each drag cost tens of milliseconds. Instead the cells
//! are created once per (k, m) and a single effect writes only the cells
//! whose value or colour band changed (a drag changes one row or column).

use leptos::html::Table;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::use_ctx;
use crate::chart::palette::{heat_colour, needs_light_text};
use crate::i18n::Key;
use crate::loss::multi::KmEvaluation;
use crate::state::input::{format_readout, full_precision};
use crate::state::PointId;

/// Cells show their number only while they are big enough to read.
const MAX_SIDE_WITH_NUMBERS: usize = 8;
/// Colour bands of the heat scale (fewer DOM writes than a continuous scale).
const BANDS: f32 = 24.0;

/// Largest side of the heat map (k and m are at most 64).
const SIDE: usize = 64;

/// What a cell shows, in a form cheap to compare: the term's bits and its
/// colour band (`u8::MAX` for a zero term).
fn cell_key(e: &KmEvaluation, i: usize, j: usize, max: f32) -> (u32, u8) {
    let v = if i < e.k() && j < e.m() { e.term(i, j) } else { 0.0 };
    let band = if v > 0.0 && max > 0.0 { (v / max * BANDS).round() as u8 } else { u8::MAX };
    (v.to_bits(), band)
}

/// What one cell shows: `(data-value, text, title, style, zero)`.
fn cell_content(e: &KmEvaluation, i: usize, j: usize, max: f32) -> (String, String, String, String, bool) {
    let v = if i < e.k() && j < e.m() { e.term(i, j) } else { 0.0 };
    let text = if e.k().max(e.m()) <= MAX_SIDE_WITH_NUMBERS { format_readout(v) } else { String::new() };
    let title = format!("P{} × N{}: {}", i + 1, j + 1, format_readout(v));
    let style = if v > 0.0 {
        let band = if max > 0.0 { (v / max * BANDS).round() } else { 0.0 };
        let bg = heat_colour(band, BANDS);
        let fg = if needs_light_text(bg) { "#ffffff" } else { "#0f172a" };
        format!("background-color:{};color:{fg}", bg.hex())
    } else {
        String::new()
    };
    (full_precision(v), text, title, style, v <= 0.0)
}

/// Writes a cell's content.
fn update_cell(el: &web_sys::HtmlElement, content: (String, String, String, String, bool)) {
    let (value, text, title, style, zero) = content;
    let _ = el.set_attribute("data-value", &value);
    el.set_text_content(Some(&text));
    let _ = el.set_attribute("title", &title);
    let _ = el.set_attribute("aria-label", &title);
    let _ = el.class_list().toggle_with_force("zero", zero);
    let _ = el.set_attribute("style", &style);
}

/// What each cell currently shows (`SIDE × SIDE`, row-major), so the update
/// effect compares in Rust instead of reading the DOM.
#[derive(Clone, Copy)]
struct Shown(StoredValue<Vec<Option<(u32, u8)>>>);

/// One cell, rendered with the values at creation time; later changes come
/// from the heat map's update effect.
#[component]
fn Cell(i: usize, j: usize, shown: Shown) -> impl IntoView {
    let ctx = use_ctx();
    let (value, text, title, style, zero) = ctx.eval.with_untracked(|e| {
        let max = e.max_term();
        shown.0.update_value(|s| s[i * SIDE + j] = Some(cell_key(e, i, j, max)));
        cell_content(e, i, j, max)
    });
    view! {
        <td
            tabindex="0"
            class="heat-cell"
            class:zero=zero
            data-i=i.to_string()
            data-j=j.to_string()
            data-testid=format!("heatmap-cell-{}-{}", i + 1, j + 1)
            data-value=value
            title=title.clone()
            aria-label=title
            style=style
            on:pointerenter=move |_| ctx.heat_pair.set(Some((i, j)))
            on:pointerleave=move |_| ctx.heat_pair.set(None)
            on:focus=move |_| ctx.heat_pair.set(Some((i, j)))
            on:blur=move |_| ctx.heat_pair.set(None)
        >
            {text}
        </td>
    }
}

/// The heat map.
#[component]
pub fn Heatmap() -> impl IntoView {
    let ctx = use_ctx();
    let table = NodeRef::<Table>::new();
    let shown = Shown(StoredValue::new(vec![None; SIDE * SIDE]));
    let k = Memo::new(move |_| ctx.eval.with(|e| e.k()));
    let m = Memo::new(move |_| ctx.eval.with(|e| e.m()));
    let rows = move || (0..k.get()).collect::<Vec<_>>();
    let cols = move || (0..m.get()).collect::<Vec<_>>();

    // Values and colours.
    Effect::new(move |_| {
        let Some(table) = table.get() else { return };
        ctx.eval.with(|e| {
            let max = e.max_term();
            let (k, m) = (e.k().min(SIDE), e.m().min(SIDE));
            let changed: Vec<(usize, usize)> = shown.0.with_value(|s| {
                (0..k)
                    .flat_map(|i| (0..m).map(move |j| (i, j)))
                    .filter(|&(i, j)| s[i * SIDE + j] != Some(cell_key(e, i, j, max)))
                    .collect()
            });
            if changed.is_empty() {
                return;
            }
            let Ok(cells) = table.query_selector_all(".heat-cell") else { return };
            // Cells are in row-major order, k rows of m.
            if cells.length() as usize != k * m {
                return;
            }
            for (i, j) in changed {
                let Some(el) = cells.item((i * m + j) as u32).and_then(|c| c.dyn_into::<web_sys::HtmlElement>().ok())
                else {
                    continue;
                };
                update_cell(&el, cell_content(e, i, j, max));
                shown.0.update_value(|s| s[i * SIDE + j] = Some(cell_key(e, i, j, max)));
            }
        });
    });

    // Row / column / pair emphasis.
    Effect::new(move |_| {
        let (point, pair) = (ctx.highlight.get(), ctx.heat_pair.get());
        let Some(table) = table.get() else { return };
        let Ok(cells) = table.query_selector_all(".heat-cell") else { return };
        for n in 0..cells.length() {
            let Some(el) = cells.item(n).and_then(|c| c.dyn_into::<web_sys::Element>().ok()) else { continue };
            let index = |name: &str| el.get_attribute(name).and_then(|v| v.parse::<usize>().ok());
            let (Some(i), Some(j)) = (index("data-i"), index("data-j")) else { continue };
            let line = matches!(point, Some(PointId::Positive(p)) if p == i)
                || matches!(point, Some(PointId::Negative(q)) if q == j);
            let _ = el.class_list().toggle_with_force("line-focus", line);
            let _ = el.class_list().toggle_with_force("pair-focus", pair == Some((i, j)));
        }
    });

    view! {
        <section class="heatmap" aria-labelledby="heatmap-heading">
            <h2 id="heatmap-heading">{ctx.t(Key::HeatmapHeading)}</h2>
            <p class="hint">{ctx.t(Key::HeatmapHelp)}</p>
            <div class="heatmap-scroll">
                <table class="heat-table" data-testid="heatmap" node_ref=table>
                    <thead>
                        <tr>
                            <th scope="col" class="corner">"P \\ N"</th>
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
                                        <For each=cols key=|j| *j children=move |j| view! { <Cell i=i j=j shown=shown /> } />
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
