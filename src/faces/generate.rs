//! The whole generated set (native only): every picture rendered into the
//! atlas, the atlas encoded as PNG, and the manifest written as JSON. Both
//! outputs are byte-for-byte deterministic.

use super::atlas::encode_rgb_png;
use super::draw::render;
use super::manifest::{FaceInfo, Manifest};
use super::traits::Identity;
use super::THUMB_SIDE;

/// The generated files.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Generated {
    /// `assets/faces/atlas.png`.
    pub atlas_png: Vec<u8>,
    /// `assets/faces/manifest.json`.
    pub manifest_json: String,
    /// The atlas pixels, RGB8 row-major (for previews).
    pub atlas_rgb: Vec<u8>,
    /// Atlas `(width, height)` in pixels.
    pub atlas_size: (usize, usize),
}

/// Renders one picture of `identity` as 48 × 48 opaque RGBA8.
pub fn render_face(identity: &Identity, face: &FaceInfo) -> Vec<u8> {
    render(&identity.traits, &face.variation, face.index as u64)
}

/// Renders the whole set (on all available cores) and encodes it.
pub fn generate() -> Result<Generated, String> {
    let manifest = Manifest::generated();
    let (width, height) = manifest.atlas_size();
    let mut atlas_rgb = vec![0u8; width * height * 3];
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get()).clamp(1, 16);
    let chunk = manifest.faces.len().div_ceil(threads);
    let thumbs: Vec<Vec<u8>> = std::thread::scope(|scope| {
        let handles: Vec<_> = manifest
            .faces
            .chunks(chunk)
            .map(|faces| {
                let identities = &manifest.identities;
                scope.spawn(move || faces.iter().map(|f| render_face(&identities[f.identity], f)).collect::<Vec<_>>())
            })
            .collect();
        handles.into_iter().flat_map(|h| h.join().unwrap_or_default()).collect()
    });
    if thumbs.len() != manifest.faces.len() {
        return Err("a rendering thread failed".to_string());
    }
    for (face, thumb) in manifest.faces.iter().zip(&thumbs) {
        let (x0, y0) = (face.atlas_col * THUMB_SIDE, face.atlas_row * THUMB_SIDE);
        for y in 0..THUMB_SIDE {
            for x in 0..THUMB_SIDE {
                let src = (y * THUMB_SIDE + x) * 4;
                let dst = ((y0 + y) * width + x0 + x) * 3;
                atlas_rgb[dst..dst + 3].copy_from_slice(&thumb[src..src + 3]);
            }
        }
    }
    let atlas_png = encode_rgb_png(width, height, &atlas_rgb)?;
    Ok(Generated { atlas_png, manifest_json: manifest.to_json(), atlas_rgb, atlas_size: (width, height) })
}

/// Enlarges an RGB8 image `factor` times with nearest-neighbour sampling
/// (crisp pixels for previews).
pub fn enlarge(rgb: &[u8], size: (usize, usize), factor: usize) -> Vec<u8> {
    let (w, h) = size;
    let mut out = Vec::with_capacity(w * h * 3 * factor * factor);
    for y in 0..h * factor {
        for x in 0..w * factor {
            let at = ((y / factor) * w + x / factor) * 3;
            out.extend_from_slice(rgb.get(at..at + 3).unwrap_or(&[0, 0, 0]));
        }
    }
    out
}
