//! The uploaded-photo checks and resizer (`faces::photo`, `faces::user_faces`):
//! any file head, size and MIME type give a recognised format or the specific
//! refusal; any decoded size, pixel buffer and crop (NaN and ∞ included) give
//! an opaque 48×48 thumbnail or a specific error; the crop square always lies
//! inside the image; a uniform opaque image stays exactly its colour
//! (area averaging); any typed name is cleaned or refused by name.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tripletlab::faces::{
    check_dimensions, check_file, clean_name, sniff, thumbnail, Crop, PhotoError, UserFaces, MAX_FILE_BYTES,
    MAX_NAME_CHARS, MAX_PIXELS, MAX_SIDE, THUMB_SIDE,
};

/// Reads fixed-size fields off the front of the input (zeros once it runs out).
struct Bytes<'a>(&'a [u8]);

impl Bytes<'_> {
    fn take<const N: usize>(&mut self) -> [u8; N] {
        let mut out = [0; N];
        let n = N.min(self.0.len());
        out[..n].copy_from_slice(&self.0[..n]);
        self.0 = &self.0[n..];
        out
    }
}

fuzz_target!(|data: &[u8]| {
    let mut b = Bytes(data);
    // 1. The file check, before decoding.
    let size = u64::from_le_bytes(b.take::<8>()) % (2 * MAX_FILE_BYTES);
    let mime = ["image/png", "image/jpeg", "text/plain", "", " IMAGE/SVG+XML ", "application/pdf"]
        [b.take::<1>()[0] as usize % 6];
    let head = b.take::<16>();
    match check_file(size, mime, &head) {
        Ok(kind) => {
            assert!(size > 0 && size <= MAX_FILE_BYTES);
            assert_eq!(sniff(&head), Some(kind));
        }
        Err(PhotoError::EmptyFile) => assert_eq!(size, 0),
        Err(PhotoError::TooLarge { bytes, limit }) => assert!(bytes == size && size > limit),
        Err(PhotoError::UnsupportedImage { mime: m }) => {
            assert!(sniff(&head).is_none() && m.to_ascii_lowercase().starts_with("image/"))
        }
        Err(PhotoError::NotAnImage { .. }) => assert!(sniff(&head).is_none()),
        Err(e) => panic!("unexpected {e:?}"),
    }

    // 2. Any claimed size is judged without decoding anything.
    let [w0, w1, h0, h1, flags] = b.take::<5>();
    let (big_w, big_h) = (u32::from_le_bytes([w0, w1, h0, 0]), u32::from_le_bytes([h1, flags, w1, 0]));
    let ok = big_w > 0
        && big_h > 0
        && big_w <= MAX_SIDE
        && big_h <= MAX_SIDE
        && u64::from(big_w) * u64::from(big_h) <= MAX_PIXELS;
    assert_eq!(check_dimensions(big_w, big_h).is_ok(), ok, "{big_w}×{big_h}");

    // 3. A small decoded image, a crop of any three f64 (NaN, ∞, huge) and its thumbnail.
    let (w, h) = (u32::from(w0 % 80), u32::from(h0 % 80));
    let crop = Crop {
        zoom: f64::from_le_bytes(b.take::<8>()),
        offset_x: f64::from_le_bytes(b.take::<8>()),
        offset_y: f64::from_le_bytes(b.take::<8>()),
    };
    if w > 0 && h > 0 {
        let (left, top, side) = crop.rect(w, h);
        assert!(side.is_finite() && side > 0.0 && left >= 0.0 && top >= 0.0, "{crop:?} {w}×{h}");
        assert!(left + side <= f64::from(w) + 1e-9 && top + side <= f64::from(h) + 1e-9, "{crop:?} {w}×{h}");
    }
    let colour = b.take::<4>();
    let uniform = flags & 1 == 1;
    let wrong_length = flags & 2 == 2;
    let n = (w * h * 4) as usize;
    let mut rgba: Vec<u8> = if uniform {
        [colour[0], colour[1], colour[2], 255].iter().copied().cycle().take(n).collect()
    } else {
        b.0.iter().copied().chain(std::iter::repeat(0x80)).take(n).collect()
    };
    if wrong_length {
        rgba.push(0);
    }
    match thumbnail(&rgba, w, h, &crop) {
        Ok(thumb) => {
            assert!(!wrong_length && w > 0 && h > 0);
            assert_eq!(thumb.len(), THUMB_SIDE * THUMB_SIDE * 4);
            assert!(thumb.chunks_exact(4).all(|p| p[3] == 255), "thumbnails are opaque");
            if uniform {
                let want = [colour[0], colour[1], colour[2], 255];
                assert!(thumb.chunks_exact(4).all(|p| p == want), "a uniform image keeps its colour");
            }
            let mut faces = UserFaces::new();
            assert_eq!(faces.add("An", thumb), Ok(0));
        }
        Err(PhotoError::BadDimensions { width, height }) => assert!((width, height) == (w, h) && (w == 0 || h == 0)),
        Err(PhotoError::PixelCount { expected, found }) => assert!(wrong_length && expected == n && found == n + 1),
        Err(e) => panic!("unexpected {e:?}"),
    }

    // 4. The person's name: the rest of the input as text.
    if let Ok(typed) = std::str::from_utf8(b.0) {
        match clean_name(typed) {
            Ok(name) => {
                let chars = name.chars().count();
                assert!((1..=MAX_NAME_CHARS).contains(&chars) && name == name.trim() && !name.contains("  "));
                assert!(!name.chars().any(|c| c.is_control()));
                assert_eq!(clean_name(&name).as_deref(), Ok(name.as_str()), "cleaning is idempotent");
            }
            Err(PhotoError::NameEmpty) => assert!(typed.chars().all(|c| c.is_whitespace() || c.is_control())),
            Err(PhotoError::NameTooLong { chars, max }) => assert!(chars > max),
            Err(e) => panic!("unexpected {e:?}"),
        }
    }
});
