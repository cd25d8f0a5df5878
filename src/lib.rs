//! TripletLab: an interactive lab that teaches the triplet loss.
//!
//! The pure core (`loss`, `geom`, `state`, `chart`, `i18n`) has no Leptos or
//! web-sys dependency and is tested natively; `ui` holds the Leptos
//! components and is only compiled for the browser (wasm32).

pub mod chart;
pub mod faces;
pub mod geom;
pub mod i18n;
pub mod loss;
pub mod net;
pub mod state;
#[cfg(all(target_arch = "wasm32", feature = "app"))]
pub mod ui;
