//! An sRGB colour stored in the manifest as `"#rrggbb"`.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An opaque 8-bit sRGB colour. In JSON it is the string `"#rrggbb"`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// Linear blend towards `other`: `t = 0` gives `self`, `t = 1` gives `other`.
    pub fn mix(self, other: Rgb, t: f32) -> Rgb {
        let t = t.clamp(0.0, 1.0);
        let ch = |a: u8, b: u8| (a as f32 + (b as f32 - a as f32) * t).round().clamp(0.0, 255.0) as u8;
        Rgb(ch(self.0, other.0), ch(self.1, other.1), ch(self.2, other.2))
    }

    /// Every channel multiplied by `f` (darker below 1, lighter above), clamped.
    pub fn scale(self, f: f32) -> Rgb {
        let ch = |a: u8| (a as f32 * f).round().clamp(0.0, 255.0) as u8;
        Rgb(ch(self.0), ch(self.1), ch(self.2))
    }

    /// Relative brightness in `[0, 1]` (Rec. 601 weights on the sRGB values).
    pub fn luma(self) -> f32 {
        (0.299 * self.0 as f32 + 0.587 * self.1 as f32 + 0.114 * self.2 as f32) / 255.0
    }
}

impl fmt::Display for Rgb {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }
}

impl From<Rgb> for String {
    fn from(c: Rgb) -> String {
        c.to_string()
    }
}

impl TryFrom<String> for Rgb {
    type Error = String;

    fn try_from(s: String) -> Result<Rgb, String> {
        let hex = s.strip_prefix('#').filter(|h| h.len() == 6 && h.bytes().all(|b| b.is_ascii_hexdigit()));
        let Some(hex) = hex else {
            return Err(format!("expected a colour \"#rrggbb\", found {s:?}"));
        };
        let ch = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).unwrap_or(0);
        Ok(Rgb(ch(0), ch(2), ch(4)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hex_round_trip() {
        let c = Rgb(0x12, 0xab, 0xff);
        let json = serde_json::to_string(&c).unwrap();
        assert_eq!(json, "\"#12abff\"");
        assert_eq!(serde_json::from_str::<Rgb>(&json).unwrap(), c);
    }

    #[test]
    fn rejects_malformed_colours() {
        for bad in ["\"12abff\"", "\"#12abf\"", "\"#12abfg\"", "\"#ééé\"", "12"] {
            assert!(serde_json::from_str::<Rgb>(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn mix_and_scale() {
        assert_eq!(Rgb(0, 100, 200).mix(Rgb(100, 100, 0), 0.5), Rgb(50, 100, 100));
        assert_eq!(Rgb(100, 200, 250).scale(2.0), Rgb(200, 255, 255));
    }
}
