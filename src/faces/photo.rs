//! A user's photo on its way to a thumbnail: checking the file before the
//! browser decodes it, checking the decoded size, choosing the square crop
//! (centre, zoom and offset) and resizing it by area averaging to the
//! atlas's 48×48 RGBA format.

use super::photo_error::PhotoError;
use super::THUMB_SIDE;

/// Largest accepted file: 15 MiB.
pub const MAX_FILE_BYTES: u64 = 15 * 1024 * 1024;
/// Largest accepted side of a decoded image, in pixels.
pub const MAX_SIDE: u32 = 12_000;
/// Largest accepted decoded image, in pixels (50 megapixels).
pub const MAX_PIXELS: u64 = 50_000_000;
/// Bytes of the file head that [`check_file`] needs to recognise a format.
pub const SNIFF_BYTES: usize = 16;
/// Largest zoom of the crop (the square is then 1/4 of the short side).
pub const MAX_ZOOM: f64 = 4.0;

/// An image format recognised by its first bytes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImageKind {
    /// PNG.
    Png,
    /// JPEG.
    Jpeg,
    /// GIF (87a or 89a; the first frame is used).
    Gif,
    /// WebP.
    Webp,
    /// Windows bitmap.
    Bmp,
    /// AVIF.
    Avif,
}

/// The format of a file from its first bytes (at least [`SNIFF_BYTES`] for
/// every format to be recognised), if it is one the app reads.
pub fn sniff(head: &[u8]) -> Option<ImageKind> {
    let at = |offset: usize, magic: &[u8]| head.get(offset..offset + magic.len()) == Some(magic);
    if at(0, b"\x89PNG\r\n\x1a\n") {
        Some(ImageKind::Png)
    } else if at(0, b"\xff\xd8\xff") {
        Some(ImageKind::Jpeg)
    } else if at(0, b"GIF87a") || at(0, b"GIF89a") {
        Some(ImageKind::Gif)
    } else if at(0, b"RIFF") && at(8, b"WEBP") {
        Some(ImageKind::Webp)
    } else if at(0, b"BM") && head.len() >= 14 {
        Some(ImageKind::Bmp)
    } else if at(4, b"ftypavif") || at(4, b"ftypavis") {
        Some(ImageKind::Avif)
    } else {
        None
    }
}

/// Checks a file before decoding it: its size (`0` and over
/// [`MAX_FILE_BYTES`] are refused), then its first bytes. The bytes decide
/// (a PNG named `.txt` is still a PNG); the MIME type only chooses between
/// "not an image" and "an image type the app cannot read".
pub fn check_file(size: u64, mime: &str, head: &[u8]) -> Result<ImageKind, PhotoError> {
    if size == 0 {
        return Err(PhotoError::EmptyFile);
    }
    if size > MAX_FILE_BYTES {
        return Err(PhotoError::TooLarge { bytes: size, limit: MAX_FILE_BYTES });
    }
    match sniff(head) {
        Some(kind) => Ok(kind),
        None if mime.trim().to_ascii_lowercase().starts_with("image/") => {
            Err(PhotoError::UnsupportedImage { mime: mime.trim().to_string() })
        }
        None => Err(PhotoError::NotAnImage { mime: mime.trim().to_string() }),
    }
}

/// Checks the decoded size: both sides at least 1 pixel, at most
/// [`MAX_SIDE`], and at most [`MAX_PIXELS`] in all.
pub fn check_dimensions(width: u32, height: u32) -> Result<(), PhotoError> {
    let pixels = u64::from(width) * u64::from(height);
    if width == 0 || height == 0 || width > MAX_SIDE || height > MAX_SIDE || pixels > MAX_PIXELS {
        return Err(PhotoError::BadDimensions { width, height });
    }
    Ok(())
}

/// The user's choice of square: `zoom` ≥ 1 shrinks the square from the
/// image's short side; the offsets move it from the centre, −1 = as far
/// left/up as the image allows, +1 = as far right/down.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Crop {
    /// 1 = the largest centred square; clamped to `1..=MAX_ZOOM`.
    pub zoom: f64,
    /// Horizontal offset in `-1..=1`.
    pub offset_x: f64,
    /// Vertical offset in `-1..=1`.
    pub offset_y: f64,
}

