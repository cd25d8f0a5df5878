//! Leptos components (browser only). They hold no math: every number comes
//! from the pure core through the signals in [`context`].

pub mod app;
mod browser;
pub mod context;
mod conventions;
mod coords;
mod data_table;
mod descent;
mod display;
mod export;
mod face_gallery;
mod face_model;
mod fields;
mod gestures;
mod guided;
mod handles;
mod heatmap;
mod legend;
mod lesson;
mod margin;
mod photo_decode;
mod photo_panel;
mod photo_state;
mod photo_thumb;
mod plot;
mod readouts;
mod reductions;
mod sets;
mod toolbar;
mod train_charts;
#[cfg(feature = "gpu")]
mod train_gpu;
mod train_panel;
mod train_state;
mod train_work;
mod url_sync;

pub use app::App;

/// Installs a panic hook that logs to the console and shows a visible banner.
pub fn install_panic_hook() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        browser::show_error_banner(&info.to_string());
    }));
}

/// Entry point: installs the panic hook and mounts the app on `<body>`.
pub fn start() {
    install_panic_hook();
    browser::register_service_worker();
    leptos::mount::mount_to_body(App);
}
