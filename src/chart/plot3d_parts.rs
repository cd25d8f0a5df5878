//! Geometry helpers of the 3D plot: clipped segments, sphere silhouettes and
//! equators in device pixels. Every coordinate they return is finite.

use nalgebra::{Point3, Vector3};
use plotters::style::RGBColor;

use crate::chart::palette::Rgb;
use crate::geom::camera::{Projector, NEAR};

/// Vertices of a projected circle (silhouette or equator).
const SEGMENTS: usize = 96;
/// Pixel coordinates are kept within ±this, far outside any canvas.
const PX_LIMIT: f64 = 1e6;

/// A palette colour as a plotters colour.
pub(super) fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// A device-pixel position rounded to the pixel grid (finite and bounded).
pub(super) fn px_at(x: f64, y: f64) -> (i32, i32) {
    let r = |v: f64| if v.is_finite() { v.clamp(-PX_LIMIT, PX_LIMIT).round() as i32 } else { 0 };
    (r(x), r(y))
}

/// The segment `a`–`b` on screen, cut at the near plane; `None` when it lies
/// wholly behind it.
pub(super) fn segment(pr: &Projector, a: [f64; 3], b: [f64; 3]) -> Option<[(i32, i32); 2]> {
    let cam = pr.camera();
    let (eye, fwd) = (cam.eye(), cam.forward());
    let depth = |p: [f64; 3]| (Point3::from(p) - eye).dot(&fwd);
    let (da, db) = (depth(a), depth(b));
    let near = 2.0 * NEAR;
    if !(da.is_finite() && db.is_finite()) || (da < near && db < near) {
        return None;
    }
    let cut = |from: [f64; 3], to: [f64; 3], df: f64, dt: f64| {
        if df >= near {
            return from;
        }
        let t = (near - df) / (dt - df);
        [0, 1, 2].map(|k| from[k] + (to[k] - from[k]) * t)
    };
    let (a2, b2) = (cut(a, b, da, db), cut(b, a, db, da));
    let (pa, pb) = (pr.project_f64(a2)?, pr.project_f64(b2)?);
    Some([px_at(pa.x, pa.y), px_at(pb.x, pb.y)])
}

/// The outline of the sphere of radius `r` around `c` as seen by the camera
/// (the projected circle where the view cone touches it); `None` when the
/// sphere is empty, holds the eye or is not wholly in front of the camera.
pub(super) fn silhouette(pr: &Projector, c: [f64; 3], r: f64) -> Option<Vec<(i32, i32)>> {
    let centre = Point3::from(c);
    let to_eye = pr.camera().eye() - centre;
    let dist = to_eye.norm();
    if !(r > 0.0 && r.is_finite() && dist > r * 1.0001) {
        return None;
    }
    let u = to_eye / dist;
    let helper = if u.z.abs() < 0.9 { Vector3::z() } else { Vector3::x() };
    let e1 = u.cross(&helper).normalize();
    let e2 = u.cross(&e1);
    let touch = centre + u * (r * r / dist);
    let rho = r * (1.0 - (r / dist).powi(2)).max(0.0).sqrt();
    (0..=SEGMENTS)
        .map(|i| {
            let t = i as f64 / SEGMENTS as f64 * std::f64::consts::TAU;
            let p = touch + (e1 * t.cos() + e2 * t.sin()) * rho;
            pr.project_f64([p.x, p.y, p.z]).map(|q| px_at(q.x, q.y))
        })
        .collect()
}

/// The sphere's horizontal great circle (z = c.z) on screen, as runs of
/// projectable vertices (a run breaks where the circle passes behind the camera).
pub(super) fn equator(pr: &Projector, c: [f64; 3], r: f64) -> Vec<Vec<(i32, i32)>> {
    let mut runs = vec![Vec::new()];
    if !(r > 0.0 && r.is_finite()) {
        return Vec::new();
    }
    for i in 0..=SEGMENTS {
        let t = i as f64 / SEGMENTS as f64 * std::f64::consts::TAU;
        match pr.project_f64([c[0] + r * t.cos(), c[1] + r * t.sin(), c[2]]) {
            Some(q) => runs.last_mut().expect("never empty").push(px_at(q.x, q.y)),
            None => runs.push(Vec::new()),
        }
    }
    runs.retain(|run| run.len() >= 2);
    runs
}
