//! From a 48×48 RGBA thumbnail to the embedding net's input
//! (see [`crate::net::arch`]): 3 × 24 × 24 values, channel-major, each the
//! mean of a 2×2 pixel block divided by 255. Alpha is ignored.

use super::THUMB_SIDE;
use crate::net::arch::{INPUT_LEN, IN_CHANNELS, IN_SIDE};

/// Converts a 48×48 RGBA thumbnail (row-major, 4 bytes per pixel) to the net
/// input: [`INPUT_LEN`] values in `[0, 1]`, channel-major (all R, then all G,
/// then all B), each the mean of a 2×2 block divided by 255. Alpha is ignored
/// (the thumbnails are opaque). Used for atlas faces and, later, for user
/// photos scaled to 48×48.
///
/// `rgba` should hold `48 * 48 * 4` bytes; missing bytes count as 0 and extra
/// bytes are ignored, so this never panics.
pub fn net_input_from_rgba(rgba: &[u8]) -> Vec<f32> {
    debug_assert_eq!(IN_SIDE * 2, THUMB_SIDE);
    let byte = |x: usize, y: usize, c: usize| *rgba.get((y * THUMB_SIDE + x) * 4 + c).unwrap_or(&0) as f32;
    let mut out = vec![0.0f32; INPUT_LEN];
    for c in 0..IN_CHANNELS {
        for row in 0..IN_SIDE {
            for col in 0..IN_SIDE {
                let (x, y) = (col * 2, row * 2);
                let sum = byte(x, y, c) + byte(x + 1, y, c) + byte(x, y + 1, c) + byte(x + 1, y + 1, c);
                out[(c * IN_SIDE + row) * IN_SIDE + col] = sum / (4.0 * 255.0);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_blocks_channel_major() {
        let mut rgba = vec![0u8; THUMB_SIDE * THUMB_SIDE * 4];
        // Top-left 2×2 block: red 0, 255, 255, 255 → 0.75; green 255 everywhere → 1.
        for (i, px) in [(0, 0), (1, 0), (0, 1), (1, 1)].into_iter().enumerate() {
            let at = (px.1 * THUMB_SIDE + px.0) * 4;
            rgba[at] = if i == 0 { 0 } else { 255 };
            rgba[at + 1] = 255;
            rgba[at + 3] = 7; // alpha ignored
        }
        // Pixel (47, 47): blue 204 → block (23, 23) blue = 51 / 255 = 0.2.
        rgba[(47 * THUMB_SIDE + 47) * 4 + 2] = 204;
        let input = net_input_from_rgba(&rgba);
        assert_eq!(input.len(), INPUT_LEN);
        assert_eq!(input[0], 0.75);
        assert_eq!(input[IN_SIDE * IN_SIDE], 1.0);
        assert_eq!(input[2 * IN_SIDE * IN_SIDE], 0.0);
        assert!((input[INPUT_LEN - 1] - 0.2).abs() < 1e-6);
        assert_eq!(input.iter().filter(|&&v| v != 0.0).count(), 3);
    }

    #[test]
    fn short_input_does_not_panic() {
        let input = net_input_from_rgba(&[255; 10]);
        assert_eq!(input.len(), INPUT_LEN);
        assert_eq!(input[0], 0.5);
    }
}
