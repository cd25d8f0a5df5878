//! The GPU backward pass and GPU training (wgpu over Vulkan: lavapipe)
//! against the CPU ones: the WGSL gradients equal `net::backward` on random
//! nets and batches; a `Trainer` stepped on the GPU follows the CPU trainer
//! (loss history and weights) for several steps from the same seed; a GPU
//! lost mid-training leaves the trainer where it was, ready to go on on the
//! CPU.
//!
//! No adapter is a FAILURE (install `mesa-vulkan-drivers`), unless
//! `TRIPLETLAB_SKIP_GPU_TESTS=1` is set.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(feature = "gpu")]

use pollster::block_on;
use tripletlab::net::arch::{INPUT_LEN, TENSORS};
use tripletlab::net::gpu::{GpuError, GpuFault, GpuNet, GpuOptions};
use tripletlab::net::{
    backward, forward_with_cache, CpuBackend, GradientBackend, Mining, Optimizer, StepError, TrainConfig, Trainer,
    Weights,
};

#[path = "common/gpu_fixtures.rs"]
mod fixtures;
#[path = "common/native_gpu.rs"]
mod native_gpu;
use fixtures::{random_inputs, random_weights, Rng};
use native_gpu::gpu;

/// Every tensor of `gpu` equals `cpu` within `rel` of that tensor's largest
/// CPU magnitude (the sums run in another order on the GPU), and the
/// tensor is not trivially zero.
fn assert_gradients_close(gpu: &Weights, cpu: &Weights, rel: f32, what: &str) {
    for ((spec, g), c) in TENSORS.iter().zip(gpu.tensors()).zip(cpu.tensors()) {
        let scale = c.iter().fold(0.0f32, |m, v| m.max(v.abs()));
        assert!(scale > 0.0, "{what}: the CPU gradient of {} is all zero (a useless check)", spec.name);
        let (worst, at) =
            g.iter().zip(c).enumerate().map(|(i, (g, c))| ((g - c).abs(), i)).fold((0.0f32, 0), |acc, x| {
                if x.0 > acc.0 || x.0.is_nan() {
                    x
                } else {
                    acc
                }
            });
        assert!(
            worst <= rel * scale,
            "{what}: {}[{at}] differs by {worst} (gpu {}, cpu {}, largest |cpu| {scale})",
            spec.name,
            g[at],
            c[at]
        );
    }
}

fn random_embedding_gradient(n: usize, seed: u64) -> Vec<f32> {
    let mut rng = Rng::new(seed);
    (0..n * 3).map(|_| rng.uniform(-1.0, 1.0)).collect()
}

#[test]
fn gpu_backward_equals_the_cpu_backward_on_random_nets_and_batches() {
    let Some(mut net) = gpu(&random_weights(1), GpuOptions::default()) else { return };
    for (seed, n) in [(1_u64, 1_usize), (2, 5), (3, 33), (4, 64)] {
        let weights = random_weights(seed);
        let inputs = random_inputs(n, 100 + seed);
        let grad_e = random_embedding_gradient(n, 200 + seed);
        let cache = forward_with_cache(&weights, &inputs);
        let cpu = backward(&weights, &cache, &grad_e);

        net.update_weights(&weights).unwrap();
        let embeddings = block_on(net.forward(&inputs)).unwrap();
        assert_eq!(embeddings.len(), n * 3);
        let got = block_on(net.backward(&grad_e)).unwrap();
        assert_gradients_close(&got, &cpu, 2e-4, &format!("seed {seed}, batch {n}"));
    }
    assert!(net.uncaptured_errors().is_empty(), "{:?}", net.uncaptured_errors());
}

#[test]
fn backward_needs_a_matching_forward_under_the_current_weights() {
    let weights = random_weights(5);
    let Some(mut net) = gpu(&weights, GpuOptions::default()) else { return };
    let err = block_on(net.backward(&[0.0; 3])).unwrap_err();
    assert_eq!(err, GpuError::GradientLength { len: 3, expected: 0 });
    block_on(net.forward(&random_inputs(2, 1))).unwrap();
    let err = block_on(net.backward(&[0.0; 3])).unwrap_err();
    assert_eq!(err, GpuError::GradientLength { len: 3, expected: 6 });
    assert!(err.to_string().contains("needs 6"), "{err}");
    net.update_weights(&weights).unwrap();
    assert_eq!(block_on(net.backward(&[0.0; 6])).unwrap_err(), GpuError::GradientLength { len: 6, expected: 0 });
}

