//! [`PhotoError`]: everything that can be wrong with a photo a user brings
//! (the file, its pixels, the name given to the person in it).

use std::fmt;

/// Why a user photo was refused. The UI shows each variant as its own
/// translated sentence; [`fmt::Display`] gives the English one (tests, logs).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PhotoError {
    /// The file has no bytes at all.
    EmptyFile,
    /// The file is larger than the limit.
    TooLarge {
        /// Size of the file in bytes.
        bytes: u64,
        /// Largest accepted size in bytes.
        limit: u64,
    },
    /// Neither the MIME type nor the first bytes say "image".
    NotAnImage {
        /// The MIME type the browser reported ("" when it reported none).
        mime: String,
    },
    /// An image type the app cannot read (e.g. SVG, HEIC): the MIME type
    /// says image but the first bytes are not PNG, JPEG, GIF, WebP, BMP or AVIF.
    UnsupportedImage {
        /// The MIME type the browser reported.
        mime: String,
    },
    /// The browser could not decode the file although it looked like an image
    /// (truncated or corrupt).
    DecodeFailed,
    /// The decoded image is 0 pixels wide or high, or absurdly large.
    BadDimensions {
        /// Decoded width in pixels.
        width: u32,
        /// Decoded height in pixels.
        height: u32,
    },
    /// The pixel buffer does not hold `width × height × 4` bytes.
    PixelCount {
        /// Bytes expected.
        expected: usize,
        /// Bytes found.
        found: usize,
    },
    /// The person's name is empty (or only spaces).
    NameEmpty,
    /// The person's name is longer than the limit.
    NameTooLong {
        /// Characters in the (trimmed) name.
        chars: usize,
        /// Most characters allowed.
        max: usize,
    },
    /// The list of user photos is full.
    TooManyPhotos {
        /// Most photos allowed.
        max: usize,
    },
}

impl fmt::Display for PhotoError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PhotoError::EmptyFile => write!(f, "the file is empty (0 bytes)"),
            PhotoError::TooLarge { bytes, limit } => {
                write!(f, "the file is {bytes} bytes; the limit is {limit} bytes")
            }
            PhotoError::NotAnImage { mime } if mime.is_empty() => write!(f, "the file is not an image"),
            PhotoError::NotAnImage { mime } => write!(f, "the file is not an image ({mime})"),
            PhotoError::UnsupportedImage { mime } => write!(f, "unsupported image type ({mime})"),
            PhotoError::DecodeFailed => write!(f, "the image could not be decoded"),
            PhotoError::BadDimensions { width, height } => write!(f, "unusable image size {width}×{height}"),
            PhotoError::PixelCount { expected, found } => write!(f, "{found} pixel bytes, expected {expected}"),
            PhotoError::NameEmpty => write!(f, "the name is empty"),
            PhotoError::NameTooLong { chars, max } => write!(f, "the name has {chars} characters; at most {max}"),
            PhotoError::TooManyPhotos { max } => write!(f, "at most {max} photos"),
        }
    }
}

impl std::error::Error for PhotoError {}
