//! The scene a student manipulates: anchor, positives, negatives, margin and
//! view dimension. One struct, mutated only through methods that keep it valid
//! (coordinates clamped, α in range, at least one positive and one negative).

use super::face_bindings::FaceBindings;
use super::point_id::PointId;
use super::presets::Preset;
use crate::loss::convention::{self, Convention};
use crate::loss::multi::{KmEvaluation, KmGradient};

/// A point's coordinates; in 2D the third component is kept at 0.
pub type Point = [f32; 3];

/// Coordinates are clamped to `[-COORD_LIMIT, COORD_LIMIT]` on every axis.
pub const COORD_LIMIT: f32 = 2.0;
/// The margin α is clamped to `[0, ALPHA_MAX]`.
pub const ALPHA_MAX: f32 = 2.0;
/// The lesson's margin, the default.
pub const ALPHA_DEFAULT: f32 = 0.2;
/// Pointer drags snap coordinates to this grid (keeps numbers readable).
pub const DRAG_SNAP: f32 = 0.01;
/// Arrow-key nudge.
pub const KEY_STEP: f32 = 0.01;
/// Shift + arrow-key nudge.
pub const KEY_STEP_LARGE: f32 = 0.1;
/// Largest number of positives (k) or negatives (m).
pub const MAX_POINTS_PER_SET: usize = 64;

/// Whether points live in the plane or in space.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Default)]
pub enum Dim {
    /// The 2D plane (z = 0).
    #[default]
    Two,
    /// 3D space.
    Three,
}

impl Dim {
    /// Number of coordinates per point.
    pub fn components(self) -> usize {
        match self {
            Dim::Two => 2,
            Dim::Three => 3,
        }
    }
}

/// The whole interactive scene.
#[derive(Clone, Debug, PartialEq)]
pub struct Scene {
    /// 2D or 3D.
    pub dim: Dim,
    /// The anchor A.
    pub anchor: Point,
    /// Positives P1..Pk (never empty).
    pub positives: Vec<Point>,
    /// Negatives N1..Nm (never empty).
    pub negatives: Vec<Point>,
    /// The margin α in `[0, ALPHA_MAX]`.
    pub alpha: f32,
    /// The preset the scene came from; `Preset::Custom` once the user moves a point.
    pub preset: Preset,
    /// How distances are measured (the lesson's squared distance by default).
    pub convention: Convention,
    /// Embeddings L2-normalised onto the unit circle / sphere.
    pub unit_sphere: bool,
    /// The positive whose margin rings are drawn around A (0-based).
    pub ring_positive: usize,
    /// Points that are the embeddings of bundled faces.
    pub faces: FaceBindings,
}

impl Default for Scene {
    fn default() -> Self {
        Preset::Start.scene()
    }
}

/// Clamps one coordinate into the allowed range (NaN becomes 0).
pub fn clamp_coordinate(v: f32) -> f32 {
    if v.is_nan() {
        0.0
    } else {
        v.clamp(-COORD_LIMIT, COORD_LIMIT)
    }
}

/// Clamps α into `[0, ALPHA_MAX]` (NaN becomes the default).
pub fn clamp_alpha(v: f32) -> f32 {
    if v.is_nan() {
        ALPHA_DEFAULT
    } else {
        v.clamp(0.0, ALPHA_MAX)
    }
}

/// Rounds to the drag grid ([`DRAG_SNAP`]).
pub fn snap(v: f32) -> f32 {
    ((v / DRAG_SNAP).round() * DRAG_SNAP * 1e6).round() / 1e6
}

impl Scene {
    /// The coordinates of a point, if it exists.
    pub fn point(&self, id: PointId) -> Option<Point> {
        match id {
            PointId::Anchor => Some(self.anchor),
            PointId::Positive(i) => self.positives.get(i).copied(),
            PointId::Negative(j) => self.negatives.get(j).copied(),
        }
    }

    /// Every point with its id: A, then P1..Pk, then N1..Nm.
    pub fn points(&self) -> Vec<(PointId, Point)> {
        let mut out = vec![(PointId::Anchor, self.anchor)];
        out.extend(self.positives.iter().enumerate().map(|(i, p)| (PointId::Positive(i), *p)));
        out.extend(self.negatives.iter().enumerate().map(|(j, n)| (PointId::Negative(j), *n)));
        out
    }

