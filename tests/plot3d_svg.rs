//! The 3D chart drawn natively to SVG: points land exactly where the shared
//! projector says (so the HTML handles sit on them) for several camera poses
//! and DPRs, labels are drawn, negatives take their class colour, nearer
//! points are drawn larger, and extreme scenes still give finite output.

use plotters::prelude::*;
use tripletlab::chart::palette::{self, Rgb};
use tripletlab::chart::plot2d::PlotOptions;
use tripletlab::chart::plot3d::{depth_fog, draw_plot3d, shade};
use tripletlab::geom::camera::{OrbitCamera, Projector};
use tripletlab::state::{Dim, PointId, Preset, Scene};

fn render(scene: &Scene, camera: &OrbitCamera, w: u32, h: u32, dpr: f64, options: &PlotOptions) -> (String, Projector) {
    let pr = Projector::new(camera, w, h, dpr);
    let mut svg = String::new();
    {
        let root = SVGBackend::with_string(&mut svg, (w, h)).into_drawing_area();
        draw_plot3d(&root, scene, &scene.evaluate(), &pr, options).unwrap();
    }
    (svg, pr)
}

fn scene3d() -> Scene {
    let mut s = Preset::Start.scene();
    s.dim = Dim::Three;
    s
}

/// The attributes of every `<tag .../>` element, as (name, value) pairs.
fn elements(svg: &str, tag: &str) -> Vec<Vec<(String, String)>> {
    svg.split(&format!("<{tag} "))
        .skip(1)
        .map(|e| {
            let body = e.split("/>").next().unwrap_or("");
            body.split("\" ")
                .filter_map(|kv| kv.split_once("=\""))
                .map(|(k, v)| (k.trim().to_string(), v.trim_end_matches('"').to_string()))
                .collect()
        })
        .collect()
}

fn attr<'a>(e: &'a [(String, String)], name: &str) -> &'a str {
    e.iter().find(|(k, _)| k == name).map_or("", |(_, v)| v.as_str())
}

fn fill_is(e: &[(String, String)], c: Rgb) -> bool {
    attr(e, "fill").eq_ignore_ascii_case(&c.hex())
}

/// `(cx, cy, r)` of every `<circle>` filled with `c`.
fn circles_filled(svg: &str, c: Rgb) -> Vec<(f64, f64, f64)> {
    let num = |e: &[(String, String)], n: &str| attr(e, n).parse::<f64>().unwrap();
    elements(svg, "circle")
        .iter()
        .filter(|e| fill_is(e, c))
        .map(|e| (num(e, "cx"), num(e, "cy"), num(e, "r")))
        .collect()
}

/// The colour a point of base colour `c` at `p` is drawn with (depth fade).
fn drawn_colour(pr: &Projector, c: Rgb, p: [f32; 3]) -> Rgb {
    shade(c, depth_fog(pr, pr.project(p).unwrap().depth))
}

fn poses() -> Vec<OrbitCamera> {
    let r = f64::to_radians;
    vec![
        OrbitCamera::default(),
        OrbitCamera { yaw: r(-120.0), pitch: r(60.0), distance: 6.0, fov_y: r(50.0) },
        OrbitCamera { yaw: r(170.0), pitch: r(-30.0), distance: 14.0, fov_y: r(35.0) },
    ]
}

#[test]
fn points_are_drawn_where_the_projector_projects_them() {
    let mut scene = scene3d();
    scene.set_point(PointId::Anchor, [0.3, -0.2, 0.5]);
    scene.set_point(PointId::Positive(0), [0.6, 0.4, -0.3]);
    for camera in poses() {
        for (w, h, dpr) in [(640, 480, 1.0), (1280, 960, 2.0), (500, 700, 1.5)] {
            let (svg, pr) = render(&scene, &camera, w, h, dpr, &PlotOptions::default());
            for (c, p) in [(palette::ANCHOR, scene.anchor), (palette::POSITIVE, scene.positives[0])] {
                let q = pr.project(p).unwrap();
                let found = circles_filled(&svg, drawn_colour(&pr, c, p));
                assert!(
                    found.iter().any(|(x, y, _)| (x - q.x).abs() <= 1.0 && (y - q.y).abs() <= 1.0),
                    "{c:?} point expected at ({:.1}, {:.1}), circles at {found:?} ({camera:?}, {w}x{h}@{dpr})",
                    q.x,
                    q.y
                );
            }
        }
    }
}

