//! The CPU backward pass: from the gradient of a loss with respect to the
//! embeddings to the gradient with respect to every parameter, through L2
//! normalisation, fc2, ReLU, fc1, pool2 (to the first maximum in
//! row-major order of each window), ReLU, conv2, pool1, ReLU and conv1.

use super::arch::{CONV1_OUT, CONV2_OUT, EMBED_DIM, FLAT_LEN, HIDDEN, INPUT_LEN, IN_CHANNELS, IN_SIDE, POOL1_SIDE};
use super::forward::{ForwardCache, POOL1_LEN};
use super::{conv, dense, l2norm, pool, Weights};

/// Gradient of a loss with respect to every parameter (a [`Weights`]-shaped
/// value, summed over the images), given `grad_embeddings` (`n × 3`, the
/// loss's gradient with respect to each embedding) and the [`ForwardCache`]
/// of the same weights and images. Images whose embedding gradient is zero
/// cost nothing.
///
/// # Panics
/// When `grad_embeddings.len() != 3 · cache.n`.
pub fn backward(weights: &Weights, cache: &ForwardCache, grad_embeddings: &[f32]) -> Weights {
    assert_eq!(
        grad_embeddings.len(),
        cache.n * EMBED_DIM,
        "one embedding gradient of {EMBED_DIM} values per cached image is needed"
    );
    let mut g = Weights::zeros();
    let mut d_raw = [0.0_f32; EMBED_DIM];
    let mut d_hidden = [0.0_f32; HIDDEN];
    let mut d_pool2 = vec![0.0_f32; FLAT_LEN];
    let mut d_conv2 = vec![0.0_f32; CONV2_OUT * POOL1_SIDE * POOL1_SIDE];
    let mut d_pool1 = vec![0.0_f32; POOL1_LEN];
    let mut d_conv1 = vec![0.0_f32; CONV1_OUT * IN_SIDE * IN_SIDE];
    for (i, grad_e) in grad_embeddings.chunks_exact(EMBED_DIM).enumerate() {
        if grad_e.iter().all(|&v| v == 0.0) {
            continue;
        }
        let raw = &cache.raw[i * EMBED_DIM..(i + 1) * EMBED_DIM];
        let hidden = &cache.hidden[i * HIDDEN..(i + 1) * HIDDEN];
        let pool2 = &cache.pool2[i * FLAT_LEN..(i + 1) * FLAT_LEN];
        let pool1 = &cache.pool1[i * POOL1_LEN..(i + 1) * POOL1_LEN];
        let image = &cache.inputs[i * INPUT_LEN..(i + 1) * INPUT_LEN];

        l2norm::l2_normalize_backward(raw, grad_e, &mut d_raw);
        dense::backward(&weights.fc2_w, hidden, &d_raw, &mut g.fc2_w, &mut g.fc2_b, Some(&mut d_hidden));
        for (d, &h) in d_hidden.iter_mut().zip(hidden) {
            if h <= 0.0 {
                *d = 0.0;
            }
        }
        dense::backward(&weights.fc1_w, pool2, &d_hidden, &mut g.fc1_w, &mut g.fc1_b, Some(&mut d_pool2));
        let arg2 = &cache.pool2_arg[i * FLAT_LEN..(i + 1) * FLAT_LEN];
        pool::backward_relu(&d_pool2, pool2, arg2, CONV2_OUT, POOL1_SIDE, &mut d_conv2);
        d_pool1.fill(0.0);
        let grads = conv::Grads { w: &mut g.conv2_w, b: &mut g.conv2_b, input: Some(&mut d_pool1) };
        conv::backward(pool1, CONV1_OUT, POOL1_SIDE, &weights.conv2_w, &d_conv2, grads);
        let arg1 = &cache.pool1_arg[i * POOL1_LEN..(i + 1) * POOL1_LEN];
        pool::backward_relu(&d_pool1, pool1, arg1, CONV1_OUT, IN_SIDE, &mut d_conv1);
        let grads = conv::Grads { w: &mut g.conv1_w, b: &mut g.conv1_b, input: None };
        conv::backward(image, IN_CHANNELS, IN_SIDE, &weights.conv1_w, &d_conv1, grads);
    }
    g
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::forward::forward_with_cache;

    #[test]
    fn zero_gradient_in_zero_gradient_out() {
        let mut w = Weights::zeros();
        w.fc2_b = vec![1.0, 0.0, 0.0];
        let c = forward_with_cache(&w, &vec![0.25; INPUT_LEN]);
        assert_eq!(backward(&w, &c, &[0.0; 3]), Weights::zeros());
        // Only the biases of fc2 reach the output; a tangent gradient moves them.
        let g = backward(&w, &c, &[0.0, 1.0, 0.0]);
        assert_eq!(g.fc2_b, vec![0.0, 1.0, 0.0]);
        assert!(g.conv1_w.iter().all(|&v| v == 0.0));
    }
}
