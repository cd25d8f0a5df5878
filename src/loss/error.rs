//! Typed errors of the loss engine and the input checks that produce them.
//!
//! Every public engine function whose input can be invalid (non-finite
//! numbers, ragged point sets, too few embeddings, mismatched labels) returns
//! `Result<_, LossError>`. Empty point sets are *not* errors: the k×m loss of
//! an anchor with no positive or no negative is defined as 0 with 0 active
//! terms, like [`crate::loss::multi::evaluate`].

use std::fmt;

/// Why the loss engine refused its input. Messages are plain English.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum LossError {
    /// A value is NaN or ±∞. `what` names the input, `index` the position of
    /// the first bad value in it.
    NonFinite {
        /// Which input holds the value (e.g. `"embeddings"`, `"alpha"`).
        what: &'static str,
        /// Index of the first non-finite value.
        index: usize,
    },
    /// The embedding dimension is 0.
    ZeroDimension,
    /// A single vector does not have the expected number of components.
    DimensionMismatch {
        /// Which input is the vector.
        what: &'static str,
        /// Expected number of components (`dim`).
        expected: usize,
        /// Number of components found.
        found: usize,
    },
    /// A contiguous point set does not hold a whole number of vectors.
    NotWholeVectors {
        /// Which input is the point set.
        what: &'static str,
        /// Its length in `f32`s.
        len: usize,
        /// The embedding dimension it should be a multiple of.
        dim: usize,
    },
    /// Two per-item inputs that must be equally long are not.
    LengthMismatch {
        /// Which pair of inputs (e.g. `"d_ap and d_an"`).
        what: &'static str,
        /// Length of the first.
        left: usize,
        /// Length of the second.
        right: usize,
    },
    /// A batch loss needs at least two embeddings.
    TooFewEmbeddings {
        /// Number of embeddings given.
        found: usize,
    },
    /// The number of labels differs from the number of embeddings.
    LabelCountMismatch {
        /// Number of embeddings (B).
        embeddings: usize,
        /// Number of labels.
        labels: usize,
    },
}

impl fmt::Display for LossError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::NonFinite { what, index } => {
                write!(f, "{what} contains a value that is not a finite number (NaN or infinity) at index {index}")
            }
            Self::ZeroDimension => write!(f, "the embedding dimension must be at least 1"),
            Self::DimensionMismatch { what, expected, found } => {
                write!(f, "{what} has {found} components but the embedding dimension is {expected}")
            }
            Self::NotWholeVectors { what, len, dim } => {
                write!(f, "{what} holds {len} numbers, which is not a whole number of {dim}-dimensional vectors")
            }
            Self::LengthMismatch { what, left, right } => {
                write!(f, "{what} must be equally long, but have {left} and {right} entries")
            }
            Self::TooFewEmbeddings { found } => {
                write!(f, "a batch loss needs at least 2 embeddings, but {found} were given")
            }
            Self::LabelCountMismatch { embeddings, labels } => write!(
                f,
                "there are {embeddings} embeddings but {labels} labels; every embedding needs exactly one label"
            ),
        }
    }
}

impl std::error::Error for LossError {}

/// Fails with [`LossError::NonFinite`] at the first NaN or infinity.
pub(crate) fn check_finite(what: &'static str, values: &[f32]) -> Result<(), LossError> {
    match values.iter().position(|v| !v.is_finite()) {
        Some(index) => Err(LossError::NonFinite { what, index }),
        None => Ok(()),
    }
}

/// Checks a margin α: it must be finite (any sign is accepted).
pub(crate) fn check_alpha(alpha: f32) -> Result<(), LossError> {
    check_finite("alpha", &[alpha])
}

/// Checks that `dim > 0` and `set` is finite and holds whole vectors; returns
/// the number of vectors.
pub(crate) fn check_rows(what: &'static str, set: &[f32], dim: usize) -> Result<usize, LossError> {
    if dim == 0 {
        return Err(LossError::ZeroDimension);
    }
    if !set.len().is_multiple_of(dim) {
        return Err(LossError::NotWholeVectors { what, len: set.len(), dim });
    }
    check_finite(what, set)?;
    Ok(set.len() / dim)
}

/// Checks that `vector` has exactly `dim` finite components.
pub(crate) fn check_vector(what: &'static str, vector: &[f32], dim: usize) -> Result<(), LossError> {
    if dim == 0 {
        return Err(LossError::ZeroDimension);
    }
    if vector.len() != dim {
        return Err(LossError::DimensionMismatch { what, expected: dim, found: vector.len() });
    }
    check_finite(what, vector)
}

/// Checks a labelled batch: whole finite vectors, B ≥ 2 and one label per
/// embedding; returns B.
pub(crate) fn check_batch(embeddings: &[f32], labels: &[u32], dim: usize) -> Result<usize, LossError> {
    let b = check_rows("embeddings", embeddings, dim)?;
    if b < 2 {
        return Err(LossError::TooFewEmbeddings { found: b });
    }
    if labels.len() != b {
        return Err(LossError::LabelCountMismatch { embeddings: b, labels: labels.len() });
    }
    Ok(b)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn messages_are_plain_english() {
        let e = LossError::LabelCountMismatch { embeddings: 4, labels: 3 };
        assert!(e.to_string().contains("4 embeddings but 3 labels"));
        let e: Box<dyn std::error::Error> = Box::new(LossError::ZeroDimension);
        assert_eq!(e.to_string(), "the embedding dimension must be at least 1");
    }

    #[test]
    fn checks_find_the_first_problem() {
        assert_eq!(
            check_rows("set", &[1.0, f32::NAN, f32::INFINITY], 1),
            Err(LossError::NonFinite { what: "set", index: 1 })
        );
        assert!(matches!(check_rows("set", &[1.0; 5], 2), Err(LossError::NotWholeVectors { len: 5, .. })));
        assert_eq!(check_batch(&[0.0; 2], &[0], 2), Err(LossError::TooFewEmbeddings { found: 1 }));
        assert!(matches!(check_batch(&[0.0; 4], &[0], 2), Err(LossError::LabelCountMismatch { .. })));
        assert_eq!(
            check_vector("anchor", &[0.0], 2).unwrap_err().to_string(),
            "anchor has 1 components but the embedding dimension is 2"
        );
        assert!(check_alpha(f32::NAN).is_err() && check_alpha(-0.5).is_ok());
    }
}
