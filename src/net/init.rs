//! Seeded He initialisation of the net's parameters.
//!
//! Every weight is drawn uniformly from `[−√(6 / fan_in), √(6 / fan_in))`,
//! which has the variance `2 / fan_in` of He et al. (2015) for ReLU layers;
//! biases start at 0. The uniform form needs only a square root (exactly
//! rounded everywhere), so the same seed gives the same bits natively and in
//! wasm, unlike a normal distribution drawn through `ln` and `cos`.

use super::arch::TENSORS;
use super::rng::SplitMix64;
use super::Weights;

impl Weights {
    /// He-uniform weights and zero biases, drawn from `rng` tensor by
    /// tensor in [`TENSORS`] order. The fan-in of a tensor is the product of
    /// its shape without the first (output) dimension: 27 for conv1, 72 for
    /// conv2, 576 for fc1, 32 for fc2.
    pub fn he_uniform(rng: &mut SplitMix64) -> Weights {
        let mut w = Weights::zeros();
        for (spec, tensor) in TENSORS.iter().zip(w.tensors_mut()) {
            if spec.shape.len() < 2 {
                continue; // a bias
            }
            let fan_in: usize = spec.shape[1..].iter().product();
            let limit = (6.0 / fan_in as f64).sqrt() as f32;
            for v in tensor.iter_mut() {
                *v = rng.uniform(-limit, limit);
            }
        }
        w
    }

    /// [`Weights::he_uniform`] from a fresh generator seeded with `seed`.
    pub fn he_uniform_seeded(seed: u64) -> Weights {
        Weights::he_uniform(&mut SplitMix64::new(seed))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seeded_bounded_and_with_the_he_variance() {
        let w = Weights::he_uniform_seeded(3);
        assert_eq!(w, Weights::he_uniform_seeded(3));
        assert_ne!(w, Weights::he_uniform_seeded(4));
        assert!(w.fc1_b.iter().all(|&b| b == 0.0));
        let limit = (6.0_f32 / 576.0).sqrt();
        assert!(w.fc1_w.iter().all(|v| v.abs() <= limit));
        let var = w.fc1_w.iter().map(|&v| f64::from(v).powi(2)).sum::<f64>() / w.fc1_w.len() as f64;
        assert!((var - 2.0 / 576.0).abs() < 0.05 * 2.0 / 576.0, "variance {var}");
    }
}
