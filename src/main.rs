//! Browser entry point: mounts the app (everything else lives in the library).

#[cfg(all(target_arch = "wasm32", feature = "app"))]
fn main() {
    tripletlab::ui::start();
}

#[cfg(not(all(target_arch = "wasm32", feature = "app")))]
fn main() {
    eprintln!(
        "TripletLab runs in the browser: see README.md (scripts/serve.sh). Build it with the default `app` feature."
    );
}
