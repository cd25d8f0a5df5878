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
