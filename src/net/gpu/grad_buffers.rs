//! Buffers of the backward pass: the seven gradient slots (sized for the
//! forward's batch capacity), one gradient buffer per parameter tensor, the
//! staging buffer all eight are copied into for the single readback, and
//! the ten bind groups that tie them (and the forward's activations and
//! weights) to the stages. Rebuilt whenever the forward's batch buffers are.

use super::buffers::{BatchBuffers, WeightBuffers};
use super::grad_pipeline::{Buf, GradPipelines, GRAD_LEN, GRAD_STAGES};
use crate::net::arch::{parameter_count, EMBED_DIM, TENSORS};
use crate::net::Weights;

const F32: u64 = std::mem::size_of::<f32>() as u64;

/// Everything the backward pass writes, for one set of batch buffers.
pub(crate) struct GradBuffers {
    /// The generation of the forward's batch buffers these bind to.
    pub(crate) generation: u64,
    /// Gradient slots 0 ..= 6 ([`GRAD_LEN`] per image).
    slots: Vec<wgpu::Buffer>,
    /// One per parameter tensor, in [`TENSORS`] order.
    weight_grads: Vec<wgpu::Buffer>,
    /// `MAP_READ | COPY_DST`, all parameter gradients one after another.
    pub(crate) staging: wgpu::Buffer,
    /// One per entry of [`GRAD_STAGES`].
    pub(crate) bind_groups: Vec<wgpu::BindGroup>,
}

impl GradBuffers {
    /// Creates the buffers and bind groups over `batch` (of `generation`)
    /// and `weights`.
    pub(crate) fn new(
        device: &wgpu::Device,
        pipelines: &GradPipelines,
        batch: &BatchBuffers,
        weights: &WeightBuffers,
        generation: u64,
    ) -> Self {
        let storage = |label: &str, bytes: u64, usage: wgpu::BufferUsages| {
            device.create_buffer(&wgpu::BufferDescriptor {
                label: Some(label),
                size: bytes.max(4),
                usage: wgpu::BufferUsages::STORAGE | usage,
                mapped_at_creation: false,
            })
        };
        let slots: Vec<wgpu::Buffer> = GRAD_LEN
            .iter()
            .enumerate()
            .map(|(g, &len)| {
                let usage = if g == 0 { wgpu::BufferUsages::COPY_DST } else { wgpu::BufferUsages::empty() };
                storage("net gradient slot", (len * batch.capacity) as u64 * F32, usage)
            })
            .collect();
        let weight_grads: Vec<wgpu::Buffer> = TENSORS
            .iter()
            .map(|spec| storage(spec.name, spec.len() as u64 * F32, wgpu::BufferUsages::COPY_SRC))
            .collect();
        let staging = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("net gradient staging"),
            size: Self::staging_bytes(),
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let resolve = |buf: Buf| -> &wgpu::Buffer {
            match buf {
                Buf::Act(s) => &batch.slots[s],
                Buf::Grad(g) => &slots[g],
                Buf::Weight(t) => &weights.tensors[t],
                Buf::WeightGrad(t) => &weight_grads[t],
            }
        };
        let bind_groups = GRAD_STAGES
            .iter()
            .zip(&pipelines.layouts)
            .map(|(stage, layout)| {
                let mut buffers = vec![&batch.params];
                buffers.extend(stage.reads.iter().chain(stage.writes).map(|&b| resolve(b)));
                let entries: Vec<wgpu::BindGroupEntry<'_>> = buffers
                    .iter()
                    .enumerate()
                    .map(|(binding, buffer)| wgpu::BindGroupEntry {
                        binding: binding as u32,
                        resource: buffer.as_entire_binding(),
                    })
                    .collect();
                device.create_bind_group(&wgpu::BindGroupDescriptor {
                    label: Some(stage.label),
                    layout,
                    entries: &entries,
                })
            })
            .collect();
        Self { generation, slots, weight_grads, staging, bind_groups }
    }

    /// Queues the embeddings' gradient (`n × 3`) for the next submission.
    pub(crate) fn write_embedding_gradient(&self, queue: &wgpu::Queue, grad_embeddings: &[f32]) {
        queue.write_buffer(&self.slots[0], 0, bytemuck::cast_slice(grad_embeddings));
    }

    /// Records the copies of every parameter gradient into the staging buffer.
    pub(crate) fn copy_to_staging(&self, encoder: &mut wgpu::CommandEncoder) {
        let mut offset = 0;
        for (spec, buffer) in TENSORS.iter().zip(&self.weight_grads) {
            let bytes = spec.len() as u64 * F32;
            encoder.copy_buffer_to_buffer(buffer, 0, &self.staging, offset, bytes);
            offset += bytes;
        }
    }

    /// Bytes of the staging buffer: every parameter once.
    pub(crate) fn staging_bytes() -> u64 {
        parameter_count() as u64 * F32
    }
}

/// Splits the staging buffer's values into a [`Weights`]-shaped gradient.
pub(crate) fn split_gradient(values: &[f32]) -> Weights {
    let mut gradient = Weights::zeros();
    let mut offset = 0;
    for tensor in gradient.tensors_mut() {
        let len = tensor.len();
        tensor.copy_from_slice(&values[offset..offset + len]);
        offset += len;
    }
    gradient
}

/// Values in an embeddings' gradient for `n` images.
pub(crate) fn embedding_gradient_len(n: usize) -> usize {
    n * EMBED_DIM
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_follows_the_tensor_order() {
        let values: Vec<f32> = (0..parameter_count()).map(|i| i as f32).collect();
        let g = split_gradient(&values);
        assert_eq!(g.conv1_w[0], 0.0);
        assert_eq!(g.conv1_b[0], 216.0);
        assert_eq!(g.fc2_b[2], (parameter_count() - 1) as f32);
    }
}
