//! Names of the scene's points: `A`, `P1`..`Pk`, `N1`..`Nm`.
//!
//! The name is what the user reads on the plot and what the test hooks use
//! (`handle-N1`, `coord-P1-x`), so it is 1-based while the index is 0-based.

use std::fmt;

/// Which point of the scene.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PointId {
    /// The anchor A.
    Anchor,
    /// Positive P(i+1).
    Positive(usize),
    /// Negative N(j+1).
    Negative(usize),
}

/// The role of a point, which decides its colour and shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Role {
    /// Anchor.
    Anchor,
    /// Same identity as the anchor.
    Positive,
    /// Another identity.
    Negative,
}

impl PointId {
    /// The point's role.
    pub fn role(self) -> Role {
        match self {
            PointId::Anchor => Role::Anchor,
            PointId::Positive(_) => Role::Positive,
            PointId::Negative(_) => Role::Negative,
        }
    }

    /// Parses a name such as `A`, `P1`, `N12` (1-based); anything else is `None`.
    pub fn parse(name: &str) -> Option<PointId> {
        if name == "A" {
            return Some(PointId::Anchor);
        }
        let (role, digits) = name.split_at_checked(1)?;
        if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) || digits.starts_with('0') {
            return None;
        }
        let number: usize = digits.parse().ok()?;
        match role {
            "P" => Some(PointId::Positive(number - 1)),
            "N" => Some(PointId::Negative(number - 1)),
            _ => None,
        }
    }
}

impl fmt::Display for PointId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PointId::Anchor => write!(f, "A"),
            PointId::Positive(i) => write!(f, "P{}", i + 1),
            PointId::Negative(j) => write!(f, "N{}", j + 1),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_round_trip() {
        for id in [PointId::Anchor, PointId::Positive(0), PointId::Negative(11)] {
            assert_eq!(PointId::parse(&id.to_string()), Some(id));
        }
        assert_eq!(PointId::Negative(11).to_string(), "N12");
    }

    #[test]
    fn bad_names_are_rejected() {
        for bad in ["", "B", "P", "P0", "P01", "N-1", "Ä1", "P1x", "a"] {
            assert_eq!(PointId::parse(bad), None, "{bad}");
        }
    }
}
