//! The weight file (`assets/net/weights.bin`), byte by byte, all integers
//! and floats little-endian:
//!
//! ```text
//! 8 bytes   magic "TRPLNET1"
//! u32       format version, 1
//! u32       tensor count, 8
//! per tensor, in arch::TENSORS order:
//!   u32     name length in bytes, then the UTF-8 name (e.g. "conv1.weight")
//!   u32     rank, then rank × u32 dimensions (outermost first)
//! f32 × n   every tensor's values, in the same order, each in its arch layout
//! u32       CRC-32 (IEEE) of every preceding byte
//! ```
//!
//! Reading checks, in this order: magic, version, tensor count, each name and
//! shape against the architecture, the file length (truncated / trailing
//! bytes), the checksum, and finally that every weight is finite. Any input,
//! however malformed, gives a [`WeightsError`], never a panic.

use super::arch::{TensorSpec, TENSORS};
use super::crc32::crc32;
use super::weights_error::WeightsError;
use super::Weights;

/// The first eight bytes of every weight file.
pub const MAGIC: [u8; 8] = *b"TRPLNET1";
/// The format version written and read by this build.
pub const VERSION: u32 = 1;

impl Weights {
    /// The weight file of these weights (see the module docs).
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut out = Vec::with_capacity(64 + 16 * TENSORS.len() + 4 * crate::net::arch::parameter_count());
        out.extend_from_slice(&MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&(TENSORS.len() as u32).to_le_bytes());
        for spec in &TENSORS {
            out.extend_from_slice(&(spec.name.len() as u32).to_le_bytes());
            out.extend_from_slice(spec.name.as_bytes());
            out.extend_from_slice(&(spec.shape.len() as u32).to_le_bytes());
            for &d in spec.shape {
                out.extend_from_slice(&(d as u32).to_le_bytes());
            }
        }
        for tensor in self.tensors() {
            for v in tensor {
                out.extend_from_slice(&v.to_le_bytes());
            }
        }
        let checksum = crc32(&out);
        out.extend_from_slice(&checksum.to_le_bytes());
        out
    }

    /// Parses a weight file, checking everything listed in the module docs.
    ///
    /// Errors: the first problem found, as a [`WeightsError`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Weights, WeightsError> {
        let mut r = Reader { bytes, pos: 0 };
        let magic = &bytes[..bytes.len().min(MAGIC.len())];
        if magic != &MAGIC[..magic.len()] {
            return Err(WeightsError::BadMagic { found: magic.to_vec() });
        }
        r.take(MAGIC.len(), "magic bytes")?;
        let version = r.u32("format version")?;
        if version != VERSION {
            return Err(WeightsError::UnsupportedVersion { found: version });
        }
        let count = r.u32("tensor count")?;
        if count as usize != TENSORS.len() {
            return Err(WeightsError::TensorCount { expected: TENSORS.len(), found: count });
        }
        for (index, spec) in TENSORS.iter().enumerate() {
            read_header_entry(&mut r, index, spec)?;
        }
        let data_start = r.pos;
        let data_len = 4 * crate::net::arch::parameter_count();
        let expected_len = data_start + data_len + 4;
        if bytes.len() < expected_len {
            // Name the first field that does not fit.
            let mut at = data_start;
            for spec in &TENSORS {
                if bytes.len() < at + 4 * spec.len() {
                    let what = format!("data of {}", spec.name);
                    return Err(WeightsError::Truncated { what, at, needed: 4 * spec.len(), len: bytes.len() });
                }
                at += 4 * spec.len();
            }
            return Err(WeightsError::Truncated { what: "checksum".into(), at, needed: 4, len: bytes.len() });
        }
        if bytes.len() > expected_len {
            return Err(WeightsError::TrailingBytes { expected_len, len: bytes.len() });
        }
        let body = &bytes[..expected_len - 4];
        let mut stored = [0_u8; 4];
        stored.copy_from_slice(&bytes[expected_len - 4..]);
        let (expected, computed) = (u32::from_le_bytes(stored), crc32(body));
        if expected != computed {
            return Err(WeightsError::Checksum { expected, computed });
        }
        let mut weights = Weights::zeros();
        let mut values = bytes[data_start..data_start + data_len].chunks_exact(4);
        for (spec, tensor) in TENSORS.iter().zip(weights.tensors_mut()) {
            for (index, (slot, chunk)) in tensor.iter_mut().zip(values.by_ref()).enumerate() {
                let v = f32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
                if !v.is_finite() {
                    return Err(WeightsError::NonFinite { tensor: spec.name, index });
                }
                *slot = v;
            }
        }
        Ok(weights)
    }

    /// The CRC-32 stored at the end of this weights' file: the checksum of
    /// every byte of [`Weights::to_bytes`] before it.
    pub fn file_checksum(&self) -> u32 {
        let bytes = self.to_bytes();
        crc32(&bytes[..bytes.len() - 4])
    }
}

