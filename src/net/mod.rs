//! The small embedding CNN that maps a face thumbnail to a point on the unit
//! sphere: architecture ([`arch`]), parameters ([`Weights`]), the weight file
//! format ([`weights_file`]), the CPU forward and backward passes
//! ([`forward`], [`backward()`]), training ([`train`], [`optim`], [`init`],
//! [`objective`]), evaluation ([`eval`]), the lesson's worked example on real
//! faces ([`calibrate`], [`nudge`]), and (feature `gpu`) the same forward
//! pass as WGSL compute shaders through wgpu. See docs/net.md.
//!
//! Pure core: no Leptos, no web-sys; only `gpu` uses wgpu.

pub mod arch;
pub mod backward;
pub mod calibrate;
mod conv;
pub mod crc32;
mod dense;
pub mod eval;
pub mod forward;
pub mod gradient;
pub mod init;
pub mod l2norm;
pub mod nudge;
pub mod objective;
pub mod optim;
mod pool;
pub mod rng;
pub mod sampler;
pub mod session;
pub mod train;
pub mod train_device;
mod vecops;
pub mod weights_error;
pub mod weights_file;

pub use backward::backward;
pub use forward::{forward_batch, forward_with_cache, ForwardCache};
pub use gradient::{CpuBackend, GradientBackend, StepError};
pub use objective::{batch_gradient, mined_loss, MinedLoss, Mining};
pub use optim::Optimizer;
pub use train::{StepReport, TrainConfig, TrainError, Trainer};
pub use weights_error::WeightsError;
#[cfg(feature = "gpu")]
pub mod gpu;

/// All parameters of the net, each tensor flat in the layout of [`arch`].
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    /// `[8][3][3][3]`
    pub conv1_w: Vec<f32>,
    /// `[8]`
    pub conv1_b: Vec<f32>,
    /// `[16][8][3][3]`
    pub conv2_w: Vec<f32>,
    /// `[16]`
    pub conv2_b: Vec<f32>,
    /// `[32][576]`
    pub fc1_w: Vec<f32>,
    /// `[32]`
    pub fc1_b: Vec<f32>,
    /// `[3][32]`
    pub fc2_w: Vec<f32>,
    /// `[3]`
    pub fc2_b: Vec<f32>,
}

impl Weights {
    /// All-zero weights of the right shapes.
    pub fn zeros() -> Self {
        let z = |i: usize| vec![0.0; arch::TENSORS[i].len()];
        Self {
            conv1_w: z(0),
            conv1_b: z(1),
            conv2_w: z(2),
            conv2_b: z(3),
            fc1_w: z(4),
            fc1_b: z(5),
            fc2_w: z(6),
            fc2_b: z(7),
        }
    }

    /// The tensors in [`arch::TENSORS`] order.
    pub fn tensors(&self) -> [&[f32]; 8] {
        [&self.conv1_w, &self.conv1_b, &self.conv2_w, &self.conv2_b, &self.fc1_w, &self.fc1_b, &self.fc2_w, &self.fc2_b]
    }

    /// The tensors in [`arch::TENSORS`] order, mutable (optimisers walk them).
    pub fn tensors_mut(&mut self) -> [&mut Vec<f32>; 8] {
        [
            &mut self.conv1_w,
            &mut self.conv1_b,
            &mut self.conv2_w,
            &mut self.conv2_b,
            &mut self.fc1_w,
            &mut self.fc1_b,
            &mut self.fc2_w,
            &mut self.fc2_b,
        ]
    }
}