    /// Makes a point valid for this scene: clamped, z = 0 in 2D, and on the
    /// unit circle / sphere in unit-sphere mode.
    pub fn constrain(&self, p: Point) -> Point {
        let z = if self.dim == Dim::Two { 0.0 } else { clamp_coordinate(p[2]) };
        let clamped = [clamp_coordinate(p[0]), clamp_coordinate(p[1]), z];
        if self.unit_sphere {
            normalise(clamped)
        } else {
            clamped
        }
    }

    /// Moves a point (see [`Scene::constrain`]). The scene becomes a custom
    /// one. Returns false if the point does not exist.
    pub fn set_point(&mut self, id: PointId, p: Point) -> bool {
        let clamped = self.constrain(p);
        let slot = match id {
            PointId::Anchor => Some(&mut self.anchor),
            PointId::Positive(i) => self.positives.get_mut(i),
            PointId::Negative(j) => self.negatives.get_mut(j),
        };
        match slot {
            Some(slot) => {
                if *slot != clamped {
                    *slot = clamped;
                    self.preset = Preset::Custom;
                    self.faces.unbind(id);
                }
                true
            }
            None => false,
        }
    }

    /// Sets one coordinate (`axis` 0 = x, 1 = y, 2 = z) of a point.
    pub fn set_coordinate(&mut self, id: PointId, axis: usize, value: f32) -> bool {
        match self.point(id) {
            Some(mut p) if axis < 3 => {
                p[axis] = value;
                self.set_point(id, p)
            }
            _ => false,
        }
    }

    /// Moves a point by `(dx, dy)` (keyboard nudges), rounding to the drag grid.
    pub fn nudge(&mut self, id: PointId, dx: f32, dy: f32) -> bool {
        match self.point(id) {
            Some(p) => self.set_point(id, [snap(p[0] + dx), snap(p[1] + dy), p[2]]),
            None => false,
        }
    }

    /// Sets α (clamped to `[0, ALPHA_MAX]`).
    pub fn set_alpha(&mut self, alpha: f32) {
        self.alpha = clamp_alpha(alpha);
    }

    /// Flattens a point set into contiguous coordinates of the scene's dimension.
    fn flat(&self, points: &[Point]) -> Vec<f32> {
        let d = self.dim.components();
        points.iter().flat_map(|p| p[..d].iter().copied()).collect()
    }

    /// Evaluates the lesson's k×m loss (and its pieces) for the current scene
    /// under its distance convention.
    pub fn evaluate(&self) -> KmEvaluation {
        self.evaluate_as(self.convention)
    }

    /// Evaluates the scene under another convention (for side-by-side tables).
    pub fn evaluate_as(&self, convention: Convention) -> KmEvaluation {
        let d = self.dim.components();
        let (p, n) = (self.flat(&self.positives), self.flat(&self.negatives));
        convention::evaluate(convention, &self.anchor[..d], &p, &n, d, self.alpha)
    }

    /// Gradient of the summed loss, one 3-vector per point in
    /// [`Scene::points`] order (z = 0 in 2D).
    pub fn gradient(&self, eval: &KmEvaluation) -> Vec<Point> {
        let d = self.dim.components();
        let (p, n) = (self.flat(&self.positives), self.flat(&self.negatives));
        let g: KmGradient = convention::gradient(self.convention, &self.anchor[..d], &p, &n, d, eval);
        let mut out = Vec::with_capacity(1 + self.positives.len() + self.negatives.len());
        for chunk in
            std::iter::once(&g.anchor[..]).chain(g.positives.chunks_exact(d)).chain(g.negatives.chunks_exact(d))
        {
            let mut v = [0.0; 3];
            v[..d].copy_from_slice(chunk);
            out.push(v);
        }
        out
    }

    /// Switches between 2D and 3D. Nothing is lost: going to 3D keeps x, y
    /// and starts from z = 0; going to 2D projects onto the plane (z = 0).
    pub fn set_dim(&mut self, dim: Dim) {
        if self.dim == dim {
            return;
        }
        self.dim = dim;
        if dim == Dim::Two {
            // Flattened embeddings are no longer the faces' embeddings.
            self.faces = FaceBindings::default();
        }
        self.reconstrain();
    }

