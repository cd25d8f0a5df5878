//! [`GpuNet::backward`]: the embedding net's backward pass on the GPU, from
//! the loss's gradient with respect to the embeddings of the last forward to
//! the gradient of every parameter, read back in one map.
//!
//! The forward pass leaves every activation in its slot; the backward pass
//! reads them in place (ten stages, see [`super::grad_pipeline`]), so one
//! training step costs two submissions and two readbacks: the embeddings
//! (n × 3 values, which the CPU's loss engine mines) and the gradients
//! (19,955 values, which the CPU's optimiser applies).

use super::grad_buffers::{embedding_gradient_len, split_gradient, GradBuffers};
use super::grad_pipeline::{GradPipelines, GRAD_STAGES};
use super::net::GpuNet;
use super::pipeline::workgroups;
use super::{readback, GpuError};
use crate::net::Weights;

impl GpuNet {
    /// Gradient of a loss with respect to every parameter, summed over the
    /// images of the last [`GpuNet::forward`], given `grad_embeddings`
    /// (n × 3, the loss's gradient with respect to that forward's
    /// embeddings). It is the GPU twin of [`crate::net::backward()`] and
    /// uses the weights that forward used.
    ///
    /// The first call compiles the backward pipelines. Errors:
    /// [`GpuError::GradientLength`] without a matching forward since the
    /// last [`GpuNet::update_weights`]; device loss, shader, readback and
    /// validation errors as for the forward.
    pub async fn backward(&mut self, grad_embeddings: &[f32]) -> Result<Weights, GpuError> {
        self.check_alive()?;
        let n = self.last_forward.unwrap_or(0);
        if n == 0 || grad_embeddings.len() != embedding_gradient_len(n) {
            return Err(GpuError::GradientLength { len: grad_embeddings.len(), expected: embedding_gradient_len(n) });
        }
        if self.grad_pipelines.is_none() {
            self.grad_pipelines = Some(GradPipelines::create(&self.device).await?);
        }
        let (Some(pipelines), Some(batch)) = (self.grad_pipelines.as_ref(), self.batch.as_ref()) else {
            unreachable!("a successful forward leaves its batch buffers, and the pipelines were just made");
        };
        if self.grad.as_ref().map(|g| g.generation) != Some(self.generation) {
            self.grad = Some(GradBuffers::new(&self.device, pipelines, batch, &self.weights, self.generation));
        }
        let Some(grad) = self.grad.as_ref() else { unreachable!("just built") };

        let (pending, scope_error) = super::device::catch_errors(&self.device, || {
            grad.write_embedding_gradient(&self.queue, grad_embeddings);
            let mut encoder =
                self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some("net backward") });
            {
                let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
                    label: Some("net backward"),
                    timestamp_writes: None,
                });
                for ((stage, pipeline), bind_group) in GRAD_STAGES.iter().zip(&pipelines.stages).zip(&grad.bind_groups)
                {
                    let (x, y) = workgroups(stage.invocations(n));
                    pass.set_pipeline(pipeline);
                    pass.set_bind_group(0, bind_group, &[]);
                    pass.dispatch_workgroups(x, y, 1);
                }
            }
            grad.copy_to_staging(&mut encoder);
            self.queue.submit([encoder.finish()]);
            readback::start(&grad.staging, GradBuffers::staging_bytes())
        })
        .await;
        // Until the map is finished the staging buffer is busy: if this
        // future is dropped now, the next backward must not reuse it.
        let generation = self.grad.as_ref().map(|g| g.generation);
        if let Some(g) = self.grad.as_mut() {
            g.generation = u64::MAX;
        }
        self.wait_idle();
        let values = pending.finish().await;
        if let Some(reason) = self.health.lost_reason() {
            return Err(GpuError::DeviceLost { reason });
        }
        let values = match (values, scope_error) {
            (Ok(values), None) => values,
            (Err(reason), detail) => {
                self.grad = None;
                let reason = match detail {
                    Some(detail) => format!("{reason}: {detail}"),
                    None => reason,
                };
                return Err(GpuError::Readback { reason: format!("gradients: {reason}") });
            }
            (Ok(_), Some(message)) => {
                self.grad = None;
                return Err(GpuError::Validation { message });
            }
        };
        if let (Some(g), Some(generation)) = (self.grad.as_mut(), generation) {
            g.generation = generation;
        }
        Ok(split_gradient(&values))
    }
}
