//! The training panel's canvases: the curves chart
//! ([`crate::chart::train_curves`]) sized to its container, and one small
//! sphere of every face's embedding per run ([`crate::chart::sphere`]).

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;

use super::browser::device_pixel_ratio;
use super::context::use_ctx;
use super::train_state::TrainUi;
use crate::chart::sphere::{draw_sphere, sphere_camera};
use crate::chart::train_curves::{draw_train_curves, run_colour, CurveLabels, CurveSeries, STACK_BELOW_CSS};
use crate::geom::camera::Projector;
use crate::i18n::Key;

/// Side of a sphere canvas in CSS pixels.
pub const SPHERE_CSS: f64 = 200.0;

/// CSS height of the chart for a container `width` CSS pixels wide.
fn chart_height(width: f64) -> f64 {
    if width < STACK_BELOW_CSS {
        26.0 + 3.0 * 150.0
    } else {
        250.0
    }
}

/// "α = 0.2" for a run's legend and caption.
pub fn alpha_label(alpha: f32) -> String {
    format!("α = {alpha}")
}

/// The CSS class that colours a run's name (`run-zero` for α = 0, else
/// `run-margin`), light and dark themes alike.
pub fn run_class(alpha: f32) -> &'static str {
    if alpha == 0.0 {
        "run-zero"
    } else {
        "run-margin"
    }
}

/// Sizes `canvas` to `css_w × css_h` CSS pixels at the current device pixel ratio.
fn size_canvas(canvas: &web_sys::HtmlCanvasElement, css_w: f64, css_h: f64) -> f64 {
    let dpr = device_pixel_ratio();
    let (w, h) = ((css_w * dpr).round() as u32, (css_h * dpr).round() as u32);
    if canvas.width() != w || canvas.height() != h {
        canvas.set_width(w);
        canvas.set_height(h);
    }
    dpr
}

/// The curves of every run (`data-testid="train-chart"`, `data-runs`).
#[component]
pub fn TrainChart(ui: TrainUi) -> impl IntoView {
    let ctx = use_ctx();
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let width = RwSignal::new(640.0);
    let measure = move || {
        if let Some(el) = container.get_untracked() {
            let w = (el.client_width() as f64).max(200.0);
            if width.get_untracked() != w {
                width.set(w);
            }
        }
    };
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    Effect::new(move |_| {
        let snapshot = ui.snapshot.get();
        let lang = ctx.lang.get();
        let w = width.get();
        let Some(c) = canvas.get() else { return };
        let h = chart_height(w);
        let dpr = size_canvas(&c, w, h);
        let Some(backend) = CanvasBackend::with_canvas_object(c.clone()) else { return };
        let root = backend.into_drawing_area();
        let labels: Vec<String> = snapshot.runs.iter().map(|r| alpha_label(r.alpha)).collect();
        let series: Vec<CurveSeries> = snapshot
            .runs
            .iter()
            .zip(&labels)
            .map(|(h, label)| CurveSeries { label, colour: run_colour(h.alpha), history: h })
            .collect();
        let texts = CurveLabels {
            loss: lang.t(Key::TrainChartLoss),
            active: lang.t(Key::TrainChartActive),
            accuracy: lang.t(Key::TrainChartAccuracy),
            step: lang.t(Key::TrainChartStep),
        };
        if let Err(e) = draw_train_curves(&root, &series, &texts, dpr) {
            leptos::logging::warn!("training chart drawing failed: {e}");
        }
    });

    view! {
        <div class="train-chart" node_ref=container>
            <canvas
                node_ref=canvas
                data-testid="train-chart"
                data-runs=move || ui.snapshot.with(|s| s.runs.len())
                role="img"
                aria-label=ctx.t(Key::TrainChartLabel)
                style:height=move || format!("{}px", chart_height(width.get()))
            ></canvas>
        </div>
    }
}

/// Run `run`'s sphere (`data-testid="train-sphere-<run>"`, `data-step` =
/// the step its embeddings belong to).
#[component]
pub fn TrainSphere(ui: TrainUi, run: usize) -> impl IntoView {
    let ctx = use_ctx();
    let canvas = NodeRef::<Canvas>::new();
    let table = move || ui.spheres.with(|s| s.get(run).cloned().flatten());
    Effect::new(move |_| {
        let table = table();
        let Some(c) = canvas.get() else { return };
        let dpr = size_canvas(&c, SPHERE_CSS, SPHERE_CSS);
        let projector = Projector::new(&sphere_camera(), c.width(), c.height(), dpr);
        let Some(backend) = CanvasBackend::with_canvas_object(c.clone()) else { return };
        let root = backend.into_drawing_area();
        let ids = ui.identities.get_untracked();
        let points = table.as_ref().map_or(&[][..], |(_, e)| e.as_slice());
        if let Err(e) = draw_sphere(&root, &projector, points, &ids) {
            leptos::logging::warn!("sphere drawing failed: {e}");
        }
    });
    let alpha = move || ui.snapshot.with(|s| s.runs.get(run).map(|r| alpha_label(r.alpha)).unwrap_or_default());
    let class = move || ui.snapshot.with(|s| s.runs.get(run).map_or("", |r| run_class(r.alpha)));
    view! {
        <figure class="train-sphere">
            <canvas
                node_ref=canvas
                data-testid=format!("train-sphere-{run}")
                data-step=move || table().map(|t| t.0.to_string()).unwrap_or_default()
                role="img"
                aria-label=move || format!("{} — {}", ctx.lang.get().t(Key::TrainSphereCaption), alpha())
                style=format!("width:{SPHERE_CSS}px;height:{SPHERE_CSS}px")
            ></canvas>
            <figcaption class=class>{alpha}</figcaption>
        </figure>
    }
}
