//! Application state as plain data: the scene, its point names, presets and
//! the parsing/formatting of user-facing numbers and the scene's URL encoding.
//! No Leptos, no web-sys.

pub mod confusions;
pub mod descent;
pub mod export;
pub mod face_bindings;
pub mod face_scene;
pub mod input;
pub mod lesson;
pub mod point_id;
pub mod point_sets;
pub mod presets;
pub mod scene;
pub mod url;

pub use face_bindings::{FaceBindings, FaceRole};
pub use point_id::{PointId, Role};
pub use point_sets::PointSet;
pub use presets::Preset;
pub use scene::{Dim, Point, Scene};
