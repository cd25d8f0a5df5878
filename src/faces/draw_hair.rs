//! Hair (and the headscarf): a back part drawn behind the head and a front
//! part drawn over the forehead. Outer edges stay put when the head turns;
//! hairlines and partings follow the face part of the way.

use super::colour::Rgb;
use super::draw::Face;
use super::paint::{radial, Layer};
use super::shape::{ellipse, polygon, smooth_closed, smooth_closed_many, smooth_open, Head, Pt};
use super::traits::HairStyle;
use tiny_skia::FillRule;

/// How much hairlines follow the face when the head turns.
const HAIRLINE_SHARE: f32 = 0.8;

/// Points on the cranium ellipse scaled by `k`, from angle `a0` to `a1`
/// (degrees; 0 at the top, 90 at the right side, clockwise), fixed.
fn arc(h: &Head, k: f32, a0: f32, a1: f32, n: usize) -> Vec<Pt> {
    (0..=n)
        .map(|i| {
            let a = (a0 + (a1 - a0) * i as f32 / n as f32).to_radians();
            h.fixed(k * a.sin(), -k * a.cos())
        })
        .collect()
}

/// Face-relative points that follow the turn partly (hairlines).
fn line(h: &Head, pts: &[(f32, f32)]) -> Vec<Pt> {
    pts.iter().map(|&(u, v)| h.partial(u, v, HAIRLINE_SHARE)).collect()
}

/// Fixed face-relative points (hair volume).
fn fixed(h: &Head, pts: &[(f32, f32)]) -> Vec<Pt> {
    pts.iter().map(|&(u, v)| h.fixed(u, v)).collect()
}

/// A hairline from the right temple to the left one at height `top`.
fn hairline(h: &Head, top: f32, temple: f32) -> Vec<Pt> {
    line(
        h,
        &[
            (0.97, temple),
            (0.92, -0.22),
            (0.7, top + 0.1),
            (0.3, top + 0.02),
            (-0.15, top - 0.03),
            (-0.5, top - 0.02),
            (-0.8, top + 0.16),
            (-0.95, -0.2),
            (-0.97, temple),
        ],
    )
}

/// A lighter sheen across the top of the hair.
fn sheen(layer: &mut Layer, f: &Face, k: f32, a0: f32, a1: f32) {
    let c = f.t.hair_colour.mix(Rgb(255, 250, 240), 0.35);
    layer.stroke(smooth_open(&arc(&f.head, k, a0, a1, 6)), c, 0.35, f.head.hw * 0.12);
}

/// A few thin strands that give the hair direction.
fn strands(layer: &mut Layer, f: &Face, lines: &[&[Pt]]) {
    let c = if f.t.hair_colour.luma() < 0.25 {
        f.t.hair_colour.mix(Rgb(255, 255, 255), 0.2)
    } else {
        f.t.hair_colour.scale(0.75)
    };
    for pts in lines {
        layer.stroke(smooth_open(pts), c, 0.45, f.head.hw * 0.035);
    }
}

/// The headscarf's outer outline.
fn scarf_outline(h: &Head) -> Vec<Pt> {
    let mut pts = arc(h, 1.14, -112.0, 112.0, 12);
    pts.extend(fixed(
        h,
        &[(1.2, 0.6), (1.14, 1.05), (1.45, 1.5), (1.6, 1.95), (-1.6, 1.95), (-1.45, 1.5), (-1.14, 1.05), (-1.2, 0.6)],
    ));
    pts
}

