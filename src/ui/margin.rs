//! The margin α: a slider and a number field bound to the same scene value.

use leptos::prelude::*;

use super::context::use_ctx;
use super::fields::NumberField;
use crate::i18n::Key;
use crate::state::scene::ALPHA_MAX;

/// Slider and field for α (0 to 2, step 0.01).
#[component]
pub fn MarginControl() -> impl IntoView {
    let ctx = use_ctx();
    let alpha = Signal::derive(move || ctx.scene.with(|s| s.alpha));
    let set_alpha = Callback::new(move |v: f32| ctx.scene.update(|s| s.set_alpha(v)));
    let label = Signal::derive(move || ctx.lang.get().t(Key::MarginLabel).to_string());
    view! {
        <div class="control margin-control">
            <label for="alpha-slider" class="control-label">{ctx.t(Key::MarginLabel)}</label>
            <div class="control-row">
                <input
                    id="alpha-slider"
                    type="range"
                    min="0"
                    max=ALPHA_MAX.to_string()
                    step="0.01"
                    data-testid="alpha-slider"
                    aria-valuetext=move || format!("α = {:.2}", alpha.get())
                    prop:value=move || format!("{:.2}", alpha.get())
                    on:input=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f32>() {
                            set_alpha.run(v);
                        }
                    }
                />
                <NumberField
                    testid="alpha".to_string()
                    label=label
                    value=alpha
                    min=0.0
                    max=ALPHA_MAX
                    clamp_notice=Key::ErrAlphaClamped
                    on_commit=set_alpha
                />
            </div>
        </div>
    }
}
