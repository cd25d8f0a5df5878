//! Triplet-loss math. Pure Rust: no Leptos, no web-sys.
//!
//! * [`triplet`]: the single triplet loss, its pieces and gradient (f32 and f64).
//! * [`multi`]: one anchor with k positives and m negatives, reductions, gradient.

pub mod multi;
pub mod triplet;
