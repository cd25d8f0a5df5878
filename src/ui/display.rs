//! Display modes for the classroom: presentation mode (large type, thick
//! lines and points, side panels hidden, full screen) and a light/dark theme
//! that starts from the system preference.

use leptos::prelude::*;

use super::browser::{media_matches, set_fullscreen, set_root_class};
use super::context::use_ctx;
use crate::i18n::Key;

/// How much larger lines, points and text are drawn in presentation mode.
pub const PRESENTATION_EMPHASIS: f64 = 1.6;

/// Applies the display modes to `<html>` (call once in `App`).
pub fn apply_display_modes() {
    let ctx = use_ctx();
    ctx.dark.set(media_matches("(prefers-color-scheme: dark)"));
    Effect::new(move |_| set_root_class("presentation", ctx.presentation.get()));
    Effect::new(move |_| set_root_class("dark", ctx.dark.get()));
}

/// The header's presentation and theme switches.
#[component]
pub fn DisplaySwitches() -> impl IntoView {
    let ctx = use_ctx();
    view! {
        <div class="display-switches">
            <button
                type="button"
                class="header-button"
                data-testid="presentation"
                aria-pressed=move || ctx.presentation.get().to_string()
                on:click=move |_| {
                    let on = !ctx.presentation.get_untracked();
                    ctx.presentation.set(on);
                    set_fullscreen(on);
                }
            >
                {ctx.t(Key::Presentation)}
            </button>
            <button
                type="button"
                class="header-button"
                data-testid="theme"
                aria-pressed=move || ctx.dark.get().to_string()
                on:click=move |_| ctx.dark.update(|d| *d = !*d)
            >
                {move || ctx.lang.get().t(if ctx.dark.get() { Key::ThemeLight } else { Key::ThemeDark })}
            </button>
        </div>
    }
}
