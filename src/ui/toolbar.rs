//! The view toolbar above the plot: 2D / 3D and unit-sphere mode.

use leptos::prelude::*;

use super::context::use_ctx;
use crate::i18n::Key;
use crate::state::Dim;

/// 2D/3D switch and unit-sphere toggle.
#[component]
pub fn ViewToolbar() -> impl IntoView {
    let ctx = use_ctx();
    let dim = move || ctx.scene.with(|s| s.dim);
    let set_dim = move |d: Dim| ctx.scene.update(|s| s.set_dim(d));
    let unit = move || ctx.scene.with(|s| s.unit_sphere);
    view! {
        <div class="toolbar">
            <div class="segmented" role="group" aria-label=ctx.t(Key::Dimension)>
                <button
                    type="button"
                    data-testid="dim-2d"
                    aria-pressed=move || (dim() == Dim::Two).to_string()
                    on:click=move |_| set_dim(Dim::Two)
                >
                    {ctx.t(Key::Dim2D)}
                </button>
                <button
                    type="button"
                    data-testid="dim-3d"
                    aria-pressed=move || (dim() == Dim::Three).to_string()
                    on:click=move |_| set_dim(Dim::Three)
                >
                    {ctx.t(Key::Dim3D)}
                </button>
            </div>
            <label class="checkbox">
                <input
                    type="checkbox"
                    data-testid="unit-sphere"
                    prop:checked=unit
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        ctx.scene.update(|s| s.set_unit_sphere(on));
                    }
                />
                {ctx.t(Key::UnitSphere)}
            </label>
        </div>
        <p class="hint unit-note" hidden=move || !unit()>{ctx.t(Key::UnitSphereNote)}</p>
    }
}
