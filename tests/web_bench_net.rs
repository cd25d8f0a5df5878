//! Benchmark (prints figures, asserts nothing about time): the embedding
//! net's forward pass in the browser, CPU (wasm simd128 build) vs WebGPU
//! (SwiftShader in headless Chromium: a CPU emulation of a GPU), for batch
//! 1, 16 and 288 (every bundled thumbnail). Ignored in the normal suite; run:
//!
//! `CHROMEDRIVER=/usr/bin/chromedriver cargo test --release --target wasm32-unknown-unknown --test web_bench_net -- --include-ignored`
#![cfg(target_arch = "wasm32")]
#![cfg(feature = "gpu")]
#![cfg(feature = "app")]

use tripletlab::net::arch::INPUT_LEN;
use tripletlab::net::forward::forward_batch;
use tripletlab::net::gpu::{GpuNet, GpuOptions};
use tripletlab::net::Weights;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

const WEIGHTS: &[u8] = include_bytes!("../assets/net/weights.bin");

fn now() -> f64 {
    web_sys::window().and_then(|w| w.performance()).map_or(0.0, |p| p.now())
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

#[wasm_bindgen_test]
#[ignore]
async fn forward_cpu_vs_webgpu() {
    let weights = Weights::from_bytes(WEIGHTS).expect("bundled weights");
    let mut gpu = GpuNet::new(&weights, GpuOptions { batch_capacity: 288, ..GpuOptions::default() }).await.ok();
    let adapter = gpu.as_ref().map_or("none".to_string(), |g| g.adapter_name().to_string());
    console_log!("| batch | CPU wasm median ms | WebGPU ({adapter}) median ms | samples |");
    for batch in [1usize, 16, 288] {
        let inputs: Vec<f32> = (0..batch * INPUT_LEN).map(|i| ((i * 7919) % 255) as f32 / 255.0).collect();
        let samples = if batch == 288 { 5 } else { 15 };
        let _ = forward_batch(&weights, &inputs);
        let cpu: Vec<f64> = (0..samples)
            .map(|_| {
                let t = now();
                std::hint::black_box(forward_batch(&weights, &inputs));
                now() - t
            })
            .collect();
        let mut gpu_times = Vec::new();
        if let Some(net) = gpu.as_mut() {
            let _ = net.forward(&inputs).await;
            for _ in 0..samples {
                let t = now();
                let _ = net.forward(&inputs).await;
                gpu_times.push(now() - t);
            }
        }
        let g = if gpu_times.is_empty() { "—".to_string() } else { format!("{:.2}", median(gpu_times)) };
        console_log!("| {batch} | {:.2} | {g} | {samples} |", median(cpu));
    }
}
