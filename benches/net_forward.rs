//! CPU forward (`net::forward::forward_batch`) against the GPU forward
//! (`net::gpu::GpuNet`, wgpu over Vulkan — lavapipe, Mesa's software driver,
//! on a machine without a GPU) for batches of 1, 16 and 288 images.
//! A plain `main` (no Criterion): prints the median of repeated runs side by
//! side. `cargo bench --bench net_forward`.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::run();
}

/// The GPU path in the browser is measured from the app, not here.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::hint::black_box;
    use std::time::{Duration, Instant};
    use tripletlab::net::arch::{INPUT_LEN, TENSORS};
    use tripletlab::net::forward::forward_batch;
    use tripletlab::net::gpu::{GpuNet, GpuOptions};
    use tripletlab::net::Weights;

    const BATCHES: [usize; 3] = [1, 16, 288];
    /// Time spent measuring one cell of the table (after one warm-up run).
    const BUDGET: Duration = Duration::from_millis(1500);
    const MIN_SAMPLES: usize = 5;
    const MAX_SAMPLES: usize = 200;

    /// Deterministic values in [lo, hi) (xorshift64).
    fn values(n: usize, seed: u64, lo: f32, hi: f32) -> Vec<f32> {
        let mut s = seed | 1;
        (0..n)
            .map(|_| {
                s ^= s << 13;
                s ^= s >> 7;
                s ^= s << 17;
                lo + (hi - lo) * ((s >> 40) as f32 / (1u64 << 24) as f32)
            })
            .collect()
    }

    fn weights() -> Weights {
        let mut w = Weights::zeros();
        for (i, (spec, tensor)) in TENSORS.iter().zip(w.tensors_mut()).enumerate() {
            let fan_in: usize = spec.shape[1..].iter().product::<usize>().max(1);
            let a = (6.0 / fan_in as f32).sqrt();
            *tensor = values(spec.len(), 100 + i as u64, -a, a);
        }
        w
    }

    /// Median wall time of `f` over as many runs as fit in [`BUDGET`].
    fn median(mut f: impl FnMut()) -> Duration {
        f();
        let start = Instant::now();
        let mut samples = Vec::new();
        while samples.len() < MIN_SAMPLES || (samples.len() < MAX_SAMPLES && start.elapsed() < BUDGET) {
            let t = Instant::now();
            f();
            samples.push(t.elapsed());
        }
        samples.sort();
        samples[samples.len() / 2]
    }

    fn ms(d: Duration) -> String {
        format!("{:.3} ms", d.as_secs_f64() * 1e3)
    }

    pub fn run() {
        let w = weights();
        let mut gpu = match pollster::block_on(GpuNet::new(&w, GpuOptions::default())) {
            Ok(net) => {
                println!("GPU adapter: {} ({})", net.adapter_name(), net.backend_name());
                Some(net)
            }
            Err(e) => {
                println!("GPU unavailable, CPU only: {e}");
                None
            }
        };
        println!();
        println!("| batch | CPU forward_batch | GPU forward | CPU per image | GPU per image |");
        println!("|---:|---:|---:|---:|---:|");
        for n in BATCHES {
            let inputs = values(n * INPUT_LEN, n as u64, 0.0, 1.0);
            let cpu = median(|| {
                black_box(forward_batch(black_box(&w), black_box(&inputs)));
            });
            let gpu_time = gpu.as_mut().map(|net| {
                median(|| {
                    let out = pollster::block_on(net.forward(black_box(&inputs)));
                    black_box(out.expect("GPU forward"));
                })
            });
            let per = |d: Duration| ms(d / n as u32);
            println!(
                "| {n} | {} | {} | {} | {} |",
                ms(cpu),
                gpu_time.map_or("—".into(), ms),
                per(cpu),
                gpu_time.map_or("—".into(), per),
            );
        }
    }
}