#[test]
fn labels_and_axes_are_drawn() {
    let (svg, _) = render(&scene3d(), &OrbitCamera::default(), 640, 480, 1.0, &PlotOptions::default());
    let flat: String = svg.split('\n').map(str::trim).collect();
    for label in [">A</text>", ">P1</text>", ">N1</text>", ">x</text>", ">y</text>", ">z</text>"] {
        assert!(flat.contains(label), "label {label} missing");
    }
}

/// Whether a 4-vertex polygon (a diamond) filled with `c` is centred on `p`.
fn diamond_at(svg: &str, pr: &Projector, c: Rgb, p: [f32; 3]) -> bool {
    let q = pr.project(p).unwrap();
    elements(svg, "polygon").iter().filter(|e| fill_is(e, c)).any(|e| {
        let v: Vec<(f64, f64)> = attr(e, "points")
            .split_whitespace()
            .filter_map(|xy| xy.split_once(','))
            .map(|(x, y)| (x.parse().unwrap(), y.parse().unwrap()))
            .collect();
        let (mx, my) = (v.iter().map(|p| p.0).sum::<f64>() / 4.0, v.iter().map(|p| p.1).sum::<f64>() / 4.0);
        v.len() == 4 && (mx - q.x).abs() <= 1.0 && (my - q.y).abs() <= 1.0
    })
}

#[test]
fn negatives_take_their_class_colour() {
    let scene = scene3d(); // N1 is semi-hard there
    for camera in poses() {
        let (svg, pr) = render(&scene, &camera, 800, 600, 1.0, &PlotOptions::default());
        let n = scene.negatives[0];
        assert!(diamond_at(&svg, &pr, drawn_colour(&pr, palette::SEMI_HARD, n), n), "{camera:?}");

        let mut easy = scene.clone();
        easy.set_point(PointId::Negative(0), [-1.5, -1.5, 1.2]);
        let (svg, pr) = render(&easy, &camera, 800, 600, 1.0, &PlotOptions::default());
        let n = easy.negatives[0];
        assert!(diamond_at(&svg, &pr, drawn_colour(&pr, palette::EASY, n), n), "{camera:?}");
    }
}

#[test]
fn nearer_points_are_drawn_larger() {
    // The default eye is above the +x, −y quadrant: P1 is near it, P2 across the origin.
    let camera = OrbitCamera::default();
    let mut scene = scene3d();
    scene.positives = vec![[1.5, -1.5, 0.5], [-1.5, 1.5, -0.5]];
    assert!(camera.eye().x > 0.0 && camera.eye().y < 0.0);
    let (svg, pr) = render(&scene, &camera, 800, 600, 2.0, &PlotOptions::default());
    let radius = |p: [f32; 3]| {
        let q = pr.project(p).unwrap();
        let found = circles_filled(&svg, drawn_colour(&pr, palette::POSITIVE, p));
        found.iter().find(|(x, y, _)| (x - q.x).abs() <= 1.0 && (y - q.y).abs() <= 1.0).unwrap().2
    };
    let (near, far) = (radius(scene.positives[0]), radius(scene.positives[1]));
    assert!(near > far, "near r = {near}, far r = {far}");

    let highlighted = PlotOptions { highlight: Some(PointId::Positive(1)), ..PlotOptions::default() };
    let (svg_h, _) = render(&scene, &camera, 800, 600, 2.0, &highlighted);
    let p = scene.positives[1];
    let q = pr.project(p).unwrap();
    let grown = circles_filled(&svg_h, drawn_colour(&pr, palette::POSITIVE, p));
    assert!(grown.iter().any(|&(x, y, r)| (x - q.x).abs() <= 1.0 && (y - q.y).abs() <= 1.0 && r > far));
}

