//! The embedding net's forward pass as WGSL compute shaders through wgpu:
//! Vulkan natively (lavapipe in the tests), WebGPU in the browser.
//!
//! # Pipeline
//!
//! Seven compute stages, one pipeline each, one invocation per output value
//! (workgroups of 64), implementing exactly the contract of
//! [`crate::net::arch`]:
//!
//! | stage | shader | reads slot → writes slot |
//! |---|---|---|
//! | conv1 + bias + ReLU | `conv.wgsl` | 0 input (3×24×24) → 1 (8×24×24) |
//! | pool1 (max 2×2) | `pool.wgsl` | 1 → 2 (8×12×12) |
//! | conv2 + bias + ReLU | `conv.wgsl` | 2 → 3 (16×12×12) |
//! | pool2 (max 2×2) | `pool.wgsl` | 3 → 4 (16×6×6 = 576) |
//! | fc1 + ReLU | `dense.wgsl` | 4 → 5 (32) |
//! | fc2 | `dense.wgsl` | 5 → 6 (3) |
//! | L2 norm | `l2norm.wgsl` | 6 → 7 (3, unit length) |
//!
//! Layer sizes are WGSL `override` constants set per pipeline; the batch
//! size is the only runtime parameter (a 16-byte uniform).
//!
//! # Buffers
//!
//! * weights: one storage buffer per tensor, uploaded by [`GpuNet::new`] and
//!   rewritten in place by [`GpuNet::update_weights`];
//! * per batch: the batch-size uniform, eight activation slots, a staging
//!   buffer (`MAP_READ`) and seven bind groups, sized for a capacity in
//!   images and rebuilt only when a larger batch comes.
//!
//! # One submission, one readback
//!
//! [`GpuNet::forward`] writes the inputs with `queue.write_buffer`, records
//! the seven dispatches in one compute pass and the copy of the embeddings
//! into the staging buffer in the same encoder, submits once and maps the
//! staging buffer once. Natively the map completes inside
//! `device.poll(wait)`, so the future is ready when polled (use
//! `pollster::block_on`); in the browser it completes from the event loop.
//!
//! # Errors
//!
//! Acquisition, compilation, device loss and readback each have their
//! [`GpuError`] variant with a message fit for a UI notice; shader and
//! pipeline creation and every forward run inside error scopes, and an
//! uncaptured-error handler records stray errors instead of panicking.
//! [`GpuFault`] injects each failure deterministically.
//!
//! # In the browser
//!
//! ```ignore
//! wasm_bindgen_futures::spawn_local(async move {
//!     match GpuNet::new(&weights, GpuOptions::default()).await {
//!         Ok(mut net) => { let emb = net.forward(&inputs).await; /* … */ }
//!         Err(e) => show_notice(&e.to_string()), // then use the CPU forward
//!     }
//! });
//! ```

mod backward;
mod buffers;
mod device;
mod error;
mod grad_buffers;
mod grad_pipeline;
mod net;
mod oneshot;
mod options;
mod pipeline;
mod readback;
mod train_backend;

pub use error::GpuError;
pub use net::GpuNet;
pub use options::{GpuFault, GpuOptions};
