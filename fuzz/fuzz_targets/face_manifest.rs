//! The face manifest parser ([`tripletlab::faces::Manifest::parse`]): any
//! text gives a validated manifest or a specific [`FaceError`]; an accepted
//! manifest is internally consistent and survives `to_json` → `parse`.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tripletlab::faces::Manifest;

/// `faces::manifest::MAX_ATLAS_SIDE` (not exported): the largest atlas side accepted.
const MAX_ATLAS_SIDE: usize = 16_384;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    match Manifest::parse(json) {
        Ok(m) => {
            assert!(!m.faces.is_empty());
            let (columns, rows) = (m.atlas_columns, m.atlas_rows);
            for (i, f) in m.faces.iter().enumerate() {
                assert_eq!(f.index, i);
                assert!(f.identity < m.identities.len() && f.atlas_col < columns && f.atlas_row < rows);
            }
            let (w, h) = m.atlas_size();
            assert!(w > 0 && h > 0 && w <= MAX_ATLAS_SIDE && h <= MAX_ATLAS_SIDE, "{w}×{h}");
            let again = Manifest::parse(&m.to_json()).expect("a written manifest parses");
            assert_eq!(again, m);
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
});
