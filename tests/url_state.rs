//! The scene ⇄ URL query encoding: exact round trips for every state the app
//! can produce, a fixed point after one round for any query, one hand-written
//! case per notice, and thousands of hostile queries that must never panic
//! nor yield an invalid scene. (Native only: proptest does not build for wasm32.)
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tripletlab::i18n::Lang;
use tripletlab::loss::convention::Convention;
use tripletlab::state::input::format_readout;
use tripletlab::state::scene::{snap, ALPHA_MAX, COORD_LIMIT, MAX_POINTS_PER_SET};
use tripletlab::state::url::{
    decode, encode, Decoded, UrlNotice, UrlState, MAX_FACE_INDEX, MAX_NOTICES, MAX_QUERY_LEN, STEP_MAX,
};
use tripletlab::state::{Dim, PointId, Preset, Scene};

/// Every invariant of a state the app can display.
fn assert_valid(st: &UrlState, query: &str) {
    let s = &st.scene;
    let (k, m) = (s.positives.len(), s.negatives.len());
    assert!((1..=MAX_POINTS_PER_SET).contains(&k) && (1..=MAX_POINTS_PER_SET).contains(&m), "{query:?}");
    assert!(s.ring_positive < k, "{query:?}");
    assert!(s.alpha.is_finite() && (0.0..=ALPHA_MAX).contains(&s.alpha), "{query:?}");
    for (id, p) in s.points() {
        assert!(p.iter().all(|c| c.is_finite() && c.abs() <= COORD_LIMIT), "{id:?} {p:?} {query:?}");
        if s.dim == Dim::Two {
            assert_eq!(p[2], 0.0, "{query:?}");
        }
        if s.unit_sphere {
            let norm = p.iter().map(|c| f64::from(*c).powi(2)).sum::<f64>().sqrt();
            assert!((norm - 1.0).abs() < 1e-5, "{id:?} {p:?} {query:?}");
        }
    }
    assert!(st.lesson_step.is_none_or(|step| (1..=STEP_MAX).contains(&step)), "{query:?}");
}

/// Decodes, checks validity and that one more round changes nothing.
fn decode_checked(query: &str) -> Decoded {
    let d = decode(query);
    assert_valid(&d.state, query);
    assert!(d.notices.len() <= MAX_NOTICES + 1, "{query:?}");
    let once = encode(&d.state);
    let again = decode(&once);
    assert_eq!(again.notices, vec![], "{query:?} → {once}");
    assert_eq!(again.state, d.state, "{query:?} → {once}");
    assert_eq!(encode(&again.state), once);
    d
}

fn notices(query: &str) -> Vec<UrlNotice> {
    decode_checked(query).notices
}

#[test]
fn the_worked_example_round_trips_and_still_reads_0_51_and_0_19() {
    let state = UrlState { scene: Preset::WorkedExample.scene(), lang: Some(Lang::Vi), lesson_step: Some(3) };
    let q = encode(&state);
    assert_eq!(
        q,
        "a=0,0&p=0.5,0.5&n=-0.6,-0.38729832&alpha=0.2&dim=2&conv=squared&unit=0&ring=1&preset=worked-example&lang=vi&step=3"
    );
    let d = decode(&q);
    assert_eq!((d.state.clone(), d.notices), (state, vec![]));
    let e = d.state.scene.evaluate();
    assert_eq!((format_readout(e.d_an[0]), format_readout(e.sum)), ("0.51".into(), "0.19".into()));
}

#[test]
fn the_format_is_short_and_needs_no_escaping() {
    let mut s = Scene::default();
    s.set_dim(Dim::Three);
    s.negatives[0][2] = -1.25;
    s.anchor = [-0.0, 5e-5, 1.0];
    let q = encode(&UrlState { scene: s, lang: None, lesson_step: None });
    assert_eq!(q, "a=0,5e-5,1&p=0.6,0.4,0&n=-0.7,-0.3,-1.25&alpha=0.2&dim=3&conv=squared&unit=0&ring=1&preset=start");
    // The longest possible query (128 points of 3 longest numbers) stays under the cap.
    let long = [-1.234_567_9e-38_f32, -0.000_123_456_79, -1.234_567_9];
    for v in long {
        s = Scene::default();
        s.dim = Dim::Three;
        s.anchor = [v; 3];
        s.positives = vec![[v; 3]; MAX_POINTS_PER_SET];
        s.negatives = s.positives.clone();
        s.alpha = 1.234_567_9;
        let state = UrlState { scene: s, lang: Some(Lang::En), lesson_step: Some(STEP_MAX) };
        let q = encode(&state);
        assert!(q.len() <= MAX_QUERY_LEN, "{}", q.len());
        assert!(q.bytes().all(|b| b.is_ascii_alphanumeric() || b",.;=&-".contains(&b)), "{q}");
        assert_eq!(decode(&q), Decoded { state, notices: vec![] });
    }
}

