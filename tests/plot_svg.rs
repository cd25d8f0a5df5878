//! The 2D chart drawn natively to SVG: points land exactly where the shared
//! viewport says (so the HTML handles sit on them), labels are drawn, and
//! negatives take their class colour.

use plotters::prelude::*;
use tripletlab::chart::palette;
use tripletlab::chart::plot2d::{draw_plot2d, PlotOptions};
use tripletlab::geom::viewport::Viewport;
use tripletlab::state::{Preset, Scene};

fn render(scene: &Scene, w: u32, h: u32, dpr: f64) -> (String, Viewport) {
    let vp = Viewport::fit(w, h, dpr);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        draw_plot2d(&root, scene, &scene.evaluate(), &vp, &PlotOptions::default()).unwrap();
    }
    (svg, vp)
}

/// `(cx, cy)` of every `<circle>` whose fill is `colour`.
fn circles_filled(svg: &str, colour: palette::Rgb) -> Vec<(f64, f64)> {
    let hex = colour.hex().to_ascii_uppercase();
    svg.split("<circle")
        .skip(1)
        .filter(|c| c.split("/>").next().unwrap_or("").to_ascii_uppercase().contains(&format!("FILL=\"{hex}\"")))
        .map(|c| {
            let attr = |name: &str| -> f64 {
                let start = c.find(&format!("{name}=\"")).unwrap() + name.len() + 2;
                c[start..].split('"').next().unwrap().parse().unwrap()
            };
            (attr("cx"), attr("cy"))
        })
        .collect()
}

#[test]
fn points_are_drawn_where_the_viewport_projects_them() {
    for (w, h, dpr) in [(640, 480, 1.0), (1280, 960, 2.0), (500, 700, 1.5)] {
        let scene = Preset::Start.scene();
        let (svg, vp) = render(&scene, w, h, dpr);
        for (colour, p) in [(palette::ANCHOR, scene.anchor), (palette::POSITIVE, scene.positives[0])] {
            let (ex, ey) = vp.project(p[0] as f64, p[1] as f64);
            let found = circles_filled(&svg, colour);
            assert!(
                found.iter().any(|(x, y)| (x - ex).abs() <= 1.0 && (y - ey).abs() <= 1.0),
                "{colour:?} point expected at ({ex:.1}, {ey:.1}), circles at {found:?} ({w}x{h}@{dpr})"
            );
        }
    }
}

#[test]
fn labels_and_class_colours_are_drawn() {
    let scene = Preset::Start.scene(); // N1 is semi-hard there
    let (svg, _) = render(&scene, 640, 480, 1.0);
    let flat: String = svg.split('\n').map(str::trim).collect();
    for label in [">A</text>", ">P1</text>", ">N1</text>"] {
        assert!(flat.contains(label), "label {label} missing");
    }
    let upper = svg.to_ascii_uppercase();
    assert!(upper.contains(&format!("FILL=\"{}\"", palette::SEMI_HARD.hex().to_ascii_uppercase())));

    let mut easy = scene.clone();
    easy.set_point(tripletlab::state::PointId::Negative(0), [-1.5, -1.5, 0.0]);
    let (svg, _) = render(&easy, 640, 480, 1.0);
    assert!(svg.to_ascii_uppercase().contains(&format!("FILL=\"{}\"", palette::EASY.hex().to_ascii_uppercase())));
}
