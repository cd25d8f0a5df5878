//! The 2D plot: axes, grid, margin regions around A, the A–P / A–N segments
//! and the labelled points. Generic over plotters' `DrawingBackend`, so the
//! browser draws it on a canvas and the tests draw it as SVG.

use plotters::coord::Shift;
use plotters::element::DashedPathElement;
use plotters::prelude::*;

use super::palette::{self, Rgb};
use crate::geom::regions::{classify, margin_rings, NegativeClass};
use crate::geom::viewport::Viewport;
use crate::loss::multi::KmEvaluation;
use crate::state::{PointId, Role, Scene};

/// Radius of a drawn point in CSS pixels.
pub const POINT_RADIUS_CSS: f64 = 9.0;
/// Vertices used to draw a circle in scene coordinates.
const CIRCLE_SEGMENTS: usize = 144;

/// Drawing options the scene does not hold (shared by the 2D and 3D plots).
#[derive(Clone, Debug, PartialEq, Default)]
pub struct PlotOptions {
    /// Which positive's rings (spheres in 3D) are drawn around A (0-based).
    pub ring_positive: usize,
    /// A point to emphasise (hovered or focused).
    pub highlight: Option<PointId>,
    /// A (positive, negative) pair to emphasise (heat-map hover), 0-based.
    pub highlight_pair: Option<(usize, usize)>,
    /// Arrows to draw, one per point in `Scene::points()` order, as
    /// displacement vectors in scene units (e.g. the scaled −∂L/∂x);
    /// empty for none. Zero vectors draw nothing.
    pub arrows: Vec<[f32; 3]>,
    /// Extra scale for lines, points and text (presentation mode: > 1;
    /// 0 or non-finite counts as 1).
    pub emphasis: f64,
    /// Faint background points (3D only), e.g. every face's embedding
    /// coloured by identity, drawn behind the scene's points.
    pub cloud: Vec<([f32; 3], Rgb)>,
}

impl PlotOptions {
    /// The emphasis factor to use (1 when unset or invalid), at most 3.
    pub fn emphasis(&self) -> f64 {
        if self.emphasis.is_finite() && self.emphasis > 0.0 {
            self.emphasis.min(3.0)
        } else {
            1.0
        }
    }
}

/// Width (CSS px) and opacity of the segment from A to positive `i`:
/// thickest for a heat-map pair, thicker for the positive whose rings are
/// drawn, faded while another pair is emphasised. Shared by 2D and 3D.
pub fn positive_segment(options: &PlotOptions, ring_positive: usize, i: usize) -> (f64, f64) {
    let on = options.highlight_pair.is_some_and(|(pi, _)| pi == i);
    let width = if on {
        5.0
    } else if i == ring_positive {
        3.0
    } else {
        1.5
    };
    (width, segment_opacity(options, on))
}

/// Width (CSS px) and opacity of the segment from A to negative `j`.
pub fn negative_segment(options: &PlotOptions, j: usize) -> (f64, f64) {
    let on = options.highlight_pair.is_some_and(|(_, nj)| nj == j);
    (if on { 5.0 } else { 2.5 }, segment_opacity(options, on))
}

fn segment_opacity(options: &PlotOptions, on: bool) -> f64 {
    if options.highlight_pair.is_some() && !on {
        0.25
    } else {
        1.0
    }
}

/// Colour of gradient arrows.
pub const ARROW: Rgb = palette::ANCHOR;