#[test]
fn empty_and_partial_queries_are_clean() {
    for q in ["", "?", "#", "&&", "?&"] {
        assert_eq!(decode(q), Decoded::default(), "{q:?}");
    }
    let d = decode("?preset=one-hard&lang=en");
    assert_eq!(d.notices, vec![]);
    assert_eq!(d.state.scene, Preset::OneHard.scene());
    assert_eq!(d.state.lang, Some(Lang::En));
    let d = decode("#dim=3&conv=pytorch&unit=1&step=32&ring=1");
    assert_eq!(d.notices, vec![]);
    let s = &d.state.scene;
    assert_eq!(
        (s.dim, s.convention, s.unit_sphere, d.state.lesson_step),
        (Dim::Three, Convention::PyTorch, true, Some(32))
    );
}

#[test]
fn spaces_and_percent_encoding_are_accepted() {
    let d = decode("?a=+0.5%2C%20-0.25+&p=0.1,0.2%3B0.3,0.4&alpha=%30.5&conv=euclidean&%6Cang=en");
    assert_eq!(d.notices, vec![]);
    let s = &d.state.scene;
    assert_eq!(
        (s.anchor, s.positives.clone(), s.alpha),
        ([0.5, -0.25, 0.0], vec![[0.1, 0.2, 0.0], [0.3, 0.4, 0.0]], 0.5)
    );
    assert_eq!((s.convention, d.state.lang), (Convention::Euclidean, Some(Lang::En)));
    // `-0` is zero and is written back as `0`.
    let d = decode("a=-0,-0");
    assert_eq!((d.state.scene.anchor, d.notices), ([0.0; 3], vec![]));
    assert!(encode(&d.state).starts_with("a=0,0&"));
}

#[test]
fn each_problem_gives_its_notice() {
    use UrlNotice::*;
    let too_long = format!("p={}", "0,0;".repeat(3000));
    assert_eq!(notices(&too_long), vec![TooLong { len: too_long.len() }]);
    assert_eq!(notices("a=%zz&p=%E9&n=%4"), ["a=%zz", "p=%E9", "n=%4"].map(|raw| BadEncoding { raw: raw.into() }));
    assert_eq!(notices("x=1&<script>=2"), [UnknownKey { key: "x".into() }, UnknownKey { key: "<script>".into() }]);
    let d = decode_checked("alpha=0.5&alpha=0.7&alpha=1");
    assert_eq!((d.notices, d.state.scene.alpha), (vec![DuplicateKey { key: "alpha" }], 0.5));
    assert_eq!(notices("alpha&dim="), [MissingValue { key: "dim" }, MissingValue { key: "alpha" }]);
    assert_eq!(notices("alpha=abc"), [BadNumber { key: "alpha", text: "abc".into() }]);
    assert_eq!(notices("ring=-1"), [BadNumber { key: "ring", text: "-1".into() }]);
    assert_eq!(
        notices("p=NaN,0;1e999,0;inf,0;0.1,0"),
        ["NaN", "1e999", "inf"].map(|t| NotFinite { key: "p", text: t.into() })
    );
    let d = decode_checked("a=5,-1e39&alpha=3&ring=9&step=0");
    let clamped = ["alpha", "a", "ring", "step"].map(|key| Clamped { key });
    assert_eq!(d.notices, clamped);
    assert_eq!((d.state.scene.anchor, d.state.scene.alpha, d.state.lesson_step), ([2.0, -2.0, 0.0], 2.0, Some(1)));
    let d = decode_checked("unit=1&n=0,2");
    assert_eq!((d.notices, d.state.scene.negatives[0]), (vec![OffSphere { key: "n" }], [0.0, 1.0, 0.0]));
    let d = decode_checked(&format!("n={}", "0.1,0.1;".repeat(100)));
    assert_eq!(d.notices, vec![TooManyPoints { key: "n", given: 100, kept: 64 }]);
    assert_eq!(d.state.scene.negatives.len(), 64);
    assert_eq!(notices("a=0,0;1,1"), [TooManyPoints { key: "a", given: 2, kept: 1 }]);
    let wrong = WrongCoordinateCount { key: "p", point: 2, expected: 2, found: 3 };
    assert_eq!(notices("p=0,0;1,1,1;0.5,0.5"), [wrong]);
    let d = decode_checked("dim=3&p=1,2&n=0,x,0");
    let wrong = WrongCoordinateCount { key: "p", point: 1, expected: 3, found: 2 };
    let bad = BadNumber { key: "n", text: "x".into() };
    assert_eq!(d.notices, [wrong, NoValidPoints { key: "p" }, bad, NoValidPoints { key: "n" }]);
    assert_eq!(d.state.scene.positives, Scene::default().positives);
    assert_eq!(notices("preset=nope"), [UnknownPreset { value: "nope".into() }]);
    assert_eq!(notices("conv=cosine"), [UnknownConvention { value: "cosine".into() }]);
    assert_eq!(notices("lang=fr"), [UnknownLanguage { value: "fr".into() }]);
    assert_eq!(
        notices("dim=4&unit=yes"),
        [BadValue { key: "dim", value: "4".into() }, BadValue { key: "unit", value: "yes".into() }]
    );
    let many: String = (0..40).map(|i| format!("k{i}=1&")).collect();
    let n = notices(&many);
    assert_eq!((n.len(), n.last()), (MAX_NOTICES + 1, Some(&More { count: 40 - MAX_NOTICES })));
}

