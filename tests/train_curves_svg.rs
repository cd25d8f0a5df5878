//! The training curves and the embedding sphere drawn natively to SVG: both
//! runs' curves are present in their colours, values land on the pixels
//! the layout gives (checked by hand on a made-up history), NaN is never
//! drawn, and an empty history draws the axes only.

use plotters::prelude::*;
use tripletlab::chart::palette::{identity_colour, Rgb};
use tripletlab::chart::sphere::{draw_sphere, sphere_camera};
use tripletlab::chart::train_curves::{
    curves_layout, draw_train_curves, step_axis_max, value_range, CurveLabels, CurveSeries, Panel, PanelFrame,
    MARGIN_COLOUR, NO_MARGIN_COLOUR,
};
use tripletlab::geom::camera::Projector;
use tripletlab::net::session::RunHistory;

const LABELS: CurveLabels = CurveLabels { loss: "loss", active: "active", accuracy: "accuracy", step: "step" };

fn render(series: &[CurveSeries], w: u32, h: u32, dpr: f64) -> (String, [PanelFrame; 3]) {
    let mut svg = String::new();
    let frames = {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        draw_train_curves(&root, series, &LABELS, dpr).unwrap()
    };
    (svg, frames)
}

/// The points of every `<polyline>` stroked in `colour`.
fn polylines(svg: &str, colour: Rgb) -> Vec<Vec<(i32, i32)>> {
    let hex = colour.hex().to_ascii_uppercase();
    svg.split("<polyline")
        .skip(1)
        .map(|p| p.split("/>").next().unwrap_or(""))
        .filter(|p| p.to_ascii_uppercase().contains(&format!("STROKE=\"{hex}\"")))
        .map(|p| {
            let start = p.find("points=\"").unwrap() + 8;
            p[start..]
                .split('"')
                .next()
                .unwrap()
                .split_whitespace()
                .map(|xy| {
                    let (x, y) = xy.split_once(',').unwrap();
                    (x.parse().unwrap(), y.parse().unwrap())
                })
                .collect()
        })
        .collect()
}

/// Whether `svg` has a `<text>` element reading exactly `text`.
fn has_text(svg: &str, text: &str) -> bool {
    svg.contains(&format!(">\n{text}\n<"))
}

fn history(alpha: f32, loss: &[f64], active: &[f64], accuracy: &[(u64, f64)]) -> RunHistory {
    RunHistory { alpha, loss: loss.to_vec(), fraction_active: active.to_vec(), accuracy: accuracy.to_vec() }
}

#[test]
fn both_runs_are_drawn_in_their_colours_with_a_legend() {
    let zero = history(0.0, &[0.03, 0.01, 0.0, 0.0], &[0.4, 0.2, 0.05, 0.0], &[(0, 0.85), (2, 0.88), (4, 0.9)]);
    let margin = history(0.2, &[0.18, 0.15, 0.13, 0.12], &[0.9, 0.7, 0.5, 0.4], &[(0, 0.85), (2, 0.93), (4, 0.96)]);
    let series = [
        CurveSeries { label: "α = 0", colour: NO_MARGIN_COLOUR, history: &zero },
        CurveSeries { label: "α = 0.2", colour: MARGIN_COLOUR, history: &margin },
    ];
    let (svg, _) = render(&series, 900, 260, 1.0);
    for colour in [NO_MARGIN_COLOUR, MARGIN_COLOUR] {
        let lines = polylines(&svg, colour);
        // A legend swatch (2 points) and one 4- or 3-point curve per panel.
        assert_eq!(lines.len(), 4, "{colour:?}: {lines:?}");
        assert_eq!(lines.iter().map(Vec::len).collect::<Vec<_>>(), [2, 4, 4, 3]);
    }
    for text in ["α = 0", "α = 0.2", "loss", "active", "accuracy", "step"] {
        assert!(has_text(&svg, text), "{text}");
    }
    assert!(!svg.contains("NaN"));
}

