//! Drawing one face thumbnail with tiny-skia (native only). The face is
//! drawn at 2× the thumbnail size in a 100 × 100 design space, lit, and
//! box-filtered down to 48 × 48 opaque pixels.
//!
//! Order: background; back hair; neck and shirt; ears; head; skin shading;
//! beard; eyes, brows, nose, mouth; glasses (their arms go under the hair);
//! front hair; then the light
//! (a highlight on the lit side and a shadow on the other, over the whole
//! figure) and the downsampling.

use super::colour::Rgb;
use super::draw_accessories as accessories;
use super::draw_features as features;
use super::draw_hair as hair;
use super::paint::{paint_colour, radial, Layer};
use super::rng::SplitMix64;
use super::shape::{ellipse, smooth_closed, Head, Pt};
use super::traits::{HairStyle, Traits};
use super::variation::Variation;
use super::THUMB_SIDE;
use tiny_skia::{
    BlendMode, GradientStop, LinearGradient, Paint, Path, Pixmap, PixmapPaint, Point, RadialGradient, Rect, SpreadMode,
    Transform,
};

/// Rendering is done at this many times the thumbnail side, then averaged.
const SUPERSAMPLE: usize = 2;
/// Side of the design space.
const DESIGN: f32 = 100.0;
/// Seed of the per-picture scene (background and shirt colours).
const SCENE_SEED: u64 = 0x7363_656E_6573_2121;

/// Everything the drawing of one picture needs.
pub struct Face<'a> {
    /// The person's traits.
    pub t: &'a Traits,
    /// The picture's variation.
    pub v: &'a Variation,
    /// Head geometry and turn.
    pub head: Head,
    /// Skin colour.
    pub skin: Rgb,
}

impl Face<'_> {
    /// The head outline in design units (follows the turn at the jaw).
    pub fn outline_points(&self, grow: f32) -> Vec<Pt> {
        let t = self.t;
        let jaw = t.jaw_width;
        let chin = t.chin_width;
        let cheek = 0.97 - (1.0 - jaw) * 0.25;
        let widest = if t.head_shape == super::traits::HeadShape::Heart { -0.1 } else { 0.0 };
        let right: [Pt; 8] = [
            (0.0, -1.0),
            (0.5, -0.87),
            (0.87, -0.5),
            (1.0, widest),
            (cheek, 0.4),
            (jaw, 0.74),
            (chin, 0.94),
            (0.0, 1.0),
        ];
        let mut pts: Vec<Pt> = right.iter().map(|&(u, v)| self.head.outline(u * grow, v * grow)).collect();
        pts.extend(right[1..7].iter().rev().map(|&(u, v)| self.head.outline(-u * grow, v * grow)));
        pts
    }

    /// The head outline as a path.
    pub fn outline(&self, grow: f32) -> Option<Path> {
        smooth_closed(&self.outline_points(grow))
    }
}

/// Hue (degrees), saturation and lightness in [0, 1] to RGB.
fn hsl(h: f32, s: f32, l: f32) -> Rgb {
    let c = (1.0 - (2.0 * l - 1.0).abs()) * s;
    let hp = h.rem_euclid(360.0) / 60.0;
    let x = c * (1.0 - (hp % 2.0 - 1.0).abs());
    let (r, g, b) = match hp as u32 {
        0 => (c, x, 0.0),
        1 => (x, c, 0.0),
        2 => (0.0, c, x),
        3 => (0.0, x, c),
        4 => (x, 0.0, c),
        _ => (c, 0.0, x),
    };
    let m = l - c / 2.0;
    let ch = |v: f32| ((v + m) * 255.0).round().clamp(0.0, 255.0) as u8;
    Rgb(ch(r), ch(g), ch(b))
}

