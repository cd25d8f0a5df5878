//! Geometry shared by drawing and interaction: the 2D viewport (projection,
//! unprojection, hit-testing) and the margin regions around the anchor.

pub mod regions;
pub mod viewport;
