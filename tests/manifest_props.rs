//! Property tests of the face manifest parser (`faces::Manifest::parse`):
//! any reordering of the faces loads to the same sorted manifest; a changed
//! index, identity or atlas cell gives the specific error for that change;
//! cut, garbled or out-of-range JSON is a syntax / invalid error with its
//! position, never a panic. (Native only: proptest does not build for wasm32.)
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tripletlab::faces::{FaceError, Manifest};

fn config() -> ProptestConfig {
    ProptestConfig { cases: 96, failure_persistence: None, ..ProptestConfig::default() }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn any_order_of_faces_loads_sorted(order in Just((0..288).collect::<Vec<usize>>()).prop_shuffle()) {
        let generated = Manifest::generated();
        let mut m = generated.clone();
        m.faces = order.iter().map(|&i| generated.faces[i].clone()).collect();
        let parsed = Manifest::parse(&m.to_json()).unwrap();
        prop_assert_eq!(&parsed, &generated);
        prop_assert_eq!(Manifest::parse(&parsed.to_json()).unwrap(), parsed);
    }

    #[test]
    fn a_changed_face_gives_the_error_for_that_change(face in 0_usize..288, field in 0_u8..4, value in 0_usize..400) {
        let mut m = Manifest::generated();
        let f = m.faces[face].clone();
        let (count, identities, columns, rows) = (m.faces.len(), m.identities.len(), m.atlas_columns, m.atlas_rows);
        let expected = match field {
            0 => {
                m.faces[face].index = value;
                if value == face {
                    None
                } else if value >= count {
                    Some(FaceError::FaceIndexOutOfRange { index: value, count })
                } else {
                    // The first of the two faces sharing an index is reported at the second.
                    Some(FaceError::DuplicateFaceIndex(value))
                }
            }
            1 => {
                m.faces[face].identity = value;
                (value >= identities).then_some(FaceError::UnknownIdentity { face, identity: value, identities })
            }
            2 => {
                m.faces[face].atlas_col = value;
                if value >= columns {
                    Some(FaceError::AtlasCellOutOfRange { face, col: value, row: f.atlas_row, columns, rows })
                } else if value == f.atlas_col {
                    None
                } else {
                    // Every cell is taken: the later of the two faces in one cell is named.
                    let other = value * rows + f.atlas_row; // image index = identity × 12 + shot
                    let (later, col) = (face.max(other), value);
                    Some(FaceError::DuplicateAtlasCell { face: later, col, row: f.atlas_row })
                }
            }
            _ => {
                m.atlas_rows = value;
                if value == 0 || value > 341 {
                    Some(FaceError::BadAtlasGrid { columns, rows: value })
                } else if value < rows {
                    let first = m.faces.iter().find(|x| x.atlas_row >= value).unwrap();
                    Some(FaceError::AtlasCellOutOfRange {
                        face: first.index, col: first.atlas_col, row: first.atlas_row, columns, rows: value,
                    })
                } else {
                    None
                }
            }
        };
        let result = Manifest::parse(&m.to_json());
        match expected {
            None => prop_assert!(result.is_ok(), "{result:?}"),
            Some(e) => {
                let got = result.unwrap_err();
                // Duplicates are found at whichever of the two comes second in file order.
                if let (FaceError::DuplicateFaceIndex(_), FaceError::DuplicateFaceIndex(i)) = (&e, &got) {
                    prop_assert_eq!(*i, value);
                } else {
                    prop_assert_eq!(got, e);
                }
            }
        }
    }

    #[test]
    fn cut_or_garbled_json_is_a_positioned_error(cut in 0.0_f64..1.0, at in 0.0_f64..1.0, byte in 0_u8..128) {
        let json = Manifest::generated().to_json();
        let n = json.len();
        let mut bytes = json.into_bytes();
        bytes[((n - 1) as f64 * at) as usize] = byte;
        bytes.truncate(1 + ((n - 2) as f64 * cut) as usize);
        let text = String::from_utf8_lossy(&bytes);
        match Manifest::parse(&text) {
            Ok(m) => prop_assert!(!m.faces.is_empty()),
            // serde_json counts columns from 0 at the start of a line (EOF right after a newline).
            Err(FaceError::ManifestSyntax { line, column, message }) => {
                prop_assert!(line >= 1 && !message.is_empty(), "{line}:{column} {message}");
            }
            Err(FaceError::ManifestInvalid { message, .. }) => prop_assert!(!message.is_empty()),
            Err(e) => prop_assert!(!e.to_string().is_empty()),
        }
    }

    #[test]
    fn huge_numbers_are_refused_by_name(pick in 0_usize..28, exp in 39_u32..400, neg in any::<bool>()) {
        let m = Manifest::generated();
        let face = m.faces.iter().filter(|f| f.variation.smile == 0.0).nth(pick).unwrap().index;
        let json = m.to_json();
        let line = json.lines().find(|l| l.trim_start().starts_with(&format!("{{\"index\":{face},"))).unwrap();
        let huge = format!("{}1e{exp}", if neg { "-" } else { "" });
        let text = json.replacen(line, &line.replacen("\"smile\":0.0,", &format!("\"smile\":{huge},"), 1), 1);
        let err = Manifest::parse(&text).unwrap_err();
        if exp <= 308 {
            // A finite f64 beyond f32: read as ±∞, then refused by the validator.
            prop_assert_eq!(err, FaceError::NonFiniteVariation { face, field: "smile" });
        } else {
            // Beyond f64: serde_json refuses the number itself, with its position.
            let positioned = matches!(err, FaceError::ManifestSyntax { line, .. } | FaceError::ManifestInvalid { line, .. } if line > 1);
            prop_assert!(positioned, "{:?}", err);
        }
    }
}
