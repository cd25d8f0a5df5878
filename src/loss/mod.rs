//! Triplet-loss math. Pure Rust: no Leptos, no web-sys.
//!
//! * [`triplet`]: the single triplet loss, its pieces and gradient (f32 and f64).
//! * [`multi`]: one anchor with k positives and m negatives, reductions, gradient.
//! * [`convention`]: squared / Euclidean / PyTorch distances for the k×m loss and its gradient.
//! * [`kernels`]: the engine's hot loops (squared distances, hinge sums):
//!   portable scalar, explicit wasm simd128 and an f64 reference.
//! * [`sorted`]: the exact k×m hinge sum in O((k + m) log m) by sorting.
//! * [`batch`]: batch-all, batch-hard and semi-hard losses over labelled
//!   embeddings, the pairwise distance matrix and gradients.
//! * [`error`]: the engine's typed errors.

pub mod batch;
pub mod convention;
pub mod error;
pub mod kernels;
pub mod multi;
pub mod sorted;
pub mod triplet;
