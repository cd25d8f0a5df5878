//! The atlas PNG decoder ([`tripletlab::faces::decode_rgba`]): any bytes give
//! straight RGBA8 of exactly the expected size or a specific [`FaceError`],
//! never a panic nor a huge allocation. The expected size is the one the
//! input's own IHDR claims when that is small (so valid images get decoded),
//! else the bundled atlas's.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tripletlab::faces::{decode_rgba, FaceError};

fn ihdr_size(data: &[u8]) -> Option<(usize, usize)> {
    let be = |at: usize| Some(u32::from_be_bytes(data.get(at..at + 4)?.try_into().ok()?) as usize);
    let (w, h) = (be(16)?, be(20)?);
    (w <= 512 && h <= 512).then_some((w, h))
}

fuzz_target!(|data: &[u8]| {
    let expected = ihdr_size(data).unwrap_or((24 * 48, 12 * 48));
    match decode_rgba(data, expected) {
        Ok(rgba) => assert_eq!(rgba.len(), expected.0 * expected.1 * 4),
        Err(e) => {
            assert!(!e.to_string().is_empty());
            if let FaceError::AtlasSizeMismatch { expected: want, .. } = e {
                assert_eq!(want, expected);
            }
        }
    }
});
