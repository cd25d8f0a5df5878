//! The mapping between scene coordinates and canvas pixels for the 2D plot.
//!
//! The layout (margins, axis-label areas) is computed here once and used both
//! by the chart (which hands the same sizes to plotters) and by the UI (which
//! positions the handles and turns pointer positions back into coordinates),
//! so a handle always sits exactly on its drawn point. Both axes use the same
//! scale, so circles stay circles.

use crate::state::PointId;

/// Outer margin around the chart, in CSS pixels.
pub const MARGIN_CSS: f64 = 12.0;
/// Width of the y-axis label area, in CSS pixels.
pub const LEFT_LABELS_CSS: f64 = 44.0;
/// Height of the x-axis label area, in CSS pixels.
pub const BOTTOM_LABELS_CSS: f64 = 34.0;
/// Largest half extent of the shorter axis, in scene units (shows the whole
/// coordinate range [−2, 2] with a little room).
pub const HALF_EXTENT: f64 = 2.2;
/// Smallest half extent: the view never zooms in further than ±1.2.
pub const MIN_HALF_EXTENT: f64 = 1.2;

/// The half extent that shows every point and A's outer margin ring with some
/// room, rounded up to a quarter unit (so small moves do not rescale the
/// view) and kept within [`MIN_HALF_EXTENT`, `HALF_EXTENT`].
pub fn fit_half_extent(points: &[[f32; 3]], anchor: [f32; 3], outer_ring: f64) -> f64 {
    let far_point = points.iter().flat_map(|p| [p[0].abs(), p[1].abs()]).fold(0.0_f32, f32::max) as f64;
    let ring = anchor[0].abs().max(anchor[1].abs()) as f64 + if outer_ring.is_finite() { outer_ring } else { 0.0 };
    let needed = far_point.max(ring) + 0.25;
    ((needed * 4.0).ceil() / 4.0).clamp(MIN_HALF_EXTENT, HALF_EXTENT)
}

/// A 2D plot's pixel layout and data ranges, in device pixels.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Viewport {
    /// Canvas size in device pixels.
    pub width: u32,
    /// Canvas size in device pixels.
    pub height: u32,
    /// Device pixels per CSS pixel.
    pub dpr: f64,
    /// Margin in device pixels (integer, as plotters uses it).
    pub margin: u32,
    /// y-label area width in device pixels.
    pub left_labels: u32,
    /// x-label area height in device pixels.
    pub bottom_labels: u32,
    /// Visible x range in scene units.
    pub x_range: (f64, f64),
    /// Visible y range in scene units.
    pub y_range: (f64, f64),
}

impl Viewport {
    /// Lays out a canvas of `width × height` device pixels at `dpr` device
    /// pixels per CSS pixel, centred on the origin with equal axis scales,
    /// showing the whole coordinate range.
    pub fn fit(width: u32, height: u32, dpr: f64) -> Viewport {
        Viewport::fit_extent(width, height, dpr, HALF_EXTENT)
    }

