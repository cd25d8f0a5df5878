//! The weight-file reader ([`tripletlab::net::Weights::from_bytes`]): any
//! bytes give weights or a specific [`WeightsError`], never a panic; accepted
//! weights are all finite and write back to exactly the same bytes. Each
//! input is also tried with its last four bytes replaced by the right CRC-32,
//! so that mutations get past the checksum into the value checks.
#![no_main]

use libfuzzer_sys::fuzz_target;
use tripletlab::net::crc32::crc32;
use tripletlab::net::Weights;

fn check(bytes: &[u8]) {
    match Weights::from_bytes(bytes) {
        Ok(w) => {
            assert!(w.tensors().iter().all(|t| t.iter().all(|v| v.is_finite())));
            assert_eq!(w.to_bytes(), bytes, "an accepted file writes back byte for byte");
        }
        Err(e) => assert!(!e.to_string().is_empty()),
    }
}

fuzz_target!(|data: &[u8]| {
    check(data);
    if data.len() >= 4 {
        let mut fixed = data.to_vec();
        let body = data.len() - 4;
        let crc = crc32(&data[..body]);
        fixed[body..].copy_from_slice(&crc.to_le_bytes());
        check(&fixed);
    }
});
