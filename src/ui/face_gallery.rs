//! The faces panel: loading progress, the backend indicator, the gallery
//! (one row per person, arrow keys move between faces) and the role buttons
//! that put the selected face into the scene as A, P or N.

use leptos::prelude::*;

use super::context::use_ctx;
use super::face_model::{use_face_model, Backend, FaceModel, ModelStatus};
use super::photo_panel::PhotoSection;
use crate::faces::{FaceSet, THUMB_SIDE};
use crate::i18n::{Key, Lang};
use crate::state::{FaceRole, PointId};

/// Side of a gallery thumbnail in CSS pixels.
const GALLERY_CSS: f64 = 48.0;

/// CSS for a `side`-pixel sprite of `face` cut from the atlas, or for a
/// user photo its own `data:` URL.
pub fn sprite_style(faces: &FaceSet, face: usize, side: f64) -> String {
    let Some(info) = faces.faces().get(face) else { return String::new() };
    if faces.is_user_photo(face) {
        let url = super::photo_thumb::thumb_url(&faces.thumbnail_rgba(face));
        return format!("background-image:url({url});background-size:{side}px {side}px;background-position:0 0");
    }
    let scale = side / THUMB_SIDE as f64;
    let (w, h) = faces.atlas_size();
    format!(
        "background-image:url({});background-size:{}px {}px;background-position:-{}px -{}px",
        super::face_model::ATLAS_URL,
        w as f64 * scale,
        h as f64 * scale,
        info.atlas_col as f64 * side,
        info.atlas_row as f64 * side,
    )
}

/// A face's description for screen readers and tooltips (person, then
/// lighting, camera angle and expression, as the lesson names them).
pub fn describe(faces: &FaceSet, face: usize, lang: Lang) -> String {
    let Some(info) = faces.faces().get(face) else { return String::new() };
    let name = faces.identities().get(info.identity).map_or("", |i| i.name.as_str());
    if faces.is_user_photo(face) {
        return format!("{name} #{}: {}", face + 1, lang.t(Key::PhotosYours));
    }
    let v = &info.variation;
    format!(
        "{name} #{}: {} {:.0}° × {:.2}; {} {:+.0}° / {:+.0}°; {} {} {:.1}, {} {:.1}",
        face + 1,
        lang.t(Key::FacesLighting),
        v.light_angle_deg,
        v.light_strength,
        lang.t(Key::FacesPose),
        v.yaw_deg,
        v.roll_deg,
        lang.t(Key::FacesExpression),
        lang.t(Key::FacesSmile),
        v.smile,
        lang.t(Key::FacesEyes),
        v.eye_openness,
    )
}

/// The first clause of a GPU error (wgpu's long technical detail in
/// parentheses stays in the notice's tooltip).
pub(super) fn short_reason(reason: &str) -> String {
    match reason.split_once(" (") {
        Some((head, _)) if !head.is_empty() => format!("{head}."),
        _ => reason.to_string(),
    }
}

/// The backend readout (`data-testid="backend"`, `data-value` = `webgpu`,
/// `cpu` or `starting`) with the adapter and the last forward time.
#[component]
fn BackendReadout(model: FaceModel) -> impl IntoView {
    let ctx = use_ctx();
    let text = move || match model.backend.get() {
        Backend::Starting if model.status.with(|s| matches!(s, ModelStatus::Failed(_))) => "—".to_string(),
        Backend::Starting => ctx.lang.get().t(Key::BackendStarting).to_string(),
        Backend::WebGpu(adapter) if adapter.is_empty() => "WebGPU".to_string(),
        Backend::WebGpu(adapter) => format!("WebGPU — {adapter}"),
        Backend::Cpu => "CPU (WebAssembly SIMD)".to_string(),
    };
    let time = move || {
        model.forward_ms.get().map(|ms| {
            let n = model.faces.with(|f| f.as_ref().map_or(0, |f| f.len()));
            format!(
                " · {} {ms:.1} ms ({n} {})",
                ctx.lang.get().t(Key::BackendForwardTime),
                ctx.lang.get().t(Key::FacesCount)
            )
        })
    };
    view! {
        <p class="backend">
            <span>{ctx.t(Key::BackendLabel)} ": "</span>
            <strong data-testid="backend" data-value=move || model.backend.with(Backend::value)>{text}</strong>
            <span data-testid="forward-time">{time}</span>
        </p>
        <Show when=move || model.fallback.with(Option::is_some)>
            <p class="notice" role="status" data-testid="backend-notice" title=move || model.fallback.get().unwrap_or_default()>
                {ctx.t(Key::BackendFallback)} " " {move || short_reason(&model.fallback.get().unwrap_or_default())}
            </p>
        </Show>
    }
}

