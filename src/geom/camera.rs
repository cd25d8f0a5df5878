//! The 3D view: an orbit camera around the origin and the perspective mapping
//! between scene coordinates and canvas pixels that goes with it.
//!
//! Like the 2D [`Viewport`](super::viewport::Viewport), one [`Projector`] is
//! the single source of truth for positions: the 3D chart draws with it and
//! the UI places handles, hit-tests and drags points with it. Scene
//! coordinates have z up; canvas pixels have y down.

use nalgebra::{Isometry3, Point3, Vector3};

use crate::state::PointId;

/// Closest allowed camera distance from the origin (the scene cube stays in front).
pub const MIN_DISTANCE: f64 = 4.0;
/// Farthest allowed camera distance from the origin.
pub const MAX_DISTANCE: f64 = 25.0;
/// Largest |pitch| in radians (85°), so the view never looks straight down the z axis.
pub const MAX_PITCH: f64 = 85.0 * std::f64::consts::PI / 180.0;
/// Orbit speed: radians per CSS pixel of pointer drag.
pub const ORBIT_RAD_PER_CSS_PX: f64 = 0.008;
/// Points nearer to the eye than this (along the view direction) are not projected.
pub const NEAR: f64 = 0.05;
/// Screen distances (CSS px) within this of the nearest hit count as a tie in
/// [`Projector::hit_test`], which then prefers the point closer to the camera.
pub const HIT_TIE_CSS: f64 = 2.0;

/// A camera orbiting the origin. Angles are in radians.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct OrbitCamera {
    /// Rotation about the z axis; 0 looks along +y (x to the right), positive
    /// values move the eye towards +x. Wraps into (−π, π].
    pub yaw: f64,
    /// Elevation above the floor (z = 0 plane), clamped to ±[`MAX_PITCH`].
    pub pitch: f64,
    /// Distance from the eye to the origin, clamped to [`MIN_DISTANCE`, `MAX_DISTANCE`].
    pub distance: f64,
    /// Field of view across the canvas height (across the width on portrait canvases).
    pub fov_y: f64,
}

impl Default for OrbitCamera {
    /// A 3/4 view of the cube [−2, 2]³: x runs right and down, y right and up,
    /// z up; at distance 11 the whole cube (corners included) fits a 4:3 canvas.
    fn default() -> Self {
        OrbitCamera { yaw: 35f64.to_radians(), pitch: 25f64.to_radians(), distance: 11.0, fov_y: 40f64.to_radians() }
    }
}

fn finite_or(v: f64, fallback: f64) -> f64 {
    if v.is_finite() {
        v
    } else {
        fallback
    }
}

/// Wraps an angle into (−π, π].
fn wrap(a: f64) -> f64 {
    let w = a - std::f64::consts::TAU * (a / std::f64::consts::TAU).round();
    if w <= -std::f64::consts::PI {
        w + std::f64::consts::TAU
    } else {
        w
    }
}

impl OrbitCamera {
    /// A copy with every field finite and within its range.
    fn sanitized(&self) -> OrbitCamera {
        let d = OrbitCamera::default();
        OrbitCamera {
            yaw: wrap(finite_or(self.yaw, d.yaw)),
            pitch: finite_or(self.pitch, d.pitch).clamp(-MAX_PITCH, MAX_PITCH),
            distance: finite_or(self.distance, d.distance).clamp(MIN_DISTANCE, MAX_DISTANCE),
            fov_y: finite_or(self.fov_y, d.fov_y).clamp(10f64.to_radians(), 120f64.to_radians()),
        }
    }

    /// Turns the camera for a pointer drag of `(dx_css, dy_css)` CSS pixels:
    /// the scene follows the pointer (drag right turns its front to the right,
    /// drag down tilts its top towards the viewer). Non-finite input is ignored.
    pub fn orbit(&mut self, dx_css: f64, dy_css: f64) {
        let s = self.sanitized();
        self.yaw = wrap(s.yaw - finite_or(dx_css, 0.0) * ORBIT_RAD_PER_CSS_PX);
        self.pitch = (s.pitch + finite_or(dy_css, 0.0) * ORBIT_RAD_PER_CSS_PX).clamp(-MAX_PITCH, MAX_PITCH);
    }

    /// Multiplies the distance by `factor` (< 1 zooms in), clamped to
    /// [`MIN_DISTANCE`, `MAX_DISTANCE`]; a non-finite or non-positive factor is ignored.
    pub fn zoom(&mut self, factor: f64) {
        if factor.is_finite() && factor > 0.0 {
            self.distance = (self.sanitized().distance * factor).clamp(MIN_DISTANCE, MAX_DISTANCE);
        }
    }

