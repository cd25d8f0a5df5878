//! A validated number field: plain text in, a clamped finite number out, a
//! specific inline message for anything else, and the last good value kept.

use leptos::prelude::*;

use super::context::use_ctx;
use crate::i18n::Key;
use crate::state::input::{format_coordinate, parse_number, FieldError};

/// A text field bound to a number.
///
/// While the user types, the field shows their text; once it loses focus it
/// shows the accepted value again. Every accepted value (clamped into
/// `[min, max]`) is passed to `on_commit`; refused text leaves the value alone.
#[component]
pub fn NumberField(
    /// `data-testid` of the input; its message gets `error-<testid>`.
    testid: String,
    /// Accessible name.
    #[prop(into)]
    label: Signal<String>,
    /// The current accepted value.
    #[prop(into)]
    value: Signal<f32>,
    /// Lowest accepted value.
    min: f32,
    /// Highest accepted value.
    max: f32,
    /// Message shown when a value had to be clamped.
    clamp_notice: Key,
    /// Receives every accepted value.
    on_commit: Callback<f32>,
) -> impl IntoView {
    let ctx = use_ctx();
    let draft = RwSignal::new(None::<String>);
    let message = RwSignal::new(None::<Key>);
    let invalid = move || matches!(message.get(), Some(Key::ErrNotNumber | Key::ErrNotFinite));
    let on_input = move |ev| {
        let text = event_target_value(&ev);
        match parse_number(&text, min, max) {
            Ok(accepted) => {
                message.set(accepted.clamped.then_some(clamp_notice));
                on_commit.run(accepted.value);
            }
            Err(FieldError::NotANumber) => message.set(Some(Key::ErrNotNumber)),
            Err(FieldError::NotFinite) => message.set(Some(Key::ErrNotFinite)),
        }
        draft.set(Some(text));
    };
    let error_id = format!("error-{testid}");
    view! {
        <span class="number-field">
            <input
                type="text"
                inputmode="decimal"
                autocomplete="off"
                spellcheck="false"
                data-testid=testid
                aria-label=move || label.get()
                aria-invalid=move || if invalid() { "true" } else { "false" }
                aria-describedby=error_id.clone()
                class:invalid=invalid
                prop:value=move || draft.get().unwrap_or_else(|| format_coordinate(value.get()))
                on:input=on_input
                on:blur=move |_| draft.set(None)
                on:keydown=move |ev: leptos::ev::KeyboardEvent| {
                    if ev.key() == "Enter" {
                        draft.set(None);
                    }
                }
            />
            <span
                class="field-message"
                id=error_id.clone()
                data-testid=error_id
                role="status"
                class:error=invalid
                hidden=move || message.get().is_none()
            >
                {move || message.get().map(|k| ctx.lang.get().t(k)).unwrap_or("")}
            </span>
        </span>
    }
}