#[test]
fn notices_have_stable_codes_and_short_messages() {
    let d = decode(&format!("{}=1&lang={}", "<script>".repeat(20), "z".repeat(100)));
    for n in &d.notices {
        assert!(n.key().starts_with("url.") && n.to_string().len() < 120, "{n}");
    }
    assert_eq!(d.notices[0].to_string(), format!("unknown key {:?}, ignored", format!("{}…", &"<script>".repeat(4))));
    assert_eq!(d.notices[1].key(), "url.unknown-language");
}

/// A coordinate as the app makes them: drag-snapped, or any value in range.
fn coordinate() -> impl Strategy<Value = f32> {
    prop_oneof![(-2.0f32..=2.0).prop_map(snap), -2.0f32..=2.0, Just(-0.387_298_33f32)]
}

fn points() -> impl Strategy<Value = Vec<[f32; 3]>> {
    prop::collection::vec([coordinate(), coordinate(), coordinate()], 1..=MAX_POINTS_PER_SET)
}

prop_compose! {
    fn app_state()(
        anchor in [coordinate(), coordinate(), coordinate()], positives in points(), negatives in points(),
        alpha in prop_oneof![(0u32..=200).prop_map(|i| format!("{:.2}", i as f32 / 100.0).parse().unwrap()), 0.0f32..=2.0],
        three in any::<bool>(), conv in prop::sample::select(Convention::ALL.to_vec()), unit in any::<bool>(),
        ring in any::<prop::sample::Index>(), preset in prop::sample::select(Preset::ALL.to_vec()),
        lang in prop::option::of(prop::sample::select(Lang::ALL.to_vec())), step in prop::option::of(1..=STEP_MAX),
        bindings in prop::collection::vec((0usize..3, 0usize..70, 0usize..=MAX_FACE_INDEX), 0..5),
    ) -> UrlState {
        let dim = if three { Dim::Three } else { Dim::Two };
        let ring_positive = ring.index(positives.len());
        let mut scene =
            Scene { dim, anchor, positives, negatives, alpha, preset, convention: conv, unit_sphere: false, ring_positive, faces: Default::default() };
        scene.set_unit_sphere(unit);
        for (role, index, face) in bindings {
            let id = match role {
                0 => PointId::Anchor,
                1 => PointId::Positive(index),
                _ => PointId::Negative(index),
            };
            if scene.point(id).is_some() {
                scene.faces.bind(id, face);
            }
        }
        UrlState { scene, lang, lesson_step: step }
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 200, ..ProptestConfig::default() })]

    #[test]
    fn every_app_state_round_trips_exactly(state in app_state()) {
        let q = encode(&state);
        let d = decode(&q);
        prop_assert_eq!(&d.notices, &vec![]);
        prop_assert_eq!(&d.state, &state);
        prop_assert_eq!(encode(&d.state), q);
    }

    #[test]
    fn arbitrary_text_never_breaks_the_decoder(q in "[?#]?[a-z=&;,.0-9%+eE -]{0,200}|\\PC{0,100}") {
        decode_checked(&q);
    }

    #[test]
    fn arbitrary_bytes_never_break_the_decoder(bytes in prop::collection::vec(any::<u8>(), 0..300)) {
        decode_checked(&String::from_utf8_lossy(&bytes));
    }
}