/// Labels for `ids` identities × `per` images, and random inputs where each
/// identity's images share a base picture plus noise (so mining has
/// structure to find).
fn dataset(ids: usize, per: usize, seed: u64) -> (Vec<f32>, Vec<u32>) {
    let bases = random_inputs(ids, seed);
    let mut rng = Rng::new(seed + 1);
    let mut inputs = Vec::with_capacity(ids * per * INPUT_LEN);
    let mut labels = Vec::new();
    for id in 0..ids {
        for _ in 0..per {
            let base = &bases[id * INPUT_LEN..(id + 1) * INPUT_LEN];
            inputs.extend(base.iter().map(|&v| (v + rng.uniform(-0.3, 0.3)).clamp(0.0, 1.0)));
            labels.push(id as u32);
        }
    }
    (inputs, labels)
}

#[test]
fn one_mined_step_gives_the_same_loss_and_gradient_on_both_backends() {
    let weights = random_weights(7);
    let Some(mut net) = gpu(&weights, GpuOptions::default()) else { return };
    let (inputs, labels) = dataset(4, 4, 70);
    for mining in [Mining::BatchAll, Mining::BatchHard, Mining::SemiHard] {
        let cpu = pollster::block_on(CpuBackend.batch_gradient(&weights, &inputs, &labels, 0.2, mining)).unwrap();
        let got = block_on(net.batch_gradient(&weights, &inputs, &labels, 0.2, mining)).unwrap();
        assert!(cpu.0.loss > 0.0, "{mining:?}: a zero loss would make the check empty");
        assert!(
            (got.0.loss - cpu.0.loss).abs() <= 1e-5 * cpu.0.loss.max(1.0),
            "{mining:?}: {} vs {}",
            got.0.loss,
            cpu.0.loss
        );
        assert_eq!((got.0.active, got.0.considered), (cpu.0.active, cpu.0.considered), "{mining:?}");
        assert_gradients_close(&got.1, &cpu.1, 2e-4, &format!("{mining:?}"));
    }
}

/// Runs `steps` steps of a CPU trainer and a GPU trainer from the same
/// config; returns both loss histories and both final weights.
fn train_both(config: TrainConfig, steps: usize, net: &mut GpuNet) -> ([Vec<f64>; 2], [Weights; 2]) {
    let (inputs, labels) = dataset(6, 4, 11);
    let mut cpu = Trainer::new(config).unwrap();
    let mut gpu = Trainer::new(config).unwrap();
    assert_eq!(cpu.weights(), gpu.weights());
    let (mut cpu_loss, mut gpu_loss) = (Vec::new(), Vec::new());
    for _ in 0..steps {
        cpu_loss.push(cpu.step(&inputs, &labels).unwrap().loss);
        let report = block_on(gpu.step_on(net, &inputs, &labels)).unwrap();
        gpu_loss.push(report.loss);
        assert_eq!(report.step, cpu.step_count());
    }
    ([cpu_loss, gpu_loss], [cpu.weights().clone(), gpu.weights().clone()])
}

fn max_weight_difference(a: &Weights, b: &Weights) -> f32 {
    a.tensors()
        .iter()
        .zip(b.tensors())
        .flat_map(|(a, b)| a.iter().zip(b).map(|(x, y)| (x - y).abs()))
        .fold(0.0, f32::max)
}

#[test]
fn gpu_training_follows_cpu_training_for_eight_steps() {
    let Some(mut net) = gpu(&Weights::zeros(), GpuOptions::default()) else { return };
    let sgd = TrainConfig {
        optimizer: Optimizer::Sgd { momentum: 0.9 },
        learning_rate: 0.05,
        batch_size: 16,
        ..TrainConfig::DEFAULT
    };
    let adam = TrainConfig { batch_size: 16, ..TrainConfig::DEFAULT };
    for (config, weight_tolerance) in [(sgd, 1e-4_f32), (adam, 1e-4)] {
        let ([cpu_loss, gpu_loss], [cpu_w, gpu_w]) = train_both(config, 8, &mut net);
        eprintln!("{:?}: cpu loss {cpu_loss:?}\n gpu loss {gpu_loss:?}", config.optimizer);
        for (step, (c, g)) in cpu_loss.iter().zip(&gpu_loss).enumerate() {
            assert!((c - g).abs() <= 1e-4 * c.max(1e-3), "{:?} step {}: loss {g} vs {c}", config.optimizer, step + 1);
        }
        // The run really learned something, so agreement is not trivial.
        assert!(cpu_loss[7] < cpu_loss[0], "{:?}: {cpu_loss:?}", config.optimizer);
        let start = Trainer::new(config).unwrap().weights().clone();
        let moved = max_weight_difference(&start, &cpu_w);
        let diff = max_weight_difference(&cpu_w, &gpu_w);
        eprintln!("{:?}: weights moved {moved}, cpu-gpu difference {diff}", config.optimizer);
        assert!(diff <= weight_tolerance, "{:?}: weights differ by {diff} (moved {moved})", config.optimizer);
        assert!(moved > 10.0 * diff, "{:?}: moved {moved}", config.optimizer);
    }
}

