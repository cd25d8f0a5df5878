//! The training curves: loss per step, fraction of active triplets per step
//! and held-out verification accuracy, for one run or two (α = 0 and
//! α = 0.2 in two colours, with a legend).
//!
//! Drawn in device pixels straight onto the drawing area (no
//! `ChartBuilder`): [`curves_layout`] fixes every panel's frame and value
//! ranges, and [`PanelFrame::px`] is the one mapping from (step, value) to
//! pixels, so tests can check where a value lands. Non-finite values are
//! never drawn: a curve breaks around them.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::palette::{self, Rgb};
use crate::net::session::RunHistory;

/// Colour of the α = 0 run (amber: the margin is missing).
pub const NO_MARGIN_COLOUR: Rgb = Rgb(0xd9, 0x77, 0x06);
/// Colour of a run with a margin (blue).
pub const MARGIN_COLOUR: Rgb = Rgb(0x1d, 0x4e, 0xd8);
/// Below this many CSS pixels of width the panels are stacked, not side by side.
pub const STACK_BELOW_CSS: f64 = 720.0;
/// Height of the legend strip in CSS pixels.
pub const LEGEND_CSS: f64 = 26.0;
/// Space for the y tick labels, CSS pixels.
const LEFT_CSS: f64 = 44.0;
/// Space for the panel title above the frame, CSS pixels.
const TITLE_CSS: f64 = 22.0;
/// Space for the x tick labels below the frame, CSS pixels.
const BOTTOM_CSS: f64 = 22.0;
/// Gap to the right of each frame, CSS pixels.
const RIGHT_CSS: f64 = 12.0;

/// The colour of a run with margin `alpha`.
pub fn run_colour(alpha: f32) -> Rgb {
    if alpha == 0.0 {
        NO_MARGIN_COLOUR
    } else {
        MARGIN_COLOUR
    }
}

/// One run to draw.
#[derive(Clone, Copy, Debug)]
pub struct CurveSeries<'a> {
    /// Legend text, e.g. "α = 0".
    pub label: &'a str,
    /// Line colour.
    pub colour: Rgb,
    /// The run's history.
    pub history: &'a RunHistory,
}

/// The translated texts of the chart.
#[derive(Clone, Copy, Debug)]
pub struct CurveLabels<'a> {
    /// Title of the loss panel.
    pub loss: &'a str,
    /// Title of the active-fraction panel.
    pub active: &'a str,
    /// Title of the accuracy panel.
    pub accuracy: &'a str,
    /// Name of the x axis.
    pub step: &'a str,
}

/// Which quantity a panel shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Panel {
    /// Batch loss per step.
    Loss,
    /// Fraction of active triplets per step.
    Active,
    /// Held-out verification accuracy every few steps.
    Accuracy,
}

/// The panels in drawing order.
pub const PANELS: [Panel; 3] = [Panel::Loss, Panel::Active, Panel::Accuracy];

/// Where a panel is drawn and what its axes span.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct PanelFrame {
    /// The quantity shown.
    pub panel: Panel,
    /// Left edge of the frame (value axis), device pixels.
    pub left: f64,
    /// Top edge of the frame, device pixels.
    pub top: f64,
    /// Right edge of the frame, device pixels.
    pub right: f64,
    /// Bottom edge of the frame (step axis), device pixels.
    pub bottom: f64,
    /// The step at the right edge (the left edge is step 0).
    pub x_max: f64,
    /// The values at the bottom and at the top edge.
    pub y_range: (f64, f64),
}

impl PanelFrame {
    /// Device pixel of the value `value` at step `step` (clamped into the frame).
    pub fn px(&self, step: f64, value: f64) -> (i32, i32) {
        let tx = (step / self.x_max).clamp(0.0, 1.0);
        let ty = ((value - self.y_range.0) / (self.y_range.1 - self.y_range.0)).clamp(0.0, 1.0);
        let x = self.left + tx * (self.right - self.left);
        let y = self.bottom - ty * (self.bottom - self.top);
        (x.round() as i32, y.round() as i32)
    }
}

