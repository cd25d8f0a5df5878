//! The facial features: eyes, brows, nose and mouth. Each is laid out
//! frontally in design units around its anchor and
//! then mapped through the head's turn, so far-side features narrow.

use super::colour::Rgb;
use super::draw::Face;
use super::paint::{radial, Layer};
use super::shape::{ellipse, lens, smooth_closed, smooth_open, Pt};
use super::traits::EyeShape;

/// Where the features sit, in face-relative `(u, v)` units.
pub struct Layout {
    /// Eye line.
    pub eye_v: f32,
    /// Distance of each eye centre from the midline.
    pub eye_u: f32,
    /// Brow line.
    pub brow_v: f32,
    /// Bottom of the nose.
    pub nose_v: f32,
    /// Mouth line.
    pub mouth_v: f32,
}

/// The feature positions of `f`.
pub fn layout(f: &Face) -> Layout {
    let eye_v = 0.04;
    let brow_v = eye_v - 0.2;
    let nose_v = (brow_v + f.t.nose_length * 2.0).min(0.52);
    let mouth_v = (nose_v + 0.21).min(0.74);
    Layout { eye_v, eye_u: f.t.eye_spacing, brow_v, nose_v, mouth_v }
}

/// Maps frontal offsets (design units) around face point `(u, v)` through the turn.
pub fn mapper<'a>(f: &'a Face, u: f32, v: f32) -> impl Fn(f32, f32) -> Pt + 'a {
    let h = f.head;
    move |dx, dy| h.face(u + dx / h.hw, v + dy / h.hh)
}

/// Dark colour for lash lines and pupils that suits the person.
fn ink(f: &Face) -> Rgb {
    f.t.brow_colour.mix(Rgb(20, 14, 12), 0.6)
}

/// Both eyes: white, iris, pupil and glint, lids that close with
/// `eye_openness`, a lower lid that rises with the smile.
pub fn eyes(layer: &mut Layer, f: &Face) {
    let l = layout(f);
    let h = f.head;
    let a = f.t.eye_size * h.hw;
    let (up, low, lift) = match f.t.eye_shape {
        EyeShape::Almond => (0.56, 0.34, 0.12),
        EyeShape::Round => (0.7, 0.46, 0.0),
        EyeShape::Narrow => (0.42, 0.24, 0.14),
        EyeShape::Hooded => (0.52, 0.32, -0.04),
    };
    let (up, low, lift) = (up * a, low * a * (1.0 - 0.35 * f.v.smile), lift * a);
    let open = f.v.eye_openness.clamp(0.0, 1.0);
    let lid_open = if f.t.eye_shape == EyeShape::Hooded { open.min(0.75) } else { open };
    for s in [-1.0f32, 1.0] {
        let m = mapper(f, s * l.eye_u, l.eye_v);
        let inner = m(-s * a, 0.06 * a);
        let outer = m(s * a, -lift);
        let upper = |k: f32| {
            vec![
                inner,
                m(-s * 0.5 * a, -up * 0.86 * k),
                m(s * 0.1 * a, -up * k),
                m(s * 0.6 * a, -up * 0.76 * k - lift * 0.5),
                outer,
            ]
        };
        let lower: Vec<Pt> =
            vec![outer, m(s * 0.5 * a, low * 0.8), m(-s * 0.1 * a, low), m(-s * 0.6 * a, low * 0.7), inner];
        // Crease above the eye.
        let crease = upper(1.55).into_iter().map(|p| (p.0, p.1 - a * 0.12)).collect::<Vec<_>>();
        layer.stroke(smooth_open(&crease[1..4]), f.skin.scale(0.72), 0.45, a * 0.12);
        if open < 0.12 {
            // Closed: a soft lash curve, slightly sagging.
            let lid = vec![inner, m(-s * 0.4 * a, low * 0.35), m(s * 0.2 * a, low * 0.42), outer];
            layer.stroke(smooth_open(&lid), ink(f), 0.95, a * 0.26);
            continue;
        }
        let white = lens(&upper(1.0), &lower);
        let mask = layer.mask(white.as_ref());
        layer.fill(white, Rgb(244, 240, 234), 1.0);
        if let Some(mask) = mask {
            let r = a * 0.5;
            let squeeze = h.squeeze(s * l.eye_u).clamp(0.3, 1.2);
            let c = m(h.sin_yaw() * a * 0.25, -(up - low) * 0.2);
            layer.fill_masked(ellipse(c, r * squeeze, r), f.t.iris, 1.0, &mask);
            layer.fill_masked(ellipse(c, r * 0.5 * squeeze, r * 0.5), Rgb(16, 12, 12), 1.0, &mask);
            let glint = (c.0 + r * 0.35, c.1 - r * 0.35);
            layer.fill_masked(ellipse(glint, r * 0.26, r * 0.26), Rgb(255, 255, 255), 0.9, &mask);
        }
        // Lower lid.
        layer.stroke(smooth_open(&lower), f.skin.scale(0.7), 0.5, a * 0.1);
        // Upper lid: skin comes down to the lid edge, then the lash line.
        let lid_edge: Vec<Pt> = if lid_open < 0.98 {
            let k = 1.3 * lid_open - 0.3;
            let peak = -up * k;
            vec![
                inner,
                m(-s * 0.5 * a, peak * 0.86),
                m(s * 0.1 * a, peak),
                m(s * 0.6 * a, peak * 0.76 - lift * 0.5),
                outer,
            ]
        } else {
            upper(1.0)
        };
        if lid_open < 0.98 {
            let mut cover = lid_edge.clone();
            cover.extend(upper(1.25).into_iter().rev().skip(1).take(3));
            layer.fill(smooth_closed(&cover), f.skin.scale(0.94), 1.0);
        }
        layer.stroke(smooth_open(&lid_edge), ink(f), 1.0, a * 0.24);
        // A small lash flick at the outer corner.
        let flick = smooth_open(&[m(s * 0.75 * a, -up * 0.55), m(s * 1.08 * a, -lift - a * 0.16)]);
        layer.stroke(flick, ink(f), 0.8, a * 0.16);
    }
}

