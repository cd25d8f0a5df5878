//! The stable traits of one identity: what stays the same in all twelve of
//! its pictures. They are stored in the manifest, so the app can show them.
//!
//! Lengths are fractions of the thumbnail side (`head_width`, `head_height`)
//! or of the head itself (everything else), so they mean the same at any
//! rendering size.

use super::colour::Rgb;
use serde::{Deserialize, Serialize};

/// The outline of the head.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HeadShape {
    /// Egg-shaped, narrowing gently to the chin.
    Oval,
    /// Wide and short with full cheeks.
    Round,
    /// Narrow and tall.
    Long,
    /// Broad jaw and a flat chin.
    Square,
    /// Wide cheekbones, narrow pointed chin.
    Heart,
}

/// How the hair is cut (or covered).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum HairStyle {
    /// No hair on top, a little at the sides.
    Bald,
    /// Very short all over.
    Buzz,
    /// Short with a side parting.
    Crop,
    /// Short sides with volume swept up at the front.
    Quiff,
    /// Short spikes on top.
    Spiky,
    /// A full rounded mass of tight curls.
    Curly,
    /// Long curls falling to the shoulders.
    LongCurly,
    /// A short feminine cut swept over the forehead.
    Pixie,
    /// Chin-length with a side parting.
    Bob,
    /// Shoulder-length with straight bangs across the forehead.
    Fringe,
    /// Long, past the shoulders, parted in the middle.
    Long,
    /// Pulled back into a bun on top of the head.
    Bun,
    /// A headscarf framing the face (the colour is the scarf's).
    Headscarf,
}

/// The outline of the eyes.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum EyeShape {
    /// Pointed corners, medium height.
    Almond,
    /// Tall and round.
    Round,
    /// Long and low.
    Narrow,
    /// A heavy upper lid covering part of the eye.
    Hooded,
}

/// The frame of a pair of glasses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum GlassesShape {
    /// Circular lenses.
    Round,
    /// Rounded rectangles.
    Rectangular,
}

/// A pair of glasses.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Glasses {
    /// Lens outline.
    pub shape: GlassesShape,
    /// Frame colour.
    pub frame: Rgb,
}

/// Beard and moustache.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FacialHair {
    /// Clean-shaven.
    None,
    /// A faint shadow over the jaw.
    Stubble,
    /// A moustache only.
    Moustache,
    /// Moustache and a small chin beard.
    Goatee,
    /// A full beard along the jaw, with moustache.
    FullBeard,
}

/// Everything that stays the same across an identity's pictures.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Traits {
    /// Outline of the head.
    pub head_shape: HeadShape,
    /// Head width (ear to ear, without ears) as a fraction of the thumbnail side.
    pub head_width: f32,
    /// Head height (crown to chin) as a fraction of the thumbnail side.
    pub head_height: f32,
    /// Width at the jaw corners as a fraction of the head width.
    pub jaw_width: f32,
    /// Width of the chin as a fraction of the head width.
    pub chin_width: f32,
    /// Skin colour (before lighting).
    pub skin: Rgb,
    /// Hair cut.
    pub hair_style: HairStyle,
    /// Hair colour (the scarf colour for [`HairStyle::Headscarf`]).
    pub hair_colour: Rgb,
    /// Outline of the eyes.
    pub eye_shape: EyeShape,
    /// Distance between the eye centres as a fraction of the head width.
    pub eye_spacing: f32,
    /// Width of one eye as a fraction of the head width.
    pub eye_size: f32,
    /// Iris colour.
    pub iris: Rgb,
    /// Eyebrow thickness as a fraction of the head height.
    pub brow_thickness: f32,
    /// Eyebrow slant in degrees; positive raises the outer ends.
    pub brow_angle_deg: f32,
    /// Eyebrow colour.
    pub brow_colour: Rgb,
    /// Nose length (brow line to nose tip) as a fraction of the head height.
    pub nose_length: f32,
    /// Nose width as a fraction of the head width.
    pub nose_width: f32,
    /// Mouth width as a fraction of the head width.
    pub mouth_width: f32,
    /// Lip colour.
    pub lip_colour: Rgb,
    /// Glasses, if any.
    pub glasses: Option<Glasses>,
    /// Beard or moustache.
    pub facial_hair: FacialHair,
}

/// One person in the face set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Identity {
    /// Identity number, `0..identities().len()`.
    pub id: usize,
    /// Display name (unique; Vietnamese names keep their diacritics).
    pub name: String,
    /// True for identities the net's trainer never sees (the test people).
    pub held_out: bool,
    /// The face's stable traits.
    pub traits: Traits,
}
