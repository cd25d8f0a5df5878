//! Geometry helpers for the face drawing: smooth curves through points and
//! the head-turn (yaw) warp. Native only (tiny-skia paths).

use tiny_skia::{Path, PathBuilder};

/// A point in design units (the thumbnail is 100 × 100 design units).
pub type Pt = (f32, f32);

/// Appends a Catmull-Rom spline through `pts` (as cubic Béziers) to `pb`.
/// `closed` joins the last point back to the first smoothly.
fn spline(pb: &mut PathBuilder, pts: &[Pt], closed: bool) {
    spline_from(pb, pts, closed, true);
}

/// Like [`spline`]; `start` begins a new contour, otherwise the curve
/// continues the current one from its first point (which should be the
/// current point).
fn spline_from(pb: &mut PathBuilder, pts: &[Pt], closed: bool, start: bool) {
    let n = pts.len();
    if n < 2 {
        return;
    }
    let at = |i: isize| -> Pt {
        if closed {
            pts[i.rem_euclid(n as isize) as usize]
        } else {
            pts[i.clamp(0, n as isize - 1) as usize]
        }
    };
    if start {
        pb.move_to(pts[0].0, pts[0].1);
    } else {
        pb.line_to(pts[0].0, pts[0].1);
    }
    let segments = if closed { n } else { n - 1 };
    for i in 0..segments as isize {
        let (p0, p1, p2, p3) = (at(i - 1), at(i), at(i + 1), at(i + 2));
        let c1 = (p1.0 + (p2.0 - p0.0) / 6.0, p1.1 + (p2.1 - p0.1) / 6.0);
        let c2 = (p2.0 - (p3.0 - p1.0) / 6.0, p2.1 - (p3.1 - p1.1) / 6.0);
        pb.cubic_to(c1.0, c1.1, c2.0, c2.1, p2.0, p2.1);
    }
    if closed {
        pb.close();
    }
}

/// A smooth closed curve through `pts`.
pub fn smooth_closed(pts: &[Pt]) -> Option<Path> {
    let mut pb = PathBuilder::new();
    spline(&mut pb, pts, true);
    pb.finish()
}

/// A smooth open curve through `pts` (for strokes).
pub fn smooth_open(pts: &[Pt]) -> Option<Path> {
    let mut pb = PathBuilder::new();
    spline(&mut pb, pts, false);
    pb.finish()
}

/// A closed shape made of two smooth curves with sharp joins: `upper` runs
/// from corner A to corner B, `lower` from B back to A (eyes, lips, brows).
pub fn lens(upper: &[Pt], lower: &[Pt]) -> Option<Path> {
    let mut pb = PathBuilder::new();
    spline_from(&mut pb, upper, false, true);
    spline_from(&mut pb, lower, false, false);
    pb.close();
    pb.finish()
}

/// Several smooth closed curves in one path (use the even-odd rule for holes).
pub fn smooth_closed_many(loops: &[Vec<Pt>]) -> Option<Path> {
    let mut pb = PathBuilder::new();
    for pts in loops {
        spline(&mut pb, pts, true);
    }
    pb.finish()
}

/// A closed polygon with straight edges.
pub fn polygon(pts: &[Pt]) -> Option<Path> {
    let mut pb = PathBuilder::new();
    let (first, rest) = pts.split_first()?;
    pb.move_to(first.0, first.1);
    for p in rest {
        pb.line_to(p.0, p.1);
    }
    pb.close();
    pb.finish()
}

/// An ellipse centred on `c` with radii `rx`, `ry`.
pub fn ellipse(c: Pt, rx: f32, ry: f32) -> Option<Path> {
    let rect = tiny_skia::Rect::from_ltrb(c.0 - rx, c.1 - ry, c.0 + rx, c.1 + ry)?;
    PathBuilder::from_oval(rect)
}

/// `n` points on an ellipse, starting at the top and going clockwise.
pub fn ellipse_points(c: Pt, rx: f32, ry: f32, n: usize) -> Vec<Pt> {
    (0..n)
        .map(|i| {
            let a = i as f32 / n as f32 * std::f32::consts::TAU;
            (c.0 + rx * a.sin(), c.1 - ry * a.cos())
        })
        .collect()
}

/// The head's geometry and its turn. Face-relative coordinates `(u, v)` are
/// fractions of the head's half-width and half-height, measured from the
/// head's centre (`u` right, `v` down); design coordinates are absolute.
#[derive(Clone, Copy, Debug)]
pub struct Head {
    /// Centre of the head in design units.
    pub c: Pt,
    /// Half-width in design units.
    pub hw: f32,
    /// Half-height in design units.
    pub hh: f32,
    /// Sine and cosine of the yaw, and the yaw in radians.
    sin_yaw: f32,
    yaw: f32,
}

