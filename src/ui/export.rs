//! Export: the plot as a PNG file, and a Python snippet (numpy + the PyTorch
//! call) that reproduces the current numbers.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::use_ctx;
use crate::i18n::Key;
use crate::state::export::python_snippet;

/// Downloads the plot canvas as `tripletlab-plot.png`.
fn download_plot_png() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(canvas) = doc
        .query_selector("[data-testid='plot'] canvas")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::HtmlCanvasElement>().ok())
    else {
        return;
    };
    let Ok(url) = canvas.to_data_url_with_type("image/png") else { return };
    let Ok(link) = doc.create_element("a") else { return };
    let _ = link.set_attribute("href", &url);
    let _ = link.set_attribute("download", "tripletlab-plot.png");
    if let Ok(link) = link.dyn_into::<web_sys::HtmlElement>() {
        link.click();
    }
}

/// The export panel.
#[component]
pub fn ExportPanel() -> impl IntoView {
    let ctx = use_ctx();
    let show_python = RwSignal::new(false);
    let snippet = move || ctx.scene.with(python_snippet);
    view! {
        <section class="card export" aria-labelledby="export-heading">
            <h2 id="export-heading">{ctx.t(Key::ExportHeading)}</h2>
            <div class="button-row">
                <button type="button" data-testid="export-png" on:click=move |_| download_plot_png()>
                    {ctx.t(Key::ExportPng)}
                </button>
                <button
                    type="button"
                    data-testid="export-python"
                    aria-expanded=move || show_python.get().to_string()
                    on:click=move |_| show_python.update(|v| *v = !*v)
                >
                    {ctx.t(Key::ExportPython)}
                </button>
            </div>
            <Show when=move || show_python.get()>
                <p class="hint">{ctx.t(Key::ExportPythonHint)}</p>
                <pre class="code" data-testid="python-snippet" tabindex="0">
                    <code>{snippet}</code>
                </pre>
            </Show>
        </section>
    }
}
