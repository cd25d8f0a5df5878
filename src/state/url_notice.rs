//! What [`super::decode`] reports about a query it had to repair.
//!
//! Every notice names one problem precisely. [`UrlNotice::key`] is a stable
//! code the UI maps to a translated message; `Display` is a short English
//! message for developers. Text copied from the query is cut to
//! [`QUOTE_MAX`] characters so that a hostile URL cannot make notices huge.

use std::fmt;

/// At most this many notices are listed; the rest are counted in [`UrlNotice::More`].
pub const MAX_NOTICES: usize = 16;
/// Longest excerpt of the query (in characters) a notice keeps.
pub const QUOTE_MAX: usize = 32;

/// One problem found while decoding a scene URL; the decoded scene is still valid.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum UrlNotice {
    /// The query is longer than the cap (its length in bytes); it was ignored as a whole.
    TooLong {
        /// Length of the query in bytes.
        len: usize,
    },
    /// A `%` escape is malformed or the decoded bytes are not UTF-8; the pair was skipped.
    BadEncoding {
        /// The raw (still encoded) key or pair, shortened.
        raw: String,
    },
    /// A key the format does not define; it was ignored.
    UnknownKey {
        /// The key, shortened.
        key: String,
    },
    /// A key given more than once; the first value was kept.
    DuplicateKey {
        /// The key.
        key: &'static str,
    },
    /// A key with no value (`alpha` or `alpha=`); the default was kept.
    MissingValue {
        /// The key.
        key: &'static str,
    },
    /// Text that is not a number where one was expected; the value (or point) was skipped.
    BadNumber {
        /// The key.
        key: &'static str,
        /// The offending text, shortened.
        text: String,
    },
    /// NaN or ±∞ (including overflow such as `1e999`); the value (or point) was skipped.
    NotFinite {
        /// The key.
        key: &'static str,
        /// The offending text, shortened.
        text: String,
    },
    /// A number outside its range; it was clamped into the range.
    Clamped {
        /// The key.
        key: &'static str,
    },
    /// A point off the unit circle / sphere in unit-sphere mode; it was normalised.
    OffSphere {
        /// The key.
        key: &'static str,
    },
    /// More points than a set may hold; the first `kept` were used.
    TooManyPoints {
        /// The key.
        key: &'static str,
        /// Number of points given.
        given: usize,
        /// Number of points kept.
        kept: usize,
    },
    /// A point with the wrong number of coordinates for the dimension; it was skipped.
    WrongCoordinateCount {
        /// The key.
        key: &'static str,
        /// 1-based position of the point in its list.
        point: usize,
        /// Coordinates the dimension needs (2 or 3).
        expected: usize,
        /// Coordinates given.
        found: usize,
    },
    /// A point list without a single usable point; the default points were kept.
    NoValidPoints {
        /// The key.
        key: &'static str,
    },
    /// A `preset` value that names no preset; it was ignored.
    UnknownPreset {
        /// The value, shortened.
        value: String,
    },
    /// A `conv` value that names no distance convention; it was ignored.
    UnknownConvention {
        /// The value, shortened.
        value: String,
    },
    /// A `lang` value that names no UI language; it was ignored.
    UnknownLanguage {
        /// The value, shortened.
        value: String,
    },
    /// A `dim` other than `2`/`3` or a `unit` other than `0`/`1`; it was ignored.
    BadValue {
        /// The key.
        key: &'static str,
        /// The value, shortened.
        value: String,
    },
    /// Further notices were dropped after the first few.
    More {
        /// How many were dropped.
        count: usize,
    },
}

