//! The GPU forward pass (wgpu over Vulkan: lavapipe, Mesa's software
//! driver) against the CPU forward pass: random seeded weights and inputs,
//! batches of 1, 7 and 300, 1e-4 per component; weight updates; buffer
//! growth; every injected fault gives its typed error.
//!
//! No adapter is a FAILURE (install `mesa-vulkan-drivers`), unless
//! `TRIPLETLAB_SKIP_GPU_TESTS=1` is set.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(feature = "gpu")]

use pollster::block_on;
use tripletlab::net::arch::INPUT_LEN;
use tripletlab::net::gpu::{GpuError, GpuFault, GpuNet, GpuOptions};
use tripletlab::net::Weights;

const TOLERANCE: f32 = 1e-4;

#[path = "common/gpu_fixtures.rs"]
mod fixtures;
#[path = "common/native_gpu.rs"]
mod native_gpu;
use fixtures::{random_inputs, random_weights};
use native_gpu::gpu;

/// The CPU forward pass of the crate: the reference the GPU must match.
fn cpu_forward(weights: &Weights, inputs: &[f32]) -> Vec<f32> {
    tripletlab::net::forward::forward_batch(weights, inputs)
}

fn assert_close(gpu: &[f32], cpu: &[f32], what: &str) {
    assert_eq!(gpu.len(), cpu.len(), "{what}: lengths");
    let (worst, at) = gpu
        .iter()
        .zip(cpu)
        .enumerate()
        .map(|(i, (g, c))| ((g - c).abs(), i))
        .fold((0.0f32, 0), |acc, x| if x.0 > acc.0 || x.0.is_nan() { x } else { acc });
    assert!(worst <= TOLERANCE, "{what}: component {at} differs by {worst} (gpu {}, cpu {})", gpu[at], cpu[at]);
}

#[test]
fn matches_the_cpu_forward_for_batches_of_1_7_and_300() {
    let weights = random_weights(1);
    let Some(mut net) = gpu(&weights, GpuOptions::default()) else { return };
    eprintln!("adapter: {} ({})", net.adapter_name(), net.backend_name());
    assert_eq!(net.backend_name(), "vulkan");
    assert!(!net.adapter_name().is_empty());
    for (n, seed) in [(1, 11), (7, 12), (300, 13)] {
        let inputs = random_inputs(n, seed);
        let got = block_on(net.forward(&inputs)).expect("forward");
        assert_eq!(got.len(), n * 3);
        assert_close(&got, &cpu_forward(&weights, &inputs), &format!("batch {n}"));
        for row in got.chunks(3) {
            let norm = row.iter().map(|v| v * v).sum::<f32>().sqrt();
            assert!((norm - 1.0).abs() < 1e-5, "row not on the unit sphere: {row:?}");
        }
    }
    assert!(net.uncaptured_errors().is_empty(), "{:?}", net.uncaptured_errors());
}

#[test]
fn every_bundled_thumbnail_embeds_the_same_on_gpu_and_cpu() {
    let root = env!("CARGO_MANIFEST_DIR");
    let read = |p: &str| std::fs::read(format!("{root}/{p}")).unwrap_or_else(|e| panic!("{p}: {e}"));
    let weights = Weights::from_bytes(&read("assets/net/weights.bin")).expect("bundled weights");
    let manifest = String::from_utf8(read("assets/faces/manifest.json")).unwrap();
    let faces = tripletlab::faces::FaceSet::from_bytes(&read("assets/faces/atlas.png"), &manifest).expect("atlas");
    let inputs: Vec<f32> = (0..faces.len()).flat_map(|i| faces.net_input(i)).collect();
    let Some(mut net) = gpu(&weights, GpuOptions::default()) else { return };
    let got = block_on(net.forward(&inputs)).expect("forward");
    assert_eq!(got.len(), faces.len() * 3);
    assert_close(&got, &cpu_forward(&weights, &inputs), "bundled thumbnails");
}

/// Natively the net and its forward future can move to another thread (a
/// trainer's worker), so both must be `Send`.
#[test]
fn the_net_and_its_forward_are_send() {
    fn assert_send<T: Send>(_: &T) {}
    let Some(mut net) = gpu(&random_weights(9), GpuOptions::default()) else { return };
    let future = net.forward(&[]);
    assert_send(&future);
    assert_eq!(block_on(future), Ok(Vec::new()));
    assert_send(&net);
}

#[test]
fn update_weights_takes_effect_on_the_next_forward() {
    let (first, second) = (random_weights(2), random_weights(3));
    let Some(mut net) = gpu(&first, GpuOptions::default()) else { return };
    let inputs = random_inputs(5, 21);
    let before = block_on(net.forward(&inputs)).unwrap();
    assert_close(&before, &cpu_forward(&first, &inputs), "first weights");
    net.update_weights(&second).unwrap();
    let after = block_on(net.forward(&inputs)).unwrap();
    assert_close(&after, &cpu_forward(&second, &inputs), "second weights");
    assert!(before.iter().zip(&after).any(|(a, b)| (a - b).abs() > 1e-2));
}

