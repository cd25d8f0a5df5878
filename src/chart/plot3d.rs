//! The 3D plot: floor grid, axes, the margin spheres around A, the A–P / A–N
//! segments, gradient arrows and the labelled points, drawn in perspective.
//!
//! Everything is drawn in device pixels directly on the drawing area (no
//! `ChartBuilder`), with positions from one [`Projector`], the same one the UI
//! uses for handles and dragging. Depth is shown three ways: painter's order
//! (far points first), perspective size and a fade towards white with distance.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette::{self, Rgb};
use super::plot2d::{
    arrow_pixels, negative_classes, negative_segment, positive_segment, PlotOptions, ARROW, POINT_RADIUS_CSS,
};
use crate::geom::camera::{Projected, Projector};
use crate::geom::regions::{margin_rings, NegativeClass};
use crate::loss::multi::KmEvaluation;
use crate::state::{PointId, Role, Scene};

#[path = "plot3d_parts.rs"]
mod parts;
use parts::{colour, equator, px_at, segment, silhouette};

/// Half the drawn extent of the axes and the floor grid, in scene units.
pub const AXIS_EXTENT: f64 = 2.0;
/// Radius of a background ("cloud") point in CSS pixels at the orbit centre.
pub const CLOUD_RADIUS_CSS: f64 = 3.5;
/// Opacity of background ("cloud") points.
pub const CLOUD_OPACITY: f64 = 0.55;
/// The strongest fade towards white, reached [`FOG_RANGE`] behind the orbit centre.
pub const MAX_FOG: f64 = 0.55;
/// Scene units behind the orbit centre (the origin) over which points fade.
pub const FOG_RANGE: f64 = 3.5;
/// Limits of the perspective size factor of points, relative to a point at the origin.
pub const SIZE_SCALE_LIMITS: (f64, f64) = (0.5, 2.0);

/// How much a point at `depth` is faded towards white: 0 up to the orbit
/// centre, rising linearly to [`MAX_FOG`] at [`FOG_RANGE`] behind it.
pub fn depth_fog(projector: &Projector, depth: f64) -> f64 {
    let t = (depth - projector.camera().distance) / FOG_RANGE;
    if t.is_finite() {
        t.clamp(0.0, 1.0) * MAX_FOG
    } else {
        0.0
    }
}

/// `c` mixed towards white by `fog` (0 = unchanged, 1 = white).
pub fn shade(c: Rgb, fog: f64) -> Rgb {
    let f = if fog.is_finite() { fog.clamp(0.0, 1.0) } else { 0.0 };
    let mix = |v: u8| (v as f64 + (255.0 - v as f64) * f).round() as u8;
    Rgb(mix(c.0), mix(c.1), mix(c.2))
}

/// Perspective size factor of a point projected as `q`: its pixels per unit
/// relative to those at the origin, within [`SIZE_SCALE_LIMITS`].
pub fn size_scale(projector: &Projector, q: &Projected) -> f64 {
    let reference = projector.project_f64([0.0; 3]).map_or(q.px_per_unit, |o| o.px_per_unit);
    let s = q.px_per_unit / reference;
    if s.is_finite() {
        s.clamp(SIZE_SCALE_LIMITS.0, SIZE_SCALE_LIMITS.1)
    } else {
        1.0
    }
}

fn to64(p: [f32; 3]) -> [f64; 3] {
    p.map(f64::from)
}