impl Crop {
    /// The largest centred square.
    pub const CENTRED: Crop = Crop { zoom: 1.0, offset_x: 0.0, offset_y: 0.0 };

    /// The square in source pixels, `(left, top, side)`, always inside a
    /// `width × height` image (non-finite settings count as the defaults).
    pub fn rect(&self, width: u32, height: u32) -> (f64, f64, f64) {
        let clean = |v: f64, lo: f64, hi: f64, default: f64| if v.is_finite() { v.clamp(lo, hi) } else { default };
        let zoom = clean(self.zoom, 1.0, MAX_ZOOM, 1.0);
        let (w, h) = (f64::from(width), f64::from(height));
        let side = w.min(h) / zoom;
        let place = |extent: f64, offset: f64| (extent - side) / 2.0 * (1.0 + clean(offset, -1.0, 1.0, 0.0));
        (place(w, self.offset_x), place(h, self.offset_y), side)
    }
}

/// How much each source pixel `i` of a row (or column) covers the output
/// cell `[start, start + step)`: `(i, overlap)` pairs with overlap > 0.
fn coverage(start: f64, step: f64, limit: u32) -> Vec<(usize, f64)> {
    let end = start + step;
    let first = start.floor().max(0.0) as u32;
    let last = (end.ceil() as u32).min(limit);
    (first..last)
        .filter_map(|i| {
            let overlap = end.min(f64::from(i) + 1.0) - start.max(f64::from(i));
            (overlap > 1e-12).then_some((i as usize, overlap))
        })
        .collect()
}

/// Resizes the square `rect = (left, top, side)` of a straight-RGBA
/// `width × height` image to `out × out` by area averaging: each output
/// pixel is the mean of the source area it covers, every source pixel
/// weighted by the fraction of it inside. Transparent parts are composited
/// over white (the net sees opaque thumbnails); the output alpha is 255.
/// Values are rounded to the nearest integer.
pub fn resize_area(
    rgba: &[u8],
    width: u32,
    height: u32,
    rect: (f64, f64, f64),
    out: usize,
) -> Result<Vec<u8>, PhotoError> {
    check_dimensions(width, height)?;
    let expected = width as usize * height as usize * 4;
    if rgba.len() != expected {
        return Err(PhotoError::PixelCount { expected, found: rgba.len() });
    }
    let (left, top, side) = rect;
    let step = side / out as f64;
    let columns: Vec<_> = (0..out).map(|i| coverage(left + i as f64 * step, step, width)).collect();
    let mut pixels = Vec::with_capacity(out * out * 4);
    for j in 0..out {
        let rows = coverage(top + j as f64 * step, step, height);
        for cols in &columns {
            let (mut sum, mut area) = ([0.0f64; 3], 0.0f64);
            for &(y, wy) in &rows {
                for &(x, wx) in cols {
                    let p = &rgba[(y * width as usize + x) * 4..][..4];
                    let weight = wy * wx;
                    let alpha = f64::from(p[3]) / 255.0;
                    for c in 0..3 {
                        sum[c] += weight * (alpha * f64::from(p[c]) + (1.0 - alpha) * 255.0);
                    }
                    area += weight;
                }
            }
            for s in sum {
                let v = if area > 0.0 { s / area } else { 255.0 };
                pixels.push((v + 0.5).floor().clamp(0.0, 255.0) as u8);
            }
            pixels.push(255);
        }
    }
    Ok(pixels)
}

