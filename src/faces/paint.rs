//! Painting helpers over tiny-skia (native only): a layer with a design-space
//! transform, solid fills and strokes, masks and soft radial gradients.

use super::colour::Rgb;
use super::shape::Pt;
use tiny_skia::{
    Color, FillRule, GradientStop, Mask, Paint, Path, Pixmap, Point, RadialGradient, Shader, SpreadMode, Stroke,
    Transform,
};

/// A colour with an opacity.
pub fn paint_colour(c: Rgb, alpha: f32) -> Color {
    Color::from_rgba8(c.0, c.1, c.2, (alpha.clamp(0.0, 1.0) * 255.0).round() as u8)
}

/// A pixmap to draw on with a design-space transform.
pub struct Layer {
    /// The pixels (premultiplied RGBA).
    pub pm: Pixmap,
    /// Design units → pixels (with the head's tilt while drawing the head).
    pub tf: Transform,
}

impl Layer {
    fn paint(shader: Shader<'_>) -> Paint<'_> {
        Paint { shader, anti_alias: true, ..Paint::default() }
    }

    /// Fills `path` with `c` at opacity `alpha`.
    pub fn fill(&mut self, path: Option<Path>, c: Rgb, alpha: f32) {
        self.fill_rule(path, c, alpha, FillRule::Winding);
    }

    /// Fills `path` with an explicit fill rule.
    pub fn fill_rule(&mut self, path: Option<Path>, c: Rgb, alpha: f32, rule: FillRule) {
        if let Some(path) = path {
            let paint = Self::paint(Shader::SolidColor(paint_colour(c, alpha)));
            self.pm.fill_path(&path, &paint, rule, self.tf, None);
        }
    }

    /// Fills `path` with `c`, only where `mask` allows.
    pub fn fill_masked(&mut self, path: Option<Path>, c: Rgb, alpha: f32, mask: &Mask) {
        if let Some(path) = path {
            let paint = Self::paint(Shader::SolidColor(paint_colour(c, alpha)));
            self.pm.fill_path(&path, &paint, FillRule::Winding, self.tf, Some(mask));
        }
    }

    /// Fills `path` with a shader (gradients, in design units).
    pub fn fill_shader(&mut self, path: Option<Path>, shader: Option<Shader<'_>>) {
        if let (Some(path), Some(shader)) = (path, shader) {
            self.pm.fill_path(&path, &Self::paint(shader), FillRule::Winding, self.tf, None);
        }
    }

    /// Strokes `path` with round caps, `width` in design units.
    pub fn stroke(&mut self, path: Option<Path>, c: Rgb, alpha: f32, width: f32) {
        if let Some(path) = path {
            let paint = Self::paint(Shader::SolidColor(paint_colour(c, alpha)));
            let stroke = Stroke {
                width,
                line_cap: tiny_skia::LineCap::Round,
                line_join: tiny_skia::LineJoin::Round,
                ..Stroke::default()
            };
            self.pm.stroke_path(&path, &paint, &stroke, self.tf, None);
        }
    }

    /// A mask of `path` in the current transform.
    pub fn mask(&self, path: Option<&Path>) -> Option<Mask> {
        let mut mask = Mask::new(self.pm.width(), self.pm.height())?;
        mask.fill_path(path?, FillRule::Winding, true, self.tf);
        Some(mask)
    }
}

/// A radial gradient from `colour` at opacity `alpha` in the centre to transparent at radius `r`.
pub fn radial(c: Pt, r: f32, colour: Rgb, alpha: f32) -> Option<Shader<'static>> {
    RadialGradient::new(
        Point::from_xy(c.0, c.1),
        0.0,
        Point::from_xy(c.0, c.1),
        r,
        vec![GradientStop::new(0.0, paint_colour(colour, alpha)), GradientStop::new(1.0, paint_colour(colour, 0.0))],
        SpreadMode::Pad,
        Transform::identity(),
    )
}
