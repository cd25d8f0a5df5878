//! [`FaceSet`]: the decoded atlas with its validated manifest, the one thing
//! the app, the trainer and the tests load.

use super::atlas::decode_rgba;
use super::error::FaceError;
use super::input::net_input_from_rgba;
use super::manifest::{FaceInfo, Manifest};
use super::traits::Identity;
use super::user_faces::UserFaces;
use super::variation::Variation;
use super::THUMB_SIDE;

/// The face thumbnails and what is known about them.
#[derive(Clone, Debug)]
pub struct FaceSet {
    manifest: Manifest,
    /// The whole atlas, straight RGBA8, row-major.
    atlas: Vec<u8>,
    atlas_size: (usize, usize),
    /// How many images and identities come from the atlas; the rest are
    /// user photos (see [`FaceSet::with_user_photos`]).
    bundled: (usize, usize),
    /// Thumbnails of the user photos, faces `bundled.0..`.
    added: Vec<Vec<u8>>,
}

impl FaceSet {
    /// Loads the atlas PNG and its manifest JSON, validating both (see
    /// [`FaceError`] for everything that is checked). Never panics.
    pub fn from_bytes(atlas_png: &[u8], manifest_json: &str) -> Result<FaceSet, FaceError> {
        let manifest = Manifest::parse(manifest_json)?;
        let atlas_size = manifest.atlas_size();
        let atlas = decode_rgba(atlas_png, atlas_size)?;
        let bundled = (manifest.faces.len(), manifest.identities.len());
        Ok(FaceSet { manifest, atlas, atlas_size, bundled, added: Vec::new() })
    }

    /// The bundled faces followed by `user`'s photos (any user photos this
    /// set already had are replaced). Photo `i` becomes face
    /// `bundled_len() + i`; each user person becomes a new identity after the
    /// bundled ones, held out from training unless it has at least
    /// [`super::MIN_PHOTOS_TO_TRAIN`] photos. User identities borrow the
    /// first bundled person's [`Identity::traits`], which only the face
    /// generator reads.
    pub fn with_user_photos(&self, user: &UserFaces) -> FaceSet {
        let (faces, identities) = self.bundled;
        let mut set = FaceSet {
            manifest: self.manifest.clone(),
            atlas: self.atlas.clone(),
            atlas_size: self.atlas_size,
            bundled: self.bundled,
            added: user.photos().iter().map(|p| p.rgba.clone()).collect(),
        };
        set.manifest.faces.truncate(faces);
        set.manifest.identities.truncate(identities);
        let mut infos = vec![None; user.len()];
        for (k, person) in user.people().into_iter().enumerate() {
            let traits = self.manifest.identities.first().map(|i| i.traits.clone());
            let Some(traits) = traits else { break };
            for (shot, &photo) in person.photos.iter().enumerate() {
                infos[photo] = Some(FaceInfo {
                    index: faces + photo,
                    identity: identities + k,
                    shot,
                    atlas_col: 0,
                    atlas_row: 0,
                    variation: Variation::NEUTRAL,
                });
            }
            let held_out = !person.trains();
            set.manifest.identities.push(Identity { id: identities + k, name: person.name, held_out, traits });
        }
        set.manifest.faces.extend(infos.into_iter().flatten());
        set.added.truncate(set.manifest.faces.len() - faces);
        set
    }

    /// Number of images from the atlas (user photos come after them).
    pub fn bundled_len(&self) -> usize {
        self.bundled.0
    }

    /// Number of identities from the atlas (user people come after them).
    pub fn bundled_identities(&self) -> usize {
        self.bundled.1
    }

    /// Whether image `face` is a user photo.
    pub fn is_user_photo(&self, face: usize) -> bool {
        face >= self.bundled.0 && face < self.len()
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

    /// The thumbnail of image `face` as 48×48 straight RGBA8 (row-major):
    /// cut from the atlas, or a user photo's.
    ///
    /// # Panics
    /// If `face >= self.len()`.
    pub fn thumbnail_rgba(&self, face: usize) -> Vec<u8> {
        if let Some(added) = face.checked_sub(self.bundled.0) {
            return self.added[added].clone();
        }
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
    fn user_photos_follow_the_bundled_faces() {
        use crate::faces::UserFaces;
        let (png, json) = tiny();
        let set = FaceSet::from_bytes(&png, &json).unwrap();
        let mut user = UserFaces::new();
        let thumb = |v: u8| vec![v; THUMB_SIDE * THUMB_SIDE * 4];
        user.add("Lan", thumb(10)).unwrap();
        user.add("Minh", thumb(20)).unwrap();
        user.add("lan", thumb(30)).unwrap();
        let with = set.with_user_photos(&user);
        assert_eq!((with.len(), with.bundled_len(), with.bundled_identities()), (6, 3, 2));
        assert_eq!(with.labels(), vec![0, 0, 1, 2, 3, 2]);
        assert_eq!(with.faces().iter().map(|f| f.index).collect::<Vec<_>>(), vec![0, 1, 2, 3, 4, 5]);
        assert_eq!(with.faces()[5].shot, 1, "Lan's second photo");
        let names: Vec<_> = with.identities().iter().map(|i| (i.id, i.name.as_str(), i.held_out)).collect();
        assert_eq!(&names[2..], &[(2, "Lan", false), (3, "Minh", true)]);
        assert!(!with.is_user_photo(2) && with.is_user_photo(3) && with.is_user_photo(5) && !with.is_user_photo(6));
        assert_eq!(with.thumbnail_rgba(4)[0], 20);
        assert!((with.net_input(5)[0] - 30.0 / 255.0).abs() < 1e-6);
        assert_eq!(with.portrait(2), Some(3));
        // Bundled faces are unchanged; replacing the user photos drops the old ones.
        assert_eq!(with.thumbnail_rgba(0), set.thumbnail_rgba(0));
        user.remove(0);
        let again = with.with_user_photos(&user);
        assert_eq!(again.labels(), vec![0, 0, 1, 2, 3]);
        assert_eq!(again.identities()[2].name, "Minh");
        assert!(again.identities().iter().all(|i| i.id < 4));
        assert_eq!(again.with_user_photos(&UserFaces::new()).len(), 3);
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