/// Features lie on a cylinder this much wider than the head, so the ones
/// near the edge squeeze but never vanish.
const FEATURE_RADIUS: f32 = 1.18;

impl Head {
    /// A head centred on `c` with half-sizes `hw`, `hh`, turned by `yaw_deg`.
    pub fn new(c: Pt, hw: f32, hh: f32, yaw_deg: f32) -> Head {
        let yaw = yaw_deg.to_radians();
        Head { c, hw, hh, sin_yaw: yaw.sin(), yaw }
    }

    /// Horizontal position (in half-widths) of a frontal `u` after the turn,
    /// for a surface `radius` half-widths from the head's axis.
    fn turn(&self, u: f32, radius: f32) -> f32 {
        let phi = (u / radius).clamp(-1.0, 1.0).asin();
        radius * (phi + self.yaw).clamp(-1.5, 1.5).sin()
    }

    /// A point on the face (eyes, nose, mouth, brows): it follows the turn.
    pub fn face(&self, u: f32, v: f32) -> Pt {
        self.face_z(u, v, 0.0)
    }

    /// A point on the face standing out by `z` half-widths (the nose tip).
    pub fn face_z(&self, u: f32, v: f32, z: f32) -> Pt {
        let x = self.turn(u, FEATURE_RADIUS) + z * self.sin_yaw;
        (self.c.0 + x * self.hw, self.c.1 + v * self.hh)
    }

    /// A point of the head's outline: the cranium stays, the jaw and chin
    /// follow the face more and more towards the bottom.
    pub fn outline(&self, u: f32, v: f32) -> Pt {
        let t = ((v + 0.2) / 1.1).clamp(0.0, 1.0);
        let follow = 0.75 * t * t * (3.0 - 2.0 * t);
        let x = u + (self.turn(u, FEATURE_RADIUS) - u) * follow;
        (self.c.0 + x * self.hw, self.c.1 + v * self.hh)
    }

    /// A point that follows the turn by `share` (0 = fixed, 1 = like the face),
    /// for hairlines and partings.
    /// The share fades to 0 at the sides (`|u| = 1`) and towards the crown,
    /// and the point is kept inside the cranium, so hairlines never cross
    /// the fixed outer edge of the hair.
    pub fn partial(&self, u: f32, v: f32, share: f32) -> Pt {
        let crown = ((v + 1.1) / 0.5).clamp(0.0, 1.0);
        let share = share * (1.0 - u.abs().min(1.0).powi(3)) * crown;
        let mut x = u + (self.turn(u, FEATURE_RADIUS) - u) * share;
        if v < 0.0 {
            let limit = (1.0 - v * v).max(0.0).sqrt().max(u.abs());
            x = x.clamp(-limit, limit);
        }
        (self.c.0 + x * self.hw, self.c.1 + v * self.hh)
    }

    /// A fixed point (hair volume, ears' anchor, …): no turn.
    pub fn fixed(&self, u: f32, v: f32) -> Pt {
        (self.c.0 + u * self.hw, self.c.1 + v * self.hh)
    }

    /// Sine of the yaw (positive: the face turns to the picture's right).
    pub fn sin_yaw(&self) -> f32 {
        self.sin_yaw
    }

    /// Horizontal squeeze of a feature at `u` (1 frontal, < 1 on the far side).
    pub fn squeeze(&self, u: f32) -> f32 {
        let a = self.face(u - 0.05, 0.0).0;
        let b = self.face(u + 0.05, 0.0).0;
        (b - a) / (0.1 * self.hw)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frontal_head_does_not_move_points() {
        let head = Head::new((50.0, 50.0), 20.0, 25.0, 0.0);
        let p = head.face(0.4, 0.2);
        assert!((p.0 - 58.0).abs() < 1e-4 && (p.1 - 55.0).abs() < 1e-4);
        assert!((head.squeeze(0.4) - 1.0).abs() < 1e-3);
    }

    #[test]
    fn turning_moves_features_and_squeezes_the_far_side() {
        let head = Head::new((50.0, 50.0), 20.0, 25.0, 25.0);
        assert!(head.face(0.0, 0.0).0 > 55.0);
        assert!(head.squeeze(0.45) < head.squeeze(-0.45));
        // The cranium does not move; the chin does.
        assert_eq!(head.outline(1.0, -1.0), (70.0, 25.0));
        assert!(head.outline(0.0, 1.0).0 > 55.0);
    }

    #[test]
    fn curves_are_built() {
        let pts = ellipse_points((10.0, 10.0), 5.0, 3.0, 8);
        assert!(smooth_closed(&pts).is_some());
        assert!(smooth_open(&pts).is_some());
        assert!(polygon(&pts).is_some());
        assert!(smooth_closed(&[]).is_none());
    }
}
