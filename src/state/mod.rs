//! Application state as plain data: the scene, its point names, presets and
//! the parsing/formatting of user-facing numbers. No Leptos, no web-sys.

pub mod input;
pub mod point_id;
pub mod presets;
pub mod scene;

pub use point_id::{PointId, Role};
pub use presets::Preset;
pub use scene::{Dim, Point, Scene};
