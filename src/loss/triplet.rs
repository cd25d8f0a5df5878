//! The single triplet loss of the lesson, its pieces and its gradient.
//!
//! `L(A, P, N) = max(0, ‖A − P‖² − ‖A − N‖² + α)` where the distances are
//! **squared** Euclidean distances, as in the lesson. Every function exists in
//! an `f32` flavour (what the app uses for live numbers) and an `f64` flavour
//! (the reference the tests compare against).

/// Squared Euclidean distance ‖a − b‖² between two equally long vectors (f32).
///
/// Panics in debug builds if the lengths differ; extra components of the
/// longer slice are ignored in release builds.
pub fn squared_distance(a: &[f32], b: &[f32]) -> f32 {
    debug_assert_eq!(a.len(), b.len(), "vectors must have the same dimension");
    a.iter()
        .zip(b)
        .map(|(x, y)| {
            let d = x - y;
            d * d
        })
        .sum()
}

/// Squared Euclidean distance ‖a − b‖² in f64 (reference implementation).
pub fn squared_distance_f64(a: &[f64], b: &[f64]) -> f64 {
    debug_assert_eq!(a.len(), b.len(), "vectors must have the same dimension");
    a.iter()
        .zip(b)
        .map(|(x, y)| {
            let d = x - y;
            d * d
        })
        .sum()
}

/// The hinge's argument `d_ap − d_an + α`, from already computed squared distances.
pub fn hinge_argument(d_ap: f32, d_an: f32, alpha: f32) -> f32 {
    d_ap - d_an + alpha
}

/// The hinge `max(0, d_ap − d_an + α)` from squared distances (f32).
///
/// A term is *active* exactly when this is strictly positive.
pub fn hinge(d_ap: f32, d_an: f32, alpha: f32) -> f32 {
    hinge_argument(d_ap, d_an, alpha).max(0.0)
}

/// The hinge `max(0, d_ap − d_an + α)` from squared distances (f64 reference).
pub fn hinge_f64(d_ap: f64, d_an: f64, alpha: f64) -> f64 {
    (d_ap - d_an + alpha).max(0.0)
}

/// Triplet loss `max(0, ‖a − p‖² − ‖a − n‖² + α)` for embedding vectors (f32).
pub fn triplet_loss(a: &[f32], p: &[f32], n: &[f32], alpha: f32) -> f32 {
    hinge(squared_distance(a, p), squared_distance(a, n), alpha)
}

/// Triplet loss in f64 (reference implementation).
pub fn triplet_loss_f64(a: &[f64], p: &[f64], n: &[f64], alpha: f64) -> f64 {
    hinge_f64(squared_distance_f64(a, p), squared_distance_f64(a, n), alpha)
}

/// Gradient of the single triplet loss with respect to each of its three points.
#[derive(Clone, Debug, PartialEq)]
pub struct TripletGradient<T> {
    /// ∂L/∂A.
    pub anchor: Vec<T>,
    /// ∂L/∂P.
    pub positive: Vec<T>,
    /// ∂L/∂N.
    pub negative: Vec<T>,
}

/// Gradient of [`triplet_loss`] with respect to A, P and N (f32).
///
/// While the term is active (`d_ap − d_an + α > 0`):
/// `∂L/∂A = 2(N − P)`, `∂L/∂P = 2(P − A)`, `∂L/∂N = 2(A − N)`.
/// When the hinge argument is `≤ 0` the loss is flat and every component is 0
/// (at exactly 0 we take the subgradient 0, matching "active means strictly
/// positive").
pub fn triplet_gradient(a: &[f32], p: &[f32], n: &[f32], alpha: f32) -> TripletGradient<f32> {
    let active = hinge_argument(squared_distance(a, p), squared_distance(a, n), alpha) > 0.0;
    let scale = if active { 2.0 } else { 0.0 };
    TripletGradient {
        anchor: a.iter().zip(p).zip(n).map(|((_, p), n)| scale * (n - p)).collect(),
        positive: a.iter().zip(p).map(|(a, p)| scale * (p - a)).collect(),
        negative: a.iter().zip(n).map(|(a, n)| scale * (a - n)).collect(),
    }
}

/// Gradient of [`triplet_loss_f64`] (f64 reference); same conventions as [`triplet_gradient`].
pub fn triplet_gradient_f64(a: &[f64], p: &[f64], n: &[f64], alpha: f64) -> TripletGradient<f64> {
    let active = squared_distance_f64(a, p) - squared_distance_f64(a, n) + alpha > 0.0;
    let scale = if active { 2.0 } else { 0.0 };
    TripletGradient {
        anchor: a.iter().zip(p).zip(n).map(|((_, p), n)| scale * (n - p)).collect(),
        positive: a.iter().zip(p).map(|(a, p)| scale * (p - a)).collect(),
        negative: a.iter().zip(n).map(|(a, n)| scale * (a - n)).collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lesson_numbers_without_and_with_margin() {
        // The lesson: d_ap = 0.5, d_an = 0.51.
        assert_eq!(hinge_f64(0.5, 0.51, 0.0), 0.0);
        assert!((hinge_f64(0.5, 0.51, 0.2) - 0.19).abs() < 1e-12);
        assert!((hinge_argument(0.5, 0.51, 0.0) + 0.01).abs() < 1e-6);
        assert!((hinge(0.5, 0.51, 0.2) - 0.19).abs() < 1e-6);
    }

    #[test]
    fn squared_distance_by_hand() {
        assert_eq!(squared_distance(&[0.0, 0.0], &[3.0, 4.0]), 25.0);
        assert_eq!(squared_distance_f64(&[1.0, 2.0, 3.0], &[1.0, 0.0, 0.0]), 13.0);
    }

    #[test]
    fn coincident_points_give_alpha() {
        let a = [0.3_f32, -0.7];
        assert_eq!(triplet_loss(&a, &a, &a, 0.2), 0.2);
        assert_eq!(triplet_loss(&a, &a, &a, 0.0), 0.0);
        let g = triplet_gradient(&a, &a, &a, 0.2);
        assert!(g.anchor.iter().chain(&g.positive).chain(&g.negative).all(|v| *v == 0.0));
    }
}
