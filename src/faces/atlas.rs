//! The atlas PNG: deterministic encoding (generator) and strict, bounded
//! decoding to RGBA (app and trainer).

use super::error::FaceError;
use std::io::Cursor;

/// The eight bytes every PNG file starts with.
const PNG_SIGNATURE: [u8; 8] = [0x89, b'P', b'N', b'G', b'\r', b'\n', 0x1A, b'\n'];
/// Most memory the decoder may allocate (the 1152×576 atlas needs ~2 MiB).
const DECODE_LIMIT_BYTES: usize = 256 << 20;

/// Encodes an 8-bit RGB image (`width * height * 3` bytes, row-major) as PNG
/// with fixed settings (zlib level 9, adaptive filtering, no metadata, no
/// timestamp), so the same pixels always give the same bytes.
pub fn encode_rgb_png(width: usize, height: usize, rgb: &[u8]) -> Result<Vec<u8>, String> {
    if rgb.len() != width * height * 3 {
        return Err(format!("{} bytes for a {width}×{height} RGB image", rgb.len()));
    }
    let (w, h) = (u32::try_from(width).map_err(|e| e.to_string())?, u32::try_from(height).map_err(|e| e.to_string())?);
    let mut out = Vec::new();
    let mut encoder = png::Encoder::new(&mut out, w, h);
    encoder.set_color(png::ColorType::Rgb);
    encoder.set_depth(png::BitDepth::Eight);
    encoder.set_deflate_compression(png::DeflateCompression::Level(9));
    encoder.set_filter(png::Filter::Adaptive);
    let mut writer = encoder.write_header().map_err(|e| e.to_string())?;
    writer.write_image_data(rgb).map_err(|e| e.to_string())?;
    writer.finish().map_err(|e| e.to_string())?;
    Ok(out)
}

/// Decodes a PNG to straight RGBA8 (`width * height * 4` bytes) after
/// checking that it is `expected = (width, height)` pixels. Grey, grey +
/// alpha, palette, RGB and RGBA at any bit depth are accepted (16-bit
/// channels keep their high byte); opaque formats get alpha 255.
pub fn decode_rgba(bytes: &[u8], expected: (usize, usize)) -> Result<Vec<u8>, FaceError> {
    if !bytes.starts_with(&PNG_SIGNATURE) {
        return Err(FaceError::NotPng);
    }
    check_palette(bytes)?;
    let corrupt = |e: png::DecodingError| FaceError::CorruptPng(e.to_string());
    let mut decoder = png::Decoder::new_with_limits(Cursor::new(bytes), png::Limits { bytes: DECODE_LIMIT_BYTES });
    decoder.set_transformations(png::Transformations::normalize_to_color8());
    let mut reader = decoder.read_info().map_err(corrupt)?;
    let found = (reader.info().width as usize, reader.info().height as usize);
    if found != expected {
        return Err(FaceError::AtlasSizeMismatch { expected, found });
    }
    let size = reader
        .output_buffer_size()
        .ok_or_else(|| FaceError::UnsupportedPng(format!("a {}×{} image is too large", found.0, found.1)))?;
    let mut buf = vec![0u8; size];
    let frame = reader.next_frame(&mut buf).map_err(corrupt)?;
    // Read to the end so a truncated file (no IEND) is refused too.
    reader.finish().map_err(corrupt)?;
    if frame.bit_depth != png::BitDepth::Eight {
        return Err(FaceError::UnsupportedPng(format!("bit depth {:?} after expansion", frame.bit_depth)));
    }
    let channels = match frame.color_type {
        png::ColorType::Grayscale => 1,
        png::ColorType::GrayscaleAlpha => 2,
        png::ColorType::Rgb => 3,
        png::ColorType::Rgba => 4,
        png::ColorType::Indexed => {
            return Err(FaceError::UnsupportedPng("palette colours were not expanded".to_string()));
        }
    };
    let pixels = found.0 * found.1;
    let data = buf.get(..frame.buffer_size()).unwrap_or(&buf);
    let needed = pixels * channels;
    if frame.width as usize != found.0 || data.len() < needed || frame.line_size != found.0 * channels {
        return Err(FaceError::CorruptPng("the decoded frame does not match the header".to_string()));
    }
    let mut rgba = Vec::with_capacity(pixels * 4);
    for px in data[..needed].chunks_exact(channels) {
        let pixel = match *px {
            [g] => [g, g, g, 255],
            [g, a] => [g, g, g, a],
            [r, g, b] => [r, g, b, 255],
            [r, g, b, a] => [r, g, b, a],
            _ => [0, 0, 0, 0],
        };
        rgba.extend_from_slice(&pixel);
    }
    Ok(rgba)
}