impl UrlNotice {
    /// Stable code of the notice kind, for mapping to a translated message.
    pub fn key(&self) -> &'static str {
        match self {
            UrlNotice::TooLong { .. } => "url.too-long",
            UrlNotice::BadEncoding { .. } => "url.bad-encoding",
            UrlNotice::UnknownKey { .. } => "url.unknown-key",
            UrlNotice::DuplicateKey { .. } => "url.duplicate-key",
            UrlNotice::MissingValue { .. } => "url.missing-value",
            UrlNotice::BadNumber { .. } => "url.bad-number",
            UrlNotice::NotFinite { .. } => "url.not-finite",
            UrlNotice::Clamped { .. } => "url.clamped",
            UrlNotice::OffSphere { .. } => "url.off-sphere",
            UrlNotice::TooManyPoints { .. } => "url.too-many-points",
            UrlNotice::WrongCoordinateCount { .. } => "url.wrong-coordinate-count",
            UrlNotice::NoValidPoints { .. } => "url.no-valid-points",
            UrlNotice::UnknownPreset { .. } => "url.unknown-preset",
            UrlNotice::UnknownConvention { .. } => "url.unknown-convention",
            UrlNotice::UnknownLanguage { .. } => "url.unknown-language",
            UrlNotice::BadValue { .. } => "url.bad-value",
            UrlNotice::More { .. } => "url.more",
        }
    }
}

/// Cuts user text to [`QUOTE_MAX`] characters (adding `…` when cut).
pub(crate) fn quote(text: &str) -> String {
    let mut chars = text.chars();
    let mut out: String = chars.by_ref().take(QUOTE_MAX).collect();
    if chars.next().is_some() {
        out.push('…');
    }
    out
}

/// Collects notices: identical ones once, beyond [`MAX_NOTICES`] only counted.
#[derive(Default)]
pub(crate) struct Notices {
    list: Vec<UrlNotice>,
    dropped: usize,
}

impl Notices {
    /// Records a notice.
    pub(crate) fn push(&mut self, n: UrlNotice) {
        if self.list.contains(&n) {
            return;
        }
        if self.list.len() < MAX_NOTICES {
            self.list.push(n);
        } else {
            self.dropped += 1;
        }
    }

    /// The notices, ending with [`UrlNotice::More`] if some were dropped.
    pub(crate) fn finish(mut self) -> Vec<UrlNotice> {
        if self.dropped > 0 {
            self.list.push(UrlNotice::More { count: self.dropped });
        }
        self.list
    }
}

impl fmt::Display for UrlNotice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            UrlNotice::TooLong { len } => write!(f, "query too long ({len} bytes), ignored"),
            UrlNotice::BadEncoding { raw } => write!(f, "bad percent-encoding or UTF-8 in {raw:?}, skipped"),
            UrlNotice::UnknownKey { key } => write!(f, "unknown key {key:?}, ignored"),
            UrlNotice::DuplicateKey { key } => write!(f, "key {key:?} given more than once, first kept"),
            UrlNotice::MissingValue { key } => write!(f, "key {key:?} has no value, default kept"),
            UrlNotice::BadNumber { key, text } => write!(f, "{key}: {text:?} is not a number, skipped"),
            UrlNotice::NotFinite { key, text } => write!(f, "{key}: {text:?} is not finite, skipped"),
            UrlNotice::Clamped { key } => write!(f, "{key}: value out of range, clamped"),
            UrlNotice::OffSphere { key } => write!(f, "{key}: point off the unit sphere, normalised"),
            UrlNotice::TooManyPoints { key, given, kept } => {
                write!(f, "{key}: {given} points given, first {kept} kept")
            }
            UrlNotice::WrongCoordinateCount { key, point, expected, found } => {
                write!(f, "{key}: point {point} has {found} coordinates, expected {expected}; skipped")
            }
            UrlNotice::NoValidPoints { key } => write!(f, "{key}: no valid point, defaults kept"),
            UrlNotice::UnknownPreset { value } => write!(f, "unknown preset {value:?}, ignored"),
            UrlNotice::UnknownConvention { value } => write!(f, "unknown convention {value:?}, ignored"),
            UrlNotice::UnknownLanguage { value } => write!(f, "unknown language {value:?}, ignored"),
            UrlNotice::BadValue { key, value } => write!(f, "{key}: invalid value {value:?}, ignored"),
            UrlNotice::More { count } => write!(f, "{count} more problems not listed"),
        }
    }
}