/// Loading progress or the load error (with a retry button).
#[component]
fn LoadState(model: FaceModel) -> impl IntoView {
    let ctx = use_ctx();
    move || match model.status.get() {
        ModelStatus::Loading { loaded, total } => {
            let max = if total > 0.0 { total } else { 1.0 };
            let value = if total > 0.0 { loaded.min(total) } else { 0.0 };
            view! {
                <div class="face-loading" data-testid="faces-loading">
                    <label>
                        {ctx.t(Key::FacesLoading)}
                        <progress max=max value=value></progress>
                    </label>
                </div>
            }
            .into_any()
        }
        ModelStatus::Embedding => {
            view! { <p class="face-loading" data-testid="faces-loading">{ctx.t(Key::FacesEmbedding)}</p> }.into_any()
        }
        ModelStatus::Failed(message) => view! {
            <div class="notice error" role="alert" data-testid="faces-error">
                <p>{ctx.t(Key::FacesLoadError)} " " {message}</p>
                <button type="button" on:click=move |_| model.load()>{ctx.t(Key::FacesRetry)}</button>
            </div>
        }
        .into_any(),
        ModelStatus::Ready => ().into_any(),
    }
}

/// One gallery thumbnail (`data-testid="face-<index>"`).
#[component]
fn Thumbnail(model: FaceModel, face: usize, focus: RwSignal<usize>) -> impl IntoView {
    let ctx = use_ctx();
    let faces = move || model.faces.get();
    let style = move || faces().map(|f| sprite_style(&f, face, GALLERY_CSS)).unwrap_or_default();
    let label = move || faces().map(|f| describe(&f, face, ctx.lang.get())).unwrap_or_default();
    let role =
        move || ctx.scene.with(|s| s.faces.bound().into_iter().find(|(_, f)| *f == face).map(|(id, _)| id.to_string()));
    view! {
        <button
            type="button"
            class="face-thumb"
            id=format!("face-{face}")
            data-testid=format!("face-{face}")
            tabindex=move || if focus.get() == face { "0" } else { "-1" }
            aria-pressed=move || if model.selected.get() == Some(face) { "true" } else { "false" }
            aria-label=label
            title=label
            style=style
            on:click=move |_| {
                model.selected.set(Some(face));
                focus.set(face);
            }
            on:focus=move |_| focus.set(face)
        >
            {move || role().map(|r| view! { <span class="face-role">{r}</span> })}
        </button>
    }
}

/// Moves the gallery focus with the arrow keys (left/right within a person,
/// up/down to the same shot of the previous/next person), Home and End.
fn gallery_key(faces: &FaceSet, current: usize, key: &str) -> Option<usize> {
    let per = faces.faces().iter().filter(|f| f.identity == 0).count().max(1);
    let n = faces.len();
    let next = match key {
        "ArrowRight" => current + 1,
        "ArrowLeft" => current.checked_sub(1)?,
        "ArrowDown" => current + per,
        "ArrowUp" => current.checked_sub(per)?,
        "Home" => 0,
        "End" => n.checked_sub(1)?,
        _ => return None,
    };
    (next < n).then_some(next)
}

