//! The legend: roles (shape and colour) and the margin regions, with colours
//! taken from the same palette the plot uses.

use leptos::prelude::*;

use super::context::use_ctx;
use crate::chart::palette;
use crate::i18n::Key;

/// Legend below the plot.
#[component]
pub fn Legend() -> impl IntoView {
    let ctx = use_ctx();
    let anchor = palette::ANCHOR.hex();
    let positive = palette::POSITIVE.hex();
    let hard = palette::HARD.hex();
    let semi = palette::SEMI_HARD.hex();
    let easy = palette::EASY.hex();
    view! {
        <ul class="legend" data-testid="legend">
            <li>
                <svg class="swatch" viewBox="0 0 20 20" aria-hidden="true">
                    <circle cx="10" cy="10" r="5" fill=anchor.clone() />
                    <circle cx="10" cy="10" r="8" fill="none" stroke=anchor stroke-width="1.6" />
                </svg>
                {ctx.t(Key::LegendAnchor)}
            </li>
            <li>
                <svg class="swatch" viewBox="0 0 20 20" aria-hidden="true">
                    <circle cx="10" cy="10" r="7" fill=positive />
                </svg>
                {ctx.t(Key::LegendPositive)}
            </li>
            <li>
                <svg class="swatch" viewBox="0 0 20 20" aria-hidden="true">
                    <polygon points="10,2 18,10 10,18 2,10" fill=semi.clone() />
                </svg>
                {ctx.t(Key::LegendNegative)}
            </li>
            <li>
                <svg class="swatch" viewBox="0 0 20 20" aria-hidden="true">
                    <circle cx="10" cy="10" r="8" fill=hard.clone() fill-opacity="0.25" stroke=hard stroke-width="2" />
                </svg>
                {ctx.t(Key::RegionHard)}
            </li>
            <li>
                <svg class="swatch" viewBox="0 0 20 20" aria-hidden="true">
                    <circle cx="10" cy="10" r="8" fill=semi.clone() fill-opacity="0.25" stroke=semi stroke-width="2" stroke-dasharray="4 3" />
                </svg>
                {ctx.t(Key::RegionSemiHard)}
            </li>
            <li>
                <svg class="swatch" viewBox="0 0 20 20" aria-hidden="true">
                    <polygon points="10,3 17,10 10,17 3,10" fill=easy />
                </svg>
                {ctx.t(Key::RegionEasy)}
            </li>
        </ul>
    }
}
