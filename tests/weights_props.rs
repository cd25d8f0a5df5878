//! Property tests of the weight-file reader (`net::weights_file`): random
//! bytes and every kind of mutation of a valid file give the specific
//! [`WeightsError`] for what was changed, never a panic; random finite
//! weights round-trip exactly. (Native only: proptest does not build for wasm32.)
#![cfg(not(target_arch = "wasm32"))]

use proptest::prelude::*;
use tripletlab::net::arch::TENSORS;
use tripletlab::net::crc32::crc32;
use tripletlab::net::weights_file::MAGIC;
use tripletlab::net::{Weights, WeightsError};

fn config() -> ProptestConfig {
    ProptestConfig { cases: 128, failure_persistence: None, ..ProptestConfig::default() }
}

/// Weights whose every value comes from `seed` (finite, varied magnitudes).
fn weights(seed: u64) -> Weights {
    let mut state = seed | 1;
    let mut w = Weights::zeros();
    for t in w.tensors_mut() {
        for v in t.iter_mut() {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            let unit = (state >> 40) as f32 / (1u64 << 24) as f32 - 0.5;
            *v = unit * 10f32.powi((state % 9) as i32 - 4);
        }
    }
    w
}

/// Where the data starts (after magic, version, count and the tensor table).
fn data_start() -> usize {
    16 + TENSORS.iter().map(|t| 8 + t.name.len() + 4 * t.shape.len()).sum::<usize>()
}

/// The file with its trailing CRC recomputed.
fn reseal(mut bytes: Vec<u8>) -> Vec<u8> {
    let n = bytes.len();
    let crc = crc32(&bytes[..n - 4]);
    bytes[n - 4..].copy_from_slice(&crc.to_le_bytes());
    bytes
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn random_bytes_are_refused(bytes in proptest::collection::vec(any::<u8>(), 0..512), keep_magic in any::<bool>()) {
        let mut bytes = bytes;
        if keep_magic && bytes.len() >= 8 {
            bytes[..8].copy_from_slice(&MAGIC);
        }
        let err = Weights::from_bytes(&bytes).unwrap_err();
        prop_assert!(!err.to_string().is_empty());
    }

    #[test]
    fn random_finite_weights_round_trip_exactly(seed in any::<u64>()) {
        let w = weights(seed);
        let bytes = w.to_bytes();
        let back = Weights::from_bytes(&bytes).unwrap();
        prop_assert_eq!(back.to_bytes(), bytes);
        prop_assert_eq!(back, w);
    }

    #[test]
    fn a_changed_data_byte_is_a_checksum_error(seed in any::<u64>(), at in 0.0_f64..1.0, xor in 1_u8..=255) {
        let bytes = weights(seed).to_bytes();
        let i = data_start() + ((bytes.len() - 4 - data_start()) as f64 * at) as usize;
        let mut bad = bytes.clone();
        bad[i] ^= xor;
        let err = Weights::from_bytes(&bad).unwrap_err();
        prop_assert_eq!(err, WeightsError::Checksum {
            expected: u32::from_le_bytes(bytes[bytes.len() - 4..].try_into().unwrap()),
            computed: crc32(&bad[..bad.len() - 4]),
        });
    }

    #[test]
    fn a_changed_header_byte_is_refused_by_name(seed in any::<u64>(), i in 0_usize..200, xor in 1_u8..=255) {
        let mut bad = weights(seed).to_bytes();
        let i = i % data_start();
        bad[i] ^= xor;
        let err = Weights::from_bytes(&reseal(bad)).unwrap_err();
        let kind = match (i, &err) {
            (0..=7, WeightsError::BadMagic { .. }) => "magic",
            (8..=11, WeightsError::UnsupportedVersion { .. }) => "version",
            (12..=15, WeightsError::TensorCount { .. }) => "count",
            // A changed name length / rank shifts what follows: any header error or truncation.
            (
                16..,
                WeightsError::TensorName { .. }
                | WeightsError::TensorShape { .. }
                | WeightsError::NameNotUtf8 { .. }
                | WeightsError::Truncated { .. }
                | WeightsError::TrailingBytes { .. },
            ) => "table",
            _ => "unexpected",
        };
        prop_assert_ne!(kind, "unexpected", "byte {} ^ {}: {:?}", i, xor, err);
    }

    #[test]
    fn truncations_and_extensions_say_so(seed in any::<u64>(), cut in 0.0_f64..1.0, extra in 1_usize..64) {
        let bytes = weights(seed).to_bytes();
        let n = bytes.len();
        let len = (n as f64 * cut) as usize;
        let err = Weights::from_bytes(&bytes[..len]).unwrap_err();
        prop_assert!(matches!(err, WeightsError::Truncated { len: l, .. } if l == len), "{len}: {err:?}");
        let mut long = bytes.clone();
        long.extend(std::iter::repeat_n(0xAB, extra));
        prop_assert_eq!(Weights::from_bytes(&long).unwrap_err(), WeightsError::TrailingBytes { expected_len: n, len: n + extra });
    }

    #[test]
    fn a_non_finite_weight_is_named_even_with_a_valid_checksum(
        seed in any::<u64>(),
        at in 0.0_f64..1.0,
        bad in prop_oneof![Just(f32::NAN), Just(f32::INFINITY), Just(f32::NEG_INFINITY)],
    ) {
        let w = weights(seed);
        let total: usize = TENSORS.iter().map(|t| t.len()).sum();
        let flat = (total as f64 * at) as usize;
        let (mut tensor, mut index) = (0, flat);
        while index >= TENSORS[tensor].len() {
            index -= TENSORS[tensor].len();
            tensor += 1;
        }
        let mut bytes = w.to_bytes();
        let off = data_start() + 4 * flat;
        bytes[off..off + 4].copy_from_slice(&bad.to_le_bytes());
        let err = Weights::from_bytes(&reseal(bytes)).unwrap_err();
        prop_assert_eq!(err, WeightsError::NonFinite { tensor: TENSORS[tensor].name, index });
    }
}
