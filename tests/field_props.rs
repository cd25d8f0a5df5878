//! Property tests of the numeric fields' parser and formatters
//! (`state::input`): any text gives a finite value in range or one of the two
//! specific errors; numbers typed in either locale read back as the f64 the
//! text names, clamped honestly; formatted values never show NaN/∞ and read
//! back. (Native only: proptest does not build for wasm32.)
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tripletlab::state::input::{format_coordinate, format_readout, full_precision, parse_number, FieldError};

fn config() -> ProptestConfig {
    ProptestConfig { cases: 2000, failure_persistence: None, ..ProptestConfig::default() }
}

/// A range like the app's fields: coordinates, α, counts.
fn range() -> impl Strategy<Value = (f32, f32)> {
    prop_oneof![Just((-2.0, 2.0)), Just((0.0, 2.0)), Just((1.0, 64.0))]
}

/// Text a student might type around a number: locale comma, Unicode minus, spaces.
fn typed(v: f64, comma: bool, unicode_minus: bool, pad: usize) -> String {
    let mut s = format!("{v}");
    if comma {
        s = s.replace('.', ",");
    }
    if unicode_minus {
        s = s.replace('-', "−");
    }
    format!("{}{s}{}", " ".repeat(pad), " ".repeat(pad % 2))
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_text_is_a_finite_value_in_range_or_a_specific_error(text in "\\PC{0,24}", (lo, hi) in range()) {
        match parse_number(&text, lo, hi) {
            Ok(a) => prop_assert!(a.value.is_finite() && (lo..=hi).contains(&a.value), "{text:?} → {a:?}"),
            Err(e) => prop_assert!(matches!(e, FieldError::NotANumber | FieldError::NotFinite)),
        }
    }

    #[test]
    fn numbery_text_never_panics(text in "[-−+ 0-9.,eEinfatyINFATY]{0,16}", (lo, hi) in range()) {
        let _ = parse_number(&text, lo, hi);
    }

    #[test]
    fn typed_numbers_read_back_clamped_honestly(
        v in prop_oneof![-100.0_f64..100.0, -1e40_f64..1e40, -1e-30_f64..1e-30],
        comma in any::<bool>(),
        unicode_minus in any::<bool>(),
        pad in 0_usize..3,
        (lo, hi) in range(),
    ) {
        let text = typed(v, comma, unicode_minus, pad);
        let a = parse_number(&text, lo, hi).unwrap();
        let want = v.clamp(f64::from(lo), f64::from(hi));
        prop_assert_eq!(a.value, want as f32, "{}", text);
        prop_assert_eq!(a.clamped, want != v, "{}", text);
    }

    #[test]
    fn non_finite_and_overflowing_text_is_not_finite(
        word in prop_oneof![Just("nan"), Just("NaN"), Just("inf"), Just("-inf"), Just("infinity"), Just("−Infinity")],
        exp in 309_u32..2000,
    ) {
        prop_assert_eq!(parse_number(word, -2.0, 2.0), Err(FieldError::NotFinite));
        prop_assert_eq!(parse_number(&format!("1e{exp}"), -2.0, 2.0), Err(FieldError::NotFinite));
    }

    #[test]
    fn formatted_values_never_show_nan_and_read_back(bits in any::<u32>()) {
        let v = f32::from_bits(bits);
        let (c, r, f) = (format_coordinate(v), format_readout(v), full_precision(v));
        for s in [&c, &r, &f] {
            prop_assert!(!s.to_lowercase().contains("nan") && !s.contains("inf"), "{v}: {s}");
        }
        if v.is_finite() {
            prop_assert_eq!(f.parse::<f32>().unwrap(), v);
            let back = parse_number(&c, f32::MIN, f32::MAX).unwrap().value;
            prop_assert!((back - v).abs() <= 5e-7 + 1e-6 * v.abs(), "{v} → {c} → {back}");
        } else {
            prop_assert_eq!((c.as_str(), r.as_str(), f.as_str()), ("0", "—", ""));
        }
    }
}
