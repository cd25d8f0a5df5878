//! [`FaceSet`]: the decoded atlas with its validated manifest, the one thing
//! the app, the trainer and the tests load.

use super::atlas::decode_rgba;
use super::error::FaceError;
use super::input::net_input_from_rgba;
use super::manifest::{FaceInfo, Manifest};
use super::traits::Identity;
use super::THUMB_SIDE;

/// The face thumbnails and what is known about them.
#[derive(Clone, Debug)]
pub struct FaceSet {
    manifest: Manifest,
    /// The whole atlas, straight RGBA8, row-major.
    atlas: Vec<u8>,
    atlas_size: (usize, usize),
}

impl FaceSet {
    /// Loads the atlas PNG and its manifest JSON, validating both (see
    /// [`FaceError`] for everything that is checked). Never panics.
    pub fn from_bytes(atlas_png: &[u8], manifest_json: &str) -> Result<FaceSet, FaceError> {
        let manifest = Manifest::parse(manifest_json)?;
        let atlas_size = manifest.atlas_size();
        let atlas = decode_rgba(atlas_png, atlas_size)?;
        Ok(FaceSet { manifest, atlas, atlas_size })
    }

    /// Number of images (288 for the generated set).
    pub fn len(&self) -> usize {
        self.manifest.faces.len()
    }

    /// True when there is no image (never after a successful load).
    pub fn is_empty(&self) -> bool {
        self.manifest.faces.is_empty()
    }

    /// The people, `identities()[i].id == i`.
    pub fn identities(&self) -> &[Identity] {
        &self.manifest.identities
    }

    /// The images, `faces()[i].index == i`.
    pub fn faces(&self) -> &[FaceInfo] {
        &self.manifest.faces
    }

    /// Atlas size in pixels, `(width, height)`.
    pub fn atlas_size(&self) -> (usize, usize) {
        self.atlas_size
    }

    /// The atlas layout as described in the manifest.
    pub fn layout(&self) -> &str {
        &self.manifest.layout
    }

    /// The index of `identity`'s representative picture: its shot 0 (the
    /// neutral portrait) if present, else its first picture.
    pub fn portrait(&self, identity: usize) -> Option<usize> {
        let mut of_identity = self.faces().iter().filter(|f| f.identity == identity);
        let first = of_identity.clone().next()?.index;
        Some(of_identity.find(|f| f.shot == 0).map_or(first, |f| f.index))
    }

    /// The thumbnail of image `face` as 48×48 straight RGBA8 (row-major).
    ///
    /// # Panics
    /// If `face >= self.len()`.
    pub fn thumbnail_rgba(&self, face: usize) -> Vec<u8> {
        let info = &self.manifest.faces[face];
        let (x0, y0) = (info.atlas_col * THUMB_SIDE, info.atlas_row * THUMB_SIDE);
        let stride = self.atlas_size.0 * 4;
        let mut out = Vec::with_capacity(THUMB_SIDE * THUMB_SIDE * 4);
        for y in y0..y0 + THUMB_SIDE {
            let start = y * stride + x0 * 4;
            out.extend_from_slice(&self.atlas[start..start + THUMB_SIDE * 4]);
        }
        out
    }

    /// The net input of image `face` (see [`net_input_from_rgba`]).
    ///
    /// # Panics
    /// If `face >= self.len()`.
    pub fn net_input(&self, face: usize) -> Vec<f32> {
        net_input_from_rgba(&self.thumbnail_rgba(face))
    }

    /// The identity of every image, in image order (the training labels).
    pub fn labels(&self) -> Vec<u32> {
        self.manifest.faces.iter().map(|f| f.identity as u32).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::faces::{cast, encode_rgb_png, variation, Variation};

    /// A 2 × 2 grid with three faces of two people; cell (c, r) is filled
    /// with the colour (40 + 100c, 40 + 100r, 7).
    fn tiny() -> (Vec<u8>, String) {
        let side = 2 * THUMB_SIDE;
        let mut rgb = vec![0u8; side * side * 3];
        for y in 0..side {
            for x in 0..side {
                let (c, r) = (x / THUMB_SIDE, y / THUMB_SIDE);
                rgb[(y * side + x) * 3..][..3].copy_from_slice(&[40 + 100 * c as u8, 40 + 100 * r as u8, 7]);
            }
        }
        let face = |index, identity, shot, atlas_col, atlas_row| FaceInfo {
            index,
            identity,
            shot,
            atlas_col,
            atlas_row,
            variation: if shot == 0 { Variation::NEUTRAL } else { variation(identity, shot) },
        };
        let manifest = Manifest {
            format_version: crate::faces::FORMAT_VERSION,
            thumb_side: THUMB_SIDE,
            atlas_columns: 2,
            atlas_rows: 2,
            layout: "test".to_string(),
            identities: cast().into_iter().take(2).collect(),
            // Listed out of order on purpose.
            faces: vec![face(2, 1, 0, 0, 1), face(0, 0, 3, 1, 1), face(1, 0, 0, 1, 0)],
        };
        (encode_rgb_png(side, side, &rgb).unwrap(), manifest.to_json())
    }

    #[test]
    fn loads_a_small_hand_made_set() {
        let (png, json) = tiny();
        let set = FaceSet::from_bytes(&png, &json).unwrap();
        assert_eq!(set.len(), 3);
        assert_eq!(set.atlas_size(), (96, 96));
        assert_eq!(set.identities().len(), 2);
        assert_eq!(set.labels(), vec![0, 0, 1]);
        assert_eq!(set.faces().iter().map(|f| f.index).collect::<Vec<_>>(), vec![0, 1, 2]);
        // Face 0 sits in cell (1, 1), face 1 in (1, 0), face 2 in (0, 1).
        assert_eq!(&set.thumbnail_rgba(0)[..4], &[140, 140, 7, 255]);
        assert_eq!(&set.thumbnail_rgba(1)[..4], &[140, 40, 7, 255]);
        assert_eq!(&set.thumbnail_rgba(2)[THUMB_SIDE * THUMB_SIDE * 4 - 4..], &[40, 140, 7, 255]);
        // Shot 0 of identity 0 is face 1, not its first face.
        assert_eq!(set.portrait(0), Some(1));
        assert_eq!(set.portrait(1), Some(2));
        assert_eq!(set.portrait(2), None);
        let input = set.net_input(2);
        assert!((input[0] - 40.0 / 255.0).abs() < 1e-6);
        assert!((input[crate::net::arch::INPUT_LEN - 1] - 7.0 / 255.0).abs() < 1e-6);
    }

    #[test]
    fn a_manifest_error_wins_over_an_atlas_error() {
        let (_, json) = tiny();
        let broken = json.replace("\"format_version\": 1", "\"format_version\": 7");
        assert_eq!(
            FaceSet::from_bytes(b"not a png", &broken).unwrap_err(),
            FaceError::UnsupportedVersion { found: 7, supported: 1 }
        );
    }
}