    /// The eye position in scene coordinates.
    pub fn eye(&self) -> Point3<f64> {
        let s = self.sanitized();
        let (cp, sp) = (s.pitch.cos(), s.pitch.sin());
        Point3::new(s.yaw.sin() * cp, -s.yaw.cos() * cp, sp) * s.distance
    }

    /// The unit view direction, from the eye towards the origin.
    pub fn forward(&self) -> Vector3<f64> {
        -self.eye().coords.normalize()
    }
}

/// A scene point on the canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projected {
    /// Horizontal position in device pixels.
    pub x: f64,
    /// Vertical position in device pixels (down).
    pub y: f64,
    /// Distance from the eye along the view direction (larger = farther).
    pub depth: f64,
    /// Device pixels per scene unit at that depth (for sizing spheres and points).
    pub px_per_unit: f64,
}

/// The perspective mapping of one camera onto one canvas.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Projector {
    view: Isometry3<f64>,
    camera: OrbitCamera,
    centre: (f64, f64),
    focal: f64,
    dpr: f64,
}

impl Projector {
    /// The mapping for a canvas of `width × height` device pixels at `dpr`
    /// device pixels per CSS pixel (zero sizes count as 1, a bad `dpr` as 1).
    pub fn new(camera: &OrbitCamera, width: u32, height: u32, dpr: f64) -> Projector {
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 };
        let camera = camera.sanitized();
        let (w, h) = (width.max(1) as f64, height.max(1) as f64);
        let view = Isometry3::look_at_rh(&camera.eye(), &Point3::origin(), &Vector3::z());
        let focal = 0.5 * w.min(h) / (0.5 * camera.fov_y).tan();
        Projector { view, camera, centre: (0.5 * w, 0.5 * h), focal, dpr }
    }

    /// Device pixels per CSS pixel.
    pub fn dpr(&self) -> f64 {
        self.dpr
    }

    /// The (sanitised) camera this projector was built from.
    pub fn camera(&self) -> &OrbitCamera {
        &self.camera
    }

    /// Projects a point given in `f64` (see [`Projector::project`]).
    pub fn project_f64(&self, p: [f64; 3]) -> Option<Projected> {
        let c = self.view * Point3::from(p);
        let depth = -c.z;
        if !depth.is_finite() || depth < NEAR {
            return None;
        }
        let k = self.focal / depth;
        Some(Projected { x: self.centre.0 + c.x * k, y: self.centre.1 - c.y * k, depth, px_per_unit: k })
    }

    /// Scene coordinates → device pixels; `None` when the point is behind the near plane.
    pub fn project(&self, p: [f32; 3]) -> Option<Projected> {
        self.project_f64(p.map(f64::from))
    }

    /// Scene coordinates → CSS pixels (for HTML handles over the canvas).
    pub fn project_css(&self, p: [f32; 3]) -> Option<(f64, f64)> {
        self.project(p).map(|q| (q.x / self.dpr, q.y / self.dpr))
    }

    /// The point under the CSS pixel `(cx_css, cy_css)` on the plane that faces
    /// the camera (normal = view direction) and passes through `through`: how a
    /// point is dragged in 3D. `None` when that plane is behind the camera.
    pub fn unproject_on_view_plane(&self, cx_css: f64, cy_css: f64, through: [f32; 3]) -> Option<[f32; 3]> {
        let depth = self.project(through)?.depth;
        let (sx, sy) = (cx_css * self.dpr, cy_css * self.dpr);
        let k = depth / self.focal;
        let c = Point3::new((sx - self.centre.0) * k, -(sy - self.centre.1) * k, -depth);
        let p = self.view.inverse_transform_point(&c);
        let out = [p.x as f32, p.y as f32, p.z as f32];
        out.iter().all(|v| v.is_finite()).then_some(out)
    }

    /// The point drawn nearest to the CSS pixel `(cx_css, cy_css)` within
    /// `radius_css`; among points within [`HIT_TIE_CSS`] of the nearest, the one
    /// closest to the camera (drawn on top; later points on equal depth).
    pub fn hit_test(
        &self,
        points: &[(PointId, [f32; 3])],
        cx_css: f64,
        cy_css: f64,
        radius_css: f64,
    ) -> Option<PointId> {
        let hits: Vec<(f64, f64, PointId)> = points
            .iter()
            .filter_map(|(id, p)| {
                let q = self.project(*p)?;
                let d = (q.x / self.dpr - cx_css).hypot(q.y / self.dpr - cy_css);
                (d <= radius_css).then_some((d, q.depth, *id))
            })
            .collect();
        let nearest = hits.iter().map(|h| h.0).fold(f64::INFINITY, f64::min);
        let mut best: Option<(f64, PointId)> = None;
        for &(d, depth, id) in &hits {
            if d <= nearest + HIT_TIE_CSS && best.is_none_or(|(b, _)| depth <= b) {
                best = Some((depth, id));
            }
        }
        best.map(|(_, id)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn poses() -> Vec<OrbitCamera> {
        let mut out = vec![OrbitCamera::default()];
        for (yaw, pitch, distance, fov) in
            [(0.0, 0.0, 9.0, 40.0), (-150.0, 60.0, 4.0, 60.0), (179.0, -85.0, 25.0, 25.0), (90.0, 85.0, 6.5, 90.0)]
        {
            let r = f64::to_radians;
            out.push(OrbitCamera { yaw: r(yaw), pitch: r(pitch), distance, fov_y: r(fov) });
        }
        out
    }

    fn grid_points() -> impl Iterator<Item = [f32; 3]> {
        (0..125).map(|i| {
            [(i % 5) as f32 - 2.0, ((i / 5) % 5) as f32 - 2.0, (i / 25) as f32 - 2.0].map(|v| v * 0.97 + 0.013)
        })
    }

    #[test]
    fn project_and_unproject_on_the_view_plane_round_trip() {
        for cam in poses() {
            for (w, h, dpr) in [(800, 600, 1.0), (900, 1400, 1.5), (1920, 1080, 2.0), (333, 333, 3.0)] {
                let pr = Projector::new(&cam, w, h, dpr);
                for p in grid_points() {
                    let (cx, cy) = pr.project_css(p).unwrap();
                    let back = pr.unproject_on_view_plane(cx, cy, p).unwrap();
                    for a in 0..3 {
                        assert!((back[a] - p[a]).abs() < 1e-5, "{p:?} -> {back:?} ({cam:?}, {w}x{h}@{dpr})");
                    }
                    // A drag lands under the cursor, at the same depth.
                    let moved = pr.unproject_on_view_plane(cx + 17.0, cy - 9.0, p).unwrap();
                    let (mx, my) = pr.project_css(moved).unwrap();
                    assert!((mx - cx - 17.0).abs() < 1e-3 && (my - cy + 9.0).abs() < 1e-3);
                    assert!((pr.project(moved).unwrap().depth - pr.project(p).unwrap().depth).abs() < 1e-5);
                }
            }
        }
    }

    #[test]
    fn the_origin_is_the_canvas_centre_and_the_view_looks_at_it() {
        for cam in poses() {
            let pr = Projector::new(&cam, 1000, 640, 2.0);
            let o = pr.project([0.0; 3]).unwrap();
            assert!((o.x - 500.0).abs() < 1e-9 && (o.y - 320.0).abs() < 1e-9);
            assert!((o.depth - cam.distance).abs() < 1e-9);
            assert!((cam.forward().norm() - 1.0).abs() < 1e-12);
            assert!((cam.eye().coords.norm() - cam.distance).abs() < 1e-9);
        }
    }

    #[test]
    fn the_default_view_shows_the_whole_cube_with_z_up() {
        let pr = Projector::new(&OrbitCamera::default(), 800, 600, 1.0);
        for i in 0..8 {
            let c = [0, 1, 2].map(|a| if i >> a & 1 == 1 { 2.0 } else { -2.0 });
            let q = pr.project(c).unwrap();
            assert!((30.0..770.0).contains(&q.x) && (30.0..570.0).contains(&q.y), "{c:?} at {q:?}");
        }
        assert!(pr.project([0.0, 0.0, 1.0]).unwrap().y < 300.0);
        assert!(pr.project([1.0, 0.0, 0.0]).unwrap().x > 400.0);
    }

    #[test]
    fn closer_points_are_larger_and_scale_matches_the_screen() {
        let cam = OrbitCamera::default();
        let pr = Projector::new(&cam, 800, 600, 1.0);
        let toward = (-cam.forward()).map(|v| v as f32);
        let near = pr.project([toward.x, toward.y, toward.z]).unwrap();
        let far = pr.project([-toward.x, -toward.y, -toward.z]).unwrap();
        assert!(near.px_per_unit > far.px_per_unit && near.depth < far.depth);
        // A small step across the view moves the point by px_per_unit per unit.
        let right = cam.forward().cross(&Vector3::z()).normalize() * 0.01;
        let p = [0.5f32, -0.3, 0.7];
        let (a, b) = (pr.project(p).unwrap(), pr.project_f64([0.5 + right.x, -0.3 + right.y, 0.7 + right.z]));
        let moved = (b.unwrap().x - a.x).hypot(b.unwrap().y - a.y);
        assert!((moved / 0.01 - a.px_per_unit).abs() / a.px_per_unit < 1e-2, "{moved} vs {}", a.px_per_unit);
    }

    #[test]
    fn orbit_clamps_pitch_and_wraps_yaw() {
        let mut cam = OrbitCamera::default();
        cam.orbit(0.0, 1e6);
        assert_eq!(cam.pitch, MAX_PITCH);
        cam.orbit(0.0, -1e6);
        assert_eq!(cam.pitch, -MAX_PITCH);
        for _ in 0..1000 {
            cam.orbit(37.0, 0.0);
            assert!(cam.yaw > -std::f64::consts::PI && cam.yaw <= std::f64::consts::PI);
        }
        let before = cam;
        cam.orbit(f64::NAN, f64::INFINITY);
        assert_eq!(cam, before);
        let mut c = OrbitCamera::default();
        c.orbit(10.0, 0.0);
        assert!(c.yaw < OrbitCamera::default().yaw, "dragging right turns the front to the right");
    }

    #[test]
    fn zoom_clamps_and_ignores_bad_factors() {
        let mut cam = OrbitCamera::default();
        cam.zoom(0.5);
        assert_eq!(cam.distance, 5.5);
        cam.zoom(0.01);
        assert_eq!(cam.distance, MIN_DISTANCE);
        cam.zoom(1e9);
        assert_eq!(cam.distance, MAX_DISTANCE);
        for bad in [0.0, -2.0, f64::NAN, f64::INFINITY] {
            cam.zoom(bad);
            assert_eq!(cam.distance, MAX_DISTANCE);
        }
    }

    #[test]
    fn degenerate_input_never_gives_nan() {
        let wild = OrbitCamera { yaw: f64::NAN, pitch: f64::INFINITY, distance: 0.0, fov_y: -1.0 };
        for cam in [OrbitCamera::default(), wild] {
            for dpr in [f64::NAN, 0.0, -1.0, f64::INFINITY] {
                let pr = Projector::new(&cam, 0, 0, dpr);
                assert_eq!(pr.dpr(), 1.0);
                for p in grid_points().chain([[0.0; 3], [2.0; 3], [-2.0; 3]]) {
                    let q = pr.project(p).unwrap();
                    assert!([q.x, q.y, q.depth, q.px_per_unit].iter().all(|v| v.is_finite()));
                    let back = pr.unproject_on_view_plane(q.x, q.y, p).unwrap();
                    assert!(back.iter().all(|v| v.is_finite()));
                }
            }
            assert!(cam.eye().coords.iter().chain(cam.forward().iter()).all(|v| v.is_finite()));
        }
    }

    #[test]
    fn points_behind_the_camera_are_not_projected() {
        let cam = OrbitCamera { distance: MIN_DISTANCE, ..OrbitCamera::default() };
        let pr = Projector::new(&cam, 800, 600, 1.0);
        let behind = (cam.eye().coords * 1.5).map(|v| v as f32);
        assert_eq!(pr.project([behind.x, behind.y, behind.z]), None);
        assert_eq!(pr.project_css([behind.x, behind.y, behind.z]), None);
        assert_eq!(pr.unproject_on_view_plane(400.0, 300.0, [behind.x, behind.y, behind.z]), None);
        assert_eq!(pr.hit_test(&[(PointId::Anchor, [behind.x, behind.y, behind.z])], 400.0, 300.0, 1e9), None);
    }

    #[test]
    fn hit_test_picks_the_nearest_and_prefers_the_front_on_ties() {
        let cam = OrbitCamera::default();
        let pr = Projector::new(&cam, 1600, 1200, 2.0);
        let a = [0.2f32, 0.1, 0.3];
        let back = (cam.eye() + (Point3::new(0.2, 0.1, 0.3) - cam.eye()) * 1.3).map(|v| v as f32);
        let behind_a = [back.x, back.y, back.z];
        let (cx, cy) = pr.project_css(a).unwrap();
        // Exactly behind A on screen: A is in front, in either order.
        let pts = [(PointId::Negative(0), behind_a), (PointId::Anchor, a)];
        assert_eq!(pr.hit_test(&pts, cx, cy, 20.0), Some(PointId::Anchor));
        let rev = [pts[1], pts[0]];
        assert_eq!(pr.hit_test(&rev, cx, cy, 20.0), Some(PointId::Anchor));
        // A clearly nearer point on screen wins even if it is farther away.
        let (nx, ny) = pr.project_css(behind_a).unwrap();
        let far_pts = [(PointId::Negative(0), [1.5f32, 1.5, -1.0]), (PointId::Positive(0), a)];
        let (fx, fy) = pr.project_css(far_pts[0].1).unwrap();
        assert_eq!(pr.hit_test(&far_pts, fx + 3.0, fy, 20.0), Some(PointId::Negative(0)));
        assert_eq!(pr.hit_test(&far_pts, fx + 30.0, fy + 30.0, 20.0), None);
        assert!((nx - cx).abs() < 1e-3 && (ny - cy).abs() < 1e-3, "({nx}, {ny}) vs ({cx}, {cy})");
    }
}
