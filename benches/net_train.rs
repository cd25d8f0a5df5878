//! Training steps per second at batch 32 and 128: the CPU trainer
//! (`Trainer::step`) against the same trainer on the GPU
//! (`Trainer::step_on` with `net::gpu::GpuNet`: wgpu over Vulkan —
//! lavapipe, Mesa's software driver, on a machine without a GPU), with the
//! GPU step split into its forward and backward passes. A plain `main` (no
//! Criterion): prints the median of repeated steps. `cargo bench --bench net_train`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

/// The browser's figures come from `tests/web_bench_train.rs`.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::time::{Duration, Instant};
    use tripletlab::net::arch::INPUT_LEN;
    use tripletlab::net::gpu::{GpuNet, GpuOptions};
    use tripletlab::net::{TrainConfig, Trainer, Weights};

    /// Time spent measuring one cell of the table (after one warm-up step).
    const BUDGET: Duration = Duration::from_millis(3000);
    const MIN_SAMPLES: usize = 5;

    fn median(mut v: Vec<f64>) -> f64 {
        v.sort_by(f64::total_cmp);
        v[v.len() / 2]
    }

    /// Runs `f` until the budget is spent (at least `MIN_SAMPLES` times);
    /// the median in milliseconds.
    fn measure(mut f: impl FnMut()) -> f64 {
        f();
        let start = Instant::now();
        let mut samples = Vec::new();
        while samples.len() < MIN_SAMPLES || start.elapsed() < BUDGET {
            let t = Instant::now();
            f();
            samples.push(t.elapsed().as_secs_f64() * 1000.0);
        }
        median(samples)
    }

    pub fn run() {
        // 32 identities × 8 images of structured noise.
        let (ids, per) = (32usize, 8usize);
        let inputs: Vec<f32> = (0..ids * per * INPUT_LEN)
            .map(|i| (((i / (per * INPUT_LEN)) * 31 + (i % INPUT_LEN) * 7 + i % 5) % 255) as f32 / 255.0)
            .collect();
        let labels: Vec<u32> = (0..ids * per).map(|i| (i / per) as u32).collect();
        let options = GpuOptions { batch_capacity: 128, ..GpuOptions::default() };
        let mut net = match pollster::block_on(GpuNet::new(&Weights::zeros(), options)) {
            Ok(net) => net,
            Err(e) => {
                println!("no GPU adapter ({e}); only the CPU column can be measured");
                return;
            }
        };
        println!("| batch | CPU steps/s | GPU ({}) steps/s | GPU forward ms | GPU backward ms |", net.adapter_name());
        println!("|---|---|---|---|---|");
        for batch in [32usize, 128] {
            let config = TrainConfig { batch_size: batch, ..TrainConfig::DEFAULT };
            let mut cpu = Trainer::new(config).expect("config");
            let cpu_ms = measure(|| {
                cpu.step(&inputs, &labels).expect("CPU step");
            });
            let mut gpu = Trainer::new(config).expect("config");
            let gpu_ms = measure(|| {
                pollster::block_on(gpu.step_on(&mut net, &inputs, &labels)).expect("GPU step");
            });
            let batch_inputs = &inputs[..batch * INPUT_LEN];
            let gradient = vec![0.01_f32; batch * 3];
            let forward_ms = measure(|| {
                pollster::block_on(net.forward(batch_inputs)).expect("forward");
            });
            let backward_ms = measure(|| {
                pollster::block_on(net.forward(batch_inputs)).expect("forward");
                pollster::block_on(net.backward(&gradient)).expect("backward");
            }) - forward_ms;
            println!(
                "| {batch} | {:.1} | {:.1} | {forward_ms:.1} | {backward_ms:.1} |",
                1000.0 / cpu_ms,
                1000.0 / gpu_ms
            );
        }
    }
}