    /// Turns unit-sphere mode on or off; on, every point is normalised.
    pub fn set_unit_sphere(&mut self, on: bool) {
        self.unit_sphere = on;
        self.reconstrain();
    }

    /// Re-applies [`Scene::constrain`] to every point (after a mode change).
    pub(crate) fn reconstrain(&mut self) {
        self.anchor = self.constrain(self.anchor);
        for i in 0..self.positives.len() {
            self.positives[i] = self.constrain(self.positives[i]);
        }
        for j in 0..self.negatives.len() {
            self.negatives[j] = self.constrain(self.negatives[j]);
        }
    }
}

/// L2-normalises a point; the zero vector (no direction) becomes (1, 0, 0).
pub fn normalise(p: Point) -> Point {
    let norm = (p[0] * p[0] + p[1] * p[1] + p[2] * p[2]).sqrt();
    if norm > 1e-12 && norm.is_finite() {
        [p[0] / norm, p[1] / norm, p[2] / norm]
    } else {
        [1.0, 0.0, 0.0]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn coordinates_are_clamped_and_nan_is_rejected() {
        let mut s = Scene::default();
        s.set_point(PointId::Anchor, [5.0, -7.0, 3.0]);
        assert_eq!(s.anchor, [2.0, -2.0, 0.0]);
        s.set_point(PointId::Anchor, [f32::NAN, 0.5, 0.0]);
        assert_eq!(s.anchor, [0.0, 0.5, 0.0]);
        assert!(!s.set_point(PointId::Positive(9), [0.0; 3]));
    }

    #[test]
    fn moving_a_point_makes_the_scene_custom() {
        let mut s = Preset::WorkedExample.scene();
        s.set_alpha(0.0);
        assert_eq!(s.preset, Preset::WorkedExample);
        s.nudge(PointId::Negative(0), KEY_STEP, 0.0);
        assert_eq!(s.preset, Preset::Custom);
    }

    #[test]
    fn nudges_snap_to_the_grid() {
        let mut s = Scene::default();
        s.set_point(PointId::Anchor, [0.0, 0.0, 0.0]);
        for _ in 0..7 {
            s.nudge(PointId::Anchor, KEY_STEP, -KEY_STEP_LARGE);
        }
        assert_eq!(s.anchor[0], 0.07);
        assert_eq!(s.anchor[1], -0.7);
    }

    #[test]
    fn alpha_is_clamped() {
        let mut s = Scene::default();
        s.set_alpha(3.0);
        assert_eq!(s.alpha, ALPHA_MAX);
        s.set_alpha(-1.0);
        assert_eq!(s.alpha, 0.0);
    }

    #[test]
    fn dimension_switches_keep_every_point() {
        let mut s = Scene::default();
        s.set_dim(Dim::Three);
        s.set_point(PointId::Negative(0), [0.5, 0.5, 0.7]);
        assert_eq!(s.negatives[0], [0.5, 0.5, 0.7]);
        s.set_dim(Dim::Two);
        assert_eq!(s.negatives[0], [0.5, 0.5, 0.0]);
        assert_eq!(s.positives.len(), 1);
    }

    #[test]
    fn unit_sphere_mode_normalises_and_bounds_distances() {
        let mut s = Scene::default();
        s.set_dim(Dim::Three);
        s.set_point(PointId::Anchor, [0.0, 0.0, 0.0]);
        s.set_unit_sphere(true);
        for (_, p) in s.points() {
            assert!(((p[0] * p[0] + p[1] * p[1] + p[2] * p[2]).sqrt() - 1.0).abs() < 1e-6);
        }
        let e = s.evaluate();
        assert!(e.d_ap.iter().chain(&e.d_an).all(|d| *d <= 4.0 + 1e-5));
    }

    #[test]
    fn coincident_points_give_loss_alpha() {
        let mut s = Scene::default();
        for (id, _) in s.points() {
            s.set_point(id, [0.3, 0.3, 0.0]);
        }
        let e = s.evaluate();
        assert_eq!(e.sum, s.alpha);
        assert!(e.sum.is_finite());
    }
}