#[test]
fn arrows_start_at_their_points() {
    let scene = scene3d();
    let options = PlotOptions { arrows: vec![[0.0, 0.0, 0.8], [0.0; 3], [-0.5, 0.2, 0.0]], ..PlotOptions::default() };
    let (svg, pr) = render(&scene, &OrbitCamera::default(), 800, 600, 1.0, &options);
    let arrow = palette::ANCHOR.hex();
    let starts: Vec<String> = elements(&svg, "polyline")
        .iter()
        .filter(|e| attr(e, "stroke").eq_ignore_ascii_case(&arrow))
        .map(|e| attr(e, "points").split_whitespace().next().unwrap_or("").to_string())
        .collect();
    for p in [scene.anchor, scene.negatives[0]] {
        let q = pr.project(p).unwrap();
        assert!(starts.contains(&format!("{},{}", q.x.round(), q.y.round())), "{p:?} not in {starts:?}");
    }
    let up = pr.project([0.0, 0.0, 0.8]).unwrap();
    assert!(up.y < pr.project(scene.anchor).unwrap().y, "z up points up the screen");
}

#[test]
fn extreme_scenes_stay_finite() {
    let mut corners = scene3d();
    corners.set_alpha(2.0);
    corners.set_point(PointId::Anchor, [2.0, 2.0, 2.0]);
    corners.set_point(PointId::Positive(0), [-2.0, -2.0, -2.0]);
    corners.set_point(PointId::Negative(0), [2.0, 2.0, 2.0]);
    let mut coincident = scene3d();
    for (id, _) in coincident.points() {
        coincident.set_point(id, [-2.0, 2.0, -2.0]);
    }
    let near = OrbitCamera { distance: 0.0, pitch: 10.0, ..OrbitCamera::default() };
    let huge = PlotOptions { arrows: vec![[1e30, -1e30, 1e30]; 3], highlight_pair: Some((0, 0)), ..Default::default() };
    for scene in [corners, coincident] {
        for camera in [near, OrbitCamera { yaw: f64::NAN, ..OrbitCamera::default() }] {
            for dpr in [f64::NAN, 0.0, 3.0] {
                let (svg, _) = render(&scene, &camera, 1, 1, dpr, &huge);
                let lower = svg.to_ascii_lowercase();
                assert!(!lower.contains("nan") && !lower.contains("inf"), "{scene:?} {camera:?}");
                let (svg, _) = render(&scene, &camera, 300, 200, dpr, &huge);
                assert!(svg.contains("A\n</text>"), "{scene:?} {camera:?}");
            }
        }
    }
}

#[test]
fn cloud_points_are_drawn_faintly_where_they_project() {
    let scene = scene3d();
    let camera = OrbitCamera::default();
    let c = palette::identity_colour(3);
    let cloud = vec![([0.0, 0.0, 1.0], c), ([0.6, -0.8, 0.0], c), ([f32::NAN, 0.0, 0.0], c)];
    let (svg, pr) = render(&scene, &camera, 800, 600, 1.0, &PlotOptions { cloud, ..PlotOptions::default() });
    for p in [[0.0, 0.0, 1.0], [0.6, -0.8, 0.0]] {
        let q = pr.project(p).unwrap();
        let found = circles_filled(&svg, drawn_colour(&pr, c, p));
        assert!(found.iter().any(|&(x, y, r)| (x - q.x).abs() <= 1.0 && (y - q.y).abs() <= 1.0 && r < 8.0), "{p:?}");
    }
    let (plain, _) = render(&scene, &camera, 800, 600, 1.0, &PlotOptions::default());
    assert!(circles_filled(&plain, drawn_colour(&pr, c, [0.0, 0.0, 1.0])).is_empty());
    assert!(!svg.to_ascii_lowercase().contains("nan"));
}
