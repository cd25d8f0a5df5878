//! Geometry shared by drawing and interaction: the 2D viewport (projection,
//! unprojection, hit-testing), the 3D orbit camera and its perspective
//! projector, and the margin regions around the anchor.

pub mod camera;
pub mod regions;
pub mod view;
pub mod viewport;
