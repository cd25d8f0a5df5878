//! The plot: a HiDPI canvas drawn by `chart::plot2d` or `chart::plot3d`,
//! sized to its container, with the point handles laid over it.

use leptos::html::{Canvas, Div};
use leptos::prelude::*;

use super::face_model::FaceModel;
use crate::chart::palette::identity_colour;
use crate::state::face_bindings::embedding_of;
use plotters::prelude::IntoDrawingArea;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;

use super::browser::device_pixel_ratio;
use super::context::use_ctx;
use super::display::PRESENTATION_EMPHASIS;
use super::gestures::Gestures;
use super::handles::{DragState, Handles};
use crate::chart::plot2d::{draw_plot2d, PlotOptions};
use crate::chart::plot3d::draw_plot3d;
use crate::geom::camera::Projector;
use crate::geom::regions::margin_rings;
use crate::geom::view::ViewGeometry;
use crate::geom::viewport::{fit_half_extent, Viewport, HALF_EXTENT};
use crate::i18n::Key;
use crate::state::descent::descent_arrows;
use crate::state::Dim;

/// Length of the longest gradient arrow, in scene units.
const ARROW_LENGTH: f32 = 0.45;

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
    // The 2D view fits the points, but never rescales in the middle of a drag.
    let extent = RwSignal::new(HALF_EXTENT);
    let dragging = RwSignal::new(false);
    Effect::new(move |_| {
        if dragging.get() {
            return;
        }
        let fitted = ctx.eval.with(|e| {
            let rings = margin_rings(e.d_ap.get(ctx.scene.with(|s| s.ring_positive)).copied().unwrap_or(0.0), e.alpha);
            ctx.scene.with(|s| {
                let points: Vec<_> = s.points().into_iter().map(|(_, p)| p).collect();
                fit_half_extent(&points, s.anchor, rings.outer)
            })
        });
        if extent.get_untracked() != fitted {
            extent.set(fitted);
        }
    });
    let geometry = Memo::new(move |_| {
        let s = size.get();
        let (w, h) = ((s.width * s.dpr).round() as u32, (s.height * s.dpr).round() as u32);
        match ctx.scene.with(|sc| sc.dim) {
            Dim::Two => ViewGeometry::Flat(Viewport::fit_extent(w, h, s.dpr, extent.get())),
            Dim::Three => ViewGeometry::Space(Projector::new(&ctx.camera.get(), w, h, s.dpr)),
        }
    });
    let drag = DragState::new(container, geometry, dragging);
    let gestures = Gestures::new(ctx, drag, geometry);

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
        if let Some(el) = container.get() {
            measure();
            gestures.attach_wheel(&el);
        }
    });
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    let observer_callback = Closure::<dyn FnMut()>::new(measure);
    if let Ok(observer) = web_sys::ResizeObserver::new(observer_callback.as_ref().unchecked_ref()) {
        Effect::new(move |_| {
            if let Some(el) = container.get() {
                observer.observe(&el);
            }
        });
    }
    observer_callback.forget();

    // Every face's embedding as a faint point coloured by person (3D only).
    let face_cloud = move || {
        let Some(model) = use_context::<FaceModel>() else { return Vec::new() };
        if !model.show_all.get() || ctx.scene.with(|s| s.dim) != Dim::Three {
            return Vec::new();
        }
        let Some(faces) = model.faces.get() else { return Vec::new() };
        model.embeddings.with(|table| {
            faces
                .faces()
                .iter()
                .filter_map(|f| Some((embedding_of(table, f.index)?, identity_colour(f.identity))))
                .collect()
        })
    };

    // Draw whenever the scene, its evaluation, the view or the highlights change.
    Effect::new(move |_| {
        let geometry = geometry.get();
        let eval = ctx.eval.get();
        let arrows = if ctx.show_arrows.get() {
            ctx.scene.with(|s| descent_arrows(&s.gradient(&eval), ARROW_LENGTH))
        } else {
            Vec::new()
        };
        let options = PlotOptions {
            ring_positive: ctx.scene.with(|s| s.ring_positive),
            highlight: ctx.highlight.get(),
            highlight_pair: ctx.heat_pair.get(),
            arrows,
            emphasis: if ctx.presentation.get() { PRESENTATION_EMPHASIS } else { 1.0 },
            cloud: face_cloud(),
        };
        let s = size.get_untracked();
        let (w, h) = ((s.width * s.dpr).round() as u32, (s.height * s.dpr).round() as u32);
        let Some(c) = canvas.get() else { return };
        if c.width() != w || c.height() != h {
            c.set_width(w);
            c.set_height(h);
        }
        let Some(backend) = CanvasBackend::with_canvas_object(c.clone()) else { return };
        let root = backend.into_drawing_area();
        let result = ctx.scene.with(|scene| match geometry {
            ViewGeometry::Flat(vp) => draw_plot2d(&root, scene, &eval, &vp, &options),
            ViewGeometry::Space(pr) => draw_plot3d(&root, scene, &eval, &pr, &options),
        });
        if let Err(e) = result {
            leptos::logging::warn!("plot drawing failed: {e}");
        }
    });

    let is_3d = move || ctx.scene.with(|s| s.dim == Dim::Three);
    view! {
        <div
            class="plot"
            class:space=is_3d
            node_ref=container
            data-testid="plot"
            data-dim=move || if is_3d() { "3d" } else { "2d" }
            role="group"
            aria-label=ctx.t(Key::PlotLabel)
            style:height=move || format!("{}px", size.get().height)
        >
            <canvas
                node_ref=canvas
                aria-hidden="true"
                style:width=move || format!("{}px", size.get().width)
                style:height=move || format!("{}px", size.get().height)
                on:pointerdown=move |ev| gestures.down(&ev)
                on:pointermove=move |ev| gestures.moved(&ev)
                on:pointerup=move |ev| gestures.up(&ev)
                on:pointercancel=move |ev| gestures.up(&ev)
            ></canvas>
            <Handles geometry=geometry drag=drag />
        </div>
        <p class="hint" hidden=move || !is_3d()>{ctx.t(Key::OrbitHelp)}</p>
    }
}