#[test]
fn a_gpu_lost_mid_training_leaves_the_trainer_ready_for_the_cpu() {
    let config = TrainConfig { batch_size: 16, ..TrainConfig::DEFAULT };
    let (inputs, labels) = dataset(6, 4, 11);
    let options = GpuOptions::with_fault(GpuFault::DeviceLostAfterForwards(3));
    let Some(mut net) = gpu(&Weights::zeros(), options) else { return };
    let mut mixed = Trainer::new(config).unwrap();
    for _ in 0..3 {
        block_on(mixed.step_on(&mut net, &inputs, &labels)).unwrap();
    }
    let before = mixed.weights().clone();
    let err = block_on(mixed.step_on(&mut net, &inputs, &labels)).unwrap_err();
    assert!(matches!(err, StepError::Backend(GpuError::DeviceLost { .. })), "{err:?}");
    assert!(net.is_lost());
    assert_eq!(mixed.step_count(), 3);
    assert_eq!(mixed.weights(), &before, "a failed step must not move the weights");
    // Go on on the CPU: same state as a CPU-only run after 5 steps.
    mixed.step(&inputs, &labels).unwrap();
    mixed.step(&inputs, &labels).unwrap();
    let mut cpu = Trainer::new(config).unwrap();
    for _ in 0..5 {
        cpu.step(&inputs, &labels).unwrap();
    }
    assert_eq!(mixed.step_count(), 5);
    let diff = max_weight_difference(cpu.weights(), mixed.weights());
    assert!(diff <= 2e-3, "{diff}");
}

#[test]
fn a_compared_session_steps_on_the_gpu_like_on_the_cpu() {
    use std::sync::Arc;
    use tripletlab::net::session::{SessionData, SessionSettings, StartWeights, TrainingSession};
    let (inputs, labels) = dataset(8, 4, 21);
    let held_out: Vec<bool> = labels.iter().map(|&l| l >= 6).collect();
    let data = Arc::new(SessionData::new(inputs, labels, &held_out));
    let settings = SessionSettings { batch_size: 16, eval_every: 2, ..SessionSettings::DEFAULT };
    let session = || TrainingSession::new(data.clone(), settings, true, StartWeights::Fresh).unwrap();
    let Some(mut net) = gpu(&Weights::zeros(), GpuOptions::default()) else { return };
    let (mut cpu, mut on_cpu_backend, mut on_gpu) = (session(), session(), session());
    for _ in 0..5 {
        cpu.step().unwrap();
        for _ in 0..2 {
            block_on(on_cpu_backend.step_lagging_run_on(&mut CpuBackend)).unwrap();
            block_on(on_gpu.step_lagging_run_on(&mut net)).unwrap();
        }
    }
    assert_eq!(on_gpu.step_count(), 5);
    for run in 0..2 {
        // Through the backend trait the CPU gives the very same bits.
        assert_eq!(on_cpu_backend.history(run), cpu.history(run));
        assert_eq!(on_cpu_backend.weights(run), cpu.weights(run));
        let (c, g) = (cpu.history(run), on_gpu.history(run));
        assert_eq!(c.accuracy.len(), g.accuracy.len());
        for (c, g) in c.loss.iter().zip(&g.loss) {
            assert!((c - g).abs() <= 1e-4 * c.max(1e-3), "run {run}: loss {g} vs {c}");
        }
        assert!(max_weight_difference(cpu.weights(run), on_gpu.weights(run)) <= 1e-4);
    }
}
