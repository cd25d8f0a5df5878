//! What grows on or sits on a face: stubble, beards, moustaches and glasses.
//! Laid out like the features and mapped through the head's turn.

use super::colour::Rgb;
use super::draw::Face;
use super::draw_features::{layout, mapper, mouth_shape};
use super::paint::{radial, Layer};
use super::shape::{lens, smooth_closed, smooth_open, Pt};
use super::traits::{FacialHair, GlassesShape};

/// The region of a full beard (below the cheek line, mouth included).
fn beard_region(f: &Face, grow: f32) -> Vec<Pt> {
    let l = layout(f);
    let h = f.head;
    let mw = f.t.mouth_width;
    let inner = [
        (-0.99, -0.02),
        (-0.88, 0.3),
        (-0.66, 0.44),
        (-(mw + 0.12), l.mouth_v - 0.12),
        (0.0, l.mouth_v - 0.16),
        (mw + 0.12, l.mouth_v - 0.12),
        (0.66, 0.44),
        (0.88, 0.3),
        (0.99, -0.02),
    ];
    let mut pts: Vec<Pt> = inner.iter().map(|&(u, v)| h.face(u / 1.0, v)).collect();
    pts[0] = h.outline(-0.99 * grow, -0.02);
    pts[8] = h.outline(0.99 * grow, -0.02);
    let jaw = f.t.jaw_width;
    let chin = f.t.chin_width;
    let outer = [(0.98, 0.4), (jaw, 0.76), (chin, 0.97), (0.0, 1.03), (-chin, 0.97), (-jaw, 0.76), (-0.98, 0.4)];
    pts.extend(outer.iter().map(|&(u, v)| h.outline(u * grow, v * grow)));
    pts
}

/// Stubble, goatee or full beard (drawn before the mouth).
pub fn beard(layer: &mut Layer, f: &Face) {
    let colour = f.t.hair_colour;
    match f.t.facial_hair {
        FacialHair::Stubble => {
            // A shadow that fades out towards the cheeks (no hard edge).
            let shadow = Rgb(56, 46, 46).mix(colour, 0.3);
            let c = f.head.face(0.0, 0.78);
            layer.fill_shader(smooth_closed(&beard_region(f, 1.0)), radial(c, f.head.hw * 1.05, shadow, 0.42));
        }
        FacialHair::FullBeard => {
            let region = smooth_closed(&beard_region(f, 1.04));
            layer.fill(region.clone(), colour, 0.96);
            let c = f.head.face(0.0, 0.8);
            layer.fill_shader(region, radial(c, f.head.hw * 0.6, colour.scale(1.35), 0.35));
        }
        FacialHair::Goatee => {
            let l = layout(f);
            let h = f.head;
            let w = f.t.mouth_width * 0.75;
            let pts = [
                h.face(-w, l.mouth_v + 0.05),
                h.face(-w * 0.8, 0.92),
                h.outline(0.0, 1.05),
                h.face(w * 0.8, 0.92),
                h.face(w, l.mouth_v + 0.05),
                h.face(0.0, l.mouth_v + 0.1),
            ];
            layer.fill(smooth_closed(&pts), colour, 0.92);
        }
        FacialHair::None | FacialHair::Moustache => {}
    }
}

/// The moustache (also part of the goatee and the full beard).
pub fn moustache(layer: &mut Layer, f: &Face) {
    if !matches!(f.t.facial_hair, FacialHair::Moustache | FacialHair::Goatee | FacialHair::FullBeard) {
        return;
    }
    let l = layout(f);
    let m = mapper(f, 0.0, l.mouth_v);
    let shape = mouth_shape(f);
    let w = shape.top[6].0 * 1.08;
    let lift = -shape.top[6].1;
    let hh = f.head.hh;
    let upper = [
        m(-w, 1.0 - lift * 0.5),
        m(-w * 0.6, -0.15 * hh),
        m(0.0, -0.16 * hh),
        m(w * 0.6, -0.15 * hh),
        m(w, 1.0 - lift * 0.5),
    ];
    let lower = [
        m(w, 1.0 - lift * 0.5),
        m(w * 0.55, -0.05 * hh - lift * 0.3),
        m(0.0, -0.075 * hh),
        m(-w * 0.55, -0.05 * hh - lift * 0.3),
        m(-w, 1.0 - lift * 0.5),
    ];
    layer.fill(lens(&upper, &lower), f.t.hair_colour, 0.97);
}

/// Glasses: two lenses with a faint tint and a glint, bridge and temples.
pub fn glasses(layer: &mut Layer, f: &Face) {
    let Some(g) = f.t.glasses else { return };
    let l = layout(f);
    let h = f.head;
    let la = f.t.eye_size * 1.5 * h.hw;
    let lb = match g.shape {
        GlassesShape::Round => la * 0.95,
        GlassesShape::Rectangular => la * 0.72,
    };
    let width = h.hw * 0.075;
    for s in [-1.0f32, 1.0] {
        let m = mapper(f, s * l.eye_u, l.eye_v + 0.01);
        let pts: Vec<Pt> = (0..20)
            .map(|i| {
                let t = i as f32 / 20.0 * std::f32::consts::TAU;
                let (c, sn) = (t.cos(), t.sin());
                match g.shape {
                    GlassesShape::Round => m(la * c, lb * sn),
                    GlassesShape::Rectangular => {
                        let k = |x: f32| x.signum() * x.abs().powf(0.45);
                        m(la * k(c), lb * k(sn))
                    }
                }
            })
            .collect();
        let frame = smooth_closed(&pts);
        layer.fill(frame.clone(), Rgb(225, 235, 245), 0.14);
        layer.stroke(frame, g.frame, 1.0, width);
        let glint = smooth_open(&[m(la * 0.1, -lb * 0.6), m(la * 0.5, -lb * 0.1)]);
        layer.stroke(glint, Rgb(255, 255, 255), 0.45, width * 0.7);
        // Temple arm to the side of the head.
        let arm = smooth_open(&[m(s * la, -lb * 0.4), h.outline(s * 0.99, l.eye_v - 0.08)]);
        layer.stroke(arm, g.frame, 1.0, width * 0.85);
    }
    let bridge = smooth_open(&[
        h.face(-(l.eye_u - f.t.eye_size * 1.5), l.eye_v - 0.04),
        h.face(0.0, l.eye_v - 0.08),
        h.face(l.eye_u - f.t.eye_size * 1.5, l.eye_v - 0.04),
    ]);
    layer.stroke(bridge, g.frame, 1.0, width);
}
