//! Focusable handles laid over every drawn point: drag with mouse, pen or
//! touch (pointer capture), or Tab to a handle and nudge it with the arrow
//! keys (Shift for a larger step).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::{use_ctx, Ctx};
use crate::geom::viewport::Viewport;
use crate::i18n::Key;
use crate::state::input::format_coordinate;
use crate::state::scene::{snap, KEY_STEP, KEY_STEP_LARGE};
use crate::state::{PointId, Role};

/// Side of a handle in CSS pixels (a comfortable touch target).
const HANDLE_CSS: f64 = 40.0;

/// The point being dragged and where on it the pointer grabbed it.
#[derive(Clone, Copy)]
pub struct DragState {
    grabbed: RwSignal<Option<(PointId, f64, f64)>>,
    container: NodeRef<Div>,
    viewport: Memo<Viewport>,
    ctx: Ctx,
}

impl DragState {
    /// A drag tracker for points drawn in `container` with `viewport` (call inside a component).
    pub fn new(container: NodeRef<Div>, viewport: Memo<Viewport>) -> DragState {
        DragState { grabbed: RwSignal::new(None), container, viewport, ctx: use_ctx() }
    }

    fn local(&self, ev: &web_sys::PointerEvent) -> Option<(f64, f64)> {
        let rect = self.container.get_untracked()?.get_bounding_client_rect();
        Some((ev.client_x() as f64 - rect.left(), ev.client_y() as f64 - rect.top()))
    }

    /// Starts dragging `id`: captures the pointer on the event's target.
    pub fn start(&self, ev: &web_sys::PointerEvent, id: PointId) {
        ev.prevent_default();
        if let Some(target) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
            let _ = target.set_pointer_capture(ev.pointer_id());
        }
        let ctx = self.ctx;
        let Some((cx, cy)) = self.local(ev) else { return };
        let Some(p) = ctx.scene.with_untracked(|s| s.point(id)) else { return };
        let (px, py) = self.viewport.with_untracked(|v| v.project_css(p[0] as f64, p[1] as f64));
        self.grabbed.set(Some((id, cx - px, cy - py)));
        ctx.highlight.set(Some(id));
    }

    /// Moves the grabbed point to follow the pointer (snapped to the grid).
    pub fn moved(&self, ev: &web_sys::PointerEvent) {
        let Some((id, ox, oy)) = self.grabbed.get_untracked() else { return };
        let Some((cx, cy)) = self.local(ev) else { return };
        let (x, y) = self.viewport.with_untracked(|v| v.unproject_css(cx - ox, cy - oy));
        self.ctx.scene.update(|s| {
            let z = s.point(id).map(|p| p[2]).unwrap_or(0.0);
            s.set_point(id, [snap(x as f32), snap(y as f32), z]);
        });
    }

    /// Ends the drag.
    pub fn end(&self) {
        self.grabbed.set(None);
    }
}

/// One handle.
#[component]
fn Handle(id: PointId, viewport: Memo<Viewport>, drag: DragState) -> impl IntoView {
    let ctx = use_ctx();
    let point = move || ctx.scene.with(|s| s.point(id)).unwrap_or_default();
    let pos = move || {
        let p = point();
        viewport.with(|v| v.project_css(p[0] as f64, p[1] as f64))
    };
    let role = match id.role() {
        Role::Anchor => "anchor",
        Role::Positive => "positive",
        Role::Negative => "negative",
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let step = if ev.shift_key() { KEY_STEP_LARGE } else { KEY_STEP };
        let (dx, dy) = match ev.key().as_str() {
            "ArrowLeft" => (-step, 0.0),
            "ArrowRight" => (step, 0.0),
            "ArrowUp" => (0.0, step),
            "ArrowDown" => (0.0, -step),
            _ => return,
        };
        ev.prevent_default();
        ctx.scene.update(|s| {
            s.nudge(id, dx, dy);
        });
    };
    let aria = move || {
        let p = point();
        format!(
            "{id} ({}, {}): {}",
            format_coordinate(p[0]),
            format_coordinate(p[1]),
            ctx.lang.get().t(Key::HandleAria)
        )
    };
    view! {
        <button
            type="button"
            class=format!("handle role-{role}")
            data-testid=format!("handle-{id}")
            aria-label=aria
            aria-describedby="handle-help"
            style:left=move || format!("{}px", pos().0 - HANDLE_CSS / 2.0)
            style:top=move || format!("{}px", pos().1 - HANDLE_CSS / 2.0)
            style:width=format!("{HANDLE_CSS}px")
            style:height=format!("{HANDLE_CSS}px")
            on:pointerdown=move |ev| {
                drag.start(&ev, id);
                if let Some(el) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok()) {
                    let _ = el.focus();
                }
            }
            on:pointermove=move |ev| drag.moved(&ev)
            on:pointerup=move |_| drag.end()
            on:pointercancel=move |_| drag.end()
            on:keydown=on_key
            on:focus=move |_| ctx.highlight.set(Some(id))
            on:blur=move |_| ctx.highlight.set(None)
            on:pointerenter=move |_| ctx.highlight.set(Some(id))
            on:pointerleave=move |_| {
                if drag.grabbed.get_untracked().is_none() {
                    ctx.highlight.set(None)
                }
            }
        ></button>
    }
}

/// Handles for every point of the scene, keyed so focus survives updates.
#[component]
pub fn Handles(viewport: Memo<Viewport>, drag: DragState) -> impl IntoView {
    let ctx = use_ctx();
    let ids = move || ctx.scene.with(|s| s.points().into_iter().map(|(id, _)| id).collect::<Vec<_>>());
    view! { <For each=ids key=|id| *id children=move |id| view! { <Handle id=id viewport=viewport drag=drag /> } /> }
}