/// The smallest of 10, 20, 50, 100, 200, 500, … that is at least `steps`.
pub fn step_axis_max(steps: f64) -> f64 {
    let mut unit = 10.0;
    loop {
        for m in [1.0, 2.0, 5.0] {
            if m * unit >= steps {
                return m * unit;
            }
        }
        unit *= 10.0;
    }
}

/// The largest finite value of `values`, if any.
fn finite_max(values: impl Iterator<Item = f64>) -> Option<f64> {
    values.filter(|v| v.is_finite()).fold(None, |m, v| Some(m.map_or(v, |m: f64| m.max(v))))
}

/// Value range of `panel` for `series`: loss from 0 to a little above its
/// largest value (at least 0.05), the fraction from 0 to 1, the accuracy
/// from 0.8 (lower in steps of 0.05 if needed) to 1.
pub fn value_range(panel: Panel, series: &[CurveSeries]) -> (f64, f64) {
    match panel {
        Panel::Loss => {
            let max = finite_max(series.iter().flat_map(|s| s.history.loss.iter().copied())).unwrap_or(0.0);
            (0.0, (max.max(0.05) * 110.0 - 1e-6).ceil() / 100.0)
        }
        Panel::Active => (0.0, 1.0),
        Panel::Accuracy => {
            let min =
                finite_max(series.iter().flat_map(|s| s.history.accuracy.iter().map(|a| -a.1))).map_or(1.0, |m| -m);
            (((min * 20.0).floor() / 20.0).clamp(0.0, 0.8), 1.0)
        }
    }
}

/// The panels' frames on a `width × height` canvas at `dpr`: a legend strip
/// on top, then three panels side by side, or stacked when the canvas is
/// narrower than [`STACK_BELOW_CSS`].
pub fn curves_layout(width: u32, height: u32, dpr: f64, series: &[CurveSeries]) -> [PanelFrame; 3] {
    let dpr = if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 };
    let (w, h) = (f64::from(width.max(1)), f64::from(height.max(1)));
    let stacked = w / dpr < STACK_BELOW_CSS;
    let legend = LEGEND_CSS * dpr;
    let steps = series
        .iter()
        .map(|s| s.history.loss.len().max(s.history.accuracy.last().map_or(0, |a| a.0 as usize)))
        .max()
        .unwrap_or(0);
    let x_max = step_axis_max(steps as f64);
    let mut i = 0;
    PANELS.map(|panel| {
        let (cell_x, cell_y, cell_w, cell_h) = if stacked {
            let ch = (h - legend) / 3.0;
            (0.0, legend + i as f64 * ch, w, ch)
        } else {
            let cw = w / 3.0;
            (i as f64 * cw, legend, cw, h - legend)
        };
        i += 1;
        PanelFrame {
            panel,
            left: cell_x + LEFT_CSS * dpr,
            top: cell_y + TITLE_CSS * dpr,
            right: (cell_x + cell_w - RIGHT_CSS * dpr).max(cell_x + LEFT_CSS * dpr + 1.0),
            bottom: (cell_y + cell_h - BOTTOM_CSS * dpr).max(cell_y + TITLE_CSS * dpr + 1.0),
            x_max,
            y_range: value_range(panel, series),
        }
    })
}

/// The (step, value) points of `series` in `panel`, in order; non-finite
/// values included (the drawing breaks the line there).
pub fn panel_points(panel: Panel, history: &RunHistory) -> Vec<(f64, f64)> {
    let per_step = |v: &[f64]| v.iter().enumerate().map(|(i, &y)| ((i + 1) as f64, y)).collect();
    match panel {
        Panel::Loss => per_step(&history.loss),
        Panel::Active => per_step(&history.fraction_active),
        Panel::Accuracy => history.accuracy.iter().map(|&(s, a)| (s as f64, a)).collect(),
    }
}