/// Draws the whole 3D plot onto `root`, whose size must be the projector's
/// canvas (device pixels). All three coordinates of every point are used;
/// `eval` must be the scene's evaluation (its `d_ap` sizes the spheres).
pub fn draw_plot3d<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scene: &Scene,
    eval: &KmEvaluation,
    projector: &Projector,
    options: &PlotOptions,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let dpr = projector.dpr() * options.emphasis();
    let px = |css: f64| (css * dpr).round().max(1.0) as u32;
    let font = |css: f64| ("sans-serif", css * dpr);
    root.fill(&colour(palette::BACKGROUND))?;

    // Margin spheres around A, fills first so the grid stays visible on top.
    let a = to64(scene.anchor);
    let ring_i = options.ring_positive.min(eval.k().saturating_sub(1));
    let rings = margin_rings(eval.d_ap.get(ring_i).copied().unwrap_or(0.0), eval.alpha);
    let (outer, inner) = (silhouette(projector, a, rings.outer), silhouette(projector, a, rings.inner));
    if let Some(disc) = &outer {
        root.draw(&Polygon::new(
            disc.clone(),
            colour(palette::SEMI_HARD).mix(palette::SEMI_HARD_FILL_OPACITY).filled(),
        ))?;
    }
    if let Some(disc) = &inner {
        root.draw(&Polygon::new(disc.clone(), WHITE.filled()))?;
        root.draw(&Polygon::new(disc.clone(), colour(palette::HARD).mix(palette::HARD_FILL_OPACITY).filled()))?;
    }

    // Floor grid on z = 0, then the axes with ticks at integers and end labels.
    let grid = colour(palette::GRID).stroke_width(px(1.0));
    for i in -2..=2 {
        let (t, e) = (i as f64, AXIS_EXTENT);
        let lines = [segment(projector, [t, -e, 0.0], [t, e, 0.0]), segment(projector, [-e, t, 0.0], [e, t, 0.0])];
        for line in lines.into_iter().flatten() {
            root.draw(&PathElement::new(line.to_vec(), grid))?;
        }
    }
    let axis = colour(palette::AXIS);
    for (k, name) in ["x", "y", "z"].into_iter().enumerate() {
        let along = |t: f64| {
            let mut p = [0.0; 3];
            p[k] = t;
            p
        };
        let Some([from, to]) = segment(projector, along(-AXIS_EXTENT), along(AXIS_EXTENT)) else { continue };
        root.draw(&PathElement::new(vec![from, to], axis.mix(0.8).stroke_width(px(1.5))))?;
        let (dx, dy) = ((to.0 - from.0) as f64, (to.1 - from.1) as f64);
        let len = dx.hypot(dy);
        for tick in (-2..=2).filter(|&t| t != 0 && len >= 1.0) {
            if let Some(q) = projector.project_f64(along(tick as f64)) {
                let (nx, ny) = (-dy / len * 4.0 * dpr, dx / len * 4.0 * dpr);
                let ends = vec![px_at(q.x - nx, q.y - ny), px_at(q.x + nx, q.y + ny)];
                root.draw(&PathElement::new(ends, axis.stroke_width(px(1.0))))?;
            }
        }
        if let Some(q) = projector.project_f64(along(AXIS_EXTENT + 0.3)) {
            let style = font(15.0).into_font().color(&axis).pos(Pos::new(HPos::Center, VPos::Center));
            root.draw(&Text::new(name.to_string(), px_at(q.x, q.y), style))?;
        }
    }

    // Sphere outlines (√d_ap solid, √(d_ap + α) dashed, as in 2D) and equators.
    let (hard, band) = (colour(palette::HARD), colour(palette::SEMI_HARD));
    if let Some(disc) = inner {
        root.draw(&PathElement::new(disc, hard.stroke_width(px(2.0))))?;
    }
    if let Some(disc) = outer {
        root.draw(&DashedPathElement::new(disc, px(7.0), px(5.0), band.stroke_width(px(2.0))))?;
    }
    for run in equator(projector, a, rings.inner) {
        root.draw(&PathElement::new(run, hard.mix(0.5).stroke_width(px(1.0))))?;
    }
    for run in equator(projector, a, rings.outer) {
        root.draw(&DashedPathElement::new(run, px(5.0), px(4.0), band.mix(0.5).stroke_width(px(1.0))))?;
    }

    // Faint background points (every face's embedding), back to front.
    let mut cloud: Vec<(Projected, Rgb)> =
        options.cloud.iter().filter_map(|(p, c)| Some((projector.project(*p)?, *c))).collect();
    cloud.sort_by(|x, y| y.0.depth.total_cmp(&x.0.depth));
    for (q, c) in cloud {
        let r = (CLOUD_RADIUS_CSS * dpr * size_scale(projector, &q)).round().max(1.0) as i32;
        let fill = colour(shade(c, depth_fog(projector, q.depth))).mix(CLOUD_OPACITY);
        root.draw(&Circle::new(px_at(q.x, q.y), r, fill.filled()))?;
    }

    // Segments from A to every positive and negative.
    let classes = negative_classes(eval, ring_i);
    for (i, p) in scene.positives.iter().enumerate() {
        let (width, opacity) = positive_segment(options, ring_i, i);
        if let Some(seg) = segment(projector, a, to64(*p)) {
            let style = colour(palette::POSITIVE).mix(opacity).stroke_width(px(width));
            root.draw(&PathElement::new(seg.to_vec(), style))?;
        }
    }
    for (j, n) in scene.negatives.iter().enumerate() {
        let (width, opacity) = negative_segment(options, j);
        let class = classes.get(j).copied().unwrap_or(NegativeClass::Hard);
        let style = colour(palette::negative_class_colour(class)).mix(opacity);
        if let Some(seg) = segment(projector, a, to64(*n)) {
            root.draw(&DashedPathElement::new(seg, px(6.0), px(4.0), style.stroke_width(px(width))))?;
        }
    }

    // Gradient arrows (scene-unit displacements), projected from each point.
    for ((_, p), v) in scene.points().iter().zip(&options.arrows) {
        let (base, v) = (to64(*p), to64(*v));
        let tip = [base[0] + v[0], base[1] + v[1], base[2] + v[2]];
        let Some(b) = projector.project_f64(base) else { continue };
        let Some([_, t]) = segment(projector, base, tip) else { continue };
        let (x0, y0) = px_at(b.x, b.y);
        let (dx, dy) = ((t.0 - x0) as f64, (t.1 - y0) as f64);
        if let Some([shaft, head]) = arrow_pixels(x0, y0, dx, dy, px(11.0) as f64) {
            let style = colour(ARROW).stroke_width(px(2.5));
            root.draw(&PathElement::new(shaft, style))?;
            root.draw(&PathElement::new(head, style))?;
        }
    }

    // Points back to front (anchor last among equals, so it is never hidden).
    let mut points = scene.points();
    points.rotate_left(1);
    let mut ordered: Vec<(PointId, Projected)> =
        points.into_iter().filter_map(|(id, p)| Some((id, projector.project(p)?))).collect();
    ordered.sort_by(|x, y| y.1.depth.total_cmp(&x.1.depth));
    for (id, q) in ordered {
        let class = match id {
            PointId::Negative(j) => classes.get(j).copied(),
            _ => None,
        };
        let fill = colour(shade(palette::point_colour(id.role(), class), depth_fog(projector, q.depth)));
        let s = size_scale(projector, &q);
        let grow = if options.highlight == Some(id) { 3.0 } else { 0.0 };
        let rr = ((POINT_RADIUS_CSS + grow) * dpr * s).round().max(2.0) as i32;
        let scaled = |css: f64| (css * dpr * s).round().max(1.0) as i32;
        let at = px_at(q.x, q.y);
        match id.role() {
            Role::Anchor => {
                root.draw(&Circle::new(at, rr, fill.filled()))?;
                root.draw(&Circle::new(at, rr + scaled(4.0), fill.stroke_width(px(2.0))))?;
            }
            Role::Positive => {
                root.draw(&Circle::new(at, rr, fill.filled()))?;
                root.draw(&Circle::new(at, rr, WHITE.stroke_width(px(2.0))))?;
            }
            Role::Negative => {
                let d = rr + scaled(2.0);
                let diamond = vec![(at.0, at.1 - d), (at.0 + d, at.1), (at.0, at.1 + d), (at.0 - d, at.1)];
                root.draw(&Polygon::new(diamond, fill.filled()))?;
            }
        }
        let offset = (at.0 + rr + px(5.0) as i32, at.1 - rr - px(14.0) as i32);
        root.draw(&Text::new(id.to_string(), offset, font(17.0).into_font().color(&fill)))?;
    }
    root.present()?;
    Ok(())
}
