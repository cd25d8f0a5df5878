//! The scene URL decoder ([`tripletlab::state::url::decode`]) on any text:
//! never panics, always yields a state the app can display, reports at most
//! `MAX_NOTICES + 1` notices, and one encode → decode round reaches a fixed
//! point with no notice at all.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tripletlab::state::scene::{ALPHA_MAX, COORD_LIMIT, MAX_POINTS_PER_SET};
use tripletlab::state::url::{decode, encode, UrlState, MAX_NOTICES, QUOTE_MAX, STEP_MAX};
use tripletlab::state::Dim;

fn assert_valid(st: &UrlState) {
    let s = &st.scene;
    let (k, m) = (s.positives.len(), s.negatives.len());
    assert!((1..=MAX_POINTS_PER_SET).contains(&k) && (1..=MAX_POINTS_PER_SET).contains(&m));
    assert!(s.ring_positive < k);
    assert!(s.alpha.is_finite() && (0.0..=ALPHA_MAX).contains(&s.alpha));
    for (_, p) in s.points() {
        assert!(p.iter().all(|c| c.is_finite() && c.abs() <= COORD_LIMIT), "{p:?}");
        if s.dim == Dim::Two {
            assert_eq!(p[2], 0.0);
        }
        if s.unit_sphere {
            let norm = p.iter().map(|c| f64::from(*c).powi(2)).sum::<f64>().sqrt();
            assert!((norm - 1.0).abs() < 1e-5, "{p:?}");
        }
    }
    assert!(st.lesson_step.is_none_or(|step| (1..=STEP_MAX).contains(&step)));
    let e = s.evaluate();
    assert!(e.sum.is_finite() && e.terms.iter().all(|t| t.is_finite() && *t >= 0.0));
}

fuzz_target!(|data: &[u8]| {
    let Ok(query) = std::str::from_utf8(data) else { return };
    let d = decode(query);
    assert_valid(&d.state);
    assert!(d.notices.len() <= MAX_NOTICES + 1, "{} notices", d.notices.len());
    for notice in &d.notices {
        // A specific, bounded message: quoted excerpts are cut to QUOTE_MAX characters.
        let text = notice.to_string();
        assert!(!notice.key().is_empty() && !text.is_empty());
        assert!(text.chars().count() <= 200 + 4 * QUOTE_MAX, "{text}");
    }
    let once = encode(&d.state);
    assert!(once.bytes().all(|b| b"abcdefghijklmnopqrstuvwxyz0123456789.,;=&-".contains(&b)), "{once}");
    let again = decode(&once);
    assert_eq!(again.notices, vec![], "{once}");
    assert_eq!(again.state, d.state, "{once}");
});
