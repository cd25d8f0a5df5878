//! Why a weight file was refused ([`WeightsError`]); every message is plain
//! English and names the offending values.

use std::fmt;

/// A weight file that [`crate::net::Weights::from_bytes`] refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum WeightsError {
    /// The file ends before a field it must contain.
    Truncated {
        /// What was being read (e.g. `"version"`, `"data of fc1.weight"`).
        what: String,
        /// Byte offset where that field starts.
        at: usize,
        /// Bytes the field needs.
        needed: usize,
        /// Length of the whole file.
        len: usize,
    },
    /// The first eight bytes are not `TRPLNET1`.
    BadMagic {
        /// The bytes found (fewer than eight when the file is shorter).
        found: Vec<u8>,
    },
    /// The format version is not one this build reads.
    UnsupportedVersion {
        /// The version in the file.
        found: u32,
    },
    /// The header announces another number of tensors than the architecture.
    TensorCount {
        /// Tensors of the architecture.
        expected: usize,
        /// Tensors announced by the file.
        found: u32,
    },
    /// A tensor name is not valid UTF-8.
    NameNotUtf8 {
        /// Position of the tensor in the header.
        index: usize,
    },
    /// A tensor is not the one the architecture expects at this position.
    TensorName {
        /// Position of the tensor in the header.
        index: usize,
        /// The architecture's name for it.
        expected: &'static str,
        /// The name in the file.
        found: String,
    },
    /// A tensor has another shape than the architecture's.
    TensorShape {
        /// The tensor.
        name: &'static str,
        /// The architecture's shape.
        expected: Vec<usize>,
        /// The shape in the file (its rank may differ too).
        found: Vec<u32>,
    },
    /// The stored CRC-32 differs from the one computed over the file.
    Checksum {
        /// The checksum stored in the file's last four bytes.
        expected: u32,
        /// The checksum of every byte before them.
        computed: u32,
    },
    /// Bytes follow the checksum.
    TrailingBytes {
        /// Where the file should have ended.
        expected_len: usize,
        /// Its actual length.
        len: usize,
    },
    /// A weight is NaN or infinite.
    NonFinite {
        /// The tensor holding it.
        tensor: &'static str,
        /// Its flat index in the tensor.
        index: usize,
    },
}

impl fmt::Display for WeightsError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Truncated { what, at, needed, len } => {
                write!(f, "the weight file is truncated at byte {len}: the {what} needs {needed} bytes from byte {at}")
            }
            Self::BadMagic { found } => write!(
                f,
                "this is not a TripletLab weight file: it should start with \"TRPLNET1\" but starts with {:?}",
                String::from_utf8_lossy(found)
            ),
            Self::UnsupportedVersion { found } => {
                write!(f, "weight file version {found} is not supported (this build reads version 1)")
            }
            Self::TensorCount { expected, found } => {
                write!(f, "the weight file holds {found} tensors but the net has {expected}")
            }
            Self::NameNotUtf8 { index } => write!(f, "the name of tensor {index} in the weight file is not UTF-8"),
            Self::TensorName { index, expected, found } => {
                write!(f, "tensor {index} of the weight file should be \"{expected}\" but is \"{found}\"")
            }
            Self::TensorShape { name, expected, found } => {
                write!(f, "tensor \"{name}\" should have shape {expected:?} but the weight file says {found:?}")
            }
            Self::Checksum { expected, computed } => write!(
                f,
                "the weight file is corrupt: its stored CRC-32 is {expected:#010x} but its bytes give {computed:#010x}"
            ),
            Self::TrailingBytes { expected_len, len } => write!(
                f,
                "the weight file has {} unexpected bytes after its checksum (it should end at byte {expected_len}, \
                 but is {len} bytes long)",
                len.saturating_sub(*expected_len)
            ),
            Self::NonFinite { tensor, index } => {
                write!(f, "weight {index} of tensor \"{tensor}\" is not a finite number (NaN or infinity)")
            }
        }
    }
}

impl std::error::Error for WeightsError {}
