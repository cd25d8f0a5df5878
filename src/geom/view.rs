//! One interface over the 2D viewport and the 3D projector, so the UI places
//! handles, hit-tests and drags points the same way in both views.

use super::camera::Projector;
use super::viewport::Viewport;
use crate::state::{Point, PointId};

/// The geometry of the plot currently shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum ViewGeometry {
    /// The 2D plane.
    Flat(Viewport),
    /// 3D space through an orbit camera.
    Space(Projector),
}

impl ViewGeometry {
    /// Where a point appears, in CSS pixels (None if it cannot be seen).
    pub fn project_css(&self, p: Point) -> Option<(f64, f64)> {
        match self {
            ViewGeometry::Flat(v) => Some(v.project_css(p[0] as f64, p[1] as f64)),
            ViewGeometry::Space(pr) => pr.project_css(p),
        }
    }

    /// The position a dragged point takes when the pointer is at `(cx, cy)`
    /// CSS pixels: in 2D the plane point under it (z kept), in 3D the point
    /// on the plane facing the camera through the point's current place.
    pub fn drag_target(&self, cx: f64, cy: f64, current: Point) -> Option<Point> {
        match self {
            ViewGeometry::Flat(v) => {
                let (x, y) = v.unproject_css(cx, cy);
                Some([x as f32, y as f32, current[2]])
            }
            ViewGeometry::Space(pr) => pr.unproject_on_view_plane(cx, cy, current),
        }
    }

    /// The point under `(cx, cy)` CSS pixels within `radius_css`, if any.
    pub fn hit_test(&self, points: &[(PointId, Point)], cx: f64, cy: f64, radius_css: f64) -> Option<PointId> {
        match self {
            ViewGeometry::Flat(v) => v.hit_test(points, cx, cy, radius_css),
            ViewGeometry::Space(pr) => pr.hit_test(points, cx, cy, radius_css),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::geom::camera::OrbitCamera;

    #[test]
    fn dragging_to_where_a_point_is_drawn_keeps_it_in_place() {
        let p = [0.4_f32, -0.3, 0.8];
        for view in [
            ViewGeometry::Flat(Viewport::fit(800, 600, 1.0)),
            ViewGeometry::Space(Projector::new(&OrbitCamera::default(), 1600, 1200, 2.0)),
        ] {
            let (cx, cy) = view.project_css(p).unwrap();
            let back = view.drag_target(cx, cy, p).unwrap();
            for c in 0..3 {
                assert!((back[c] - p[c]).abs() < 1e-4, "{view:?}: {back:?}");
            }
            assert_eq!(view.hit_test(&[(PointId::Anchor, p)], cx + 3.0, cy, 10.0), Some(PointId::Anchor));
        }
    }

    #[test]
    fn flat_drags_keep_z() {
        let view = ViewGeometry::Flat(Viewport::fit(800, 600, 1.0));
        let t = view.drag_target(100.0, 100.0, [0.0, 0.0, 0.7]).unwrap();
        assert_eq!(t[2], 0.7);
    }
}