/// Hair behind the head (long hair, bob, curls, bun, the scarf's back).
pub fn back(layer: &mut Layer, f: &Face) {
    let h = f.head;
    let c = f.t.hair_colour;
    let dark = c.scale(0.8);
    match f.t.hair_style {
        HairStyle::Curly | HairStyle::LongCurly => {
            let long = f.t.hair_style == HairStyle::LongCurly;
            let centre = h.fixed(0.0, if long { 0.12 } else { -0.2 });
            let (rx, ry) = if long { (1.42 * h.hw, 1.3 * h.hh) } else { (1.34 * h.hw, 0.98 * h.hh) };
            layer.fill(ellipse(centre, rx, ry), dark, 1.0);
            for (i, p) in super::shape::ellipse_points(centre, rx, ry, 22).into_iter().enumerate() {
                let r = h.hw * if i.is_multiple_of(2) { 0.17 } else { 0.14 };
                layer.fill(ellipse(p, r, r), dark, 1.0);
            }
        }
        HairStyle::Bob => {
            let mut pts = arc(&h, 1.12, -95.0, 95.0, 10);
            pts.extend(fixed(&h, &[(1.2, 0.35), (1.18, 0.8), (0.9, 0.86), (-0.9, 0.86), (-1.18, 0.8), (-1.2, 0.35)]));
            layer.fill(smooth_closed(&pts), dark, 1.0);
        }
        HairStyle::Fringe | HairStyle::Long => {
            let end = if f.t.hair_style == HairStyle::Long { 1.75 } else { 1.3 };
            let mut pts = arc(&h, 1.12, -95.0, 95.0, 10);
            pts.extend(fixed(
                &h,
                &[(1.25, 0.5), (1.25, end - 0.2), (1.0, end), (-1.0, end), (-1.25, end - 0.2), (-1.25, 0.5)],
            ));
            layer.fill(smooth_closed(&pts), dark.scale(0.85), 1.0);
        }
        HairStyle::Headscarf => layer.fill(smooth_closed(&scarf_outline(&h)), c.scale(0.85), 1.0),
        _ => {}
    }
}