/// Renders one picture as 48 × 48 straight RGBA (opaque). `scene` seeds the
/// background and clothing colours, which change from picture to picture so
/// that only the face tells who it is.
pub fn render(t: &Traits, v: &Variation, scene: u64) -> Vec<u8> {
    let side = (THUMB_SIDE * SUPERSAMPLE) as u32;
    let scale = side as f32 / DESIGN;
    let base_tf = Transform::from_scale(scale, scale);
    let Some(mut base) = Pixmap::new(side, side) else { return vec![0; THUMB_SIDE * THUMB_SIDE * 4] };
    let Some(figure) = Pixmap::new(side, side) else { return vec![0; THUMB_SIDE * THUMB_SIDE * 4] };
    let mut rng = SplitMix64::for_item(SCENE_SEED, scene);

    // Background: a soft vertical gradient of a muted colour.
    let hue = rng.range(0.0, 360.0);
    let top = hsl(hue, rng.range(0.12, 0.35), rng.range(0.68, 0.84));
    let bottom = top.scale(rng.range(0.78, 0.9));
    let bg = LinearGradient::new(
        Point::from_xy(0.0, 0.0),
        Point::from_xy(0.0, DESIGN),
        vec![GradientStop::new(0.0, paint_colour(top, 1.0)), GradientStop::new(1.0, paint_colour(bottom, 1.0))],
        SpreadMode::Pad,
        Transform::identity(),
    );
    if let (Some(rect), Some(shader)) = (Rect::from_xywh(0.0, 0.0, DESIGN, DESIGN), bg) {
        base.fill_rect(rect, &Paint { shader, anti_alias: true, ..Paint::default() }, base_tf, None);
    }
    let shirt = hsl(rng.range(0.0, 360.0), rng.range(0.2, 0.6), rng.range(0.25, 0.6));

    let hw = t.head_width * DESIGN / 2.0;
    let hh = t.head_height * DESIGN / 2.0;
    let head = Head::new((50.0, 47.0), hw, hh, v.yaw_deg);
    let face = Face { t, v, head, skin: t.skin };
    let mut layer = Layer { pm: figure, tf: base_tf };
    let pivot = head.fixed(0.0, 0.95);
    let head_tf = base_tf.pre_concat(Transform::from_rotate_at(v.roll_deg, pivot.0, pivot.1));

    layer.tf = head_tf;
    hair::back(&mut layer, &face);
    layer.tf = base_tf;
    draw_body(&mut layer, &face, shirt);
    layer.tf = head_tf;
    draw_ears(&mut layer, &face);
    draw_head(&mut layer, &face);
    accessories::beard(&mut layer, &face);
    features::eyes(&mut layer, &face);
    features::brows(&mut layer, &face);
    features::nose(&mut layer, &face);
    features::mouth(&mut layer, &face);
    accessories::moustache(&mut layer, &face);
    accessories::glasses(&mut layer, &face);
    hair::front(&mut layer, &face);
    layer.tf = base_tf;
    light(&mut layer, &face);

    base.draw_pixmap(0, 0, layer.pm.as_ref(), &PixmapPaint::default(), Transform::identity(), None);
    downsample(&base)
}

