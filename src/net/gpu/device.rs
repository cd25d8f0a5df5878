//! Acquiring the GPU: instance → adapter → device and queue, with a typed
//! [`GpuError`] for each way it can fail, plus the device's [`Health`]: the
//! device-lost callback and the uncaptured-error handler (which records
//! errors instead of panicking, wgpu's default).
//!
//! Natively wgpu drives Vulkan (lavapipe in the tests); on wasm32 it drives
//! the browser's WebGPU. wgpu 30 does not tell "`navigator.gpu` is missing"
//! apart from "`requestAdapter()` returned null" (both are
//! `RequestAdapterError::NotFound`), so the browser is probed for
//! `navigator.gpu` first.

use std::future::Future;
use std::pin::Pin;
use std::sync::{Arc, Mutex, PoisonError};
use std::task::{Context, Poll, Waker};

use super::error::describe;
use super::{GpuError, GpuFault, GpuOptions};

/// Uncaptured errors kept at most (the oldest are dropped).
const MAX_RECORDED_ERRORS: usize = 16;

#[derive(Default)]
struct HealthState {
    lost: Option<String>,
    uncaptured: Vec<String>,
    waker: Option<Waker>,
}

/// What the device reported asynchronously: whether (and why) it was lost,
/// and the errors nobody's error scope caught. Shared with wgpu's callbacks.
#[derive(Clone, Default)]
pub(crate) struct Health(Arc<Mutex<HealthState>>);

impl Health {
    fn state(&self) -> std::sync::MutexGuard<'_, HealthState> {
        self.0.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Called by the device-lost callback.
    fn mark_lost(&self, reason: wgpu::DeviceLostReason, message: String) {
        let text = match (reason, message.trim()) {
            (wgpu::DeviceLostReason::Destroyed, "") => "the device was destroyed".to_owned(),
            (wgpu::DeviceLostReason::Destroyed, m) => format!("the device was destroyed: {m}"),
            (_, "") => "unknown reason".to_owned(),
            (_, m) => m.to_owned(),
        };
        let waker = {
            let mut state = self.state();
            state.lost.get_or_insert(text);
            state.waker.take()
        };
        if let Some(waker) = waker {
            waker.wake();
        }
    }

    fn record(&self, error: &wgpu::Error) {
        let mut state = self.state();
        if state.uncaptured.len() == MAX_RECORDED_ERRORS {
            state.uncaptured.remove(0);
        }
        state.uncaptured.push(describe(error));
    }

    /// The reason of the loss, if the device was lost.
    pub(crate) fn lost_reason(&self) -> Option<String> {
        self.state().lost.clone()
    }

    /// The uncaptured errors recorded so far, oldest first.
    pub(crate) fn uncaptured_errors(&self) -> Vec<String> {
        self.state().uncaptured.clone()
    }

    /// Resolves once the device-lost callback has run.
    pub(crate) fn until_lost(&self) -> UntilLost {
        UntilLost(self.clone())
    }
}

/// Future of [`Health::until_lost`].
pub(crate) struct UntilLost(Health);

impl Future for UntilLost {
    type Output = String;

