//! Compile-checked translations (Vietnamese, the lesson's language, and English).
//!
//! Every user-visible string is a [`Key`]; each key is declared once in
//! [`strings`] with both its Vietnamese and its English text. The
//! [`translations!`] macro only accepts entries that give both, so a missing
//! translation or an unknown key is a build error, not a blank on screen.

mod strings;

pub use strings::Key;

/// A UI language.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    /// Vietnamese: the lesson's own language.
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Both languages, in the order the language picker lists them.
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// BCP 47 code, used for `<html lang>`, storage and the `lang` select's values.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// Name of the language written in itself (for the picker).
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Vi => "Tiếng Việt",
            Lang::En => "English",
        }
    }

    /// Parses a stored or selected code (`vi`, `en`); anything else is `None`.
    pub fn from_code(code: &str) -> Option<Lang> {
        match code.trim() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// Picks the language for a browser's preference list (`navigator.languages`):
    /// the first entry whose primary subtag is `vi` or `en` wins; English otherwise.
    pub fn from_browser<'a>(preferences: impl IntoIterator<Item = &'a str>) -> Lang {
        preferences
            .into_iter()
            .find_map(|tag| {
                let primary = tag.split(['-', '_']).next().unwrap_or("").to_ascii_lowercase();
                Lang::from_code(&primary)
            })
            .unwrap_or(Lang::En)
    }

    /// Chooses the language at start-up: a remembered choice beats the browser's.
    pub fn initial<'a>(stored: Option<&str>, browser: impl IntoIterator<Item = &'a str>) -> Lang {
        stored.and_then(Lang::from_code).unwrap_or_else(|| Lang::from_browser(browser))
    }

    /// The text of `key` in this language.
    pub fn t(self, key: Key) -> &'static str {
        key.text(self)
    }
}

/// Declares the translation keys: `Name { vi: "…", en: "…" }` per entry.
macro_rules! translations {
    ($( $(#[$meta:meta])* $key:ident { vi: $vi:expr, en: $en:expr $(,)? } )*) => {
        /// A translatable UI string; see the `i18n` module docs.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Key {
            $( $(#[$meta])* $key, )*
        }

        impl Key {
            /// Every key, for completeness tests.
            pub const ALL: &'static [Key] = &[$(Key::$key),*];

            /// The text of this key in `lang`.
            pub fn text(self, lang: super::Lang) -> &'static str {
                match (self, lang) {
                    $(
                        (Key::$key, super::Lang::Vi) => $vi,
                        (Key::$key, super::Lang::En) => $en,
                    )*
                }
            }
        }
    };
}
pub(crate) use translations;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn browser_preferences_pick_the_first_supported_language() {
        assert_eq!(Lang::from_browser(["vi-VN", "en-US"]), Lang::Vi);
        assert_eq!(Lang::from_browser(["fr-FR", "en-GB", "vi"]), Lang::En);
        assert_eq!(Lang::from_browser(["de"]), Lang::En);
        assert_eq!(Lang::from_browser(["VI_vn"]), Lang::Vi);
    }

    #[test]
    fn stored_choice_wins_and_garbage_is_ignored() {
        assert_eq!(Lang::initial(Some("en"), ["vi-VN"]), Lang::En);
        assert_eq!(Lang::initial(Some("<script>"), ["vi-VN"]), Lang::Vi);
        assert_eq!(Lang::initial(None, ["en"]), Lang::En);
    }

    #[test]
    fn every_key_has_distinct_nonempty_texts() {
        for key in Key::ALL {
            for lang in Lang::ALL {
                assert!(!key.text(lang).trim().is_empty(), "{key:?} is empty in {lang:?}");
            }
        }
    }

    #[test]
    fn codes_round_trip() {
        for lang in Lang::ALL {
            assert_eq!(Lang::from_code(lang.code()), Some(lang));
        }
    }
}
