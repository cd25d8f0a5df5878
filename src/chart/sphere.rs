//! A compact 3D scatter of embeddings on the unit sphere: the sphere's
//! outline and equator, and one dot per face coloured by identity
//! ([`palette::identity_colour`]), seen through an [`OrbitCamera`].
//!
//! Drawn in device pixels with one [`Projector`] (the 3D plot's); far dots
//! first and faded towards white, so the front of the sphere reads clearly.

use plotters::coord::Shift;
use plotters::prelude::*;

use super::palette::{self, identity_colour, Rgb};
use super::plot3d::shade;
use crate::geom::camera::{OrbitCamera, Projector};

/// Vertices of the drawn outline and equator.
const SEGMENTS: usize = 72;
/// Radius of a dot, CSS pixels.
pub const DOT_RADIUS_CSS: f64 = 3.2;
/// How much the farthest dots fade towards white.
pub const BACK_FADE: f64 = 0.6;

/// The camera of the small spheres: a 3/4 view close enough that the unit
/// sphere fills most of a square canvas.
pub fn sphere_camera() -> OrbitCamera {
    OrbitCamera { yaw: 35f64.to_radians(), pitch: 20f64.to_radians(), distance: 4.0, fov_y: 36f64.to_radians() }
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn to_px(x: f64, y: f64) -> (i32, i32) {
    let r = |v: f64| if v.is_finite() { v.clamp(-1e6, 1e6).round() as i32 } else { 0 };
    (r(x), r(y))
}

/// The unit sphere's silhouette: the circle where the view cone from the
/// eye touches it, projected.
pub fn outline(projector: &Projector) -> Vec<(i32, i32)> {
    let eye = projector.camera().eye().coords;
    let dist = eye.norm();
    let u = eye / dist;
    let helper = if u.z.abs() < 0.9 { nalgebra::Vector3::z() } else { nalgebra::Vector3::x() };
    let e1 = u.cross(&helper).normalize();
    let e2 = u.cross(&e1);
    let touch = u / dist;
    let rho = (1.0 - 1.0 / (dist * dist)).max(0.0).sqrt();
    (0..=SEGMENTS)
        .filter_map(|i| {
            let t = i as f64 / SEGMENTS as f64 * std::f64::consts::TAU;
            let p = touch + (e1 * t.cos() + e2 * t.sin()) * rho;
            projector.project_f64([p.x, p.y, p.z]).map(|q| to_px(q.x, q.y))
        })
        .collect()
}

/// Draws the sphere and the dots onto `root`, whose size must be the
/// projector's canvas. `points` holds `identities.len()` rows of 3; rows
/// with a non-finite value are skipped. Returns the number of dots drawn.
pub fn draw_sphere<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    projector: &Projector,
    points: &[f32],
    identities: &[usize],
) -> Result<usize, DrawingAreaErrorKind<DB::ErrorType>> {
    let dpr = projector.dpr();
    root.fill(&colour(palette::BACKGROUND))?;
    let line = |css: f64| (css * dpr).round().max(1.0) as u32;
    let grid = colour(palette::GRID);
    root.draw(&Polygon::new(outline(projector), colour(Rgb(0xf8, 0xfa, 0xfc)).filled()))?;
    let equator: Vec<(i32, i32)> = (0..=SEGMENTS)
        .filter_map(|i| {
            let t = i as f64 / SEGMENTS as f64 * std::f64::consts::TAU;
            projector.project_f64([t.cos(), t.sin(), 0.0]).map(|q| to_px(q.x, q.y))
        })
        .collect();
    root.draw(&PathElement::new(equator, grid.stroke_width(line(1.0))))?;
    root.draw(&PathElement::new(outline(projector), colour(palette::AXIS).stroke_width(line(1.0))))?;

    let centre_depth = projector.camera().distance;
    let mut dots: Vec<(f64, (i32, i32), usize)> = points
        .chunks_exact(3)
        .zip(identities)
        .filter(|(p, _)| p.iter().all(|v| v.is_finite()))
        .filter_map(|(p, &id)| projector.project([p[0], p[1], p[2]]).map(|q| (q.depth, to_px(q.x, q.y), id)))
        .collect();
    dots.sort_by(|a, b| b.0.total_cmp(&a.0));
    let radius = (DOT_RADIUS_CSS * dpr).round().max(1.0) as i32;
    for &(depth, at, id) in &dots {
        let fade = ((depth - centre_depth + 1.0) / 2.0).clamp(0.0, 1.0) * BACK_FADE;
        let c = shade(identity_colour(id), fade);
        root.draw(&Circle::new(at, radius, colour(c).filled()))?;
    }
    Ok(dots.len())
}
