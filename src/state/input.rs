//! Parsing and formatting of the numbers a user types or reads.
//!
//! Fields are plain text inputs so that every kind of bad input reaches us
//! and gets a specific message instead of being silently blanked by the
//! browser.

use std::fmt;

/// Why a typed value was refused (the last good value is kept).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldError {
    /// Empty or not a number at all.
    NotANumber,
    /// NaN or ±∞ (typed as such, or overflowing like `1e999`).
    NotFinite,
}

impl fmt::Display for FieldError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FieldError::NotANumber => write!(f, "not a number"),
            FieldError::NotFinite => write!(f, "not a finite number"),
        }
    }
}

/// A value accepted from a field, and whether it had to be clamped.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Accepted {
    /// The value, inside the range.
    pub value: f32,
    /// True when the typed value lay outside the range.
    pub clamped: bool,
}

/// Parses a typed number and clamps it into `[min, max]`.
///
/// Accepts a decimal comma (`0,5`, common in Vietnamese), a Unicode minus
/// (`−0.5`) and surrounding spaces. Rejects empty text, words, NaN and
/// infinities.
pub fn parse_number(text: &str, min: f32, max: f32) -> Result<Accepted, FieldError> {
    let cleaned: String = text.trim().replace(',', ".").replace('−', "-");
    if cleaned.is_empty() {
        return Err(FieldError::NotANumber);
    }
    let lower = cleaned.to_ascii_lowercase();
    let value: f64 = match lower.parse() {
        Ok(v) => v,
        Err(_) => return Err(FieldError::NotANumber),
    };
    if !value.is_finite() {
        return Err(FieldError::NotFinite);
    }
    let clamped = value.clamp(min as f64, max as f64);
    Ok(Accepted { value: clamped as f32, clamped: clamped != value })
}

/// Formats a coordinate for its input field: up to 6 decimals, no trailing zeros.
pub fn format_coordinate(v: f32) -> String {
    if !v.is_finite() {
        return "0".into();
    }
    let s = format!("{v:.6}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    if s == "-0" || s.is_empty() {
        "0".into()
    } else {
        s.into()
    }
}

/// Formats a live number: exactly zero as `0`, 2 decimals when it sits on the
/// 2-decimal grid (`0.50`, `0.19`), otherwise 4 decimals. Non-finite values show as `—`,
/// so NaN can never reach the screen.
pub fn format_readout(v: f32) -> String {
    if !v.is_finite() {
        return "—".into();
    }
    if v == 0.0 {
        return "0".into();
    }
    let v = v as f64;
    let on_grid = ((v * 100.0).round() / 100.0 - v).abs() < 5e-6;
    let s = if on_grid { format!("{v:.2}") } else { format!("{v:.4}") };
    if s.trim_start_matches('-').trim_matches(|c| c == '0' || c == '.').is_empty() {
        s.trim_start_matches('-').to_string()
    } else {
        s
    }
}

/// Full-precision text of a live number for `data-value` (shortest round-trip
/// form of the f32); non-finite values give an empty string.
pub fn full_precision(v: f32) -> String {
    if v.is_finite() {
        format!("{v}")
    } else {
        String::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_numbers_in_both_locales() {
        assert_eq!(parse_number("0.25", -2.0, 2.0), Ok(Accepted { value: 0.25, clamped: false }));
        assert_eq!(parse_number(" 0,5 ", -2.0, 2.0).unwrap().value, 0.5);
        assert_eq!(parse_number("−1.5", -2.0, 2.0).unwrap().value, -1.5);
        assert_eq!(parse_number("1e-1", -2.0, 2.0).unwrap().value, 0.1);
    }

    #[test]
    fn rejects_text_nan_and_infinity() {
        for bad in ["", "  ", "abc", "0.5.5", "--1", "1,2,3"] {
            assert_eq!(parse_number(bad, -2.0, 2.0), Err(FieldError::NotANumber), "{bad:?}");
        }
        for bad in ["NaN", "nan", "inf", "-Infinity", "1e999"] {
            assert_eq!(parse_number(bad, -2.0, 2.0), Err(FieldError::NotFinite), "{bad:?}");
        }
    }

    #[test]
    fn clamps_out_of_range_values() {
        assert_eq!(parse_number("5", -2.0, 2.0), Ok(Accepted { value: 2.0, clamped: true }));
        assert_eq!(parse_number("-0.1", 0.0, 2.0), Ok(Accepted { value: 0.0, clamped: true }));
    }

    #[test]
    fn readouts_match_the_lesson_and_never_show_nan() {
        assert_eq!(format_readout(0.5), "0.50");
        assert_eq!(format_readout(0.51000005), "0.51");
        assert_eq!(format_readout(0.18999995), "0.19");
        assert_eq!(format_readout(-0.01), "-0.01");
        assert_eq!(format_readout(0.5473), "0.5473");
        assert_eq!(format_readout(-0.0000001), "0.00");
        assert_eq!(format_readout(0.0), "0");
        assert_eq!(format_readout(f32::NAN), "—");
        assert_eq!(format_readout(f32::INFINITY), "—");
    }

    #[test]
    fn coordinates_format_compactly() {
        assert_eq!(format_coordinate(0.5), "0.5");
        assert_eq!(format_coordinate(-0.0), "0");
        assert_eq!(format_coordinate(-0.38729833), "-0.387298");
        assert_eq!(format_coordinate(2.0), "2");
    }
}
