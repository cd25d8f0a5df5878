//! The GPU forward pass in the browser (WebGPU; SwiftShader in headless
//! Chromium started with `--enable-unsafe-webgpu`, see webdriver.json)
//! against the CPU forward pass, and the injected faults' typed errors.
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_gpu`
#![cfg(target_arch = "wasm32")]
#![cfg(feature = "gpu")]

use tripletlab::net::forward::forward_batch;
use tripletlab::net::gpu::{GpuError, GpuFault, GpuNet, GpuOptions};
use tripletlab::net::Weights;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const TOLERANCE: f32 = 1e-4;

#[path = "common/gpu_fixtures.rs"]
mod fixtures;
use fixtures::{random_inputs, random_weights};

fn assert_close(gpu: &[f32], cpu: &[f32], what: &str) {
    assert_eq!(gpu.len(), cpu.len(), "{what}: lengths");
    for (i, (g, c)) in gpu.iter().zip(cpu).enumerate() {
        assert!((g - c).abs() <= TOLERANCE, "{what}: component {i}: gpu {g}, cpu {c}");
    }
}

async fn gpu(weights: &Weights, options: GpuOptions) -> GpuNet {
    GpuNet::new(weights, options)
        .await
        .unwrap_or_else(|e| panic!("WebGPU unavailable in this Chromium (needs --enable-unsafe-webgpu): {e}"))
}

#[wasm_bindgen_test]
async fn gpu_forward_matches_the_cpu_in_the_browser() {
    let weights = random_weights(1);
    let mut net = gpu(&weights, GpuOptions::default()).await;
    web_sys_log(&format!("adapter: {} ({})", net.adapter_name(), net.backend_name()));
    assert_eq!(net.backend_name(), "webgpu");
    for (n, seed) in [(1, 11), (7, 12), (300, 13)] {
        let inputs = random_inputs(n, seed);
        let got = net.forward(&inputs).await.expect("forward");
        assert_close(&got, &forward_batch(&weights, &inputs), &format!("batch {n}"));
    }
    let second = random_weights(2);
    net.update_weights(&second).unwrap();
    let inputs = random_inputs(3, 14);
    let got = net.forward(&inputs).await.unwrap();
    assert_close(&got, &forward_batch(&second, &inputs), "updated weights");
    assert!(net.uncaptured_errors().is_empty(), "{:?}", net.uncaptured_errors());
}

#[wasm_bindgen_test]
async fn creation_faults_give_their_typed_errors_in_the_browser() {
    let weights = random_weights(3);
    let error = |fault| {
        let weights = weights.clone();
        async move {
            match GpuNet::new(&weights, GpuOptions::with_fault(fault)).await {
                Ok(_) => panic!("{fault:?}: creation succeeded"),
                Err(e) => {
                    web_sys_log(&format!("{fault:?}: {e}"));
                    e
                }
            }
        }
    };
    assert!(matches!(error(GpuFault::AdapterNull).await, GpuError::NoAdapter { .. }));
    assert_eq!(error(GpuFault::NoWebGpu).await, GpuError::WebGpuUnavailable);
    assert!(matches!(error(GpuFault::DeviceCreation).await, GpuError::DeviceRequest { .. }));
    assert!(matches!(error(GpuFault::ShaderCompile).await, GpuError::ShaderCompile { .. }));
}

#[wasm_bindgen_test]
async fn runtime_faults_give_their_typed_errors_in_the_browser() {
    let weights = random_weights(4);
    let inputs = random_inputs(2, 41);
    let expected = forward_batch(&weights, &inputs);

    let mut net = gpu(&weights, GpuOptions::with_fault(GpuFault::ReadbackFailure)).await;
    let e = net.forward(&inputs).await.unwrap_err();
    web_sys_log(&format!("ReadbackFailure: {e}"));
    assert!(matches!(e, GpuError::Readback { .. }), "{e:?}");
    assert_close(&net.forward(&inputs).await.unwrap(), &expected, "after the failed readback");

    let mut net = gpu(&weights, GpuOptions::with_fault(GpuFault::DeviceLostAfterForwards(1))).await;
    assert_close(&net.forward(&inputs).await.unwrap(), &expected, "before the loss");
    let e = net.forward(&inputs).await.unwrap_err();
    web_sys_log(&format!("DeviceLostAfterForwards(1): {e}"));
    assert!(matches!(e, GpuError::DeviceLost { .. }), "{e:?}");
    assert!(net.is_lost());
    assert!(matches!(net.forward(&inputs).await, Err(GpuError::DeviceLost { .. })));
}

/// A forward whose future is dropped before it completes leaves the
/// staging buffer mapping; the next forward must still work.
#[wasm_bindgen_test]
async fn a_dropped_forward_does_not_poison_the_next() {
    let weights = random_weights(10);
    let mut net = gpu(&weights, GpuOptions::default()).await;
    let inputs = random_inputs(3, 61);
    {
        // In the browser the first poll submits and then waits for WebGPU.
        let future = std::pin::pin!(net.forward(&inputs));
        // Poll once with a no-op waker, then drop it.
        let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
        assert!(std::future::Future::poll(future, &mut cx).is_pending());
    }
    let got = net.forward(&inputs).await.expect("forward after a dropped one");
    assert_close(&got, &forward_batch(&weights, &inputs), "after a dropped forward");
}

fn web_sys_log(line: &str) {
    wasm_bindgen_test::console_log!("{line}");
}
