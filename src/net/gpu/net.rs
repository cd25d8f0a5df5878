//! [`GpuNet`]: the embedding net's forward pass on the GPU, created once and
//! reused for every batch.

use super::buffers::{self, BatchBuffers, WeightBuffers};
use super::device::{self, catch_errors, Health};
use super::grad_buffers::GradBuffers;
use super::grad_pipeline::GradPipelines;
use super::pipeline::{workgroups, Pipelines, SLOT_LEN, STAGES};
use super::{readback, GpuError, GpuFault, GpuOptions};
use crate::net::arch::{EMBED_DIM, INPUT_LEN};
use crate::net::Weights;

/// The forward pass of the embedding net as WGSL compute shaders (see the
/// [module docs](super) for the stages and buffers).
///
/// Create it once with [`GpuNet::new`] (async), then call
/// [`GpuNet::forward`] for each batch and [`GpuNet::update_weights`] when
/// training changes the weights. After a device loss every call returns
/// [`GpuError::DeviceLost`]; create a new `GpuNet` (or fall back to the CPU).
pub struct GpuNet {
    pub(super) device: wgpu::Device,
    pub(super) queue: wgpu::Queue,
    info: wgpu::AdapterInfo,
    pub(super) health: Health,
    pipelines: Pipelines,
    pub(super) weights: WeightBuffers,
    /// `None` after a failed readback (its staging buffer is unusable).
    pub(super) batch: Option<BatchBuffers>,
    /// Counts the batch buffers built, so the backward pass knows when its
    /// bind groups point at old ones.
    pub(super) generation: u64,
    /// Images of the last successful forward, whose activations the
    /// backward pass reads; `None` before one or after a failure.
    pub(super) last_forward: Option<usize>,
    /// The backward pipelines, compiled by the first backward.
    pub(super) grad_pipelines: Option<GradPipelines>,
    /// The backward buffers, `None` until needed or after a failure.
    pub(super) grad: Option<GradBuffers>,
    batch_capacity: usize,
    max_batch: usize,
    fault: Option<GpuFault>,
    forwards: u32,
    /// A forward was submitted and its readback not finished (its future
    /// was dropped mid-way): the staging buffer may still be mapping.
    in_flight: bool,
}

impl GpuNet {
    /// Acquires an adapter and a device, compiles the seven pipelines,
    /// uploads `weights` and allocates buffers for
    /// [`GpuOptions::batch_capacity`] images.
    ///
    /// Natively, drive it with `pollster::block_on`; in the browser, await it
    /// inside `wasm_bindgen_futures::spawn_local` (never block there).
    pub async fn new(weights: &Weights, options: GpuOptions) -> Result<Self, GpuError> {
        buffers::check_weights(weights)?;
        let acquired = device::acquire(&options).await?;
        let device = acquired.device;
        let break_shader = options.fault == Some(GpuFault::ShaderCompile);
        let pipelines = Pipelines::create(&device, break_shader).await?;
        let max_batch = buffers::max_batch(&device.limits());
        let capacity = options.batch_capacity.clamp(1, max_batch.max(1));
        let weight_buffers = WeightBuffers::upload(&device, weights);
        let batch = BatchBuffers::new(&device, &pipelines, &weight_buffers, capacity);
        Ok(Self {
            device,
            queue: acquired.queue,
            info: acquired.info,
            health: acquired.health,
            pipelines,
            weights: weight_buffers,
            batch_capacity: batch.capacity,
            batch: Some(batch),
            max_batch,
            generation: 0,
            last_forward: None,
            grad_pipelines: None,
            grad: None,
            fault: options.fault,
            forwards: 0,
            in_flight: false,
        })
    }

    /// Writes new weights into the existing buffers (no pipeline or buffer
    /// is recreated); the next [`GpuNet::forward`] uses them.
    pub fn update_weights(&mut self, weights: &Weights) -> Result<(), GpuError> {
        self.check_alive()?;
        buffers::check_weights(weights)?;
        self.weights.write(&self.queue, weights);
        // The activations no longer belong to these weights.
        self.last_forward = None;
        Ok(())
    }

