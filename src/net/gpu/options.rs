//! [`GpuOptions`] for [`super::GpuNet::new`], and [`GpuFault`]: deterministic
//! fault injection, so that tests (native and in the browser) and the UI's
//! fallback code can walk every failure path on a machine where the GPU works.
//!
//! Each fault drives the real wgpu code path where it can: the adapter
//! request really finds nothing, the device request really exceeds the
//! adapter's limits, the shader really fails to compile, the device is really
//! destroyed (and the device-lost callback really fires), the staging buffer
//! is really destroyed before it is mapped. Only [`GpuFault::NoWebGpu`] is
//! simulated, since `navigator.gpu` cannot be removed from inside the page.

/// A failure to inject into [`super::GpuNet`] (tests and hardening only).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum GpuFault {
    /// Behave as if `navigator.gpu` were missing:
    /// [`super::GpuError::WebGpuUnavailable`] (natively too).
    NoWebGpu,
    /// Ask wgpu for an adapter with no backend enabled, so that the request
    /// finds none: [`super::GpuError::NoAdapter`].
    AdapterNull,
    /// Request the device with a limit beyond the adapter's (one more
    /// invocation per workgroup than it allows): [`super::GpuError::DeviceRequest`].
    DeviceCreation,
    /// Compile a convolution shader with a syntax error appended:
    /// [`super::GpuError::ShaderCompile`].
    ShaderCompile,
    /// After this many successful forwards, destroy the device at the start
    /// of the next one: that forward and all later ones return
    /// [`super::GpuError::DeviceLost`], and `is_lost()` turns true.
    DeviceLostAfterForwards(u32),
    /// Destroy the staging buffer before the next forward maps it:
    /// [`super::GpuError::Readback`] once; the forward after it recreates its
    /// buffers and succeeds.
    ReadbackFailure,
}

/// How to create a [`super::GpuNet`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GpuOptions {
    /// Images the activation and staging buffers hold at creation; they grow
    /// (never shrink) when a larger batch comes. At least 1 is used.
    pub batch_capacity: usize,
    /// Prefer a discrete GPU over an integrated one (`HighPerformance`).
    pub high_performance: bool,
    /// A failure to inject, or `None` for normal operation.
    pub fault: Option<GpuFault>,
}

impl Default for GpuOptions {
    fn default() -> Self {
        Self { batch_capacity: 32, high_performance: false, fault: None }
    }
}

impl GpuOptions {
    /// Default options with `fault` injected.
    pub fn with_fault(fault: GpuFault) -> Self {
        Self { fault: Some(fault), ..Self::default() }
    }
}