/// The faces panel.
#[component]
pub fn FacePanel() -> impl IntoView {
    let ctx = use_ctx();
    let model = use_face_model();
    let focus = RwSignal::new(0usize);
    let notice = RwSignal::new(None::<Key>);
    let assign = move |role: FaceRole| {
        let Some(face) = model.selected.get_untracked() else { return };
        let Some(embedding) = model.embedding(face) else { return };
        let faces = model.faces.get_untracked();
        let mut placed = None;
        ctx.scene.update(|s| placed = s.assign_face(role, face, embedding));
        let Some(id) = placed else {
            notice.set(Some(Key::FacesSetFull));
            return;
        };
        ctx.highlight.set(Some(id));
        // Say when the role contradicts the identities (a lesson in itself).
        let identity = |f: usize| faces.as_ref().and_then(|s| s.faces().get(f).map(|i| i.identity));
        let anchor = ctx.scene.with_untracked(|s| s.faces.face_of(PointId::Anchor)).and_then(identity);
        notice.set(match (role, anchor, identity(face)) {
            (FaceRole::Positive, Some(a), Some(f)) if a != f => Some(Key::FacesNotSamePerson),
            (FaceRole::Negative, Some(a), Some(f)) if a == f => Some(Key::FacesSamePerson),
            _ => None,
        });
    };
    let ready = move || model.status.with(|s| *s == ModelStatus::Ready);
    let can_assign = move || ready() && model.selected.get().is_some();
    let rows = move || {
        model.faces.get().map(|faces| {
            faces
                .identities()
                .iter()
                .map(|person| {
                    let members: Vec<usize> =
                        faces.faces().iter().filter(|f| f.identity == person.id).map(|f| f.index).collect();
                    let held_out = person.held_out;
                    let yours = person.id >= faces.bundled_identities();
                    view! {
                        <li class="face-row">
                            <span class="face-name">
                                {person.name.clone()}
                                {yours.then(|| view! { <small class="yours">{ctx.t(Key::PhotosYours)}</small> })}
                                {held_out.then(|| view! { <small class="held-out">{ctx.t(Key::FacesHeldOut)}</small> })}
                            </span>
                            <span class="face-strip">
                                {members.into_iter().map(|face| view! { <Thumbnail model=model face=face focus=focus /> }).collect_view()}
                            </span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        let Some(faces) = model.faces.get_untracked() else { return };
        if let Some(next) = gallery_key(&faces, focus.get_untracked(), &ev.key()) {
            ev.prevent_default();
            focus.set(next);
            if let Some(el) = document().get_element_by_id(&format!("face-{next}")) {
                use wasm_bindgen::JsCast;
                if let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() {
                    let _ = el.focus();
                }
            }
        }
    };
    let selected_text = move || {
        let lang = ctx.lang.get();
        match (model.selected.get(), model.faces.get()) {
            (Some(face), Some(faces)) => format!("{} {}", lang.t(Key::FacesSelected), describe(&faces, face, lang)),
            _ => lang.t(Key::FacesNoneSelected).to_string(),
        }
    };
    let embedding = move || model.selected.get().and_then(|face| model.embedding(face));
    let embedding_value =
        move || embedding().map(|e| e.iter().map(|v| v.to_string()).collect::<Vec<_>>().join(",")).unwrap_or_default();
    let embedding_text =
        move || embedding().map(|e| format!("f(x) = ({:.3}, {:.3}, {:.3})", e[0], e[1], e[2])).unwrap_or_default();
    view! {
        <section class="card faces-card" data-testid="faces-panel">
            <h2>{ctx.t(Key::FacesHeading)}</h2>
            <p class="hint">{ctx.t(Key::FacesIntro)}</p>
            <BackendReadout model=model />
            <LoadState model=model />
            <ul class="face-gallery" aria-label=ctx.t(Key::FacesGallery) on:keydown=on_key>
                {rows}
            </ul>
            <p class="face-selected" data-testid="face-selected" aria-live="polite">{selected_text}</p>
            <p class="face-embedding" data-testid="face-embedding" data-value=embedding_value>{embedding_text}</p>
            <div class="face-roles">
                <button type="button" data-testid="role-anchor" disabled=move || !can_assign() on:click=move |_| assign(FaceRole::Anchor)>
                    {ctx.t(Key::FacesRoleAnchor)}
                </button>
                <button type="button" data-testid="role-positive" disabled=move || !can_assign() on:click=move |_| assign(FaceRole::Positive)>
                    {ctx.t(Key::FacesRolePositive)}
                </button>
                <button type="button" data-testid="role-negative" disabled=move || !can_assign() on:click=move |_| assign(FaceRole::Negative)>
                    {ctx.t(Key::FacesRoleNegative)}
                </button>
            </div>
            <Show when=move || notice.get().is_some()>
                <p class="notice" role="status" data-testid="faces-notice">
                    {move || notice.get().map(|k| ctx.lang.get().t(k)).unwrap_or("")}
                </p>
            </Show>
            <label class="checkbox">
                <input type="checkbox" data-testid="faces-show-all" prop:checked=move || model.show_all.get()
                    on:change=move |ev| model.show_all.set(event_target_checked(&ev)) />
                {ctx.t(Key::FacesShowAll)}
            </label>
            <PhotoSection model=model />
        </section>
    }
}