/// Hair over the forehead and the sides of the head.
pub fn front(layer: &mut Layer, f: &Face) {
    let h = f.head;
    let c = f.t.hair_colour;
    match f.t.hair_style {
        HairStyle::Bald => {
            for s in [-1.0f32, 1.0] {
                let pts = fixed(
                    &h,
                    &[(s * 0.9, -0.5), (s * 1.04, -0.3), (s * 1.05, 0.05), (s * 0.97, 0.14), (s * 0.94, -0.15)],
                );
                layer.fill(smooth_closed(&pts), c, 0.9);
            }
            let shine = h.fixed(-0.3, -0.72);
            layer.fill_shader(
                ellipse(shine, h.hw * 0.3, h.hh * 0.16),
                radial(shine, h.hw * 0.3, Rgb(255, 255, 255), 0.35),
            );
        }
        HairStyle::Buzz => {
            let mut pts = arc(&h, 1.03, -100.0, 100.0, 12);
            pts.extend(hairline(&h, -0.66, 0.1));
            let buzz = if c.luma() > 0.45 { c.scale(0.85) } else { c };
            layer.fill(smooth_closed(&pts), buzz, 0.93);
            let stubble = buzz.mix(f.skin, 0.5);
            layer.stroke(smooth_open(&hairline(&h, -0.66, 0.1)), stubble, 0.7, h.hw * 0.06);
        }
        HairStyle::Crop => {
            let mut pts = arc(&h, 1.09, -100.0, 100.0, 12);
            pts.extend(hairline(&h, -0.6, 0.12));
            layer.fill(smooth_closed(&pts), c, 1.0);
            sheen(layer, f, 0.9, -40.0, 20.0);
            let part = line(&h, &[(-0.42, -0.63), (-0.44, -0.78), (-0.46, -0.9)]);
            layer.stroke(smooth_open(&part), c.scale(0.55), 0.8, h.hw * 0.04);
            let a = line(&h, &[(-0.35, -0.62), (0.2, -0.75), (0.75, -0.5)]);
            strands(layer, f, &[&a]);
        }
        HairStyle::Quiff => {
            let mut pts = arc(&h, 1.06, -100.0, -45.0, 5);
            pts.extend(fixed(&h, &[(-0.5, -1.16), (-0.05, -1.27), (0.42, -1.2), (0.74, -0.93)]));
            pts.extend(arc(&h, 1.06, 50.0, 100.0, 5));
            pts.extend(hairline(&h, -0.64, 0.1));
            layer.fill(smooth_closed(&pts), c, 1.0);
            let a = line(&h, &[(-0.5, -0.66), (-0.2, -1.06), (0.3, -1.16)]);
            let b = line(&h, &[(0.0, -0.68), (0.25, -1.0), (0.6, -1.05)]);
            strands(layer, f, &[&a, &b]);
        }
        HairStyle::Spiky => {
            let mut pts: Vec<Pt> = (0..=20usize)
                .map(|i| {
                    let a = (-100.0 + 10.0 * i as f32).to_radians();
                    let k = if !i.is_multiple_of(2) && (3..=17).contains(&i) { 1.24 } else { 1.06 };
                    h.fixed(k * a.sin(), -k * a.cos())
                })
                .collect();
            pts.extend(hairline(&h, -0.62, 0.1));
            layer.fill(polygon(&pts), c, 1.0);
        }
        HairStyle::Curly | HairStyle::LongCurly => {
            let mut pts = arc(&h, 1.1, -100.0, 100.0, 12);
            let line_pts = hairline(&h, -0.58, 0.2);
            pts.extend(line_pts.iter().copied());
            layer.fill(smooth_closed(&pts), c, 1.0);
            for w in line_pts.windows(2) {
                let p = ((w[0].0 + w[1].0) / 2.0, (w[0].1 + w[1].1) / 2.0);
                layer.fill(ellipse(p, h.hw * 0.1, h.hw * 0.1), c, 1.0);
            }
            let curl = c.mix(Rgb(255, 255, 255), 0.18);
            for (i, &(u, v)) in [
                (-0.6, -0.8),
                (-0.2, -0.95),
                (0.25, -0.9),
                (0.65, -0.75),
                (0.0, -0.75),
                (-1.1, -0.2),
                (1.1, -0.3),
                (-1.2, 0.3),
                (1.2, 0.25),
            ]
            .iter()
            .enumerate()
            {
                let p = h.fixed(u, v);
                let r = h.hw * if i.is_multiple_of(2) { 0.09 } else { 0.07 };
                layer.stroke(smooth_open(&[(p.0 - r, p.1), (p.0, p.1 - r), (p.0 + r, p.1)]), curl, 0.3, h.hw * 0.04);
            }
        }
        HairStyle::Pixie => {
            let mut pts = arc(&h, 1.1, -105.0, 105.0, 12);
            pts.extend(line(
                &h,
                &[
                    (0.97, 0.28),
                    (0.93, -0.1),
                    (0.75, -0.36),
                    (0.3, -0.42),
                    (-0.2, -0.52),
                    (-0.6, -0.62),
                    (-0.88, -0.4),
                    (-0.97, 0.28),
                ],
            ));
            layer.fill(smooth_closed(&pts), c, 1.0);
            sheen(layer, f, 0.92, -45.0, 15.0);
            let a = line(&h, &[(-0.7, -0.75), (-0.1, -0.62), (0.5, -0.45)]);
            let b = line(&h, &[(-0.4, -0.95), (0.2, -0.78), (0.75, -0.5)]);
            strands(layer, f, &[&a, &b]);
        }
        HairStyle::Bob => {
            let mut pts = arc(&h, 1.12, -95.0, 95.0, 10);
            pts.extend(fixed(&h, &[(1.2, 0.35), (1.17, 0.8)]));
            pts.extend(line(
                &h,
                &[
                    (1.02, 0.86),
                    (0.93, 0.55),
                    (0.93, 0.1),
                    (0.82, -0.3),
                    (0.5, -0.56),
                    (0.1, -0.7),
                    (-0.3, -0.56),
                    (-0.7, -0.38),
                    (-0.92, -0.05),
                    (-0.93, 0.55),
                    (-1.02, 0.86),
                ],
            ));
            pts.extend(fixed(&h, &[(-1.17, 0.8), (-1.2, 0.35)]));
            layer.fill(smooth_closed(&pts), c, 1.0);
            sheen(layer, f, 0.95, -50.0, 10.0);
            let a = line(&h, &[(0.1, -0.72), (-0.5, -0.55), (-0.95, 0.1)]);
            let b = line(&h, &[(0.1, -0.72), (0.7, -0.55), (1.05, 0.2)]);
            strands(layer, f, &[&a, &b]);
        }
        HairStyle::Fringe | HairStyle::Long => {
            let long = f.t.hair_style == HairStyle::Long;
            let end = if long { 1.75 } else { 1.3 };
            let mut pts = arc(&h, 1.12, -95.0, 95.0, 10);
            pts.extend(fixed(&h, &[(1.24, 0.5), (1.26, end - 0.25), (1.1, end)]));
            let inner: &[(f32, f32)] = if long {
                &[
                    (0.98, end - 0.3),
                    (0.95, 0.7),
                    (0.94, 0.15),
                    (0.85, -0.28),
                    (0.5, -0.6),
                    (0.0, -0.78),
                    (-0.5, -0.6),
                    (-0.85, -0.28),
                    (-0.94, 0.15),
                    (-0.95, 0.7),
                    (-0.98, end - 0.3),
                ]
            } else {
                &[
                    (0.98, end - 0.3),
                    (0.94, 0.5),
                    (0.9, -0.05),
                    (0.82, -0.3),
                    (0.4, -0.35),
                    (0.0, -0.36),
                    (-0.4, -0.35),
                    (-0.82, -0.3),
                    (-0.9, -0.05),
                    (-0.94, 0.5),
                    (-0.98, end - 0.3),
                ]
            };
            pts.extend(line(&h, inner));
            pts.extend(fixed(&h, &[(-1.1, end), (-1.26, end - 0.25), (-1.24, 0.5)]));
            layer.fill(smooth_closed(&pts), c, 1.0);
            sheen(layer, f, 0.96, -55.0, 5.0);
            if long {
                let a = line(&h, &[(0.0, -0.8), (-0.7, -0.55), (-1.05, 0.4), (-1.12, 1.3)]);
                let b = line(&h, &[(0.0, -0.8), (0.7, -0.55), (1.05, 0.4), (1.12, 1.3)]);
                strands(layer, f, &[&a, &b]);
            } else {
                let bangs: Vec<Vec<Pt>> =
                    [-0.45f32, -0.1, 0.25, 0.6].iter().map(|&u| line(&h, &[(u, -0.9), (u + 0.04, -0.42)])).collect();
                let refs: Vec<&[Pt]> = bangs.iter().map(|v| v.as_slice()).collect();
                strands(layer, f, &refs);
            }
        }
        HairStyle::Bun => {
            let mut pts = arc(&h, 1.04, -98.0, 98.0, 12);
            pts.extend(line(
                &h,
                &[
                    (0.96, 0.1),
                    (0.9, -0.25),
                    (0.6, -0.56),
                    (0.2, -0.65),
                    (-0.2, -0.65),
                    (-0.6, -0.56),
                    (-0.9, -0.25),
                    (-0.96, 0.1),
                ],
            ));
            layer.fill(smooth_closed(&pts), c, 1.0);
            let a = line(&h, &[(-0.5, -0.6), (-0.3, -0.9), (-0.05, -1.0)]);
            let b = line(&h, &[(0.5, -0.6), (0.3, -0.9), (0.05, -1.0)]);
            strands(layer, f, &[&a, &b]);
            let bun = h.fixed(0.0, -1.08);
            let r = h.hw * 0.28;
            layer.fill(ellipse(bun, r, r * 0.88), c, 1.0);
            layer.stroke(ellipse(bun, r, r * 0.88), c.scale(0.6), 0.8, h.hw * 0.04);
            layer.stroke(
                smooth_open(&[
                    (bun.0 - r * 0.6, bun.1 - r * 0.2),
                    (bun.0, bun.1 - r * 0.5),
                    (bun.0 + r * 0.6, bun.1 - r * 0.1),
                ]),
                c.mix(Rgb(255, 255, 255), 0.25),
                0.5,
                h.hw * 0.05,
            );
        }
        HairStyle::Headscarf => {
            let opening = line(
                &h,
                &[
                    (0.0, -0.62),
                    (0.62, -0.52),
                    (0.9, -0.12),
                    (0.92, 0.38),
                    (0.72, 0.78),
                    (0.36, 0.99),
                    (0.0, 1.05),
                    (-0.36, 0.99),
                    (-0.72, 0.78),
                    (-0.92, 0.38),
                    (-0.9, -0.12),
                    (-0.62, -0.52),
                ],
            );
            let scarf = smooth_closed_many(&[scarf_outline(&h), opening.clone()]);
            layer.fill_rule(scarf, c, 1.0, FillRule::EvenOdd);
            // Hem around the face and two folds.
            let mut hem = opening;
            hem.push(hem[0]);
            layer.stroke(smooth_open(&hem), c.scale(0.75), 0.9, h.hw * 0.06);
            for s in [-1.0f32, 1.0] {
                let fold = fixed(&h, &[(s * 1.05, -0.4), (s * 1.1, 0.4), (s * 1.0, 1.1), (s * 1.3, 1.6)]);
                layer.stroke(smooth_open(&fold), c.scale(0.7), 0.6, h.hw * 0.05);
            }
            sheen(layer, f, 1.02, -50.0, 10.0);
        }
    }
}