    /// Like [`Viewport::fit`], with the shorter axis spanning `±half_extent`.
    pub fn fit_extent(width: u32, height: u32, dpr: f64, half_extent: f64) -> Viewport {
        let half_extent = if half_extent.is_finite() && half_extent > 0.0 { half_extent } else { HALF_EXTENT };
        let dpr = if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 };
        let px = |css: f64| (css * dpr).round() as u32;
        let mut v = Viewport {
            width: width.max(1),
            height: height.max(1),
            dpr,
            margin: px(MARGIN_CSS),
            left_labels: px(LEFT_LABELS_CSS),
            bottom_labels: px(BOTTOM_LABELS_CSS),
            x_range: (-HALF_EXTENT, HALF_EXTENT),
            y_range: (-HALF_EXTENT, HALF_EXTENT),
        };
        let (l, t, r, b) = v.plot_rect();
        let (w, h) = ((r - l).max(1.0), (b - t).max(1.0));
        let scale = w.min(h) / (2.0 * half_extent);
        v.x_range = (-w / (2.0 * scale), w / (2.0 * scale));
        v.y_range = (-h / (2.0 * scale), h / (2.0 * scale));
        v
    }

    /// The plotting area `(left, top, right, bottom)` in device pixels: the
    /// pixel centres the data range maps onto. Plotters' `ChartBuilder` maps
    /// onto its plotting area's pixel range with the last pixel inclusive
    /// (`end - 1`), so we do the same.
    pub fn plot_rect(&self) -> (f64, f64, f64, f64) {
        let left = (self.margin + self.left_labels) as f64;
        let top = self.margin as f64;
        let right = self.width.saturating_sub(self.margin) as f64 - 1.0;
        let bottom = self.height.saturating_sub(self.margin + self.bottom_labels) as f64 - 1.0;
        (left, top, right.max(left + 1.0), bottom.max(top + 1.0))
    }

    /// Device pixels per scene unit (the same on both axes).
    pub fn scale(&self) -> f64 {
        let (l, _, r, _) = self.plot_rect();
        (r - l) / (self.x_range.1 - self.x_range.0)
    }

    /// Scene coordinates → device pixels.
    pub fn project(&self, x: f64, y: f64) -> (f64, f64) {
        let (l, t, r, b) = self.plot_rect();
        let px = l + (x - self.x_range.0) / (self.x_range.1 - self.x_range.0) * (r - l);
        let py = b - (y - self.y_range.0) / (self.y_range.1 - self.y_range.0) * (b - t);
        (px, py)
    }

    /// Device pixels → scene coordinates (inverse of [`Viewport::project`]).
    pub fn unproject(&self, px: f64, py: f64) -> (f64, f64) {
        let (l, t, r, b) = self.plot_rect();
        let x = self.x_range.0 + (px - l) / (r - l) * (self.x_range.1 - self.x_range.0);
        let y = self.y_range.0 + (b - py) / (b - t) * (self.y_range.1 - self.y_range.0);
        (x, y)
    }

    /// Scene coordinates → CSS pixels (for HTML handles over the canvas).
    pub fn project_css(&self, x: f64, y: f64) -> (f64, f64) {
        let (px, py) = self.project(x, y);
        (px / self.dpr, py / self.dpr)
    }

    /// CSS pixels → scene coordinates.
    pub fn unproject_css(&self, cx: f64, cy: f64) -> (f64, f64) {
        self.unproject(cx * self.dpr, cy * self.dpr)
    }

    /// The point nearest to the CSS pixel `(cx, cy)` within `radius_css`,
    /// preferring later points on ties (they are drawn on top).
    pub fn hit_test(&self, points: &[(PointId, [f32; 3])], cx: f64, cy: f64, radius_css: f64) -> Option<PointId> {
        let mut best: Option<(f64, PointId)> = None;
        for (id, p) in points {
            let (hx, hy) = self.project_css(p[0] as f64, p[1] as f64);
            let d2 = (hx - cx).powi(2) + (hy - cy).powi(2);
            if d2 <= radius_css * radius_css && best.is_none_or(|(b, _)| d2 <= b) {
                best = Some((d2, *id));
            }
        }
        best.map(|(_, id)| id)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn project_and_unproject_round_trip() {
        for dpr in [1.0, 1.5, 2.0, 3.0] {
            let v = Viewport::fit((640.0 * dpr) as u32, (480.0 * dpr) as u32, dpr);
            for (x, y) in [(0.0, 0.0), (1.3, -0.7), (-2.0, 2.0)] {
                let (px, py) = v.project(x, y);
                let (bx, by) = v.unproject(px, py);
                assert!((bx - x).abs() < 1e-9 && (by - y).abs() < 1e-9);
                let (cx, cy) = v.project_css(x, y);
                assert!((cx * dpr - px).abs() < 1e-9 && (cy * dpr - py).abs() < 1e-9);
            }
        }
    }

    #[test]
    fn axes_share_one_scale_and_show_the_whole_range() {
        let v = Viewport::fit(900, 500, 1.0);
        let (l, t, r, b) = v.plot_rect();
        let sx = (r - l) / (v.x_range.1 - v.x_range.0);
        let sy = (b - t) / (v.y_range.1 - v.y_range.0);
        assert!((sx - sy).abs() < 1e-9);
        assert!(v.x_range.0 <= -HALF_EXTENT && v.y_range.0 <= -HALF_EXTENT + 1e-9);
        // y grows upwards on screen.
        assert!(v.project(0.0, 1.0).1 < v.project(0.0, 0.0).1);
    }

    #[test]
    fn hit_test_finds_the_nearest_point_within_the_radius() {
        let v = Viewport::fit(600, 600, 1.0);
        let pts = vec![(PointId::Anchor, [0.0, 0.0, 0.0]), (PointId::Negative(0), [0.1, 0.0, 0.0])];
        let (cx, cy) = v.project_css(0.09, 0.0);
        assert_eq!(v.hit_test(&pts, cx, cy, 20.0), Some(PointId::Negative(0)));
        let (fx, fy) = v.project_css(1.5, 1.5);
        assert_eq!(v.hit_test(&pts, fx, fy, 20.0), None);
    }

    #[test]
    fn fitted_extent_shows_points_and_ring_in_quarter_steps() {
        assert_eq!(fit_half_extent(&[[0.5, -0.4, 0.0]], [0.0; 3], 0.6), MIN_HALF_EXTENT);
        assert_eq!(fit_half_extent(&[[1.3, 0.2, 0.0]], [0.0; 3], 0.5), 1.75);
        assert_eq!(fit_half_extent(&[[2.0, 2.0, 0.0]], [0.0; 3], 0.5), HALF_EXTENT);
        assert_eq!(fit_half_extent(&[[0.1, 0.1, 0.0]], [0.5, 0.0, 0.0], 1.0), 1.75);
        assert_eq!(fit_half_extent(&[], [0.0; 3], f64::NAN), MIN_HALF_EXTENT);
        let v = Viewport::fit_extent(600, 600, 1.0, 1.5);
        assert!((v.x_range.1.min(v.y_range.1) - 1.5).abs() < 1e-9);
    }

    #[test]
    fn degenerate_sizes_do_not_produce_nan() {
        let v = Viewport::fit(0, 0, f64::NAN);
        let (px, py) = v.project(1.0, 1.0);
        assert!(px.is_finite() && py.is_finite());
        let (x, y) = v.unproject(px, py);
        assert!(x.is_finite() && y.is_finite());
    }
}
