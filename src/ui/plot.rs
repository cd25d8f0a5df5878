//! The 2D plot: a HiDPI canvas drawn by `chart::plot2d`, sized to its
//! container, with the point handles laid over it.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;

use super::browser::device_pixel_ratio;
use super::context::use_ctx;
use super::handles::{DragState, Handles};
use crate::chart::plot2d::{draw_plot2d, PlotOptions};
use crate::geom::viewport::Viewport;
use crate::i18n::Key;

/// Radius (CSS px) within which a press on the canvas grabs the nearest point.
const GRAB_RADIUS_CSS: f64 = 30.0;

/// Size of the plot in CSS pixels and the device pixel ratio.
#[derive(Clone, Copy, Debug, PartialEq)]
struct PlotSize {
    width: f64,
    height: f64,
    dpr: f64,
}

/// Height for a plot of the given width: close to square, never taller than
/// most of the window, never too small to use.
fn plot_height(width: f64, window_height: f64) -> f64 {
    (width * 0.82).min(window_height * 0.78).max(300.0)
}

/// The plot with its handles.
#[component]
pub fn PlotView() -> impl IntoView {
    let ctx = use_ctx();
    let container = NodeRef::<Div>::new();
    let canvas = NodeRef::<Canvas>::new();
    let size = RwSignal::new(PlotSize { width: 640.0, height: 520.0, dpr: 1.0 });
    let viewport = Memo::new(move |_| {
        let s = size.get();
        Viewport::fit((s.width * s.dpr).round() as u32, (s.height * s.dpr).round() as u32, s.dpr)
    });
    let drag = DragState::new(container, viewport);

    let measure = move || {
        let Some(el) = container.get_untracked() else { return };
        let width = (el.client_width() as f64).max(200.0);
        let window_height = window().inner_height().ok().and_then(|v| v.as_f64()).unwrap_or(800.0);
        let next = PlotSize { width, height: plot_height(width, window_height).round(), dpr: device_pixel_ratio() };
        if size.get_untracked() != next {
            size.set(next);
        }
    };

    // Measure once mounted, on window resizes (also catches zoom/DPR changes)
    // and when the container itself changes size.
    Effect::new(move |_| {
        if container.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let observer_callback = Closure::<dyn FnMut()>::new(move || measure());
    if let Ok(observer) = web_sys::ResizeObserver::new(observer_callback.as_ref().unchecked_ref()) {
        Effect::new(move |_| {
            if let Some(el) = container.get() {
                observer.observe(&el);
            }
        });
    }
    observer_callback.forget();

    // Draw whenever the scene, its evaluation, the size or the highlight change.
    Effect::new(move |_| {
        let vp = viewport.get();
        let eval = ctx.eval.get();
        let options = PlotOptions { ring_positive: 0, highlight: ctx.highlight.get(), ..PlotOptions::default() };
        let Some(c) = canvas.get() else { return };
        if c.width() != vp.width || c.height() != vp.height {
            c.set_width(vp.width);
            c.set_height(vp.height);
        }
        let Some(backend) = CanvasBackend::with_canvas_object(c.clone()) else { return };
        let root = backend.into_drawing_area();
        ctx.scene.with(|scene| {
            if let Err(e) = draw_plot2d(&root, scene, &eval, &vp, &options) {
                leptos::logging::warn!("plot drawing failed: {e}");
            }
        });
    });

    let on_canvas_down = move |ev: leptos::ev::PointerEvent| {
        let Some(el) = container.get_untracked() else { return };
        let rect = el.get_bounding_client_rect();
        let (cx, cy) = (ev.client_x() as f64 - rect.left(), ev.client_y() as f64 - rect.top());
        let points = ctx.scene.with_untracked(|s| s.points());
        if let Some(id) = viewport.with_untracked(|v| v.hit_test(&points, cx, cy, GRAB_RADIUS_CSS)) {
            drag.start(&ev, id);
        }
    };

    view! {
        <div
            class="plot"
            node_ref=container
            data-testid="plot"
            role="group"
            aria-label=ctx.t(Key::PlotLabel)
            style:height=move || format!("{}px", size.get().height)
        >
            <canvas
                node_ref=canvas
                aria-hidden="true"
                style:width=move || format!("{}px", size.get().width)
                style:height=move || format!("{}px", size.get().height)
                on:pointerdown=on_canvas_down
                on:pointermove=move |ev| drag.moved(&ev)
                on:pointerup=move |_| drag.end()
                on:pointercancel=move |_| drag.end()
            ></canvas>
            <Handles viewport=viewport drag=drag />
        </div>
    }
}