/// Eyebrows: tapered, slanted by `brow_angle_deg`, raised a little by a smile.
pub fn brows(layer: &mut Layer, f: &Face) {
    let l = layout(f);
    let h = f.head;
    let a = f.t.eye_size * h.hw;
    let t = f.t.brow_thickness * 2.0 * h.hh;
    let rise = -f.v.smile * 0.02 * h.hh;
    let slope = f.t.brow_angle_deg.to_radians().sin();
    for s in [-1.0f32, 1.0] {
        let m = mapper(f, s * l.eye_u, l.brow_v);
        let len = 2.3 * a;
        let x0 = -s * 1.05 * a;
        let at = |k: f32| x0 + s * len * k;
        let y = |k: f32| rise - slope * len * k - 0.5 * a * (k * std::f32::consts::PI).sin() * 0.5;
        let top: Vec<Pt> = [0.0, 0.35, 0.7, 1.0].iter().map(|&k| m(at(k), y(k) - t * (1.0 - 0.55 * k))).collect();
        let bottom: Vec<Pt> = [1.0, 0.65, 0.3, 0.0].iter().map(|&k| m(at(k), y(k) + t * 0.15)).collect();
        let mut upper = vec![bottom[3]];
        upper.extend(top);
        layer.fill(lens(&upper, &bottom), f.t.brow_colour, 0.95);
    }
}

/// Nose: the base curve with nostrils, a side shadow and a tip highlight.
pub fn nose(layer: &mut Layer, f: &Face) {
    let l = layout(f);
    let h = f.head;
    let w = f.t.nose_width;
    let nv = l.nose_v;
    let p = |u: f32, dv: f32, z: f32| h.face_z(u, nv + dv, z);
    let base =
        [p(-w, -0.05, 0.05), p(-w * 0.55, 0.02, 0.12), p(0.0, 0.04, 0.2), p(w * 0.55, 0.02, 0.12), p(w, -0.05, 0.05)];
    let skin = f.skin;
    layer.stroke(smooth_open(&base), skin.scale(0.62), 0.75, h.hw * 0.055);
    for s in [-1.0f32, 1.0] {
        let c = p(s * w * 0.42, 0.0, 0.13);
        layer.fill(ellipse(c, h.hw * 0.065 * h.squeeze(s * w * 0.4).max(0.3), h.hh * 0.028), skin.scale(0.45), 0.8);
    }
    // Side of the nose: the far side when turned, else away from the light.
    let side = if h.sin_yaw().abs() > 0.08 {
        h.sin_yaw().signum()
    } else if f.v.light_strength > 0.2 {
        -f.v.light_angle_deg.to_radians().cos().signum()
    } else {
        1.0
    };
    let bridge =
        [p(side * 0.1, l.brow_v - nv + 0.12, 0.05), p(side * w * 0.5, -0.18, 0.14), p(side * w * 0.85, -0.06, 0.08)];
    layer.stroke(smooth_open(&bridge), skin.scale(0.7), 0.4, h.hw * 0.05);
    let tip = p(0.0, -0.06, 0.22);
    layer.fill_shader(ellipse(tip, h.hw * 0.12, h.hh * 0.06), radial(tip, h.hw * 0.12, Rgb(255, 255, 255), 0.3));
}

