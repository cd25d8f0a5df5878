//! The whole scene in a URL query string, so that a link reopens exactly what
//! the student saw. Pure: no Leptos, no web-sys.
//!
//! ```text
//! a=0,0&p=0.5,0.5&n=-0.6,-0.38729832&alpha=0.2&dim=2&conv=squared&unit=0&ring=1&preset=worked-example&lang=vi&step=3
//! ```
//!
//! | key      | value                                                               |
//! |----------|---------------------------------------------------------------------|
//! | `a`      | the anchor: `x,y` in 2D, `x,y,z` in 3D                              |
//! | `p`, `n` | positives / negatives: points separated by `;` (1 to 64 each)       |
//! | `alpha`  | the margin α, in `[0, ALPHA_MAX]`                                   |
//! | `dim`    | `2` or `3`                                                          |
//! | `conv`   | distance convention: `squared`, `euclidean` or `pytorch`            |
//! | `unit`   | unit-sphere mode: `0` or `1`                                        |
//! | `ring`   | the positive whose margin rings are drawn, 1-based (`1` is P1)      |
//! | `preset` | the preset the scene came from (`custom`, `worked-example`, …)      |
//! | `faces`  | points bound to bundled faces: `a.12;p1.3;n2.40` (point `.` face)   |
//! | `lang`   | UI language, `vi` or `en` (optional)                                |
//! | `step`   | guided-lesson step, `1..=STEP_MAX` (optional)                       |
//!
//! Numbers are the shortest text that reads back as the same `f32` (`0.6`,
//! `-0.38729832`; exponent form such as `5e-5` only below 10⁻⁴), so a round
//! trip is exact. Only `[a-z0-9.,;=&-]` is written: nothing needs escaping.
//!
//! [`decode`] is forgiving and never fails: it accepts a leading `?` or `#`,
//! `+`/`%20` spaces and percent-encoding; missing keys keep their defaults
//! (the named preset's scene, else [`Scene::default`]), so `?preset=one-hard`
//! is a valid link; every repaired problem is reported as a [`UrlNotice`].

#[path = "url_notice.rs"]
mod notice;

use std::fmt::Write as _;

use super::face_bindings::FaceBindings;
use super::point_id::PointId;
use super::presets::Preset;
use super::scene::{clamp_alpha, clamp_coordinate, normalise, Dim, Point, Scene, MAX_POINTS_PER_SET};
use crate::i18n::Lang;
use crate::loss::convention::Convention;
use notice::{quote, Notices};
pub use notice::{UrlNotice, MAX_NOTICES, QUOTE_MAX};

/// Longer queries (in bytes) are ignored as a whole ([`UrlNotice::TooLong`]).
pub const MAX_QUERY_LEN: usize = 8 * 1024;
/// Largest guided-lesson step (steps are `1..=STEP_MAX`).
pub const STEP_MAX: u32 = 32;

/// Everything a link restores.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct UrlState {
    /// The scene.
    pub scene: Scene,
    /// The UI language, if the link names one.
    pub lang: Option<Lang>,
    /// The guided-lesson step (`1..=STEP_MAX`), if any.
    pub lesson_step: Option<u32>,
}

/// The result of [`decode`]: always a valid state, plus what had to be repaired.
#[derive(Clone, Debug, PartialEq, Default)]
pub struct Decoded {
    /// The decoded state (valid even for garbage input).
    pub state: UrlState,
    /// Problems found, key by key in decoding order; empty for a clean query.
    pub notices: Vec<UrlNotice>,
}

/// Keys in the order [`encode`] writes them.
const KEYS: [&str; 12] = ["a", "p", "n", "alpha", "dim", "conv", "unit", "ring", "preset", "faces", "lang", "step"];

/// Largest face index a link may bind (far above the bundled atlas; the app
/// ignores bindings to faces it does not have).
pub const MAX_FACE_INDEX: usize = 99_999;

/// `a.12;p1.3;n2.40`: each bound point's lowercase name and its face.
fn face_list(faces: &FaceBindings) -> String {
    let items: Vec<String> =
        faces.bound().iter().map(|(id, f)| format!("{}.{f}", id.to_string().to_lowercase())).collect();
    items.join(";")
}