fn colour(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

/// Draws the legend and the three panels onto `root` (`dpr` device pixels
/// per CSS pixel) and returns the frames used.
pub fn draw_train_curves<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    series: &[CurveSeries],
    labels: &CurveLabels,
    dpr: f64,
) -> Result<[PanelFrame; 3], DrawingAreaErrorKind<DB::ErrorType>> {
    let dpr = if dpr.is_finite() && dpr > 0.0 { dpr } else { 1.0 };
    let (width, height) = root.dim_in_pixel();
    let frames = curves_layout(width, height, dpr, series);
    let px = |css: f64| (css * dpr).round() as i32;
    let font = |css: f64| ("sans-serif", css * dpr);
    let axis = colour(palette::AXIS);
    root.fill(&colour(palette::BACKGROUND))?;

    // Legend: a short line and the label of each run.
    let mut x = px(LEFT_CSS);
    for s in series {
        let y = px(LEGEND_CSS / 2.0);
        root.draw(&PathElement::new(vec![(x, y), (x + px(22.0), y)], colour(s.colour).stroke_width(px(3.0) as u32)))?;
        let style = font(13.0).into_font().color(&axis).pos(Pos::new(HPos::Left, VPos::Center));
        root.draw(&Text::new(s.label.to_string(), (x + px(28.0), y), style))?;
        x += px(28.0 + 14.0 + 8.0 * s.label.chars().count() as f64);
    }

    for frame in &frames {
        draw_panel(root, frame, series, labels, dpr)?;
    }
    Ok(frames)
}

fn draw_panel<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    f: &PanelFrame,
    series: &[CurveSeries],
    labels: &CurveLabels,
    dpr: f64,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    let px = |css: f64| (css * dpr).round() as i32;
    let font = |css: f64| ("sans-serif", css * dpr);
    let axis = colour(palette::AXIS);
    let grid = colour(palette::GRID);
    let (l, t, r, b) = (f.left.round() as i32, f.top.round() as i32, f.right.round() as i32, f.bottom.round() as i32);
    let title = match f.panel {
        Panel::Loss => labels.loss,
        Panel::Active => labels.active,
        Panel::Accuracy => labels.accuracy,
    };
    let title_style = font(13.0).into_font().color(&axis).pos(Pos::new(HPos::Left, VPos::Bottom));
    root.draw(&Text::new(title.to_string(), (l, t - px(6.0)), title_style))?;

    // Grid and value ticks at the bottom, middle and top.
    let (y0, y1) = f.y_range;
    for k in 0..3 {
        let v = y0 + (y1 - y0) * k as f64 / 2.0;
        let (_, y) = f.px(0.0, v);
        root.draw(&PathElement::new(vec![(l, y), (r, y)], grid.stroke_width(1)))?;
        let style = font(11.0).into_font().color(&axis).pos(Pos::new(HPos::Right, VPos::Center));
        let text = if f.panel == Panel::Loss && y1 < 0.2 { format!("{v:.3}") } else { format!("{v:.2}") };
        root.draw(&Text::new(text, (l - px(5.0), y), style))?;
    }
    // Step ticks at 0, the middle and the end.
    for k in 0..3 {
        let s = f.x_max * k as f64 / 2.0;
        let (x, _) = f.px(s, y0);
        root.draw(&PathElement::new(vec![(x, b), (x, b + px(4.0))], axis.stroke_width(1)))?;
        let style = font(11.0).into_font().color(&axis).pos(Pos::new(HPos::Center, VPos::Top));
        root.draw(&Text::new(format!("{s:.0}"), (x, b + px(5.0)), style))?;
    }
    // The axis name between the middle and the last tick.
    let style = font(11.0).into_font().color(&axis).pos(Pos::new(HPos::Center, VPos::Top));
    root.draw(&Text::new(labels.step.to_string(), (f.px(0.75 * f.x_max, y0).0, b + px(5.0)), style))?;
    root.draw(&PathElement::new(vec![(l, t), (l, b), (r, b)], axis.stroke_width(px(1.0).max(1) as u32)))?;

    // The curves, broken around non-finite values.
    for s in series {
        let style = colour(s.colour).stroke_width(px(2.0).max(1) as u32);
        let points = panel_points(f.panel, s.history);
        for run in points.split(|p| !(p.0.is_finite() && p.1.is_finite())) {
            match run {
                [] => {}
                [one] => {
                    root.draw(&Circle::new(f.px(one.0, one.1), px(2.0), colour(s.colour).filled()))?;
                }
                _ => root.draw(&PathElement::new(run.iter().map(|p| f.px(p.0, p.1)).collect::<Vec<_>>(), style))?,
            }
        }
    }
    Ok(())
}