/// Pixel polyline of an arrow from `(x0, y0)` by `(dx, dy)` (pixels) with a
/// head of `head` pixels; `None` when the arrow is shorter than a pixel.
pub fn arrow_pixels(x0: i32, y0: i32, dx: f64, dy: f64, head: f64) -> Option<[Vec<(i32, i32)>; 2]> {
    let len = (dx * dx + dy * dy).sqrt();
    if !len.is_finite() || len < 1.0 {
        return None;
    }
    let (ux, uy) = (dx / len, dy / len);
    let tip = (x0 as f64 + dx, y0 as f64 + dy);
    let head = head.min(len * 0.6);
    let wing = |sign: f64| {
        let (c, s) = (0.42_f64.cos(), sign * 0.42_f64.sin());
        let (rx, ry) = (-(ux * c - uy * s), -(ux * s + uy * c));
        ((tip.0 + rx * head).round() as i32, (tip.1 + ry * head).round() as i32)
    };
    let t = (tip.0.round() as i32, tip.1.round() as i32);
    Some([vec![(x0, y0), t], vec![wing(1.0), t, wing(-1.0)]])
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn circle_path(cx: f64, cy: f64, r: f64) -> Vec<(f64, f64)> {
    (0..=CIRCLE_SEGMENTS)
        .map(|i| {
            let t = i as f64 / CIRCLE_SEGMENTS as f64 * std::f64::consts::TAU;
            (cx + r * t.cos(), cy + r * t.sin())
        })
        .collect()
}

/// The class of every negative with respect to positive `ring_positive`.
pub fn negative_classes(eval: &KmEvaluation, ring_positive: usize) -> Vec<NegativeClass> {
    let d_ap = eval.d_ap.get(ring_positive).copied().unwrap_or(0.0);
    eval.d_an.iter().map(|&d_an| classify(d_ap, d_an, eval.alpha)).collect()
}

/// Draws the whole 2D plot onto `root`, which must be `viewport.width × viewport.height`.
pub fn draw_plot2d<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    scene: &Scene,
    eval: &KmEvaluation,
    viewport: &Viewport,
    options: &PlotOptions,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let scale = viewport.dpr * options.emphasis();
    let px = |css: f64| (css * scale).round().max(1.0) as u32;
    let font = |css: f64| ("sans-serif", css * scale);
    root.fill(&colour(palette::BACKGROUND))?;

    let mut chart = ChartBuilder::on(root)
        .margin(viewport.margin)
        .x_label_area_size(viewport.bottom_labels)
        .y_label_area_size(viewport.left_labels)
        .build_cartesian_2d(viewport.x_range.0..viewport.x_range.1, viewport.y_range.0..viewport.y_range.1)?;

    // Regions first, so the grid stays visible on top of their light fills.
    let (ax, ay) = (scene.anchor[0] as f64, scene.anchor[1] as f64);
    let ring_i = options.ring_positive.min(eval.k().saturating_sub(1));
    let rings = margin_rings(eval.d_ap.get(ring_i).copied().unwrap_or(0.0), eval.alpha);
    let band = colour(palette::SEMI_HARD).mix(palette::SEMI_HARD_FILL_OPACITY);
    let hard = colour(palette::HARD).mix(palette::HARD_FILL_OPACITY);
    chart.draw_series(std::iter::once(Polygon::new(circle_path(ax, ay, rings.outer), band.filled())))?;
    chart.draw_series(std::iter::once(Polygon::new(circle_path(ax, ay, rings.inner), WHITE.filled())))?;
    chart.draw_series(std::iter::once(Polygon::new(circle_path(ax, ay, rings.inner), hard.filled())))?;

    chart
        .configure_mesh()
        .label_style(font(13.0).into_font().color(&colour(palette::AXIS)))
        .bold_line_style(colour(palette::GRID).stroke_width(px(1.0)))
        .light_line_style(colour(palette::GRID).mix(0.45).stroke_width(px(1.0)))
        .axis_style(colour(palette::AXIS).stroke_width(px(1.0)))
        .draw()?;

    // Axes through the origin, a little stronger than the grid.
    let origin_axis = colour(palette::AXIS).mix(0.35).stroke_width(px(1.0));
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(viewport.x_range.0, 0.0), (viewport.x_range.1, 0.0)],
        origin_axis,
    )))?;
    chart.draw_series(std::iter::once(PathElement::new(
        vec![(0.0, viewport.y_range.0), (0.0, viewport.y_range.1)],
        origin_axis,
    )))?;

    // Ring outlines: √d_ap solid, √(d_ap + α) dashed.
    chart.draw_series(std::iter::once(PathElement::new(
        circle_path(ax, ay, rings.inner),
        colour(palette::HARD).stroke_width(px(2.0)),
    )))?;
    chart.draw_series(std::iter::once(DashedPathElement::new(
        circle_path(ax, ay, rings.outer),
        px(7.0),
        px(5.0),
        colour(palette::SEMI_HARD).stroke_width(px(2.0)),
    )))?;

    // Segments from A to every positive and negative.
    let classes = negative_classes(eval, ring_i);
    for (i, p) in scene.positives.iter().enumerate() {
        let (width, opacity) = positive_segment(options, ring_i, i);
        let seg = vec![(ax, ay), (p[0] as f64, p[1] as f64)];
        let style = colour(palette::POSITIVE).mix(opacity).stroke_width(px(width));
        chart.draw_series(std::iter::once(PathElement::new(seg, style)))?;
    }
    for (j, n) in scene.negatives.iter().enumerate() {
        let (width, opacity) = negative_segment(options, j);
        let c = colour(palette::negative_class_colour(classes[j])).mix(opacity);
        let seg = vec![(ax, ay), (n[0] as f64, n[1] as f64)];
        chart.draw_series(std::iter::once(DashedPathElement::new(seg, px(6.0), px(4.0), c.stroke_width(px(width)))))?;
    }

    // Gradient arrows (−∂L/∂x, scaled by the caller), from each point.
    let scale = viewport.scale();
    for ((_, p), v) in scene.points().iter().zip(&options.arrows) {
        let (dx, dy) = (v[0] as f64 * scale, -(v[1] as f64) * scale);
        if let Some([shaft, head]) = arrow_pixels(0, 0, dx, dy, px(11.0) as f64) {
            let style = colour(ARROW).stroke_width(px(2.5));
            let at = (p[0] as f64, p[1] as f64);
            chart.draw_series(std::iter::once(
                EmptyElement::at(at) + PathElement::new(shaft, style) + PathElement::new(head, style),
            ))?;
        }
    }

    // Points on top, anchor last so it is never hidden.
    let r = px(POINT_RADIUS_CSS) as i32;
    let mut ordered = scene.points();
    ordered.rotate_left(1);
    for (id, p) in ordered {
        let class = match id {
            PointId::Negative(j) => classes.get(j).copied(),
            _ => None,
        };
        let fill = colour(palette::point_colour(id.role(), class));
        let at = (p[0] as f64, p[1] as f64);
        let rr = if options.highlight == Some(id) { r + px(3.0) as i32 } else { r };
        let ring = px(2.0);
        match id.role() {
            Role::Anchor => chart.draw_series(std::iter::once(
                EmptyElement::at(at)
                    + Circle::new((0, 0), rr, fill.filled())
                    + Circle::new((0, 0), rr + px(4.0) as i32, fill.stroke_width(ring)),
            ))?,
            Role::Positive => chart.draw_series(std::iter::once(
                EmptyElement::at(at)
                    + Circle::new((0, 0), rr, fill.filled())
                    + Circle::new((0, 0), rr, WHITE.stroke_width(ring)),
            ))?,
            Role::Negative => {
                let d = rr + px(2.0) as i32;
                chart.draw_series(std::iter::once(
                    EmptyElement::at(at) + Polygon::new(vec![(0, -d), (d, 0), (0, d), (-d, 0)], fill.filled()),
                ))?
            }
        };
        let offset = (rr + px(5.0) as i32, -rr - px(14.0) as i32);
        let label = Text::new(id.to_string(), offset, font(17.0).into_font().color(&fill));
        chart.draw_series(std::iter::once(EmptyElement::at(at) + label))?;
    }
    root.present()?;
    Ok(())
}
