//! Thin wrappers over the browser APIs the UI needs (storage, language
//! preferences, device pixel ratio). Failures degrade to defaults: private
//! browsing without storage must still work.

use wasm_bindgen::JsCast;

const LANG_KEY: &str = "tripletlab.lang";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok()?
}

/// The language the user chose last time, if stored.
pub fn stored_language() -> Option<String> {
    storage()?.get_item(LANG_KEY).ok()?
}

/// Remembers the language choice (ignored if storage is unavailable).
pub fn store_language(code: &str) {
    if let Some(s) = storage() {
        let _ = s.set_item(LANG_KEY, code);
    }
}

/// The browser's preferred languages (`navigator.languages`, then `navigator.language`).
pub fn browser_languages() -> Vec<String> {
    let Some(window) = web_sys::window() else { return Vec::new() };
    let navigator = window.navigator();
    let mut out: Vec<String> = navigator.languages().iter().filter_map(|v| v.as_string()).collect();
    if let Some(l) = navigator.language() {
        out.push(l);
    }
    out
}

/// Sets `<html lang>` and the document title.
pub fn set_document_language(code: &str, title: &str) {
    if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
        if let Some(html) = doc.document_element() {
            let _ = html.set_attribute("lang", code);
        }
        doc.set_title(title);
    }
}

/// Device pixels per CSS pixel (1 when unknown).
pub fn device_pixel_ratio() -> f64 {
    let dpr = web_sys::window().map(|w| w.device_pixel_ratio()).unwrap_or(1.0);
    if dpr.is_finite() && dpr > 0.0 {
        dpr
    } else {
        1.0
    }
}

/// Shows a visible error banner (used by the panic hook, so it must not
/// depend on any reactive state).
pub fn show_error_banner(message: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    let lang = doc.document_element().and_then(|e| e.get_attribute("lang")).unwrap_or_default();
    let lead = crate::i18n::Lang::from_code(&lang).unwrap_or(crate::i18n::Lang::En).t(crate::i18n::Key::PanicBanner);
    let banner = match doc.get_element_by_id("panic-banner") {
        Some(b) => b,
        None => match doc.create_element("div") {
            Ok(b) => {
                b.set_id("panic-banner");
                let _ = b.set_attribute("role", "alert");
                let _ = b.set_attribute("data-testid", "panic-banner");
                if let Some(body) = doc.body() {
                    let _ = body.prepend_with_node_1(&b);
                }
                b
            }
            Err(_) => return,
        },
    };
    banner.set_text_content(Some(&format!("{lead} {message}")));
    if let Ok(el) = banner.dyn_into::<web_sys::HtmlElement>() {
        let _ = el.focus();
    }
}

/// Whether a CSS media query matches (false when unknown).
pub fn media_matches(query: &str) -> bool {
    web_sys::window().and_then(|w| w.match_media(query).ok().flatten()).map(|m| m.matches()).unwrap_or(false)
}

/// Sets or clears a class on `<html>`.
pub fn set_root_class(class: &str, on: bool) {
    if let Some(html) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.document_element()) {
        let _ = html.class_list().toggle_with_force(class, on);
    }
}

/// Calls a promise-returning method by name and swallows a rejection, so a
/// refused request never becomes an "uncaught (in promise)" console error.
fn call_ignoring_rejection(target: &wasm_bindgen::JsValue, method: &str) {
    let Ok(function) = js_sys::Reflect::get(target, &method.into()) else { return };
    let Ok(function) = function.dyn_into::<js_sys::Function>() else { return };
    if let Ok(result) = function.call0(target) {
        if let Ok(promise) = result.dyn_into::<js_sys::Promise>() {
            let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
            let _ = promise.catch(&ignore);
            ignore.forget();
        }
    }
}

/// Enters or leaves full screen; refusals (no user gesture, iframes,
/// headless browsers) are ignored: presentation mode works without it.
pub fn set_fullscreen(on: bool) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else { return };
    if on {
        if let Some(html) = doc.document_element() {
            call_ignoring_rejection(&html.into(), "requestFullscreen");
        }
    } else if doc.fullscreen_element().is_some() {
        call_ignoring_rejection(&doc.into(), "exitFullscreen");
    }
}

/// Registers the service worker (`sw.js`, offline use after the first
/// visit). Browsers without service workers, or pages not served over
/// http(s) / localhost, simply go without.
pub fn register_service_worker() {
    let Some(window) = web_sys::window() else { return };
    let navigator: wasm_bindgen::JsValue = window.navigator().into();
    let Ok(container) = js_sys::Reflect::get(&navigator, &"serviceWorker".into()) else { return };
    if container.is_undefined() || container.is_null() {
        return;
    }
    let Ok(register) = js_sys::Reflect::get(&container, &"register".into()) else { return };
    let Ok(register) = register.dyn_into::<js_sys::Function>() else { return };
    if let Ok(result) = register.call1(&container, &"sw.js".into()) {
        if let Ok(promise) = result.dyn_into::<js_sys::Promise>() {
            let ignore = wasm_bindgen::closure::Closure::<dyn FnMut(wasm_bindgen::JsValue)>::new(|_| {});
            let _ = promise.catch(&ignore);
            ignore.forget();
        }
    }
}
