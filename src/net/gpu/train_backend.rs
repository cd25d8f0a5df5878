//! [`GpuNet`] as a [`GradientBackend`]: a training step's forward and
//! backward passes on the GPU, with everything else — batch sampling, the
//! loss engine's mining and gradient with respect to the embeddings (only
//! B × 3 numbers, read back once), and the optimiser — in the same CPU code
//! as [`crate::net::CpuBackend`] (see [`crate::net::gradient`]).

use super::{GpuError, GpuNet};
use crate::net::gradient::{GradientBackend, StepError};
use crate::net::objective::{mined_loss, MinedLoss, Mining};
use crate::net::{TrainError, Weights};

impl GradientBackend for GpuNet {
    type Error = GpuError;

    /// Uploads `weights`, runs the forward pass, mines the loss on the CPU
    /// and runs the backward pass of its gradient: two submissions, two
    /// readbacks (B × 3 embeddings, then 19,955 gradients).
    async fn batch_gradient(
        &mut self,
        weights: &Weights,
        inputs: &[f32],
        labels: &[u32],
        alpha: f32,
        mining: Mining,
    ) -> Result<(MinedLoss, Weights), StepError<GpuError>> {
        self.update_weights(weights).map_err(StepError::Backend)?;
        let embeddings = self.forward(inputs).await.map_err(StepError::Backend)?;
        let mined =
            mined_loss(&embeddings, labels, alpha, mining).map_err(|e| StepError::Train(TrainError::Loss(e)))?;
        let gradient = self.backward(&mined.gradient).await.map_err(StepError::Backend)?;
        Ok((mined, gradient))
    }
}
