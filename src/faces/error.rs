//! Everything that can be wrong with an atlas or its manifest.

use std::fmt;

/// Why [`super::FaceSet::from_bytes`] refused its input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FaceError {
    /// The atlas bytes do not start with the PNG signature.
    NotPng,
    /// The atlas is a PNG but could not be decoded.
    CorruptPng(String),
    /// The atlas uses a pixel format this decoder does not handle.
    UnsupportedPng(String),
    /// The atlas is not the size the manifest's grid asks for.
    AtlasSizeMismatch {
        /// `(width, height)` from the manifest (columns × rows × thumbnail side).
        expected: (usize, usize),
        /// `(width, height)` of the PNG.
        found: (usize, usize),
    },
    /// The manifest is not valid JSON.
    ManifestSyntax {
        /// 1-based line of the error.
        line: usize,
        /// 1-based column of the error.
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// The manifest is valid JSON but a field is missing or has the wrong type.
    ManifestInvalid {
        /// 1-based line of the error (0 when unknown).
        line: usize,
        /// 1-based column of the error (0 when unknown).
        column: usize,
        /// The parser's description.
        message: String,
    },
    /// The manifest's `format_version` is not one this code reads.
    UnsupportedVersion {
        /// The version in the manifest.
        found: u64,
        /// The version this code reads.
        supported: u64,
    },
    /// The manifest's thumbnail side is not [`super::THUMB_SIDE`].
    UnsupportedThumbSize(usize),
    /// The atlas grid has no columns or no rows, or is absurdly large.
    BadAtlasGrid {
        /// Columns in the manifest.
        columns: usize,
        /// Rows in the manifest.
        rows: usize,
    },
    /// An identity's `id` is not its position in the list.
    IdentityOutOfOrder {
        /// Position in the `identities` list.
        position: usize,
        /// The `id` found there.
        id: usize,
    },
    /// A face refers to an identity that does not exist.
    UnknownIdentity {
        /// The face's index.
        face: usize,
        /// The identity it refers to.
        identity: usize,
        /// Number of identities in the manifest.
        identities: usize,
    },
    /// A face's atlas cell lies outside the grid.
    AtlasCellOutOfRange {
        /// The face's index.
        face: usize,
        /// Its column.
        col: usize,
        /// Its row.
        row: usize,
        /// Columns of the grid.
        columns: usize,
        /// Rows of the grid.
        rows: usize,
    },
    /// Two faces share an atlas cell.
    DuplicateAtlasCell {
        /// The second face using the cell.
        face: usize,
        /// Column of the cell.
        col: usize,
        /// Row of the cell.
        row: usize,
    },
    /// A face index is not below the number of faces.
    FaceIndexOutOfRange {
        /// The index.
        index: usize,
        /// Number of faces.
        count: usize,
    },
    /// Two faces have the same index.
    DuplicateFaceIndex(usize),
    /// A variation parameter is NaN or infinite.
    NonFiniteVariation {
        /// The face's index.
        face: usize,
        /// The parameter's manifest name.
        field: &'static str,
    },
    /// The manifest lists no images.
    NoImages,
}

impl fmt::Display for FaceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FaceError::NotPng => write!(f, "the face atlas is not a PNG file (the PNG signature is missing)"),
            FaceError::CorruptPng(why) => write!(f, "the face atlas PNG is corrupt: {why}"),
            FaceError::UnsupportedPng(why) => write!(f, "the face atlas PNG has an unsupported format: {why}"),
            FaceError::AtlasSizeMismatch { expected, found } => write!(
                f,
                "the face atlas is {}×{} pixels but the manifest's grid needs {}×{}",
                found.0, found.1, expected.0, expected.1
            ),
            FaceError::ManifestSyntax { line, column, message } => {
                write!(f, "the face manifest is not valid JSON (line {line}, column {column}): {message}")
            }
            FaceError::ManifestInvalid { line, column, message } => {
                write!(f, "the face manifest has an invalid field (line {line}, column {column}): {message}")
            }
            FaceError::UnsupportedVersion { found, supported } => write!(
                f,
                "the face manifest has format version {found}; this version of the app reads version {supported}"
            ),
            FaceError::UnsupportedThumbSize(side) => {
                write!(
                    f,
                    "the face manifest's thumbnails are {side} pixels wide; only {} is supported",
                    super::THUMB_SIDE
                )
            }
            FaceError::BadAtlasGrid { columns, rows } => {
                write!(f, "the face manifest's atlas grid of {columns} columns × {rows} rows is empty or too large")
            }
            FaceError::IdentityOutOfOrder { position, id } => {
                write!(
                    f,
                    "identity number {position} in the face manifest has id {id} (ids must be 0, 1, 2, … in order)"
                )
            }
            FaceError::UnknownIdentity { face, identity, identities } => write!(
                f,
                "face {face} belongs to identity {identity}, but the manifest has only {identities} identities"
            ),
            FaceError::AtlasCellOutOfRange { face, col, row, columns, rows } => {
                write!(f, "face {face} is in atlas cell (column {col}, row {row}), outside the {columns}×{rows} grid")
            }
            FaceError::DuplicateAtlasCell { face, col, row } => {
                write!(f, "face {face} uses atlas cell (column {col}, row {row}), which another face already uses")
            }
            FaceError::FaceIndexOutOfRange { index, count } => {
                write!(f, "a face has index {index}, but there are only {count} faces (indices must be 0..{count})")
            }
            FaceError::DuplicateFaceIndex(index) => write!(f, "two faces in the manifest have index {index}"),
            FaceError::NonFiniteVariation { face, field } => {
                write!(f, "face {face} has a non-finite {field} (NaN or infinite)")
            }
            FaceError::NoImages => write!(f, "the face manifest lists no images"),
        }
    }
}

impl std::error::Error for FaceError {}