    fn poll(self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<String> {
        let mut state = self.0.state();
        match &state.lost {
            Some(reason) => Poll::Ready(reason.clone()),
            None => {
                state.waker = Some(cx.waker().clone());
                Poll::Pending
            }
        }
    }
}

/// A device ready for compute work.
pub(crate) struct Acquired {
    pub(crate) device: wgpu::Device,
    pub(crate) queue: wgpu::Queue,
    pub(crate) info: wgpu::AdapterInfo,
    pub(crate) health: Health,
}

/// Finds an adapter and creates a device, honouring the injected faults
/// `NoWebGpu`, `AdapterNull` and `DeviceCreation`.
pub(crate) async fn acquire(options: &GpuOptions) -> Result<Acquired, GpuError> {
    if options.fault == Some(GpuFault::NoWebGpu) || !browser_has_webgpu() {
        return Err(GpuError::WebGpuUnavailable);
    }
    let backends =
        if options.fault == Some(GpuFault::AdapterNull) { wgpu::Backends::empty() } else { wgpu::Backends::all() };
    let instance = wgpu::Instance::new(wgpu::InstanceDescriptor {
        backends,
        ..wgpu::InstanceDescriptor::new_without_display_handle()
    });
    let power_preference =
        if options.high_performance { wgpu::PowerPreference::HighPerformance } else { wgpu::PowerPreference::None };
    let adapter = instance
        .request_adapter(&wgpu::RequestAdapterOptions { power_preference, ..Default::default() })
        .await
        .map_err(|e| GpuError::NoAdapter { detail: describe(&e) })?;

    let mut required_limits = wgpu::Limits::default();
    if options.fault == Some(GpuFault::DeviceCreation) {
        let adapter_max = adapter.limits().max_compute_invocations_per_workgroup;
        required_limits.max_compute_invocations_per_workgroup = adapter_max.saturating_add(1);
    }
    let (device, queue) = adapter
        .request_device(&wgpu::DeviceDescriptor {
            label: Some("tripletlab net"),
            required_features: wgpu::Features::empty(),
            required_limits,
            ..Default::default()
        })
        .await
        .map_err(|e| GpuError::DeviceRequest { reason: describe(&e) })?;

    let health = Health::default();
    let on_lost = health.clone();
    device.set_device_lost_callback(move |reason, message| on_lost.mark_lost(reason, message));
    let on_error = health.clone();
    device.on_uncaptured_error(Arc::new(move |error| on_error.record(&error)));

    let mut info = adapter.get_info();
    if info.name.trim().is_empty() {
        // wgpu reads only `GPUAdapterInfo.description`, which Chromium
        // leaves empty; vendor and architecture are there.
        info.name = browser_adapter_name(&device).unwrap_or_else(|| format!("unnamed {} adapter", info.backend));
    }
    Ok(Acquired { device, queue, info, health })
}

/// Pushes Validation and Internal error scopes around `work` and returns
/// the first error they caught, described in one line.
pub(crate) async fn catch_errors<T>(device: &wgpu::Device, work: impl FnOnce() -> T) -> (T, Option<String>) {
    let validation = device.push_error_scope(wgpu::ErrorFilter::Validation);
    let internal = device.push_error_scope(wgpu::ErrorFilter::Internal);
    let value = work();
    let internal = internal.pop();
    let validation = validation.pop();
    let internal = internal.await;
    let validation = validation.await;
    let error = validation.or(internal).map(|e| describe(&e));
    (value, error)
}

/// True natively; in the browser, whether `navigator.gpu` exists.
#[cfg(not(target_arch = "wasm32"))]
fn browser_has_webgpu() -> bool {
    true
}

/// Natively wgpu always names the adapter.
#[cfg(not(target_arch = "wasm32"))]
fn browser_adapter_name(_device: &wgpu::Device) -> Option<String> {
    None
}

/// "vendor architecture device" from the device's `adapterInfo`.
#[cfg(target_arch = "wasm32")]
fn browser_adapter_name(device: &wgpu::Device) -> Option<String> {
    web::adapter_name(device.as_webgpu()?)
}

/// True natively; in the browser, whether `navigator.gpu` exists.
#[cfg(target_arch = "wasm32")]
fn browser_has_webgpu() -> bool {
    web::navigator_gpu_present()
}

#[cfg(target_arch = "wasm32")]
mod web {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    #[wasm_bindgen]
    extern "C" {
        /// `globalThis` (a window or a worker scope).
        type GlobalScope;
        /// `navigator` of either scope.
        type NavigatorGpu;

        #[wasm_bindgen(thread_local_v2, js_name = globalThis)]
        static GLOBAL: GlobalScope;

        #[wasm_bindgen(method, getter, structural)]
        fn navigator(this: &GlobalScope) -> Option<NavigatorGpu>;

        #[wasm_bindgen(method, getter, structural)]
        fn gpu(this: &NavigatorGpu) -> JsValue;

        /// A `GPUDevice`, seen only for its `adapterInfo`.
        type DeviceWithInfo;
        /// `GPUAdapterInfo`.
        type AdapterInfo;

        #[wasm_bindgen(method, getter, structural, js_name = adapterInfo)]
        fn adapter_info(this: &DeviceWithInfo) -> Option<AdapterInfo>;
        #[wasm_bindgen(method, getter, structural)]
        fn vendor(this: &AdapterInfo) -> Option<String>;
        #[wasm_bindgen(method, getter, structural)]
        fn architecture(this: &AdapterInfo) -> Option<String>;
        #[wasm_bindgen(method, getter, structural)]
        fn device(this: &AdapterInfo) -> Option<String>;
        #[wasm_bindgen(method, getter, structural)]
        fn description(this: &AdapterInfo) -> Option<String>;
    }

    /// The description of the device's adapter, or else its vendor,
    /// architecture and device joined; `None` when all are empty.
    pub(super) fn adapter_name(device: &wgpu::webgpu::GpuDevice) -> Option<String> {
        let device: &DeviceWithInfo = device.unchecked_ref();
        let info = device.adapter_info()?;
        let description = info.description().unwrap_or_default();
        let name = if description.trim().is_empty() {
            [info.vendor(), info.architecture(), info.device()]
                .into_iter()
                .flatten()
                .filter(|part| !part.trim().is_empty())
                .collect::<Vec<_>>()
                .join(" ")
        } else {
            description
        };
        (!name.trim().is_empty()).then_some(name)
    }

    /// Whether `globalThis.navigator.gpu` is defined and not null.
    pub(super) fn navigator_gpu_present() -> bool {
        GLOBAL.with(|global| {
            global.navigator().is_some_and(|navigator| {
                let gpu = navigator.gpu();
                !gpu.is_undefined() && !gpu.is_null()
            })
        })
    }
}