/// Reads one header entry (name, rank, dims) and compares it with `spec`.
fn read_header_entry(r: &mut Reader<'_>, index: usize, spec: &TensorSpec) -> Result<(), WeightsError> {
    let name_len = r.u32(&format!("name length of tensor {index}"))? as usize;
    let name = r.take(name_len, &format!("name of tensor {index}"))?;
    let name = std::str::from_utf8(name).map_err(|_| WeightsError::NameNotUtf8 { index })?;
    if name != spec.name {
        return Err(WeightsError::TensorName { index, expected: spec.name, found: name.to_string() });
    }
    let rank = r.u32(&format!("rank of {}", spec.name))?;
    let shape_error =
        |found: Vec<u32>| WeightsError::TensorShape { name: spec.name, expected: spec.shape.to_vec(), found };
    if rank as usize != spec.shape.len() {
        // Report the dimensions that are there, without trusting a huge rank.
        let mut found = Vec::new();
        for i in 0..(rank as usize).min(8) {
            match r.u32(&format!("dimension {i} of {}", spec.name)) {
                Ok(d) => found.push(d),
                Err(_) => break,
            }
        }
        return Err(shape_error(found));
    }
    let mut found = Vec::with_capacity(spec.shape.len());
    for i in 0..spec.shape.len() {
        found.push(r.u32(&format!("dimension {i} of {}", spec.name))?);
    }
    if found.iter().zip(spec.shape).any(|(&f, &e)| f as usize != e) {
        return Err(shape_error(found));
    }
    Ok(())
}

/// A cursor over the file that never reads past its end.
struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Reader<'a> {
    /// The next `n` bytes, or [`WeightsError::Truncated`] naming `what`.
    fn take(&mut self, n: usize, what: &str) -> Result<&'a [u8], WeightsError> {
        let len = self.bytes.len();
        match self.pos.checked_add(n) {
            Some(end) if end <= len => {
                let out = &self.bytes[self.pos..end];
                self.pos = end;
                Ok(out)
            }
            _ => Err(WeightsError::Truncated { what: what.to_string(), at: self.pos, needed: n, len }),
        }
    }

    /// The next little-endian u32.
    fn u32(&mut self, what: &str) -> Result<u32, WeightsError> {
        let b = self.take(4, what)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Weights {
        let mut w = Weights::zeros();
        for (t, tensor) in w.tensors_mut().into_iter().enumerate() {
            for (i, v) in tensor.iter_mut().enumerate() {
                *v = (t as f32 + 1.0) * 0.001 * (i as f32 - 3.5);
            }
        }
        w
    }

    #[test]
    fn round_trip_and_layout() {
        let w = sample();
        let bytes = w.to_bytes();
        assert_eq!(&bytes[..8], b"TRPLNET1");
        assert_eq!(&bytes[8..16], &[1, 0, 0, 0, 8, 0, 0, 0]);
        assert_eq!(&bytes[16..20], &12_u32.to_le_bytes());
        assert_eq!(&bytes[20..32], b"conv1.weight");
        assert_eq!(Weights::from_bytes(&bytes).unwrap(), w);
        let n = bytes.len();
        assert_eq!(u32::from_le_bytes(bytes[n - 4..].try_into().unwrap()), w.file_checksum());
    }

    #[test]
    fn every_prefix_and_every_single_byte_flip_is_an_error() {
        let bytes = sample().to_bytes();
        for n in 0..bytes.len() {
            assert!(Weights::from_bytes(&bytes[..n]).is_err(), "prefix of {n} bytes accepted");
        }
        // Header bytes only (the data bytes are covered by the checksum test).
        for i in 0..200 {
            let mut b = bytes.clone();
            b[i] ^= 0x5a;
            assert!(Weights::from_bytes(&b).is_err(), "flip at {i} accepted");
        }
    }
}
