//! Focusable handles laid over every drawn point: drag with mouse, pen or
//! touch (pointer capture), or Tab to a handle and nudge it with the arrow
//! keys (Shift for a larger step); Delete removes a positive or negative.
//!
//! The handles are one Tab stop (roving tabindex): only the point focused
//! last has `tabindex="0"` (A at first), the others `-1`. Inside the group
//! `]` / Page Down go to the next point, `[` / Page Up to the previous one
//! (wrapping around), Home / End to the first / last; after a Delete the
//! focus moves to the point before the removed one.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::{use_ctx, Ctx};
use super::face_gallery::sprite_style;
use super::face_model::FaceModel;
use crate::geom::view::ViewGeometry;
use crate::i18n::Key;
use crate::state::input::format_coordinate;
use crate::state::scene::{snap, KEY_STEP, KEY_STEP_LARGE};
use crate::state::{PointId, Role};

/// Side of a face thumbnail drawn on its point, in CSS pixels.
const FACE_ON_PLOT_CSS: f64 = 36.0;

/// Side of a handle in CSS pixels (a comfortable touch target).
const HANDLE_CSS: f64 = 40.0;

/// The point being dragged and where on it the pointer grabbed it.
#[derive(Clone, Copy)]
pub struct DragState {
    grabbed: RwSignal<Option<(PointId, f64, f64)>>,
    dragging: RwSignal<bool>,
    container: NodeRef<Div>,
    geometry: Memo<ViewGeometry>,
    ctx: Ctx,
}

impl DragState {
    /// A drag tracker for points drawn in `container` (call inside a
    /// component); `dragging` mirrors whether a drag is under way.
    pub fn new(container: NodeRef<Div>, geometry: Memo<ViewGeometry>, dragging: RwSignal<bool>) -> DragState {
        DragState { grabbed: RwSignal::new(None), dragging, container, geometry, ctx: use_ctx() }
    }

    /// Pointer position relative to the plot, in CSS pixels.
    pub fn local(&self, ev: &web_sys::PointerEvent) -> Option<(f64, f64)> {
        let rect = self.container.get_untracked()?.get_bounding_client_rect();
        Some((ev.client_x() as f64 - rect.left(), ev.client_y() as f64 - rect.top()))
    }

    /// Whether a point is being dragged.
    pub fn active(&self) -> bool {
        self.grabbed.get_untracked().is_some()
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
        let Some((px, py)) = self.geometry.with_untracked(|g| g.project_css(p)) else { return };
        self.grabbed.set(Some((id, cx - px, cy - py)));
        self.dragging.set(true);
        ctx.highlight.set(Some(id));
        if let PointId::Positive(i) = id {
            ctx.scene.update(|s| s.ring_positive = i);
        }
    }

    /// Moves the grabbed point to follow the pointer (snapped to the grid).
    pub fn moved(&self, ev: &web_sys::PointerEvent) {
        let Some((id, ox, oy)) = self.grabbed.get_untracked() else { return };
        let Some((cx, cy)) = self.local(ev) else { return };
        let Some(current) = self.ctx.scene.with_untracked(|s| s.point(id)) else { return };
        let Some(target) = self.geometry.with_untracked(|g| g.drag_target(cx - ox, cy - oy, current)) else { return };
        self.ctx.scene.update(|s| {
            s.set_point(id, [snap(target[0]), snap(target[1]), snap(target[2])]);
        });
    }

    /// Ends the drag.
    pub fn end(&self) {
        if self.grabbed.get_untracked().is_some() {
            self.grabbed.set(None);
            self.dragging.set(false);
        }
    }
}

/// Which point a focus-moving key goes to from `from` among `order` (the
/// scene's points in order), if the key moves focus at all.
fn focus_target(order: &[PointId], from: PointId, key: &str) -> Option<PointId> {
    let n = order.len();
    let at = order.iter().position(|&p| p == from)?;
    let to = match key {
        "]" | "PageDown" => (at + 1) % n,
        "[" | "PageUp" => (at + n - 1) % n,
        "Home" => 0,
        "End" => n - 1,
        _ => return None,
    };
    Some(order[to])
}

/// The handle element of `id`, if it exists.
fn handle_element(id: PointId) -> Option<web_sys::HtmlElement> {
    let doc = web_sys::window()?.document()?;
    let selector = format!("[data-testid=\"handle-{id}\"]");
    doc.query_selector(&selector).ok().flatten()?.dyn_into::<web_sys::HtmlElement>().ok()
}

/// Focuses the handle of `id` (when it is shown).
fn focus_handle(id: PointId) {
    if let Some(el) = handle_element(id) {
        let _ = el.focus();
    }
}

