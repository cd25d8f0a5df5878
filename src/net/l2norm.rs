//! The net's last step, L2 normalisation `e = y / max(‖y‖, NORM_EPS)`, and
//! its derivative.

use super::arch::NORM_EPS;

/// Normalises `y` into `out` (same length) and returns the divisor
/// `max(‖y‖, NORM_EPS)`. The norm is accumulated in f64 (then rounded), so
/// it matches an f64 reference to f32 precision.
pub fn l2_normalize(y: &[f32], out: &mut [f32]) -> f32 {
    let norm = y.iter().map(|&v| f64::from(v) * f64::from(v)).sum::<f64>().sqrt() as f32;
    let divisor = norm.max(NORM_EPS);
    for (o, &v) in out.iter_mut().zip(y) {
        *o = v / divisor;
    }
    divisor
}

/// Gradient with respect to `y` of a loss whose gradient with respect to
/// `e = l2_normalize(y)` is `grad_e`, written into `out`:
/// `(grad_e − e (e · grad_e)) / ‖y‖` when `‖y‖ > NORM_EPS` (the projection
/// onto the sphere's tangent plane, scaled), `grad_e / NORM_EPS` otherwise
/// (there the divisor is the constant `NORM_EPS`).
pub fn l2_normalize_backward(y: &[f32], grad_e: &[f32], out: &mut [f32]) {
    let norm = y.iter().map(|&v| f64::from(v) * f64::from(v)).sum::<f64>().sqrt() as f32;
    let divisor = norm.max(NORM_EPS);
    let along: f32 = if divisor > NORM_EPS { y.iter().zip(grad_e).map(|(v, g)| (v / divisor) * g).sum() } else { 0.0 };
    for ((o, &g), &v) in out.iter_mut().zip(grad_e).zip(y) {
        *o = (g - (v / divisor) * along) / divisor;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn unit_length_and_radial_gradient_vanishes() {
        let y = [3.0, 0.0, 4.0];
        let mut e = [0.0; 3];
        assert_eq!(l2_normalize(&y, &mut e), 5.0);
        assert_eq!(e, [0.6, 0.0, 0.8]);
        // A gradient along e itself moves nothing on the sphere.
        let mut g = [1.0; 3];
        l2_normalize_backward(&y, &e, &mut g);
        assert!(g.iter().all(|v| v.abs() < 1e-7));
        let mut zero = [1.0; 3];
        assert_eq!(l2_normalize(&[0.0; 3], &mut zero), NORM_EPS);
        assert_eq!(zero, [0.0; 3]);
    }
}
