//! Pointer gestures on the plot background: press a point to drag it; in 3D
//! drag the background to orbit and pinch (two pointers) or wheel to zoom.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::context::Ctx;
use super::handles::DragState;
use crate::geom::view::ViewGeometry;
use crate::state::Dim;

/// Radius (CSS px) within which a press on the canvas grabs the nearest point.
const GRAB_RADIUS_CSS: f64 = 30.0;
/// Zoom factor per wheel pixel.
const WHEEL_ZOOM_PER_PX: f64 = 0.0015;

/// Pointers currently pressed on the canvas and what they are doing.
#[derive(Clone, Copy)]
pub struct Gestures {
    pointers: StoredValue<Vec<(i32, f64, f64)>>,
    orbiting: StoredValue<bool>,
    ctx: Ctx,
    drag: DragState,
    geometry: Memo<ViewGeometry>,
}

fn pinch_distance(p: &[(i32, f64, f64)]) -> Option<f64> {
    match p {
        [a, b, ..] => Some(((a.1 - b.1).powi(2) + (a.2 - b.2).powi(2)).sqrt()),
        _ => None,
    }
}

impl Gestures {
    /// Gesture state for one plot.
    pub fn new(ctx: Ctx, drag: DragState, geometry: Memo<ViewGeometry>) -> Gestures {
        Gestures { pointers: StoredValue::new(Vec::new()), orbiting: StoredValue::new(false), ctx, drag, geometry }
    }

    fn is_3d(&self) -> bool {
        self.ctx.scene.with_untracked(|s| s.dim == Dim::Three)
    }

    /// A pointer went down on the canvas.
    pub fn down(&self, ev: &web_sys::PointerEvent) {
        let Some((cx, cy)) = self.drag.local(ev) else { return };
        self.pointers.update_value(|p| p.push((ev.pointer_id(), cx, cy)));
        if self.pointers.with_value(|p| p.len()) >= 2 {
            // A second finger: pinch instead of drag / orbit.
            self.drag.end();
            self.orbiting.set_value(false);
            return;
        }
        let points = self.ctx.scene.with_untracked(|s| s.points());
        if let Some(id) = self.geometry.with_untracked(|g| g.hit_test(&points, cx, cy, GRAB_RADIUS_CSS)) {
            self.drag.start(ev, id);
        } else if self.is_3d() {
            ev.prevent_default();
            if let Some(t) = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) {
                let _ = t.set_pointer_capture(ev.pointer_id());
            }
            self.orbiting.set_value(true);
        }
    }

    /// A pointer moved.
    pub fn moved(&self, ev: &web_sys::PointerEvent) {
        let Some((cx, cy)) = self.drag.local(ev) else { return };
        let id = ev.pointer_id();
        let before = self.pointers.with_value(|p| p.clone());
        let Some(prev) = before.iter().find(|p| p.0 == id).copied() else {
            return;
        };
        self.pointers.update_value(|p| {
            if let Some(q) = p.iter_mut().find(|q| q.0 == id) {
                *q = (id, cx, cy);
            }
        });
        if before.len() >= 2 {
            let after = self.pointers.with_value(|p| p.clone());
            if let (Some(d0), Some(d1)) = (pinch_distance(&before), pinch_distance(&after)) {
                if self.is_3d() && d0 > 0.0 && d1 > 0.0 {
                    self.ctx.camera.update(|c| c.zoom(d0 / d1));
                }
            }
        } else if self.drag.active() {
            self.drag.moved(ev);
        } else if self.orbiting.get_value() {
            self.ctx.camera.update(|c| c.orbit(cx - prev.1, cy - prev.2));
        }
    }

    /// A pointer went up or was cancelled.
    pub fn up(&self, ev: &web_sys::PointerEvent) {
        let id = ev.pointer_id();
        self.pointers.update_value(|p| p.retain(|q| q.0 != id));
        self.drag.end();
        self.orbiting.set_value(false);
    }

    /// Attaches a non-passive wheel listener (so the page does not scroll
    /// while zooming the 3D view).
    pub fn attach_wheel(&self, el: &web_sys::HtmlElement) {
        let ctx = self.ctx;
        let on_wheel = Closure::<dyn FnMut(web_sys::WheelEvent)>::new(move |ev: web_sys::WheelEvent| {
            if ctx.scene.with_untracked(|s| s.dim == Dim::Three) {
                ev.prevent_default();
                let delta = ev.delta_y().clamp(-200.0, 200.0);
                ctx.camera.update(|c| c.zoom((delta * WHEEL_ZOOM_PER_PX).exp()));
            }
        });
        let options = web_sys::AddEventListenerOptions::new();
        options.set_passive(false);
        let _ = el.add_event_listener_with_callback_and_add_event_listener_options(
            "wheel",
            on_wheel.as_ref().unchecked_ref(),
            &options,
        );
        on_wheel.forget();
    }
}
