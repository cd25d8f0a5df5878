//! The typed-number parser and the formatters of the numeric fields
//! ([`tripletlab::state::input`]): any text is either a finite value inside
//! the range (with an honest `clamped` flag) or one of the two specific
//! errors; any f32 formats without NaN/∞, and a formatted coordinate reads
//! back to the same value within its 6 decimals.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tripletlab::state::input::{format_coordinate, format_readout, full_precision, parse_number, FieldError};

fn clean(s: &str) -> bool {
    let l = s.to_ascii_lowercase();
    !l.contains("nan") && !l.contains("inf")
}

fuzz_target!(|data: &[u8]| {
    // The first bytes pick a range, the rest is the typed text.
    if data.len() < 2 {
        return;
    }
    let (lo, hi) = match data[0] % 3 {
        0 => (-2.0, 2.0), // coordinates
        1 => (0.0, 2.0),  // α
        _ => (1.0, 64.0), // counts
    };
    if let Ok(text) = std::str::from_utf8(&data[1..]) {
        match parse_number(text, lo, hi) {
            Ok(a) => {
                assert!(a.value.is_finite() && (lo..=hi).contains(&a.value), "{text:?} → {a:?}");
                if !a.clamped {
                    // Unclamped means the text itself named (about) this value.
                    let typed: f64 =
                        text.trim().replace(',', ".").replace('−', "-").to_ascii_lowercase().parse().unwrap();
                    assert!((typed - f64::from(a.value)).abs() <= 1e-6 * (1.0 + typed.abs()), "{text:?}");
                }
                let shown = format_coordinate(a.value);
                let back = parse_number(&shown, lo, hi).expect("a formatted value parses");
                assert!((back.value - a.value).abs() <= 5e-7 + 1e-6 * a.value.abs(), "{shown}");
            }
            Err(e) => assert!(matches!(e, FieldError::NotANumber | FieldError::NotFinite) && !e.to_string().is_empty()),
        }
    }
    if data.len() >= 5 {
        let v = f32::from_le_bytes([data[1], data[2], data[3], data[4]]);
        let (c, r, f) = (format_coordinate(v), format_readout(v), full_precision(v));
        assert!(clean(&c) && clean(&r) && clean(&f), "{v}: {c} {r} {f}");
        if v.is_finite() {
            assert_eq!(f.parse::<f32>().ok(), Some(v), "full precision round-trips");
        }
    }
});