/// Mouth edges (upper and lower, equal when closed) and lip outlines for the
/// current smile, in frontal design offsets from the mouth centre.
pub struct MouthShape {
    /// Top of the upper lip, corner to corner.
    pub top: Vec<(f32, f32)>,
    /// Lower edge of the upper lip.
    pub upper_edge: Vec<(f32, f32)>,
    /// Upper edge of the lower lip.
    pub lower_edge: Vec<(f32, f32)>,
    /// Bottom of the lower lip.
    pub bottom: Vec<(f32, f32)>,
    /// Height of the opening (0 when closed).
    pub open: f32,
}

/// The mouth of `f` with its current smile.
pub fn mouth_shape(f: &Face) -> MouthShape {
    let h = f.head;
    let s = f.v.smile.clamp(0.0, 1.0);
    let w = f.t.mouth_width * h.hw * (1.0 + 0.14 * s);
    let lift = s * 3.0;
    let open = ((s - 0.45) / 0.55).clamp(0.0, 1.0) * 0.17 * h.hh;
    let u = 0.055 * h.hh;
    let lo = 0.085 * h.hh;
    let curve = 1.0 + s * 0.8;
    let top = vec![
        (-w, -lift),
        (-0.5 * w, -u - lift * 0.3),
        (-0.14 * w, -u * 1.1),
        (0.0, -u * 0.8),
        (0.14 * w, -u * 1.1),
        (0.5 * w, -u - lift * 0.3),
        (w, -lift),
    ];
    let upper_edge = vec![
        (-w, -lift),
        (-0.5 * w, -lift * 0.2 + curve * 0.3),
        (0.0, curve * 0.5 - open * 0.1),
        (0.5 * w, -lift * 0.2 + curve * 0.3),
        (w, -lift),
    ];
    let lower_edge: Vec<(f32, f32)> = upper_edge
        .iter()
        .map(|&(x, y)| {
            let k = 1.0 - (x / w).powi(2);
            (x, y + open * (0.35 + 0.65 * k.max(0.0)))
        })
        .collect();
    let bottom = vec![
        (-w, -lift),
        (-0.55 * w, lower_edge[1].1 + lo * 0.8),
        (0.0, lower_edge[2].1 + lo),
        (0.55 * w, lower_edge[3].1 + lo * 0.8),
        (w, -lift),
    ];
    MouthShape { top, upper_edge, lower_edge, bottom, open }
}

/// The mouth: lips, and for a broad smile the open mouth with teeth.
pub fn mouth(layer: &mut Layer, f: &Face) {
    let l = layout(f);
    let m = mapper(f, 0.0, l.mouth_v);
    let map = |pts: &[(f32, f32)]| pts.iter().map(|&(x, y)| m(x, y)).collect::<Vec<Pt>>();
    let shape = mouth_shape(f);
    let rev = |pts: &[(f32, f32)]| pts.iter().rev().copied().collect::<Vec<_>>();
    let lip = f.t.lip_colour;
    layer.fill(lens(&map(&shape.top), &map(&rev(&shape.upper_edge))), lip.scale(0.9), 1.0);
    layer.fill(lens(&map(&shape.lower_edge), &map(&rev(&shape.bottom))), lip, 1.0);
    if shape.open > 0.4 {
        let opening = lens(&map(&shape.upper_edge), &map(&rev(&shape.lower_edge)));
        let mask = layer.mask(opening.as_ref());
        layer.fill(opening, Rgb(74, 26, 32), 1.0);
        if let Some(mask) = mask {
            let teeth_h = shape.open * 0.42 + 0.4;
            let teeth: Vec<(f32, f32)> = shape.upper_edge.iter().map(|&(x, y)| (x, y + teeth_h)).collect();
            let mut band = map(&teeth);
            band.extend(map(&rev(&shape.upper_edge)).into_iter().map(|p| (p.0, p.1 - 2.0)));
            layer.fill_masked(smooth_closed(&band), Rgb(246, 242, 232), 1.0, &mask);
            let tongue = m(0.0, shape.lower_edge[2].1);
            layer.fill_masked(ellipse(tongue, shape.open * 1.6, shape.open * 0.5), Rgb(196, 82, 92), 0.8, &mask);
        }
    }
    layer.stroke(smooth_open(&map(&shape.upper_edge)), lip.scale(0.5), 0.9, 0.7);
    // Smile lines at the corners.
    let s = f.v.smile;
    if s > 0.2 {
        let w = shape.top[6].0;
        for side in [-1.0f32, 1.0] {
            let fold = [m(side * (w + 1.2), -6.0), m(side * (w + 2.2), -2.8), m(side * (w + 1.3), 0.0)];
            layer.stroke(smooth_open(&fold), f.skin.scale(0.7), 0.5 * s, 0.8);
        }
    }
}
