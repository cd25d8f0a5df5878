//! Generates the face thumbnails: `assets/faces/atlas.png` and
//! `assets/faces/manifest.json` (24 people × 12 pictures of 48 × 48 pixels).
//!
//! ```text
//! cargo run --release --bin gen_faces [OUT_DIR] [--preview FILE.png]
//! ```
//!
//! `OUT_DIR` defaults to `assets/faces`. `--preview` also writes the atlas
//! enlarged 4× (nearest neighbour) for looking at. The output is
//! byte-for-byte deterministic; `tests/faces_assets.rs` checks that the
//! committed files match a fresh generation.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(e) = run() {
        eprintln!("gen_faces: {e}");
        std::process::exit(1);
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn run() -> Result<(), String> {
    use std::path::PathBuf;
    use tripletlab::faces::generate::{enlarge, generate};

    let mut out_dir = PathBuf::from("assets/faces");
    let mut preview: Option<PathBuf> = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--preview" => preview = Some(args.next().ok_or("--preview needs a file name")?.into()),
            "-h" | "--help" => {
                println!("usage: gen_faces [OUT_DIR] [--preview FILE.png]");
                return Ok(());
            }
            _ if arg.starts_with('-') => return Err(format!("unknown option {arg}")),
            _ => out_dir = arg.into(),
        }
    }
    let generated = generate()?;
    std::fs::create_dir_all(&out_dir).map_err(|e| format!("creating {}: {e}", out_dir.display()))?;
    let write = |name: &str, bytes: &[u8]| {
        let path = out_dir.join(name);
        std::fs::write(&path, bytes).map_err(|e| format!("writing {}: {e}", path.display()))?;
        println!("wrote {} ({} bytes)", path.display(), bytes.len());
        Ok::<(), String>(())
    };
    write("atlas.png", &generated.atlas_png)?;
    write("manifest.json", generated.manifest_json.as_bytes())?;
    if let Some(path) = preview {
        let (w, h) = generated.atlas_size;
        let big = enlarge(&generated.atlas_rgb, (w, h), 4);
        let png = tripletlab::faces::encode_rgb_png(w * 4, h * 4, &big)?;
        std::fs::write(&path, png).map_err(|e| format!("writing {}: {e}", path.display()))?;
        println!("wrote {} (4× preview)", path.display());
    }
    Ok(())
}

#[cfg(target_arch = "wasm32")]
fn main() {}