/// Neck and shoulders (not tilted with the head).
fn draw_body(layer: &mut Layer, f: &Face, shirt: Rgb) {
    let h = f.head;
    let neck_w = h.hw * 0.42;
    let top = h.c.1 + h.hh * 0.6;
    let neck = [
        (h.c.0 - neck_w, top),
        (h.c.0 + neck_w, top),
        (h.c.0 + neck_w * 1.05, 86.0),
        (h.c.0 + neck_w * 1.3, 93.0),
        (h.c.0 - neck_w * 1.3, 93.0),
        (h.c.0 - neck_w * 1.05, 86.0),
    ];
    if f.t.hair_style != HairStyle::Headscarf {
        layer.fill(super::shape::polygon(&neck), f.skin.scale(0.86), 1.0);
        // Shadow under the chin.
        layer.fill_shader(
            super::shape::polygon(&neck),
            radial((h.c.0, h.c.1 + h.hh * 0.95), h.hw * 0.75, Rgb(40, 20, 20), 0.35),
        );
    }
    let c = h.c.0;
    let shoulders = [
        (c - 8.0, 88.5),
        (c - 26.0, 90.0),
        (c - 40.0, 95.0),
        (c - 47.0, 104.0),
        (c + 47.0, 104.0),
        (c + 40.0, 95.0),
        (c + 26.0, 90.0),
        (c + 8.0, 88.5),
        (c, 92.5),
    ];
    let body = smooth_closed(&shoulders);
    layer.fill(body.clone(), shirt, 1.0);
    layer.fill_shader(body, radial((c, 86.0), 42.0, Rgb(255, 255, 255), 0.18));
    // Collar line.
    let collar = super::shape::smooth_open(&[(c - 9.0, 88.6), (c, 93.0), (c + 9.0, 88.6)]);
    layer.stroke(collar, shirt.scale(0.7), 0.8, 1.0);
}

/// The ears, behind the head (hidden under long hair and the scarf); the one
/// on the side the face turns away from shows more, the other hides.
fn draw_ears(layer: &mut Layer, f: &Face) {
    use HairStyle::{Bob, Fringe, Headscarf, Long, LongCurly};
    if matches!(f.t.hair_style, Bob | Fringe | Headscarf | Long | LongCurly) {
        return;
    }
    let h = f.head;
    for side in [-1.0f32, 1.0] {
        let show = (1.0 - side * h.sin_yaw() * 2.2).clamp(0.0, 1.6);
        if show < 0.05 {
            continue;
        }
        let base = h.outline(side * 0.97, 0.1);
        let out = side * h.hw * 0.2 * show;
        let pts = [
            (base.0, base.1 - h.hh * 0.18),
            (base.0 + out * 0.9, base.1 - h.hh * 0.22),
            (base.0 + out * 1.2, base.1 - h.hh * 0.08),
            (base.0 + out * 0.9, base.1 + h.hh * 0.12),
            (base.0 + out * 0.3, base.1 + h.hh * 0.24),
            (base.0 - side * h.hw * 0.1, base.1 + h.hh * 0.1),
        ];
        layer.fill(smooth_closed(&pts), f.skin.scale(0.96), 1.0);
        let inner = super::shape::smooth_open(&[
            (base.0 + out * 0.65, base.1 - h.hh * 0.12),
            (base.0 + out * 0.85, base.1 - h.hh * 0.02),
            (base.0 + out * 0.45, base.1 + h.hh * 0.1),
        ]);
        layer.stroke(inner, f.skin.scale(0.7), 0.7, h.hw * 0.05);
    }
}

/// The head's skin with a soft rounded shading and cheek colour.
fn draw_head(layer: &mut Layer, f: &Face) {
    let h = f.head;
    let outline = f.outline(1.0);
    layer.fill(outline.clone(), f.skin, 1.0);
    // Rounded volume: darker towards the edges, following the head's oval.
    let centre = h.face(0.0, 0.0);
    let shade = RadialGradient::new(
        Point::from_xy(0.0, 0.0),
        0.0,
        Point::from_xy(0.0, 0.0),
        1.0,
        vec![
            GradientStop::new(0.0, paint_colour(f.skin, 0.0)),
            GradientStop::new(0.55, paint_colour(f.skin, 0.0)),
            GradientStop::new(0.8, paint_colour(f.skin.scale(0.75), 0.25)),
            GradientStop::new(1.0, paint_colour(f.skin.scale(0.7), 0.65)),
        ],
        SpreadMode::Pad,
        Transform::from_row(h.hw * 1.08, 0.0, 0.0, h.hh * 1.08, centre.0, centre.1),
    );
    layer.fill_shader(outline.clone(), shade);
    // Cheeks.
    let blush = f.t.lip_colour.mix(Rgb(230, 110, 110), 0.4);
    for side in [-1.0f32, 1.0] {
        let c = h.face(side * 0.5, 0.38 - f.v.smile * 0.05);
        let r = h.hw * (0.26 + 0.04 * f.v.smile) * h.squeeze(side * 0.5).max(0.3);
        layer.fill_shader(ellipse(c, r, r * 0.8), radial(c, r, blush, 0.22 + 0.12 * f.v.smile));
    }
}

