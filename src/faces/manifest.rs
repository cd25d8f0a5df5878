//! The manifest (`assets/faces/manifest.json`): the atlas grid, the people
//! and, for every picture, its person, its atlas cell and its variation.
//! Written with one identity or face per line so diffs stay readable;
//! parsed and validated strictly, without ever panicking.

use super::cast::{cast, IDENTITY_COUNT};
use super::error::FaceError;
use super::traits::Identity;
use super::variation::{variation, Variation, SHOTS_PER_IDENTITY};
use super::THUMB_SIDE;
use serde::{Deserialize, Serialize};

/// The manifest format this code writes and reads.
pub const FORMAT_VERSION: u64 = 1;
/// Largest atlas side accepted, in pixels (keeps allocations bounded).
pub const MAX_ATLAS_SIDE: usize = 16_384;
/// How the generated atlas is laid out, as stored in the manifest.
pub const LAYOUT: &str = "column = identity, row = shot (0 = neutral portrait); image index = identity * 12 + shot";

/// One picture of the set.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FaceInfo {
    /// Image index, `0..len()`; after loading, `faces()[i].index == i`.
    pub index: usize,
    /// The identity (person) shown.
    pub identity: usize,
    /// Which of the person's pictures this is; shot 0 is the neutral,
    /// frontal, evenly lit portrait used to represent the person.
    pub shot: usize,
    /// Atlas column of the thumbnail.
    pub atlas_col: usize,
    /// Atlas row of the thumbnail.
    pub atlas_row: usize,
    /// Lighting, pose and expression of the picture.
    pub variation: Variation,
}

/// The whole manifest.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Manifest {
    /// Always [`FORMAT_VERSION`].
    pub format_version: u64,
    /// Side of one square thumbnail in pixels ([`THUMB_SIDE`]).
    pub thumb_side: usize,
    /// Columns of the atlas grid.
    pub atlas_columns: usize,
    /// Rows of the atlas grid.
    pub atlas_rows: usize,
    /// Human-readable description of the layout.
    pub layout: String,
    /// The people, `identities[i].id == i`.
    pub identities: Vec<Identity>,
    /// The pictures.
    pub faces: Vec<FaceInfo>,
}

/// Only the version, read first so a future format is reported as such.
#[derive(Deserialize)]
struct VersionOnly {
    format_version: u64,
}

impl Manifest {
    /// The manifest of the generated set: 24 people × 12 shots, atlas
    /// column = identity, row = shot.
    pub fn generated() -> Manifest {
        let faces = (0..IDENTITY_COUNT)
            .flat_map(|identity| {
                (0..SHOTS_PER_IDENTITY).map(move |shot| FaceInfo {
                    index: identity * SHOTS_PER_IDENTITY + shot,
                    identity,
                    shot,
                    atlas_col: identity,
                    atlas_row: shot,
                    variation: variation(identity, shot),
                })
            })
            .collect();
        Manifest {
            format_version: FORMAT_VERSION,
            thumb_side: THUMB_SIDE,
            atlas_columns: IDENTITY_COUNT,
            atlas_rows: SHOTS_PER_IDENTITY,
            layout: LAYOUT.to_string(),
            identities: cast(),
            faces,
        }
    }

    /// Atlas size in pixels, `(width, height)`.
    pub fn atlas_size(&self) -> (usize, usize) {
        (self.atlas_columns * self.thumb_side, self.atlas_rows * self.thumb_side)
    }

    /// The manifest as JSON: pretty at the top level, one identity or face
    /// per line, a final newline. Deterministic.
    pub fn to_json(&self) -> String {
        let list = |items: Vec<String>| {
            if items.is_empty() {
                "[]".to_string()
            } else {
                format!("[\n    {}\n  ]", items.join(",\n    "))
            }
        };
        let identities = list(self.identities.iter().map(compact).collect());
        let faces = list(self.faces.iter().map(compact).collect());
        format!(
            "{{\n  \"format_version\": {},\n  \"thumb_side\": {},\n  \"atlas_columns\": {},\n  \"atlas_rows\": {},\n  \
             \"layout\": {},\n  \"identities\": {},\n  \"faces\": {}\n}}\n",
            self.format_version,
            self.thumb_side,
            self.atlas_columns,
            self.atlas_rows,
            compact(&self.layout),
            identities,
            faces
        )
    }

    /// Parses and validates a manifest. On success `faces` is sorted by
    /// index and `faces[i].index == i`.
    pub fn parse(json: &str) -> Result<Manifest, FaceError> {
        let version: VersionOnly = serde_json::from_str(json).map_err(json_error)?;
        if version.format_version != FORMAT_VERSION {
            return Err(FaceError::UnsupportedVersion { found: version.format_version, supported: FORMAT_VERSION });
        }
        let mut manifest: Manifest = serde_json::from_str(json).map_err(json_error)?;
        manifest.validate()?;
        Ok(manifest)
    }

