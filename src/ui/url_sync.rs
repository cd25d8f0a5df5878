//! The scene lives in the page's URL: read once at start, written back
//! (debounced, with `history.replaceState`, so there is no history spam and
//! no scroll jump) whenever the scene or the language changes. A malformed
//! or hostile link gives the defaults and a visible notice, never a crash.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::context::{use_ctx, Ctx};
use crate::i18n::{Key, Lang};
use crate::state::url::{decode, encode, Decoded, UrlState};

/// Delay before the URL is rewritten after the last change (drags change
/// the scene many times a second; browsers throttle `replaceState`).
const WRITE_DELAY_MS: i32 = 300;

/// The query string of the current page (without `?`).
pub fn read_location() -> Decoded {
    let search = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
    decode(&search)
}

/// What the URL holds: the scene, the language and the lesson step.
fn current_state(ctx: Ctx) -> UrlState {
    let step = ctx.lesson_step.get_untracked();
    UrlState {
        scene: ctx.scene.get_untracked(),
        lang: Some(ctx.lang.get_untracked()),
        lesson_step: (step > 0).then_some(step),
    }
}

fn write_location(query: &str) {
    let Some(window) = web_sys::window() else { return };
    let Ok(history) = window.history() else { return };
    let path = window.location().pathname().unwrap_or_else(|_| "/".into());
    let url = if query.is_empty() { path } else { format!("{path}?{query}") };
    let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url));
}

/// Keeps the URL in step with the scene and the language (call once in `App`).
pub fn sync_url_with_scene() {
    let ctx = use_ctx();
    let pending = StoredValue::new(false);
    Effect::new(move |first: Option<()>| {
        // Track the scene and language; skip the very first run (the URL
        // already describes the starting scene, or is empty on a clean start).
        ctx.scene.track();
        ctx.lang.track();
        ctx.lesson_step.track();
        if first.is_none() || pending.get_value() {
            return;
        }
        pending.set_value(true);
        let write = wasm_bindgen::closure::Closure::once_into_js(move || {
            pending.set_value(false);
            write_location(&encode(&current_state(ctx)));
        });
        if let Some(w) = web_sys::window() {
            let _ = w.set_timeout_with_callback_and_timeout_and_arguments_0(write.unchecked_ref(), WRITE_DELAY_MS);
        }
    });
}

/// The notice shown when the opening link had problems.
#[component]
pub fn UrlNoticeBanner(notices: Vec<String>) -> impl IntoView {
    let ctx = use_ctx();
    let open = RwSignal::new(!notices.is_empty());
    view! {
        <Show when=move || open.get()>
            <div class="notice" role="status" data-testid="url-notice">
                <p>
                    <strong>{ctx.t(Key::UrlNoticeLead)}</strong>
                </p>
                <ul class="notice-details" lang="en">
                    {notices.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                </ul>
                <button type="button" class="small" on:click=move |_| open.set(false)>
                    {ctx.t(Key::Dismiss)}
                </button>
            </div>
        </Show>
    }
}

/// Copies the current link (scene included) to the clipboard, or selects it
/// in a field when the clipboard is not available.
#[component]
pub fn CopyLink() -> impl IntoView {
    let ctx = use_ctx();
    let status = RwSignal::new(None::<Key>);
    let link = RwSignal::new(String::new());
    let copy = move |_| {
        let Some(window) = web_sys::window() else { return };
        let query = encode(&current_state(ctx));
        write_location(&query);
        let href = window.location().href().unwrap_or_default();
        link.set(href.clone());
        let promise = window.navigator().clipboard().write_text(&href);
        status.set(Some(Key::LinkShown));
        leptos::task::spawn_local(async move {
            if wasm_bindgen_futures::JsFuture::from(promise).await.is_ok() {
                status.set(Some(Key::LinkCopied));
            }
        });
    };
    view! {
        <div class="copy-link">
            <button type="button" class="header-button" data-testid="copy-link" on:click=copy>
                {ctx.t(Key::CopyLink)}
            </button>
            <span class="copy-status" role="status" data-testid="copy-status">
                {move || status.get().map(|k| ctx.lang.get().t(k)).unwrap_or("")}
            </span>
            <input
                class="link-field"
                readonly
                aria-label=ctx.t(Key::CopyLink)
                data-testid="link-field"
                hidden=move || status.get() != Some(Key::LinkShown)
                prop:value=move || link.get()
                on:focus=move |ev| {
                    if let Some(el) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        el.select();
                    }
                }
            />
        </div>
    }
}

/// The language a link asks for, if any.
pub fn link_language(decoded: &Decoded) -> Option<Lang> {
    decoded.state.lang
}
