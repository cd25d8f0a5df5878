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

/// The URL query parameter that injects a [`GpuFault`] into the page's GPU
/// paths (the faces panel and the training panel), for end-to-end tests:
/// `?gpu-fault=adapter-null`, `device-creation`, `shader-compile`,
/// `no-webgpu`, `readback-failure` or `device-lost-after-N` (N forwards
/// succeed, then the device is destroyed).
pub const FAULT_QUERY_PARAM: &str = "gpu-fault";

impl GpuFault {
    /// The fault a [`FAULT_QUERY_PARAM`] value names, `None` for anything
    /// else (an unknown value injects nothing).
    pub fn parse(value: &str) -> Option<GpuFault> {
        match value.trim() {
            "no-webgpu" => Some(GpuFault::NoWebGpu),
            "adapter-null" => Some(GpuFault::AdapterNull),
            "device-creation" => Some(GpuFault::DeviceCreation),
            "shader-compile" => Some(GpuFault::ShaderCompile),
            "readback-failure" => Some(GpuFault::ReadbackFailure),
            other => {
                let n = other.strip_prefix("device-lost-after-")?;
                if n.is_empty() || !n.bytes().all(|b| b.is_ascii_digit()) {
                    return None;
                }
                n.parse().ok().map(GpuFault::DeviceLostAfterForwards)
            }
        }
    }

    /// The fault named by [`FAULT_QUERY_PARAM`] in a URL query string such
    /// as `location.search` (`"?lang=en&gpu-fault=adapter-null"`; the
    /// leading `?` is optional; the first occurrence counts).
    pub fn from_query(query: &str) -> Option<GpuFault> {
        let query = query.strip_prefix('?').unwrap_or(query);
        let value = query.split('&').find_map(|pair| match pair.split_once('=') {
            Some((key, value)) if key == FAULT_QUERY_PARAM => Some(value),
            _ => None,
        })?;
        GpuFault::parse(value)
    }
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_fault_has_a_query_value() {
        assert_eq!(GpuFault::parse("no-webgpu"), Some(GpuFault::NoWebGpu));
        assert_eq!(GpuFault::parse("adapter-null"), Some(GpuFault::AdapterNull));
        assert_eq!(GpuFault::parse("device-creation"), Some(GpuFault::DeviceCreation));
        assert_eq!(GpuFault::parse("shader-compile"), Some(GpuFault::ShaderCompile));
        assert_eq!(GpuFault::parse("readback-failure"), Some(GpuFault::ReadbackFailure));
        assert_eq!(GpuFault::parse("device-lost-after-0"), Some(GpuFault::DeviceLostAfterForwards(0)));
        assert_eq!(GpuFault::parse("device-lost-after-12"), Some(GpuFault::DeviceLostAfterForwards(12)));
    }

    #[test]
    fn unknown_or_malformed_values_inject_nothing() {
        for bad in [
            "",
            "adapter",
            "device-lost-after-",
            "device-lost-after-x",
            "device-lost-after--1",
            "device-lost-after-+3",
            "device-lost-after-99999999999",
        ] {
            assert_eq!(GpuFault::parse(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn the_fault_is_found_among_other_parameters() {
        assert_eq!(GpuFault::from_query("?lang=en&gpu-fault=adapter-null"), Some(GpuFault::AdapterNull));
        assert_eq!(GpuFault::from_query("gpu-fault=device-lost-after-5"), Some(GpuFault::DeviceLostAfterForwards(5)));
        assert_eq!(
            GpuFault::from_query("?gpu-fault=shader-compile&gpu-fault=no-webgpu"),
            Some(GpuFault::ShaderCompile)
        );
        assert_eq!(GpuFault::from_query("?lang=en"), None);
        assert_eq!(GpuFault::from_query("?xgpu-fault=adapter-null"), None);
        assert_eq!(GpuFault::from_query(""), None);
    }
}