#[test]
fn values_land_on_the_pixels_of_the_layout() {
    // Side by side at 1200 × 300, dpr 1: each cell is 400 wide; frames
    // start 44 px into the cell and end 12 px before it; the top is the
    // 26 px legend + 22 px title, the bottom 22 px above the canvas edge.
    let h = history(0.2, &[0.5, 0.25, f64::NAN, 0.0, 0.1], &[1.0, 0.5, 0.5, 0.0, 0.25], &[(0, 0.9), (5, 1.0)]);
    let series = [CurveSeries { label: "α = 0.2", colour: MARGIN_COLOUR, history: &h }];
    let (svg, frames) = render(&series, 1200, 300, 1.0);
    assert_eq!(frames, curves_layout(1200, 300, 1.0, &series));
    let loss = frames[0];
    assert_eq!((loss.left, loss.top, loss.right, loss.bottom), (44.0, 48.0, 388.0, 278.0));
    assert_eq!(loss.x_max, 10.0);
    assert_eq!(loss.y_range, (0.0, 0.55));
    assert_eq!(frames[1].y_range, (0.0, 1.0));
    assert_eq!(frames[2].y_range, (0.8, 1.0));
    assert_eq!((frames[1].left, frames[2].left), (444.0, 844.0));

    let lines = polylines(&svg, MARGIN_COLOUR);
    // Legend, the loss curve broken at NaN into [1, 2] and [4, 5], the
    // fraction curve, the accuracy curve.
    assert_eq!(lines.len(), 5, "{lines:?}");
    let x = |f: &PanelFrame, step: f64| (f.left + step / 10.0 * (f.right - f.left)).round() as i32;
    let y =
        |f: &PanelFrame, v: f64| (f.bottom - (v - f.y_range.0) / (f.y_range.1 - f.y_range.0) * 230.0).round() as i32;
    assert_eq!(lines[1], [(x(&loss, 1.0), y(&loss, 0.5)), (x(&loss, 2.0), y(&loss, 0.25))]);
    assert_eq!(lines[1][0], (78, 69)); // 44 + 0.1 · 344 = 78.4; 278 − 0.5 / 0.55 · 230 = 68.9
    assert_eq!(lines[2], [(x(&loss, 4.0), 278), (x(&loss, 5.0), y(&loss, 0.1))]);
    let active = frames[1];
    assert_eq!(lines[3][0], (x(&active, 1.0), 48), "fraction 1 at the top");
    assert_eq!(lines[3][3], (x(&active, 4.0), 278), "fraction 0 at the bottom");
    let acc = frames[2];
    assert_eq!(lines[4], [(844, y(&acc, 0.9)), (x(&acc, 5.0), 48)]);
    assert_eq!(lines[4][0].1, 163); // halfway between 0.8 and 1
    assert!(!svg.contains("NaN"));
}

#[test]
fn an_empty_history_draws_the_axes_only() {
    let h = RunHistory { alpha: 0.0, ..RunHistory::default() };
    let series = [CurveSeries { label: "α = 0", colour: NO_MARGIN_COLOUR, history: &h }];
    let (svg, frames) = render(&series, 390, 600, 2.0);
    // 195 CSS px wide: stacked panels.
    assert!(frames[0].bottom < frames[1].top && frames[1].bottom < frames[2].top);
    assert_eq!(polylines(&svg, NO_MARGIN_COLOUR).len(), 1, "the legend swatch only");
    assert!(has_text(&svg, "0") && has_text(&svg, "10"), "step ticks 0 … 10");
    assert_eq!(value_range(Panel::Loss, &series), (0.0, 0.06));
    let (svg, _) = render(&[], 800, 300, 1.0);
    assert!(has_text(&svg, "loss") && !svg.contains("NaN"));
}

#[test]
fn the_step_axis_grows_in_round_steps() {
    assert_eq!(
        [0.0, 10.0, 11.0, 20.0, 21.0, 120.0, 501.0].map(step_axis_max),
        [10.0, 10.0, 20.0, 20.0, 50.0, 200.0, 1000.0]
    );
}

#[test]
fn the_sphere_draws_every_finite_point_in_its_identity_colour() {
    let (w, h) = (240, 240);
    let projector = Projector::new(&sphere_camera(), w, h, 1.0);
    // Identity 2 sits on the point of the sphere facing the camera.
    let eye = sphere_camera().eye().coords.normalize();
    let front = [eye.x as f32, eye.y as f32, eye.z as f32];
    let points = [1.0, 0.0, 0.0, 0.0, 1.0, 0.0, front[0], front[1], front[2], f32::NAN, 0.0, 0.0, 0.0, -1.0, 0.0];
    let ids = [0, 1, 2, 3, 4];
    let mut svg = String::new();
    let drawn = {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        draw_sphere(&root, &projector, &points, &ids).unwrap()
    };
    assert_eq!(drawn, 4, "the NaN row is skipped");
    assert_eq!(svg.matches("<circle").count(), 4);
    // The front point is drawn last, unfaded, in the middle of the canvas.
    let top = projector.project(front).unwrap();
    let hex = identity_colour(2).hex().to_ascii_uppercase();
    let dot = svg.split("<circle").find(|c| c.to_ascii_uppercase().contains(&hex)).expect("identity 2 in its colour");
    assert!(dot.contains(&format!("cx=\"{}\"", top.x.round())) && dot.contains(&format!("cy=\"{}\"", top.y.round())));
    assert!((top.x - 120.0).abs() < 1.0 && (top.y - 120.0).abs() < 40.0, "{top:?}");
    assert!(svg.rsplit("<circle").next().unwrap().contains(&hex), "the front dot is drawn last");
    assert!(!svg.contains("NaN"));
}
