//! GPU training in the browser (WebGPU; SwiftShader in headless Chromium
//! started with `--enable-unsafe-webgpu`, see webdriver.json): the WGSL
//! backward pass equals the CPU's `backward` on a random net and batch, and
//! a `Trainer` stepped on WebGPU follows the CPU trainer for five steps
//! (loss history and weights), both within the native test's tolerances.
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --target wasm32-unknown-unknown --test web_gpu_train`
#![cfg(target_arch = "wasm32")]
#![cfg(feature = "gpu")]

use tripletlab::net::arch::{INPUT_LEN, TENSORS};
use tripletlab::net::gpu::{GpuNet, GpuOptions};
use tripletlab::net::{backward, forward_with_cache, TrainConfig, Trainer, Weights};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[path = "common/gpu_fixtures.rs"]
mod fixtures;
use fixtures::{random_inputs, random_weights, Rng};

async fn gpu(weights: &Weights) -> GpuNet {
    GpuNet::new(weights, GpuOptions::default())
        .await
        .unwrap_or_else(|e| panic!("WebGPU unavailable in this Chromium (needs --enable-unsafe-webgpu): {e}"))
}

fn max_difference(a: &Weights, b: &Weights) -> f32 {
    a.tensors()
        .iter()
        .zip(b.tensors())
        .flat_map(|(a, b)| a.iter().zip(b).map(|(x, y)| (x - y).abs()))
        .fold(0.0, f32::max)
}

#[wasm_bindgen_test]
async fn webgpu_backward_matches_the_cpu_backward() {
    let weights = random_weights(3);
    let mut net = gpu(&weights).await;
    assert_eq!(net.backend_name(), "webgpu");
    let n = 9;
    let inputs = random_inputs(n, 31);
    let mut rng = Rng::new(32);
    let grad_e: Vec<f32> = (0..n * 3).map(|_| rng.uniform(-1.0, 1.0)).collect();
    let cpu = backward(&weights, &forward_with_cache(&weights, &inputs), &grad_e);
    net.forward(&inputs).await.expect("forward");
    let got = net.backward(&grad_e).await.expect("backward");
    for ((spec, g), c) in TENSORS.iter().zip(got.tensors()).zip(cpu.tensors()) {
        let scale = c.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        assert!(scale > 0.0, "{}: all-zero CPU gradient", spec.name);
        for (i, (g, c)) in g.iter().zip(c).enumerate() {
            assert!((g - c).abs() <= 2e-4 * scale, "{}[{i}]: gpu {g}, cpu {c} (scale {scale})", spec.name);
        }
    }
    assert!(net.uncaptured_errors().is_empty(), "{:?}", net.uncaptured_errors());
}

#[wasm_bindgen_test]
async fn webgpu_training_follows_cpu_training_for_five_steps() {
    let (ids, per) = (6, 4);
    let bases = random_inputs(ids, 51);
    let mut rng = Rng::new(52);
    let mut inputs = Vec::new();
    let mut labels = Vec::new();
    for id in 0..ids {
        for _ in 0..per {
            let base = &bases[id * INPUT_LEN..(id + 1) * INPUT_LEN];
            inputs.extend(base.iter().map(|&v| (v + rng.uniform(-0.3, 0.3)).clamp(0.0, 1.0)));
            labels.push(id as u32);
        }
    }
    let config = TrainConfig { batch_size: 16, ..TrainConfig::DEFAULT };
    let mut cpu = Trainer::new(config).unwrap();
    let mut on_gpu = Trainer::new(config).unwrap();
    let mut net = gpu(cpu.weights()).await;
    for step in 1..=5 {
        let c = cpu.step(&inputs, &labels).unwrap();
        let g = on_gpu.step_on(&mut net, &inputs, &labels).await.expect("GPU step");
        assert_eq!(g.step, step);
        assert!((c.loss - g.loss).abs() <= 1e-4 * c.loss.max(1e-3), "step {step}: cpu {}, gpu {}", c.loss, g.loss);
    }
    let start = Trainer::new(config).unwrap().weights().clone();
    let moved = max_difference(&start, cpu.weights());
    let diff = max_difference(cpu.weights(), on_gpu.weights());
    assert!(diff <= 1e-4 && moved > 10.0 * diff, "moved {moved}, cpu-gpu difference {diff}");
}
