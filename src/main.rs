//! Browser entry point: mounts the app (everything else lives in the library).

#[cfg(target_arch = "wasm32")]
fn main() {
    tripletlab::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("TripletLab runs in the browser: see README.md (scripts/serve.sh).");
}