    /// Checks every cross-reference; sorts the faces by index.
    fn validate(&mut self) -> Result<(), FaceError> {
        if self.thumb_side != THUMB_SIDE {
            return Err(FaceError::UnsupportedThumbSize(self.thumb_side));
        }
        let (columns, rows) = (self.atlas_columns, self.atlas_rows);
        let max_cells = MAX_ATLAS_SIDE / THUMB_SIDE;
        if columns == 0 || rows == 0 || columns > max_cells || rows > max_cells {
            return Err(FaceError::BadAtlasGrid { columns, rows });
        }
        for (position, identity) in self.identities.iter().enumerate() {
            if identity.id != position {
                return Err(FaceError::IdentityOutOfOrder { position, id: identity.id });
            }
        }
        let count = self.faces.len();
        if count == 0 {
            return Err(FaceError::NoImages);
        }
        let mut seen_index = vec![false; count];
        let mut seen_cell = vec![false; columns * rows];
        for face in &self.faces {
            if face.index >= count {
                return Err(FaceError::FaceIndexOutOfRange { index: face.index, count });
            }
            if std::mem::replace(&mut seen_index[face.index], true) {
                return Err(FaceError::DuplicateFaceIndex(face.index));
            }
            if face.identity >= self.identities.len() {
                return Err(FaceError::UnknownIdentity {
                    face: face.index,
                    identity: face.identity,
                    identities: self.identities.len(),
                });
            }
            let (col, row) = (face.atlas_col, face.atlas_row);
            if col >= columns || row >= rows {
                return Err(FaceError::AtlasCellOutOfRange { face: face.index, col, row, columns, rows });
            }
            if std::mem::replace(&mut seen_cell[row * columns + col], true) {
                return Err(FaceError::DuplicateAtlasCell { face: face.index, col, row });
            }
            if let Some((field, _)) = face.variation.fields().into_iter().find(|(_, v)| !v.is_finite()) {
                return Err(FaceError::NonFiniteVariation { face: face.index, field });
            }
        }
        self.faces.sort_by_key(|f| f.index);
        Ok(())
    }
}

/// Maps a serde_json error to the manifest error with its position.
fn json_error(e: serde_json::Error) -> FaceError {
    let (line, column, message) = (e.line(), e.column(), e.to_string());
    // serde_json appends " at line L column C"; the position is reported separately.
    let message = match message.rfind(" at line ") {
        Some(cut) => message[..cut].to_string(),
        None => message,
    };
    match e.classify() {
        serde_json::error::Category::Syntax | serde_json::error::Category::Eof => {
            FaceError::ManifestSyntax { line, column, message }
        }
        _ => FaceError::ManifestInvalid { line, column, message },
    }
}

/// One value as compact JSON. Serialising these plain structs, strings and
/// finite floats cannot fail; an empty string would make the test fail.
fn compact<T: Serialize>(value: &T) -> String {
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn generated_manifest_round_trips() {
        let manifest = Manifest::generated();
        let json = manifest.to_json();
        assert!(json.ends_with("}\n"));
        assert_eq!(Manifest::parse(&json).unwrap(), manifest);
        assert_eq!(manifest.atlas_size(), (24 * 48, 12 * 48));
    }

    #[test]
    fn faces_are_sorted_by_index_after_parsing() {
        let mut manifest = Manifest::generated();
        manifest.faces.reverse();
        let parsed = Manifest::parse(&manifest.to_json()).unwrap();
        assert!(parsed.faces.iter().enumerate().all(|(i, f)| f.index == i));
    }

    #[test]
    fn syntax_errors_carry_their_position() {
        let err = Manifest::parse("{\n  \"format_version\": 1,\n  oops\n}").unwrap_err();
        match err {
            FaceError::ManifestSyntax { line, column, .. } => assert_eq!((line, column), (3, 3)),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn missing_fields_are_invalid_not_syntax() {
        let err = Manifest::parse("{\"format_version\": 1}").unwrap_err();
        assert!(matches!(err, FaceError::ManifestInvalid { .. }), "{err:?}");
        let err = Manifest::parse("{}").unwrap_err();
        assert!(matches!(err, FaceError::ManifestInvalid { .. }), "{err:?}");
    }

    #[test]
    fn duplicate_atlas_cells_are_refused() {
        let mut manifest = Manifest::generated();
        manifest.faces[1].atlas_row = 0;
        let err = Manifest::parse(&manifest.to_json()).unwrap_err();
        assert_eq!(err, FaceError::DuplicateAtlasCell { face: 1, col: 0, row: 0 });
    }

    #[test]
    fn grids_and_ids_are_checked() {
        let mut manifest = Manifest::generated();
        manifest.atlas_columns = 0;
        assert!(matches!(Manifest::parse(&manifest.to_json()), Err(FaceError::BadAtlasGrid { .. })));
        let mut manifest = Manifest::generated();
        manifest.identities[2].id = 5;
        assert_eq!(
            Manifest::parse(&manifest.to_json()).unwrap_err(),
            FaceError::IdentityOutOfOrder { position: 2, id: 5 }
        );
        let mut manifest = Manifest::generated();
        manifest.thumb_side = 32;
        assert_eq!(Manifest::parse(&manifest.to_json()).unwrap_err(), FaceError::UnsupportedThumbSize(32));
    }
}
