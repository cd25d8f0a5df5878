//! Seeded random nets and inputs shared by the native (`net_gpu.rs`) and
//! browser (`web_gpu.rs`) GPU parity tests.

use tripletlab::net::arch::{INPUT_LEN, TENSORS};
use tripletlab::net::Weights;

/// xorshift64*: deterministic values in [lo, hi).
pub struct Rng(u64);

impl Rng {
    /// A generator for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1)
    }

    /// A uniform value in `[lo, hi)`.
    pub fn uniform(&mut self, lo: f32, hi: f32) -> f32 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        let bits = self.0.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 40;
        lo + (hi - lo) * (bits as f32 / (1u64 << 24) as f32)
    }
}

/// Uniform ±√(6 / fan_in) weights (so activations neither vanish nor blow
/// up) and small biases.
pub fn random_weights(seed: u64) -> Weights {
    let mut rng = Rng::new(seed);
    let mut w = Weights::zeros();
    for (spec, tensor) in TENSORS.iter().zip(w.tensors_mut()) {
        let fan_in: usize = spec.shape[1..].iter().product::<usize>().max(1);
        let a = if spec.shape.len() == 1 { 0.1 } else { (6.0 / fan_in as f32).sqrt() };
        for v in tensor.iter_mut() {
            *v = rng.uniform(-a, a);
        }
    }
    w
}

/// `n` net inputs with values uniform in [0, 1).
pub fn random_inputs(n: usize, seed: u64) -> Vec<f32> {
    let mut rng = Rng::new(seed);
    (0..n * INPUT_LEN).map(|_| rng.uniform(0.0, 1.0)).collect()
}