/// One handle; `current` is the group's Tab stop (roving tabindex).
#[component]
fn Handle(id: PointId, geometry: Memo<ViewGeometry>, drag: DragState, current: RwSignal<PointId>) -> impl IntoView {
    let ctx = use_ctx();
    let point = Memo::new(move |_| ctx.scene.with(|s| s.point(id)).unwrap_or_default());
    let pos = Memo::new(move |_| geometry.with(|g| g.project_css(point.get())));
    let point = move || point.get();
    let pos = move || pos.get();
    let role = match id.role() {
        Role::Anchor => "anchor",
        Role::Positive => "positive",
        Role::Negative => "negative",
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        // The shown points in order (a point projected off the view has a hidden handle).
        let order = || {
            let ids = ctx.scene.with_untracked(|s| s.points().into_iter().map(|(p, _)| p).collect::<Vec<_>>());
            ids.into_iter().filter(|&p| p == id || handle_element(p).is_some_and(|e| !e.hidden())).collect::<Vec<_>>()
        };
        if matches!(ev.key().as_str(), "Delete" | "Backspace") {
            ev.prevent_default();
            ctx.highlight.set(None);
            let before = focus_target(&order(), id, "[");
            let mut removed = false;
            ctx.scene.update(|s| {
                removed = s.remove_point(id);
            });
            if let (true, Some(to)) = (removed, before) {
                current.set(to);
                focus_handle(to);
            }
            return;
        }
        if let Some(to) = focus_target(&order(), id, &ev.key()) {
            ev.prevent_default();
            current.set(to);
            focus_handle(to);
            return;
        }
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
    let three = Memo::new(move |_| ctx.scene.with(|s| s.dim.components()) == 3);
    let aria = move || {
        let p = point();
        let coords = if three.get() {
            format!("{}, {}, {}", format_coordinate(p[0]), format_coordinate(p[1]), format_coordinate(p[2]))
        } else {
            format!("{}, {}", format_coordinate(p[0]), format_coordinate(p[1]))
        };
        format!("{id} ({coords}): {}", ctx.lang.get().t(Key::HandleAria))
    };
    view! {
        <button
            type="button"
            class=format!("handle role-{role}")
            data-testid=format!("handle-{id}")
            aria-label=aria
            aria-describedby="handle-help"
            tabindex=move || if current.get() == id { "0" } else { "-1" }
            hidden=move || pos().is_none()
            style:left=move || format!("{}px", pos().map_or(0.0, |p| p.0) - HANDLE_CSS / 2.0)
            style:top=move || format!("{}px", pos().map_or(0.0, |p| p.1) - HANDLE_CSS / 2.0)
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
            on:focus=move |_| {
                current.set(id);
                ctx.highlight.set(Some(id));
                if let PointId::Positive(i) = id {
                    ctx.scene.update(|s| s.ring_positive = i);
                }
            }
            on:blur=move |_| ctx.highlight.set(None)
            on:pointerenter=move |_| ctx.highlight.set(Some(id))
            on:pointerleave=move |_| {
                if !drag.active() {
                    ctx.highlight.set(None)
                }
            }
        >
            {move || face_thumbnail(id)}
        </button>
    }
}

/// The thumbnail of the face a point is bound to, drawn on the point.
fn face_thumbnail(id: PointId) -> Option<impl IntoView> {
    let ctx = use_ctx();
    let model = use_context::<FaceModel>()?;
    let face = ctx.scene.with(|s| s.faces.face_of(id))?;
    let faces = model.faces.get()?;
    (face < faces.len()).then(|| {
        view! { <span class="handle-face" data-face=face style=sprite_style(&faces, face, FACE_ON_PLOT_CSS)></span> }
    })
}

/// Handles for every point of the scene, keyed so focus survives updates.
#[component]
pub fn Handles(geometry: Memo<ViewGeometry>, drag: DragState) -> impl IntoView {
    let ctx = use_ctx();
    let ids = move || ctx.scene.with(|s| s.points().into_iter().map(|(id, _)| id).collect::<Vec<_>>());
    let current = RwSignal::new(PointId::Anchor);
    // The Tab stop falls back to A when its point is removed.
    Effect::new(move |_| {
        let here = current.get();
        if ctx.scene.with(|s| s.point(here).is_none()) {
            current.set(PointId::Anchor);
        }
    });
    view! {
        <For
            each=ids
            key=|id| *id
            children=move |id| view! { <Handle id=id geometry=geometry drag=drag current=current /> }
        />
    }
}