    /// Embeds a batch: `inputs` holds n images of [`INPUT_LEN`] values (CHW,
    /// one after another); the result holds n × 3 values, each row on the
    /// unit sphere. The whole batch is one command encoder, one submission
    /// and one readback. An empty batch returns an empty vector.
    pub async fn forward(&mut self, inputs: &[f32]) -> Result<Vec<f32>, GpuError> {
        self.check_alive()?;
        self.last_forward = None;
        if !inputs.len().is_multiple_of(INPUT_LEN) {
            return Err(GpuError::InvalidInput { len: inputs.len() });
        }
        let n = inputs.len() / INPUT_LEN;
        if n == 0 {
            return Ok(Vec::new());
        }
        if n > self.max_batch {
            return Err(GpuError::BatchTooLarge { n, max: self.max_batch });
        }
        if let Some(GpuFault::DeviceLostAfterForwards(after)) = self.fault {
            if self.forwards >= after {
                return Err(self.lose_device().await);
            }
        }
        let break_readback = self.fault == Some(GpuFault::ReadbackFailure);
        if break_readback {
            self.fault = None;
        }

        if self.in_flight {
            self.batch = None;
        }
        self.ensure_capacity(n);
        let Some(batch) = self.batch.as_ref() else {
            unreachable!("ensure_capacity always leaves buffers");
        };
        self.in_flight = true;
        let (pending, scope_error) = catch_errors(&self.device, || self.submit(batch, n, inputs, break_readback)).await;
        self.wait_idle();
        let values = pending.finish().await;
        self.in_flight = false;

        if let Some(reason) = self.health.lost_reason() {
            return Err(GpuError::DeviceLost { reason });
        }
        let values = match values {
            Ok(values) => values,
            Err(reason) => {
                // The staging buffer may be destroyed or stuck: start afresh.
                self.batch = None;
                let reason = match scope_error {
                    Some(detail) => format!("{reason}: {detail}"),
                    None => reason,
                };
                return Err(GpuError::Readback { reason });
            }
        };
        if let Some(message) = scope_error {
            self.batch = None;
            return Err(GpuError::Validation { message });
        }
        debug_assert_eq!(values.len(), n * EMBED_DIM);
        self.forwards = self.forwards.saturating_add(1);
        self.last_forward = Some(n);
        Ok(values)
    }

    /// The adapter's name, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)" on
    /// lavapipe. In the browser it is `GPUAdapterInfo.description`, or when
    /// the browser leaves that empty (Chromium does) vendor, architecture
    /// and device joined: "google swiftshader" in headless Chromium.
    pub fn adapter_name(&self) -> &str {
        &self.info.name
    }

    /// The wgpu backend in use: "vulkan" natively, "webgpu" in the browser.
    pub fn backend_name(&self) -> &'static str {
        self.info.backend.to_str()
    }

    /// True once the device-lost callback has fired.
    pub fn is_lost(&self) -> bool {
        self.health.lost_reason().is_some()
    }

    /// Errors the device reported outside any error scope (the handler
    /// records them instead of panicking), oldest first, at most 16.
    pub fn uncaptured_errors(&self) -> Vec<String> {
        self.health.uncaptured_errors()
    }

    /// Images the activation and staging buffers currently hold.
    pub fn batch_capacity(&self) -> usize {
        self.batch_capacity
    }

    /// The largest batch one [`GpuNet::forward`] accepts on this device.
    pub fn max_batch(&self) -> usize {
        self.max_batch
    }

    /// Writes the inputs, records the seven dispatches and the copy into the
    /// staging buffer in one encoder, submits it and starts the map.
    fn submit(&self, batch: &BatchBuffers, n: usize, inputs: &[f32], break_readback: bool) -> readback::PendingMap {
        batch.write_inputs(&self.queue, n, inputs);
        let mut encoder =
            self.device.create_command_encoder(&wgpu::CommandEncoderDescriptor { label: Some("net forward") });
        {
            let mut pass = encoder.begin_compute_pass(&wgpu::ComputePassDescriptor {
                label: Some("net forward"),
                timestamp_writes: None,
            });
            for (s, pipeline) in self.pipelines.stages.iter().enumerate() {
                let (x, y) = workgroups(n * SLOT_LEN[s + 1]);
                pass.set_pipeline(pipeline);
                pass.set_bind_group(0, &batch.bind_groups[s], &[]);
                pass.dispatch_workgroups(x, y, 1);
            }
        }
        let bytes = BatchBuffers::output_bytes(n);
        encoder.copy_buffer_to_buffer(&batch.slots[STAGES.len()], 0, &batch.staging, 0, bytes);
        self.queue.submit([encoder.finish()]);
        if break_readback {
            batch.staging.destroy();
        }
        readback::start(&batch.staging, bytes)
    }

    pub(super) fn check_alive(&self) -> Result<(), GpuError> {
        match self.health.lost_reason() {
            Some(reason) => Err(GpuError::DeviceLost { reason }),
            None => Ok(()),
        }
    }

    /// Grows (never shrinks) the batch buffers to hold `n` images.
    fn ensure_capacity(&mut self, n: usize) {
        if self.batch.is_none() || n > self.batch_capacity {
            let capacity = n.max(self.batch_capacity);
            let batch = BatchBuffers::new(&self.device, &self.pipelines, &self.weights, capacity);
            self.generation += 1;
            self.batch_capacity = batch.capacity;
            self.batch = Some(batch);
        }
    }

    /// Natively: block until the submission is done and callbacks have run.
    /// In the browser the event loop does this; `poll` would be a no-op.
    pub(super) fn wait_idle(&self) {
        #[cfg(not(target_arch = "wasm32"))]
        {
            // A failed poll (device lost) surfaces through the map callback
            // and the lost flag, which `forward` checks next.
            let _ = self.device.poll(wgpu::PollType::wait_indefinitely());
        }
    }

    /// Fault injection: destroys the device and waits for the device-lost
    /// callback, as a real loss would report it.
    async fn lose_device(&mut self) -> GpuError {
        self.device.destroy();
        #[cfg(not(target_arch = "wasm32"))]
        {
            let _ = self.device.poll(wgpu::PollType::Poll);
        }
        let reason = self.health.until_lost().await;
        GpuError::DeviceLost { reason }
    }
}
