//! Numeric inputs for every point's coordinates (setting points without
//! dragging; WCAG 2.5.7).

use leptos::prelude::*;

use super::context::use_ctx;
use super::fields::NumberField;
use crate::i18n::Key;
use crate::state::scene::COORD_LIMIT;
use crate::state::{PointId, Role};

const AXES: [&str; 3] = ["x", "y", "z"];

/// One row: the point's name and an input per axis of the current dimension.
#[component]
fn CoordinateRow(id: PointId) -> impl IntoView {
    let ctx = use_ctx();
    let role = match id.role() {
        Role::Anchor => "anchor",
        Role::Positive => "positive",
        Role::Negative => "negative",
    };
    let components = Memo::new(move |_| ctx.scene.with(|s| s.dim.components()));
    let axes = move || (0..components.get()).collect::<Vec<_>>();
    view! {
        <div class=format!("coord-row role-{role}")>
            <span class="coord-name">{id.to_string()}</span>
            <For
                each=axes
                key=|axis| *axis
                children=move |axis| {
                    let value: Signal<f32> =
                        Memo::new(move |_| ctx.scene.with(|s| s.point(id).map(|p| p[axis]).unwrap_or(0.0))).into();
                    let label = Signal::derive(move || format!("{id} {}", AXES[axis]));
                    let commit = Callback::new(move |v: f32| {
                        ctx.scene.update(|s| {
                            s.set_coordinate(id, axis, v);
                        })
                    });
                    view! {
                        <label class="coord-axis">
                            <span aria-hidden="true">{AXES[axis]}</span>
                            <NumberField
                                testid=format!("coord-{id}-{}", AXES[axis])
                                label=label
                                value=value
                                min=-COORD_LIMIT
                                max=COORD_LIMIT
                                clamp_notice=Key::ErrCoordinateClamped
                                on_commit=commit
                            />
                        </label>
                    }
                }
            />
            {(id != PointId::Anchor)
                .then(|| {
                    let removable = move || {
                        ctx.scene
                            .with(|s| match id {
                                PointId::Positive(_) => s.positives.len() > 1,
                                _ => s.negatives.len() > 1,
                            })
                    };
                    view! {
                        <button
                            type="button"
                            class="remove"
                            data-testid=format!("remove-{id}")
                            aria-label=move || format!("{} {id}", ctx.lang.get().t(Key::RemovePoint))
                            title=move || format!("{} {id}", ctx.lang.get().t(Key::RemovePoint))
                            disabled=move || !removable()
                            on:click=move |_| {
                                ctx.scene
                                    .update(|s| {
                                        s.remove_point(id);
                                    })
                            }
                        >
                            "×"
                        </button>
                    }
                })}
        </div>
    }
}

/// The coordinate editor for all points.
#[component]
pub fn CoordinateEditor() -> impl IntoView {
    let ctx = use_ctx();
    let ids = move || ctx.scene.with(|s| s.points().into_iter().map(|(id, _)| id).collect::<Vec<_>>());
    view! {
        <section class="card coords" aria-labelledby="coords-heading">
            <h2 id="coords-heading">{ctx.t(Key::Coordinates)}</h2>
            <For each=ids key=|id| *id children=move |id| view! { <CoordinateRow id=id /> } />
        </section>
    }
}
