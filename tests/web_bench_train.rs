//! Benchmark (prints figures, asserts nothing about time): training steps
//! per second in the browser at batch 32 and 128, CPU (wasm simd128 build)
//! vs WebGPU (SwiftShader in headless Chromium: a CPU emulation of a GPU,
//! so its figures say nothing about a real GPU), with the GPU step split
//! into its forward and backward passes. Ignored in the normal suite; run:
//!
//! `WASM_BINDGEN_TEST_TIMEOUT=600 CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown --no-default-features --features gpu --test web_bench_train -- --include-ignored`
#![cfg(target_arch = "wasm32")]
#![cfg(feature = "gpu")]

use tripletlab::net::arch::INPUT_LEN;
use tripletlab::net::gpu::{GpuNet, GpuOptions};
use tripletlab::net::{TrainConfig, Trainer};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// `performance.now()` (works without the `app` feature's web-sys).
    #[wasm_bindgen(js_namespace = performance, js_name = now)]
    fn now() -> f64;
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[wasm_bindgen_test]
#[ignore]
async fn training_steps_cpu_vs_webgpu() {
    // 32 identities × 8 images of structured noise.
    let (ids, per) = (32usize, 8usize);
    let inputs: Vec<f32> = (0..ids * per * INPUT_LEN)
        .map(|i| (((i / (per * INPUT_LEN)) * 31 + (i % INPUT_LEN) * 7 + i % 5) % 255) as f32 / 255.0)
        .collect();
    let labels: Vec<u32> = (0..ids * per).map(|i| (i / per) as u32).collect();
    let mut net =
        GpuNet::new(&tripletlab::net::Weights::zeros(), GpuOptions { batch_capacity: 128, ..GpuOptions::default() })
            .await
            .expect("WebGPU (needs --enable-unsafe-webgpu)");
    let adapter = net.adapter_name().to_string();
    console_log!("| batch | CPU wasm steps/s | WebGPU ({adapter}, emulated) steps/s | GPU forward ms | GPU backward ms | samples |");
    for batch in [32usize, 128] {
        let config = TrainConfig { batch_size: batch, ..TrainConfig::DEFAULT };
        let samples = if batch == 32 { 7 } else { 3 };
        let mut cpu = Trainer::new(config).unwrap();
        cpu.step(&inputs, &labels).unwrap();
        let cpu_ms: Vec<f64> = (0..samples)
            .map(|_| {
                let t = now();
                cpu.step(&inputs, &labels).unwrap();
                now() - t
            })
            .collect();
        let mut gpu = Trainer::new(config).unwrap();
        gpu.step_on(&mut net, &inputs, &labels).await.unwrap();
        let mut gpu_ms = Vec::new();
        for _ in 0..samples {
            let t = now();
            gpu.step_on(&mut net, &inputs, &labels).await.unwrap();
            gpu_ms.push(now() - t);
        }
        // The two passes alone, on one batch.
        let batch_inputs = &inputs[..batch * INPUT_LEN];
        let (mut fwd, mut bwd) = (Vec::new(), Vec::new());
        for _ in 0..samples {
            let t = now();
            net.forward(batch_inputs).await.unwrap();
            let t2 = now();
            net.backward(&vec![0.01; batch * 3]).await.unwrap();
            fwd.push(t2 - t);
            bwd.push(now() - t2);
        }
        console_log!(
            "| {batch} | {:.1} | {:.1} | {:.1} | {:.1} | {samples} |",
            1000.0 / median(cpu_ms),
            1000.0 / median(gpu_ms),
            median(fwd),
            median(bwd)
        );
    }
}