/// Directional light over the whole figure: a highlight on the lit side and a
/// shadow on the other, stronger with `light_strength`.
fn light(layer: &mut Layer, f: &Face) {
    let s = f.v.light_strength;
    if s <= 0.0 {
        return;
    }
    let a = f.v.light_angle_deg.to_radians();
    let dir = (a.cos(), -a.sin());
    let c = (f.head.c.0, f.head.c.1 + 6.0);
    let reach = 28.0;
    let lit = Point::from_xy(c.0 + dir.0 * reach, c.1 + dir.1 * reach);
    let dark = Point::from_xy(c.0 - dir.0 * reach, c.1 - dir.1 * reach);
    let warm = Rgb(255, 244, 224);
    let shadow = Rgb(24, 14, 34);
    // A smooth cosine fall-off from the lit side to the shadow side.
    let stops = (0..=10)
        .map(|i| {
            let t = i as f32 / 10.0;
            let k = (t * std::f32::consts::PI).cos();
            let colour = if k >= 0.0 {
                paint_colour(warm, 0.34 * s * k)
            } else {
                paint_colour(shadow, 0.78 * s * (-k).powf(0.8))
            };
            GradientStop::new(t, colour)
        })
        .collect();
    let shader = LinearGradient::new(lit, dark, stops, SpreadMode::Pad, Transform::identity());
    let spot = (c.0 + dir.0 * f.head.hw * 0.45, c.1 - 6.0 + dir.1 * f.head.hh * 0.45);
    let highlight = radial(spot, f.head.hw * 0.7, warm, 0.22 * s);
    for shader in [shader, highlight].into_iter().flatten() {
        if let Some(rect) = Rect::from_xywh(0.0, 0.0, DESIGN, DESIGN) {
            let paint = Paint { shader, anti_alias: true, blend_mode: BlendMode::SourceAtop, ..Paint::default() };
            layer.pm.fill_rect(rect, &paint, layer.tf, None);
        }
    }
}

/// Averages SUPERSAMPLE × SUPERSAMPLE blocks of an opaque pixmap into a
/// 48 × 48 straight RGBA thumbnail.
fn downsample(pm: &Pixmap) -> Vec<u8> {
    let src = pm.data();
    let side = pm.width() as usize;
    let mut out = vec![0u8; THUMB_SIDE * THUMB_SIDE * 4];
    for y in 0..THUMB_SIDE {
        for x in 0..THUMB_SIDE {
            let mut sum = [0u32; 3];
            for dy in 0..SUPERSAMPLE {
                for dx in 0..SUPERSAMPLE {
                    let at = ((y * SUPERSAMPLE + dy) * side + x * SUPERSAMPLE + dx) * 4;
                    for (c, s) in sum.iter_mut().enumerate() {
                        *s += src[at + c] as u32;
                    }
                }
            }
            let n = (SUPERSAMPLE * SUPERSAMPLE) as u32;
            let at = (y * THUMB_SIDE + x) * 4;
            for c in 0..3 {
                out[at + c] = ((sum[c] + n / 2) / n) as u8;
            }
            out[at + 3] = 255;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hsl_primaries() {
        assert_eq!(hsl(0.0, 1.0, 0.5), Rgb(255, 0, 0));
        assert_eq!(hsl(120.0, 1.0, 0.5), Rgb(0, 255, 0));
        assert_eq!(hsl(240.0, 1.0, 0.5), Rgb(0, 0, 255));
        assert_eq!(hsl(77.0, 0.0, 1.0), Rgb(255, 255, 255));
    }
}
