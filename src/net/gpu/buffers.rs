//! GPU buffers: the eight weight tensors (uploaded once, rewritten in place
//! by `update_weights`), and the per-batch set — the batch-size uniform, the
//! eight activation slots, the staging buffer for the readback and the seven
//! bind groups tying them to the stages. The batch set is sized for a
//! capacity in images and rebuilt only when a larger batch comes.

use wgpu::util::DeviceExt;

use super::pipeline::{Pipelines, SLOT_LEN, STAGES};
use super::GpuError;
use crate::net::arch::TENSORS;
use crate::net::Weights;

const F32: u64 = std::mem::size_of::<f32>() as u64;

/// Checks every tensor's length against [`TENSORS`].
pub(crate) fn check_weights(weights: &Weights) -> Result<(), GpuError> {
    for (spec, tensor) in TENSORS.iter().zip(weights.tensors()) {
        if tensor.len() != spec.len() {
            return Err(GpuError::InvalidWeights { tensor: spec.name, len: tensor.len(), expected: spec.len() });
        }
    }
    Ok(())
}

/// One storage buffer per parameter tensor, in [`TENSORS`] order.
pub(crate) struct WeightBuffers {
    pub(crate) tensors: Vec<wgpu::Buffer>,
}

impl WeightBuffers {
    /// Uploads `weights` (already checked) into new buffers.
    pub(crate) fn upload(device: &wgpu::Device, weights: &Weights) -> Self {
        let tensors = TENSORS
            .iter()
            .zip(weights.tensors())
            .map(|(spec, data)| {
                device.create_buffer_init(&wgpu::util::BufferInitDescriptor {
                    label: Some(spec.name),
                    contents: bytemuck::cast_slice(data),
                    usage: wgpu::BufferUsages::STORAGE | wgpu::BufferUsages::COPY_DST,
                })
            })
            .collect();
        Self { tensors }
    }

    /// Queues writes of `weights` (already checked) into the same buffers;
    /// they land before the next submission.
    pub(crate) fn write(&self, queue: &wgpu::Queue, weights: &Weights) {
        for (buffer, data) in self.tensors.iter().zip(weights.tensors()) {
            queue.write_buffer(buffer, 0, bytemuck::cast_slice(data));
        }
    }
}

/// Largest batch whose biggest activation slot fits one storage binding and
/// one buffer under `limits`.
pub(crate) fn max_batch(limits: &wgpu::Limits) -> usize {
    let largest = SLOT_LEN.iter().max().copied().unwrap_or(1) as u64 * F32;
    let cap = limits.max_storage_buffer_binding_size.min(limits.max_buffer_size);
    usize::try_from(cap / largest).unwrap_or(usize::MAX)
}

/// Everything whose size depends on the batch.
pub(crate) struct BatchBuffers {
    /// Images every buffer has room for.
    pub(crate) capacity: usize,
    /// `[batch, 0, 0, 0]` as u32, read by every stage.
    pub(crate) params: wgpu::Buffer,
    /// Activation slots 0 (input) ..= 7 (embeddings), [`SLOT_LEN`] each per image.
    pub(crate) slots: Vec<wgpu::Buffer>,
    /// `MAP_READ | COPY_DST` copy of slot 7.
    pub(crate) staging: wgpu::Buffer,
    /// One per stage.
    pub(crate) bind_groups: Vec<wgpu::BindGroup>,
}

impl BatchBuffers {
    /// Creates buffers and bind groups for `capacity` images (at least 1).
    pub(crate) fn new(device: &wgpu::Device, pipelines: &Pipelines, weights: &WeightBuffers, capacity: usize) -> Self {
        let capacity = capacity.max(1);
        let bytes = |slot: usize| (SLOT_LEN[slot] * capacity) as u64 * F32;
        let params = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("net batch size"),
            size: 16,
            usage: wgpu::BufferUsages::UNIFORM | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let last = SLOT_LEN.len() - 1;
        let slots: Vec<wgpu::Buffer> = (0..SLOT_LEN.len())
            .map(|slot| {
                let mut usage = wgpu::BufferUsages::STORAGE;
                if slot == 0 {
                    usage |= wgpu::BufferUsages::COPY_DST;
                }
                if slot == last {
                    usage |= wgpu::BufferUsages::COPY_SRC;
                }
                device.create_buffer(&wgpu::BufferDescriptor {
                    label: Some(SLOT_LABELS[slot]),
                    size: bytes(slot),
                    usage,
                    mapped_at_creation: false,
                })
            })
            .collect();
        let staging = device.create_buffer(&wgpu::BufferDescriptor {
            label: Some("net staging"),
            size: bytes(last),
            usage: wgpu::BufferUsages::MAP_READ | wgpu::BufferUsages::COPY_DST,
            mapped_at_creation: false,
        });
        let bind_groups = STAGES
            .iter()
            .enumerate()
            .map(|(s, stage)| {
                let mut buffers = vec![&params, &slots[s]];
                if let Some((w, b)) = stage.params {
                    buffers.push(&weights.tensors[w]);
                    buffers.push(&weights.tensors[b]);
                }
                buffers.push(&slots[s + 1]);
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
                    layout: pipelines.layout(stage),
                    entries: &entries,
                })
            })
            .collect();
        Self { capacity, params, slots, staging, bind_groups }
    }

    /// Queues the batch size and the input images for the next submission.
    pub(crate) fn write_inputs(&self, queue: &wgpu::Queue, n: usize, inputs: &[f32]) {
        let params = [n as u32, 0, 0, 0];
        queue.write_buffer(&self.params, 0, bytemuck::cast_slice(&params));
        queue.write_buffer(&self.slots[0], 0, bytemuck::cast_slice(inputs));
    }

    /// Bytes of embeddings for `n` images.
    pub(crate) fn output_bytes(n: usize) -> u64 {
        (SLOT_LEN[SLOT_LEN.len() - 1] * n) as u64 * F32
    }
}

const SLOT_LABELS: [&str; 8] = [
    "net input",
    "net conv1 out",
    "net pool1 out",
    "net conv2 out",
    "net pool2 out",
    "net fc1 out",
    "net fc2 out",
    "net embeddings",
];