#[test]
fn buffers_grow_only_for_a_larger_batch() {
    let weights = random_weights(4);
    let options = GpuOptions { batch_capacity: 4, ..GpuOptions::default() };
    let Some(mut net) = gpu(&weights, options) else { return };
    assert_eq!(net.batch_capacity(), 4);
    for (n, capacity) in [(1, 4), (4, 4), (9, 9), (300, 300), (7, 300), (300, 300)] {
        let inputs = random_inputs(n, 100 + n as u64);
        let got = block_on(net.forward(&inputs)).unwrap();
        assert_eq!(net.batch_capacity(), capacity, "after a batch of {n}");
        assert_close(&got, &cpu_forward(&weights, &inputs), &format!("batch {n}"));
    }
    assert!(net.max_batch() >= 300);
}

#[test]
fn bad_inputs_and_weights_are_typed_errors() {
    let weights = random_weights(5);
    let Some(mut net) = gpu(&weights, GpuOptions::default()) else { return };
    assert_eq!(block_on(net.forward(&[])), Ok(Vec::new()));
    assert_eq!(block_on(net.forward(&[0.5; INPUT_LEN + 1])), Err(GpuError::InvalidInput { len: INPUT_LEN + 1 }));
    let mut short = weights.clone();
    short.fc1_b.pop();
    assert!(matches!(
        net.update_weights(&short),
        Err(GpuError::InvalidWeights { tensor: "fc1.bias", len: 31, expected: 32 })
    ));
    let too_many = vec![0.0; (net.max_batch() + 1) * INPUT_LEN];
    assert!(matches!(block_on(net.forward(&too_many)), Err(GpuError::BatchTooLarge { .. })));
    // Still usable after the refusals.
    let inputs = random_inputs(2, 31);
    assert_close(&block_on(net.forward(&inputs)).unwrap(), &cpu_forward(&weights, &inputs), "after");
}

fn creation_error(fault: GpuFault) -> Option<GpuError> {
    if std::env::var("TRIPLETLAB_SKIP_GPU_TESTS").is_ok_and(|v| v == "1") {
        return None;
    }
    match block_on(GpuNet::new(&random_weights(6), GpuOptions::with_fault(fault))) {
        Ok(_) => panic!("{fault:?}: creation succeeded"),
        Err(e) => {
            eprintln!("{fault:?}: {e}");
            Some(e)
        }
    }
}

#[test]
fn creation_faults_give_their_typed_errors() {
    let Some(e) = creation_error(GpuFault::NoWebGpu) else { return };
    assert_eq!(e, GpuError::WebGpuUnavailable);
    assert!(matches!(creation_error(GpuFault::AdapterNull), Some(GpuError::NoAdapter { .. })));
    let e = creation_error(GpuFault::DeviceCreation).unwrap();
    assert!(matches!(&e, GpuError::DeviceRequest { reason } if !reason.is_empty()), "{e:?}");
    let e = creation_error(GpuFault::ShaderCompile).unwrap();
    assert!(matches!(&e, GpuError::ShaderCompile { message } if !message.is_empty()), "{e:?}");
}

#[test]
fn an_injected_device_loss_is_reported_and_sticks() {
    let weights = random_weights(7);
    let options = GpuOptions::with_fault(GpuFault::DeviceLostAfterForwards(2));
    let Some(mut net) = gpu(&weights, options) else { return };
    let inputs = random_inputs(3, 41);
    for _ in 0..2 {
        assert_close(&block_on(net.forward(&inputs)).unwrap(), &cpu_forward(&weights, &inputs), "before");
    }
    assert!(!net.is_lost());
    let e = block_on(net.forward(&inputs)).unwrap_err();
    eprintln!("{e}");
    assert!(matches!(e, GpuError::DeviceLost { .. }), "{e:?}");
    assert!(net.is_lost());
    assert!(matches!(block_on(net.forward(&inputs)), Err(GpuError::DeviceLost { .. })));
    assert!(matches!(net.update_weights(&weights), Err(GpuError::DeviceLost { .. })));
}

#[test]
fn an_injected_readback_failure_is_reported_once() {
    let weights = random_weights(8);
    let Some(mut net) = gpu(&weights, GpuOptions::with_fault(GpuFault::ReadbackFailure)) else {
        return;
    };
    let inputs = random_inputs(4, 51);
    let e = block_on(net.forward(&inputs)).unwrap_err();
    eprintln!("{e}");
    assert!(matches!(e, GpuError::Readback { .. }), "{e:?}");
    assert!(!net.is_lost());
    let got = block_on(net.forward(&inputs)).expect("the forward after a failed readback");
    assert_close(&got, &cpu_forward(&weights, &inputs), "after the failure");
}
