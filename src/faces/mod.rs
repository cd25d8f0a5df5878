//! Generated face thumbnails: the people, the variations of their pictures,
//! the atlas and its manifest.
//!
//! The app ships its own faces (no dataset is downloaded): `gen_faces`
//! (native only, it draws with tiny-skia) renders 24 identities × 12 shots
//! of 48×48 pixels into `assets/faces/atlas.png` and writes
//! `assets/faces/manifest.json`. Everything else here is pure Rust that runs
//! natively and in wasm: [`FaceSet::from_bytes`] decodes and validates the
//! pair, and [`net_input_from_rgba`] turns a thumbnail into the embedding
//! net's input.
//!
//! Atlas layout: column = identity (0..24), row = shot (0..12), so the atlas
//! is 1152 × 576 pixels; image index = identity × 12 + shot. Shot 0 is the
//! neutral, frontal, evenly lit portrait; the other shots vary the lighting,
//! the head's yaw and roll, the smile and the eye openness (see
//! [`variation()`]). Identities 18..24 are held out from training.

mod atlas;
mod cast;
mod colour;
#[cfg(not(target_arch = "wasm32"))]
mod draw;
#[cfg(not(target_arch = "wasm32"))]
mod draw_accessories;
#[cfg(not(target_arch = "wasm32"))]
mod draw_features;
#[cfg(not(target_arch = "wasm32"))]
mod draw_hair;
mod error;
#[cfg(not(target_arch = "wasm32"))]
pub mod generate;
mod input;
mod manifest;
#[cfg(not(target_arch = "wasm32"))]
mod paint;
mod photo;
mod photo_error;
mod rng;
mod set;
#[cfg(not(target_arch = "wasm32"))]
mod shape;
mod traits;
mod user_faces;
mod variation;

pub use atlas::{decode_rgba, encode_rgb_png};
pub use cast::{cast, HELD_OUT_FROM, IDENTITY_COUNT};
pub use colour::Rgb;
pub use error::FaceError;
pub use input::net_input_from_rgba;
pub use manifest::{FaceInfo, Manifest, FORMAT_VERSION};
pub use photo::{
    check_dimensions, check_file, resize_area, sniff, thumbnail, Crop, ImageKind, MAX_FILE_BYTES, MAX_PIXELS, MAX_SIDE,
    MAX_ZOOM, SNIFF_BYTES,
};
pub use photo_error::PhotoError;
pub use rng::SplitMix64;
pub use set::FaceSet;
pub use traits::{EyeShape, FacialHair, Glasses, GlassesShape, HairStyle, HeadShape, Identity, Traits};
pub use user_faces::{
    clean_name, UserFaces, UserPerson, UserPhoto, MAX_NAME_CHARS, MAX_USER_PHOTOS, MIN_PHOTOS_TO_TRAIN,
};
pub use variation::{variation, Variation, SHOTS_PER_IDENTITY};

/// Side of one square thumbnail in pixels.
pub const THUMB_SIDE: usize = 48;