/// Small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn below(&mut self, n: usize) -> usize {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 33) as usize % n.max(1)
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const KEYS: [&str; 16] =
    ["a", "p", "n", "alpha", "dim", "conv", "unit", "ring", "preset", "lang", "step", "A", "α", "%61", "<b>", ""];
const NUMBERS: [&str; 24] = [
    "0",
    "-0",
    "0.5",
    "-1.99",
    "2",
    "2.0000001",
    "1e999",
    "-1e999",
    "1e39",
    "1e-50",
    "NaN",
    "nan",
    "inf",
    "-inf",
    "99999999999999999999999",
    "",
    " ",
    "+",
    "%2D0.3",
    "%",
    "%E2%88%92",
    "🦀",
    "0x10",
    "<script>alert(1)</script>",
];
const WORDS: [&str; 14] =
    ["2", "3", "0", "1", "squared", "pytorch", "worked-example", "all-hard", "vi", "en", "fr", "%FF", "%zz", "é"];

/// A hostile query built from the format's own pieces and garbage.
fn hostile(rng: &mut Rng) -> String {
    let mut q = rng.pick(&["", "?", "#", "??", "#?"]).to_string();
    for _ in 0..rng.below(12) {
        q += rng.pick(&KEYS);
        q += rng.pick(&["=", "=", "", "=="]);
        match rng.below(4) {
            0 => q += rng.pick(&WORDS),
            1 => q += rng.pick(&NUMBERS),
            _ => {
                let points = match rng.below(32) {
                    0 => rng.below(1000),
                    1..=9 => rng.below(80),
                    _ => rng.below(4),
                };
                let separator = rng.pick(&[";", ";", ";;", "%3B"]);
                // Stop a little past the cap: longer queries all read the same.
                for i in 0..points {
                    if q.len() > MAX_QUERY_LEN + 16 {
                        break;
                    }
                    if i > 0 {
                        q += separator;
                    }
                    for j in 0..1 + rng.below(4) {
                        q += if j > 0 { "," } else { "" };
                        q += rng.pick(&NUMBERS);
                    }
                }
            }
        }
        q += rng.pick(&["&", "&", "&&", ";"]);
    }
    q
}

#[test]
fn ten_thousand_hostile_queries_give_valid_scenes() {
    let mut rng = Rng(0x5eed);
    let mut noticed = 0;
    for _ in 0..10_000 {
        noticed += usize::from(!decode_checked(&hostile(&mut rng)).notices.is_empty());
    }
    assert!(noticed > 9_000, "{noticed}");
    for repeated in ["a=0,0&", "p=1,1;", "&", "%", "step=3&", "unit=1&n=0,0&"] {
        let q = repeated.repeat(MAX_QUERY_LEN / repeated.len());
        assert!(!decode_checked(&q).notices.is_empty() || repeated == "&");
    }
    let thousand = format!("unit=1&p={}", "1e-30,0;".repeat(1000));
    assert_eq!(decode_checked(&thousand).state.scene.positives.len(), MAX_POINTS_PER_SET);
}

#[test]
fn face_bindings_round_trip_and_bad_items_are_reported() {
    let d = decode("preset=worked-example-faces");
    let ex = tripletlab::state::face_scene::faces_worked_example();
    assert_eq!(
        d.state.scene.faces.face_of(PointId::Negative(0)),
        Some(ex.negative),
        "a bare preset link keeps its faces"
    );
    let d = decode("p=0.1,0.2;0.3,0.4&faces=a.7;p2.300;n1.99999;p9.1;x.3;n1.-4;a.100000");
    let f = &d.state.scene.faces;
    assert_eq!(
        (f.anchor, f.face_of(PointId::Positive(1)), f.face_of(PointId::Negative(0))),
        (Some(7), Some(300), Some(MAX_FACE_INDEX))
    );
    let bad: Vec<_> = d.notices.iter().filter(|n| matches!(n, UrlNotice::BadValue { key: "faces", .. })).collect();
    assert_eq!(bad.len(), 4, "{:?}", d.notices);
    assert!(encode(&d.state).contains("faces=a.7;p2.300;n1.99999"));
    let d = decode("a=0,0&p=0.5,0.5&n=1,1&preset=worked-example-faces");
    assert!(d.state.scene.faces.is_empty(), "explicit points without `faces` are free");
}