/// Refuses a `PLTE` chunk whose length is not 3 to 768 bytes in whole RGB
/// entries. The png crate (0.18.1) does not check this and panics while
/// expanding such a palette (found by `fuzz/fuzz_targets/face_atlas.rs`).
fn check_palette(bytes: &[u8]) -> Result<(), FaceError> {
    let mut at = PNG_SIGNATURE.len();
    while let Some(header) = bytes.get(at..at + 8) {
        let len = u32::from_be_bytes([header[0], header[1], header[2], header[3]]) as usize;
        match &header[4..] {
            b"PLTE" if len == 0 || len > 3 * 256 || !len.is_multiple_of(3) => {
                return Err(FaceError::CorruptPng(format!(
                    "a palette of {len} bytes (whole RGB entries, at most 256)"
                )));
            }
            b"IDAT" | b"IEND" => break,
            _ => at = at.saturating_add(12).saturating_add(len),
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gradient(w: usize, h: usize) -> Vec<u8> {
        (0..w * h * 3).map(|i| (i * 7 % 251) as u8).collect()
    }

    #[test]
    fn encode_decode_round_trip() {
        let rgb = gradient(5, 3);
        let png = encode_rgb_png(5, 3, &rgb).unwrap();
        let rgba = decode_rgba(&png, (5, 3)).unwrap();
        let back: Vec<u8> = rgba.chunks(4).flat_map(|p| [p[0], p[1], p[2]]).collect();
        assert_eq!(back, rgb);
        assert!(rgba.chunks(4).all(|p| p[3] == 255));
    }

    #[test]
    fn encoding_is_deterministic() {
        let rgb = gradient(17, 9);
        assert_eq!(encode_rgb_png(17, 9, &rgb).unwrap(), encode_rgb_png(17, 9, &rgb).unwrap());
    }

    #[test]
    fn wrong_buffer_length_is_an_error() {
        assert!(encode_rgb_png(2, 2, &[0; 11]).is_err());
    }

    #[test]
    fn size_and_signature_are_checked() {
        let png = encode_rgb_png(4, 4, &gradient(4, 4)).unwrap();
        assert_eq!(decode_rgba(&png, (4, 5)), Err(FaceError::AtlasSizeMismatch { expected: (4, 5), found: (4, 4) }));
        assert_eq!(decode_rgba(b"GIF89a", (4, 4)), Err(FaceError::NotPng));
        assert_eq!(decode_rgba(&[], (4, 4)), Err(FaceError::NotPng));
    }

    /// A 2×1 palette PNG whose `PLTE` holds `palette` (chunk CRCs correct).
    fn palette_png(palette: &[u8]) -> Vec<u8> {
        fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
            out.extend_from_slice(&(data.len() as u32).to_be_bytes());
            let start = out.len();
            out.extend_from_slice(kind);
            out.extend_from_slice(data);
            let crc = crate::net::crc32::crc32(&out[start..]);
            out.extend_from_slice(&crc.to_be_bytes());
        }
        let mut out = PNG_SIGNATURE.to_vec();
        chunk(&mut out, b"IHDR", &[0, 0, 0, 2, 0, 0, 0, 1, 8, 3, 0, 0, 0]);
        chunk(&mut out, b"PLTE", palette);
        // zlib stream of the one row: filter 0, indices 0 and 1 (stored block).
        let row = [0_u8, 0, 1];
        let mut idat = vec![0x78, 0x01, 0x01, 3, 0, 0xFC, 0xFF];
        idat.extend_from_slice(&row);
        let (mut a, mut b) = (1_u32, 0_u32);
        for byte in row {
            a = (a + u32::from(byte)) % 65521;
            b = (b + a) % 65521;
        }
        idat.extend_from_slice(&((b << 16) | a).to_be_bytes());
        chunk(&mut out, b"IDAT", &idat);
        chunk(&mut out, b"IEND", &[]);
        out
    }

    #[test]
    fn palettes_of_partial_entries_are_refused_not_a_panic() {
        let ok = decode_rgba(&palette_png(&[10, 20, 30, 40, 50, 60]), (2, 1)).unwrap();
        assert_eq!(ok, [10, 20, 30, 255, 40, 50, 60, 255]);
        for len in [1, 2, 4, 5, 14, 771] {
            let palette: Vec<u8> = (0..len).map(|i| i as u8).collect();
            let err = decode_rgba(&palette_png(&palette), (2, 1)).unwrap_err();
            assert_eq!(
                err,
                FaceError::CorruptPng(format!("a palette of {len} bytes (whole RGB entries, at most 256)"))
            );
        }
    }

    #[test]
    fn truncated_and_garbled_pngs_never_panic() {
        let png = encode_rgb_png(8, 8, &gradient(8, 8)).unwrap();
        for cut in 0..png.len() {
            assert!(decode_rgba(&png[..cut], (8, 8)).is_err(), "cut at {cut}");
        }
        for i in 8..png.len() {
            let mut bad = png.clone();
            bad[i] ^= 0x5A;
            let _ = decode_rgba(&bad, (8, 8));
        }
    }
}
