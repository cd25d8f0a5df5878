//! The margin as geometry around the anchor: the two circles and the class of
//! a negative (hard, semi-hard, easy), consistent with the loss itself.

use crate::loss::triplet::hinge_argument;

/// How a negative relates to the anchor, the positive and the margin.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NegativeClass {
    /// `d_an < d_ap`: the negative is closer than the positive.
    Hard,
    /// `d_ap ≤ d_an < d_ap + α`: farther than the positive, inside the margin (loss > 0).
    SemiHard,
    /// `d_an ≥ d_ap + α`: outside the margin, zero loss.
    Easy,
}

impl NegativeClass {
    /// Stable value for `data-class` attributes and tests.
    pub fn value(self) -> &'static str {
        match self {
            NegativeClass::Hard => "hard",
            NegativeClass::SemiHard => "semi-hard",
            NegativeClass::Easy => "easy",
        }
    }
}

/// Classifies a negative. "Easy" is decided by the very expression the loss
/// uses, so a negative is easy exactly when its term is zero.
pub fn classify(d_ap: f32, d_an: f32, alpha: f32) -> NegativeClass {
    if hinge_argument(d_ap, d_an, alpha) <= 0.0 {
        NegativeClass::Easy
    } else if d_an < d_ap {
        NegativeClass::Hard
    } else {
        NegativeClass::SemiHard
    }
}

/// Radii of the two circles around A, in scene units.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct MarginRings {
    /// `√d_ap`: a negative inside is hard.
    pub inner: f64,
    /// `√(d_ap + α)`: a negative between the rings is semi-hard.
    pub outer: f64,
}

/// The rings for a positive at squared distance `d_ap` and margin `alpha`.
pub fn margin_rings(d_ap: f32, alpha: f32) -> MarginRings {
    let d_ap = (d_ap as f64).max(0.0);
    MarginRings { inner: d_ap.sqrt(), outer: (d_ap + (alpha as f64).max(0.0)).sqrt() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::loss::triplet::hinge;

    #[test]
    fn classes_by_hand() {
        assert_eq!(classify(0.5, 0.4, 0.2), NegativeClass::Hard);
        assert_eq!(classify(0.5, 0.51, 0.2), NegativeClass::SemiHard);
        assert_eq!(classify(0.5, 0.51, 0.0), NegativeClass::Easy);
        assert_eq!(classify(0.5, 0.75, 0.2), NegativeClass::Easy);
    }

    #[test]
    fn easy_exactly_when_the_term_is_zero() {
        for i in 0..200 {
            for j in 0..50 {
                let d_ap = i as f32 * 0.013;
                let d_an = j as f32 * 0.051;
                for alpha in [0.0, 0.2, 1.0] {
                    let easy = classify(d_ap, d_an, alpha) == NegativeClass::Easy;
                    assert_eq!(easy, hinge(d_ap, d_an, alpha) == 0.0);
                }
            }
        }
    }

    #[test]
    fn rings_match_the_distances() {
        let r = margin_rings(0.5, 0.2);
        assert!((r.inner * r.inner - 0.5).abs() < 1e-7);
        assert!((r.outer * r.outer - 0.7).abs() < 1e-7);
    }
}