/// The 48×48 thumbnail of a decoded photo under the user's crop.
pub fn thumbnail(rgba: &[u8], width: u32, height: u32, crop: &Crop) -> Result<Vec<u8>, PhotoError> {
    check_dimensions(width, height)?;
    resize_area(rgba, width, height, crop.rect(width, height), THUMB_SIDE)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opaque(pixels: &[[u8; 3]]) -> Vec<u8> {
        pixels.iter().flat_map(|p| [p[0], p[1], p[2], 255]).collect()
    }

    #[test]
    fn file_checks_name_the_problem() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(check_file(0, "image/png", b""), Err(PhotoError::EmptyFile));
        assert_eq!(
            check_file(MAX_FILE_BYTES + 1, "image/png", png),
            Err(PhotoError::TooLarge { bytes: 15_728_641, limit: 15_728_640 })
        );
        assert_eq!(check_file(MAX_FILE_BYTES, "image/png", png), Ok(ImageKind::Png));
        assert_eq!(check_file(5, "text/plain", b"hello"), Err(PhotoError::NotAnImage { mime: "text/plain".into() }));
        assert_eq!(check_file(5, "", b"hello"), Err(PhotoError::NotAnImage { mime: String::new() }));
        assert_eq!(
            check_file(40, "image/svg+xml", b"<svg xmlns=\"http"),
            Err(PhotoError::UnsupportedImage { mime: "image/svg+xml".into() })
        );
        // The bytes decide, not the name or the MIME type.
        assert_eq!(check_file(20, "text/plain", png), Ok(ImageKind::Png));
        assert_eq!(check_file(20, "", b"\xff\xd8\xff\xe0\0\x10JFIF\0"), Ok(ImageKind::Jpeg));
        assert_eq!(check_file(20, "", b"GIF89a\x01\0\x01\0"), Ok(ImageKind::Gif));
        assert_eq!(check_file(20, "", b"RIFF\x24\0\0\0WEBPVP8 "), Ok(ImageKind::Webp));
        assert_eq!(check_file(20, "", b"\0\0\0\x1cftypavif\0\0\0\0"), Ok(ImageKind::Avif));
        assert_eq!(check_file(20, "", b"BM\x36\0\0\0\0\0\0\0\x36\0\0\0"), Ok(ImageKind::Bmp));
        // Too short a head to be sure is not an image.
        assert_eq!(sniff(b"\x89PN"), None);
        assert_eq!(sniff(b"BM"), None);
    }

    #[test]
    fn dimensions_must_be_sane() {
        assert!(check_dimensions(1, 1).is_ok());
        assert!(check_dimensions(MAX_SIDE, 4000).is_ok());
        assert_eq!(check_dimensions(0, 10), Err(PhotoError::BadDimensions { width: 0, height: 10 }));
        assert_eq!(check_dimensions(10, 0), Err(PhotoError::BadDimensions { width: 10, height: 0 }));
        assert!(check_dimensions(MAX_SIDE + 1, 10).is_err());
        assert!(check_dimensions(10_000, 10_000).is_err(), "100 megapixels");
    }

    #[test]
    fn two_by_two_to_one_pixel_is_the_mean() {
        let rgba = opaque(&[[0, 10, 200], [100, 20, 201], [200, 30, 202], [255, 41, 203]]);
        let out = resize_area(&rgba, 2, 2, (0.0, 0.0, 2.0), 1).unwrap();
        // (0+100+200+255)/4 = 138.75 → 139; (10+20+30+41)/4 = 25.25 → 25; 806/4 = 201.5 → 202.
        assert_eq!(out, vec![139, 25, 202, 255]);
    }

    #[test]
    fn fractional_cells_weight_partial_pixels() {
        // A 3×3 image of columns 0, 90, 180 resized whole to 2×2: cell 0
        // covers column 0 fully and column 1 by half: (0 + 0.5·90)/1.5 = 30.
        let row = [[0, 0, 0], [90, 90, 90], [180, 180, 180]];
        let rgba = opaque(&[row, row, row].concat());
        let out = resize_area(&rgba, 3, 3, (0.0, 0.0, 3.0), 2).unwrap();
        // Cell 1: (0.5·90 + 180)/1.5 = 150.
        assert_eq!(out, vec![30, 30, 30, 255, 150, 150, 150, 255, 30, 30, 30, 255, 150, 150, 150, 255]);
    }

    #[test]
    fn transparency_is_composited_over_white() {
        let rgba = vec![0, 0, 0, 0, 100, 50, 0, 255];
        // Pixel 0 is transparent → white; mean of (255, 255, 255) and (100, 50, 0).
        let out = resize_area(&rgba, 2, 1, (0.0, 0.0, 1.0), 1).unwrap();
        assert_eq!(out, vec![255, 255, 255, 255], "only the first pixel is inside the 1×1 square");
        let out = resize_area(&rgba, 2, 1, (0.5, 0.0, 1.0), 1).unwrap();
        // Half of each: (255 + 100)/2 = 177.5 → 178, (255 + 50)/2 = 152.5 → 153, 127.5 → 128.
        assert_eq!(out, vec![178, 153, 128, 255]);
    }

    /// A 4 × 2 gradient: red = 60·x, green = 100·y, blue = 7.
    fn gradient() -> Vec<u8> {
        (0..2)
            .flat_map(|y| (0..4).map(move |x| [60 * x as u8, 100 * y as u8, 7]))
            .flat_map(|p| [p[0], p[1], p[2], 255])
            .collect()
    }

    #[test]
    fn crops_of_a_gradient() {
        let img = gradient();
        // Centred: the square is x ∈ [1, 3), y ∈ [0, 2): an exact copy at 2×2.
        assert_eq!(Crop::CENTRED.rect(4, 2), (1.0, 0.0, 2.0));
        let out = resize_area(&img, 4, 2, Crop::CENTRED.rect(4, 2), 2).unwrap();
        assert_eq!(out, vec![60, 0, 7, 255, 120, 0, 7, 255, 60, 100, 7, 255, 120, 100, 7, 255]);
        // Offset −1: the left end, x ∈ [0, 2).
        let left = Crop { offset_x: -1.0, ..Crop::CENTRED };
        assert_eq!(left.rect(4, 2), (0.0, 0.0, 2.0));
        let out = resize_area(&img, 4, 2, left.rect(4, 2), 1).unwrap();
        // Mean red (0 + 60)/2 = 30, green (0 + 100)/2 = 50.
        assert_eq!(out, vec![30, 50, 7, 255]);
        // Offset +1: x ∈ [2, 4): red (120 + 180)/2 = 150.
        let right = Crop { offset_x: 1.0, offset_y: 1.0, ..Crop::CENTRED };
        assert_eq!(resize_area(&img, 4, 2, right.rect(4, 2), 1).unwrap(), vec![150, 50, 7, 255]);
        // Zoom 2: a 1-pixel square centred at (2, 1): x ∈ [1.5, 2.5), y ∈ [0.5, 1.5):
        // a quarter of each of (1..=2) × (0..=1): red 90, green 50.
        let zoomed = Crop { zoom: 2.0, ..Crop::CENTRED };
        assert_eq!(zoomed.rect(4, 2), (1.5, 0.5, 1.0));
        assert_eq!(resize_area(&img, 4, 2, zoomed.rect(4, 2), 1).unwrap(), vec![90, 50, 7, 255]);
    }

    #[test]
    fn crop_settings_are_clamped() {
        let wild = Crop { zoom: 100.0, offset_x: 9.0, offset_y: f64::NAN };
        assert_eq!(wild.rect(400, 200), (400.0 - 50.0, 75.0, 50.0));
        let below = Crop { zoom: 0.1, offset_x: -3.0, offset_y: 0.0 };
        assert_eq!(below.rect(400, 200), (0.0, 0.0, 200.0));
    }

    #[test]
    fn thumbnail_is_48_square_and_checks_its_input() {
        let img = gradient();
        let t = thumbnail(&img, 4, 2, &Crop::CENTRED).unwrap();
        assert_eq!(t.len(), THUMB_SIDE * THUMB_SIDE * 4);
        // Upscaling 2 → 48: the top-left output pixel lies inside source pixel (1, 0).
        assert_eq!(&t[..4], &[60, 0, 7, 255]);
        assert_eq!(&t[t.len() - 4..], &[120, 100, 7, 255]);
        assert_eq!(thumbnail(&img[..8], 4, 2, &Crop::CENTRED), Err(PhotoError::PixelCount { expected: 32, found: 8 }));
        assert_eq!(thumbnail(&[], 0, 2, &Crop::CENTRED), Err(PhotoError::BadDimensions { width: 0, height: 2 }));
    }
}
