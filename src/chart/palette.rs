//! Colours shared by the plot and the HTML legend, so both always agree.
//! Roles differ by shape too (circle, disc with ring, diamond), not only by
//! colour, for colour-blind readers.

use crate::geom::regions::NegativeClass;
use crate::state::Role;

/// An sRGB colour.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// CSS hex form, e.g. `#1d4ed8`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

/// The anchor's colour (dark slate).
pub const ANCHOR: Rgb = Rgb(0x1e, 0x29, 0x3b);
/// Positives' colour (blue).
pub const POSITIVE: Rgb = Rgb(0x1d, 0x4e, 0xd8);
/// Hard negatives and the hard region (red).
pub const HARD: Rgb = Rgb(0xc0, 0x26, 0x26);
/// Semi-hard negatives and the margin band (amber).
pub const SEMI_HARD: Rgb = Rgb(0xd9, 0x77, 0x06);
/// Easy negatives (green).
pub const EASY: Rgb = Rgb(0x15, 0x80, 0x3d);
/// Plot background.
pub const BACKGROUND: Rgb = Rgb(0xff, 0xff, 0xff);
/// Grid lines.
pub const GRID: Rgb = Rgb(0xe2, 0xe8, 0xf0);
/// Axis lines and tick labels.
pub const AXIS: Rgb = Rgb(0x47, 0x55, 0x69);
/// Opacity of the hard region's fill.
pub const HARD_FILL_OPACITY: f64 = 0.16;
/// Opacity of the semi-hard band's fill.
pub const SEMI_HARD_FILL_OPACITY: f64 = 0.16;

/// Colour of a negative of the given class.
pub fn negative_class_colour(class: NegativeClass) -> Rgb {
    match class {
        NegativeClass::Hard => HARD,
        NegativeClass::SemiHard => SEMI_HARD,
        NegativeClass::Easy => EASY,
    }
}

/// Colour of a point by role; negatives use their class colour.
pub fn point_colour(role: Role, class: Option<NegativeClass>) -> Rgb {
    match (role, class) {
        (Role::Anchor, _) => ANCHOR,
        (Role::Positive, _) => POSITIVE,
        (Role::Negative, Some(c)) => negative_class_colour(c),
        (Role::Negative, None) => HARD,
    }
}

/// Heat-map colour of a positive term `value` on a scale up to `max`
/// (light amber for small terms to deep red for the largest). Zero terms are
/// drawn differently by the UI (hatched grey), not with this scale.
pub fn heat_colour(value: f32, max: f32) -> Rgb {
    let t = if max > 0.0 && value.is_finite() { (value / max).clamp(0.0, 1.0) } else { 0.0 };
    let lerp = |a: u8, b: u8| (a as f32 + (b as f32 - a as f32) * t).round() as u8;
    let (low, high) = (Rgb(0xfe, 0xf3, 0xc7), Rgb(0xb9, 0x1c, 0x1c));
    Rgb(lerp(low.0, high.0), lerp(low.1, high.1), lerp(low.2, high.2))
}

/// Whether text on `bg` should be white (dark background) rather than black.
pub fn needs_light_text(bg: Rgb) -> bool {
    let luminance = 0.2126 * bg.0 as f32 + 0.7152 * bg.1 as f32 + 0.0722 * bg.2 as f32;
    luminance < 140.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_is_css() {
        assert_eq!(POSITIVE.hex(), "#1d4ed8");
        assert_eq!(Rgb(0, 10, 255).hex(), "#000aff");
    }

    #[test]
    fn heat_scale_runs_from_light_to_dark() {
        assert_eq!(heat_colour(0.0, 1.0), Rgb(0xfe, 0xf3, 0xc7));
        assert_eq!(heat_colour(1.0, 1.0), Rgb(0xb9, 0x1c, 0x1c));
        assert_eq!(heat_colour(5.0, 1.0), heat_colour(1.0, 1.0));
        assert_eq!(heat_colour(f32::NAN, 1.0), heat_colour(0.0, 0.0));
        assert!(!needs_light_text(heat_colour(0.1, 1.0)) && needs_light_text(heat_colour(1.0, 1.0)));
    }
}

/// A distinct colour for identity `i` (faces clusters): hues spread by the
/// golden angle, alternating two lightness levels, all readable on white.
pub fn identity_colour(i: usize) -> Rgb {
    let hue = (i as f64 * 137.507_764) % 360.0;
    let (s, l) = if i.is_multiple_of(2) { (0.70, 0.42) } else { (0.60, 0.55) };
    hsl(hue, s, l)
}

/// HSL (hue in degrees, saturation and lightness in [0, 1]) to RGB.
fn hsl(h: f64, s: f64, l: f64) -> Rgb {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let hp = h / 60.0;
    let x = c * (1.0 - (hp % 2.0 - 1.0).abs());
    let (r, g, b) = match hp as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    let to = |v: f64| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    Rgb(to(r), to(g), to(b))
}

#[cfg(test)]
mod identity_tests {
    use super::*;

    #[test]
    fn identity_colours_are_distinct_and_match_hand_computed_values() {
        // Hue 0, s 0.7, l 0.42: c = 0.588, m = 0.126 → (182, 32, 32).
        assert_eq!(identity_colour(0), Rgb(182, 32, 32));
        let colours: Vec<Rgb> = (0..24).map(identity_colour).collect();
        for (i, a) in colours.iter().enumerate() {
            for b in &colours[i + 1..] {
                let d =
                    (a.0 as i32 - b.0 as i32).abs() + (a.1 as i32 - b.1 as i32).abs() + (a.2 as i32 - b.2 as i32).abs();
                assert!(d > 20, "{a:?} vs {b:?}");
            }
        }
    }
}