/// Shortest text that parses back to exactly `v` (`0` for ±0).
fn number(v: f32) -> String {
    if v == 0.0 || !v.is_finite() {
        "0".into()
    } else if v.abs() >= 1e-4 {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

/// `x,y[,z];x,y[,z];…` with the scene's number of components.
fn point_list(points: &[Point], dim: Dim) -> String {
    let one = |p: &Point| p[..dim.components()].iter().map(|c| number(*c)).collect::<Vec<_>>().join(",");
    points.iter().map(one).collect::<Vec<_>>().join(";")
}

/// Writes `state` as a query string without the leading `?` (see the module docs).
pub fn encode(state: &UrlState) -> String {
    let s = &state.scene;
    let mut q = format!(
        "a={}&p={}&n={}&alpha={}&dim={}&conv={}&unit={}&ring={}&preset={}",
        point_list(&[s.anchor], s.dim),
        point_list(&s.positives, s.dim),
        point_list(&s.negatives, s.dim),
        number(s.alpha),
        s.dim.components(),
        s.convention.value(),
        u8::from(s.unit_sphere),
        s.ring_positive + 1,
        s.preset.value(),
    );
    if !s.faces.is_empty() {
        let _ = write!(q, "&faces={}", face_list(&s.faces));
    }
    if let Some(lang) = state.lang {
        let _ = write!(q, "&lang={}", lang.code());
    }
    if let Some(step) = state.lesson_step {
        let _ = write!(q, "&step={step}");
    }
    q
}

/// Decodes `%XX` escapes and `+` spaces; `None` for a malformed escape or non-UTF-8 result.
fn unescape(raw: &str) -> Option<String> {
    let hex = |b: &u8| (*b as char).to_digit(16);
    let bytes = raw.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' => {
                let (hi, lo) = (hex(bytes.get(i + 1)?)?, hex(bytes.get(i + 2)?)?);
                out.push((hi * 16 + lo) as u8);
                i += 2;
            }
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8(out).ok()
}

/// The query's values by key, and the notices collected so far.
#[derive(Default)]
struct Reader {
    values: Vec<(&'static str, String)>,
    notices: Notices,
}

impl Reader {
    /// Splits the query into known keys' values.
    fn read(&mut self, query: &str) {
        for pair in query.split('&').filter(|p| !p.is_empty()) {
            let (raw_key, raw_value) = pair.split_once('=').unwrap_or((pair, ""));
            let (Some(key), Some(value)) = (unescape(raw_key), unescape(raw_value)) else {
                self.notices.push(UrlNotice::BadEncoding { raw: quote(pair) });
                continue;
            };
            let (key, value) = (key.trim(), value.trim());
            match KEYS.iter().find(|k| **k == key) {
                Some(k) if self.has(k) => self.notices.push(UrlNotice::DuplicateKey { key: k }),
                Some(k) => self.values.push((k, value.to_string())),
                None if key.is_empty() && value.is_empty() => {}
                None => self.notices.push(UrlNotice::UnknownKey { key: quote(key) }),
            }
        }
    }

    /// Whether the query gave `key` (and it was not taken yet).
    fn has(&self, key: &str) -> bool {
        self.values.iter().any(|(k, _)| *k == key)
    }

    /// Takes a key's value; `None` (with a notice if given empty) when absent.
    fn take(&mut self, key: &'static str) -> Option<String> {
        let (_, value) = self.values.swap_remove(self.values.iter().position(|(k, _)| *k == key)?);
        if value.is_empty() {
            self.notices.push(UrlNotice::MissingValue { key });
            return None;
        }
        Some(value)
    }

    /// Parses an `f32` and applies `clamp`; `None` (with a notice) for text or NaN/∞.
    fn number(&mut self, key: &'static str, text: &str, clamp: fn(f32) -> f32) -> Option<f32> {
        let text = text.trim();
        let Ok(v) = text.parse::<f32>() else {
            self.notices.push(UrlNotice::BadNumber { key, text: quote(text) });
            return None;
        };
        // Overflowing f32 but finite as f64 (`1e39`) is just a large number, clamped below.
        if v.is_nan() || (v.is_infinite() && !text.parse::<f64>().is_ok_and(f64::is_finite)) {
            self.notices.push(UrlNotice::NotFinite { key, text: quote(text) });
            return None;
        }
        let clamped = clamp(v);
        if clamped != v {
            self.notices.push(UrlNotice::Clamped { key });
        }
        Some(clamped)
    }

    /// Parses a decimal integer clamped into `lo..=hi`.
    fn integer(&mut self, key: &'static str, text: &str, lo: u64, hi: u64) -> Option<u64> {
        if !text.bytes().all(|b| b.is_ascii_digit()) {
            self.notices.push(UrlNotice::BadNumber { key, text: quote(text) });
            return None;
        }
        let v = text.parse::<u64>().unwrap_or(u64::MAX); // all digits: only overflow fails
        if !(lo..=hi).contains(&v) {
            self.notices.push(UrlNotice::Clamped { key });
        }
        Some(v.clamp(lo, hi))
    }

    /// Parses up to `max` points of `dim` components; `None` if none is usable.
    fn points(&mut self, key: &'static str, text: &str, max: usize, dim: Dim) -> Option<Vec<Point>> {
        let d = dim.components();
        let mut out = Vec::new();
        let mut given = 0;
        for (i, point) in text.split(';').map(str::trim).filter(|p| !p.is_empty()).enumerate() {
            given += 1;
            if i >= max {
                continue;
            }
            let coords: Vec<&str> = point.split(',').collect();
            if coords.len() != d {
                self.notices.push(UrlNotice::WrongCoordinateCount {
                    key,
                    point: i + 1,
                    expected: d,
                    found: coords.len(),
                });
                continue;
            }
            let mut p = [0.0; 3];
            let mut ok = true;
            for (c, text) in p.iter_mut().zip(&coords) {
                match self.number(key, text, clamp_coordinate) {
                    Some(v) => *c = v,
                    None => ok = false,
                }
            }
            if ok {
                out.push(p);
            }
        }
        if given > max {
            self.notices.push(UrlNotice::TooManyPoints { key, given, kept: max });
        }
        if out.is_empty() {
            self.notices.push(UrlNotice::NoValidPoints { key });
            return None;
        }
        Some(out)
    }

    /// Reads a point-list key into `slot` (kept when absent or unusable),
    /// then makes every point of `slot` valid (see [`Reader::settle`]).
    fn point_key(&mut self, key: &'static str, max: usize, (dim, unit): (Dim, bool), slot: &mut Vec<Point>) {
        let given = self.has(key).then_some(key);
        if let Some(points) = self.take(key).and_then(|v| self.points(key, &v, max, dim)) {
            *slot = points;
        }
        for p in slot.iter_mut() {
            *p = self.settle(dim, unit, *p, given);
        }
    }

    /// Makes a point valid like [`Scene::constrain`], but leaves a point
    /// already on the unit sphere untouched, so that exact values round-trip.
    fn settle(&mut self, dim: Dim, unit: bool, p: Point, key: Option<&'static str>) -> Point {
        let z = if dim == Dim::Two { 0.0 } else { clamp_coordinate(p[2]) };
        let c = [clamp_coordinate(p[0]), clamp_coordinate(p[1]), z];
        let on_sphere = |p: Point| (p.iter().map(|v| f64::from(*v).powi(2)).sum::<f64>() - 1.0).abs() <= 1e-5;
        if !unit || on_sphere(c) {
            return c;
        }
        if let Some(key) = key {
            self.notices.push(UrlNotice::OffSphere { key });
        }
        // A second pass fixes the rounding of normalising subnormal-sized input.
        let n = normalise(c);
        if on_sphere(n) {
            n
        } else {
            normalise(n)
        }
    }

    /// Parses `faces` (see the module docs): bindings of existing points to
    /// face indices up to [`MAX_FACE_INDEX`]; bad items are skipped with a notice.
    fn faces(&mut self, text: &str, scene: &Scene) -> FaceBindings {
        let mut out = FaceBindings::default();
        for item in text.split(';').filter(|i| !i.is_empty()) {
            let parsed = item.split_once('.').and_then(|(name, face)| {
                let id = PointId::parse(&name.to_uppercase())?;
                let face = face
                    .parse::<usize>()
                    .ok()
                    .filter(|f| *f <= MAX_FACE_INDEX && face.bytes().all(|b| b.is_ascii_digit()))?;
                scene.point(id).map(|_| (id, face))
            });
            match parsed {
                Some((id, face)) => out.bind(id, face),
                None => self.notices.push(UrlNotice::BadValue { key: "faces", value: quote(item) }),
            }
        }
        out
    }

    /// Takes a key whose value names a choice; `None` (with `unknown`'s notice) if it names none.
    fn pick<T>(
        &mut self,
        key: &'static str,
        parse: fn(&str) -> Option<T>,
        unknown: fn(String) -> UrlNotice,
    ) -> Option<T> {
        let value = self.take(key)?;
        let picked = parse(&value);
        if picked.is_none() {
            self.notices.push(unknown(quote(&value)));
        }
        picked
    }
}

/// Decodes a query string (see the module docs). Never panics; the result is
/// always a valid state, and every repair is listed in [`Decoded::notices`].
pub fn decode(query: &str) -> Decoded {
    let query = query.trim_start_matches(['?', '#']);
    let mut r = Reader::default();
    if query.len() > MAX_QUERY_LEN {
        r.notices.push(UrlNotice::TooLong { len: query.len() });
        return Decoded { state: UrlState::default(), notices: r.notices.finish() };
    }
    r.read(query);

    let preset = r.pick("preset", Preset::from_value, |value| UrlNotice::UnknownPreset { value });
    let mut s = preset.map_or_else(Scene::default, Preset::scene);
    let dim = |v: &str| match v {
        "2" => Some(Dim::Two),
        "3" => Some(Dim::Three),
        _ => None,
    };
    s.dim = r.pick("dim", dim, |value| UrlNotice::BadValue { key: "dim", value }).unwrap_or(s.dim);
    let unit = |v: &str| match v {
        "0" => Some(false),
        "1" => Some(true),
        _ => None,
    };
    s.unit_sphere = r.pick("unit", unit, |value| UrlNotice::BadValue { key: "unit", value }).unwrap_or(s.unit_sphere);
    let conv = r.pick("conv", Convention::from_value, |value| UrlNotice::UnknownConvention { value });
    s.convention = conv.unwrap_or(s.convention);
    s.alpha = r.take("alpha").and_then(|v| r.number("alpha", &v, clamp_alpha)).unwrap_or(s.alpha);

    // Points given explicitly are free unless `faces` binds them.
    if ["a", "p", "n"].iter().any(|k| r.has(k)) {
        s.faces = FaceBindings::default();
    }
    let mut anchor = vec![s.anchor];
    r.point_key("a", 1, (s.dim, s.unit_sphere), &mut anchor);
    s.anchor = anchor[0];
    r.point_key("p", MAX_POINTS_PER_SET, (s.dim, s.unit_sphere), &mut s.positives);
    r.point_key("n", MAX_POINTS_PER_SET, (s.dim, s.unit_sphere), &mut s.negatives);

    let k = s.positives.len();
    s.ring_positive = s.ring_positive.min(k - 1);
    if let Some(ring) = r.take("ring").and_then(|v| r.integer("ring", &v, 1, k as u64)) {
        s.ring_positive = ring as usize - 1;
    }
    s.faces.truncate(super::PointSet::Positives, k);
    s.faces.truncate(super::PointSet::Negatives, s.negatives.len());
    if let Some(text) = r.take("faces") {
        s.faces = r.faces(&text, &s);
    }
    let lang = r.pick("lang", Lang::from_code, |value| UrlNotice::UnknownLanguage { value });
    let lesson_step = r.take("step").and_then(|v| r.integer("step", &v, 1, u64::from(STEP_MAX))).map(|v| v as u32);

    Decoded { state: UrlState { scene: s, lang, lesson_step }, notices: r.notices.finish() }
}
