//! The CPU forward pass: [`forward_batch`] for inference and
//! [`forward_with_cache`], which also keeps what [`super::backward::backward`] needs.
//!
//! Per image: conv1 + ReLU, pool1, conv2 + ReLU, pool2, fc1 + ReLU, fc2,
//! L2 normalisation (see [`super::arch`]). The scratch buffers are allocated
//! once per call, not per image or pixel; the loops are ordered so their
//! inner loops run over contiguous rows (see `conv.rs`). Single
//! threaded and deterministic: the same weights and inputs give the same
//! bits on every run and platform.

use super::arch::{CONV1_OUT, CONV2_OUT, EMBED_DIM, FLAT_LEN, HIDDEN, INPUT_LEN, IN_CHANNELS, IN_SIDE, POOL1_SIDE};
use super::{conv, dense, l2norm, pool, Weights};

/// Values per image of the first pooling output (8 × 12 × 12).
pub(crate) const POOL1_LEN: usize = CONV1_OUT * POOL1_SIDE * POOL1_SIDE;

/// What the backward pass needs from a forward pass over `n` images, each
/// field `n` blocks one image after another.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ForwardCache {
    /// Number of images.
    pub n: usize,
    /// The inputs, `n × INPUT_LEN`.
    pub inputs: Vec<f32>,
    /// pool1 output (after conv1's ReLU), `n × 8 × 12 × 12`.
    pub pool1: Vec<f32>,
    /// pool1 winners, `2·dy + dx` per output.
    pub pool1_arg: Vec<u8>,
    /// pool2 output, the flattened fc1 input, `n × 576`.
    pub pool2: Vec<f32>,
    /// pool2 winners.
    pub pool2_arg: Vec<u8>,
    /// fc1 output after ReLU, `n × 32`.
    pub hidden: Vec<f32>,
    /// fc2 output before normalisation, `n × 3`.
    pub raw: Vec<f32>,
    /// The embeddings, `n × 3`, unit rows.
    pub embeddings: Vec<f32>,
}

/// Embeddings of `n` images: `inputs` is `n × INPUT_LEN` (CHW each), the
/// result `n × 3` with L2-normalised rows.
///
/// # Panics
/// When `inputs.len()` is not a multiple of [`INPUT_LEN`].
pub fn forward_batch(weights: &Weights, inputs: &[f32]) -> Vec<f32> {
    run(weights, inputs, None)
}

/// Like [`forward_batch`], and keeps the activations for the backward pass;
/// the embeddings are in [`ForwardCache::embeddings`].
///
/// # Panics
/// When `inputs.len()` is not a multiple of [`INPUT_LEN`].
pub fn forward_with_cache(weights: &Weights, inputs: &[f32]) -> ForwardCache {
    let n = image_count(inputs);
    let mut cache = ForwardCache {
        n,
        inputs: inputs.to_vec(),
        pool1: vec![0.0; n * POOL1_LEN],
        pool1_arg: vec![0; n * POOL1_LEN],
        pool2: vec![0.0; n * FLAT_LEN],
        pool2_arg: vec![0; n * FLAT_LEN],
        hidden: vec![0.0; n * HIDDEN],
        raw: vec![0.0; n * EMBED_DIM],
        embeddings: Vec::new(),
    };
    cache.embeddings = run(weights, inputs, Some(&mut cache));
    cache
}

fn image_count(inputs: &[f32]) -> usize {
    assert!(
        inputs.len().is_multiple_of(INPUT_LEN),
        "the net's input holds {} values, not a whole number of {INPUT_LEN}-value images",
        inputs.len()
    );
    inputs.len() / INPUT_LEN
}

/// Scratch buffers for one image.
struct Scratch {
    conv1: Vec<f32>,
    pool1: Vec<f32>,
    pool1_arg: Vec<u8>,
    conv2: Vec<f32>,
    pool2: Vec<f32>,
    pool2_arg: Vec<u8>,
    hidden: Vec<f32>,
    raw: [f32; EMBED_DIM],
}

fn run(weights: &Weights, inputs: &[f32], mut cache: Option<&mut ForwardCache>) -> Vec<f32> {
    let n = image_count(inputs);
    let mut s = Scratch {
        conv1: vec![0.0; CONV1_OUT * IN_SIDE * IN_SIDE],
        pool1: vec![0.0; POOL1_LEN],
        pool1_arg: vec![0; POOL1_LEN],
        conv2: vec![0.0; CONV2_OUT * POOL1_SIDE * POOL1_SIDE],
        pool2: vec![0.0; FLAT_LEN],
        pool2_arg: vec![0; FLAT_LEN],
        hidden: vec![0.0; HIDDEN],
        raw: [0.0; EMBED_DIM],
    };
    let mut embeddings = vec![0.0_f32; n * EMBED_DIM];
    for (i, (image, e)) in inputs.chunks_exact(INPUT_LEN).zip(embeddings.chunks_exact_mut(EMBED_DIM)).enumerate() {
        one_image(weights, image, &mut s, e);
        if let Some(c) = cache.as_deref_mut() {
            c.pool1[i * POOL1_LEN..(i + 1) * POOL1_LEN].copy_from_slice(&s.pool1);
            c.pool1_arg[i * POOL1_LEN..(i + 1) * POOL1_LEN].copy_from_slice(&s.pool1_arg);
            c.pool2[i * FLAT_LEN..(i + 1) * FLAT_LEN].copy_from_slice(&s.pool2);
            c.pool2_arg[i * FLAT_LEN..(i + 1) * FLAT_LEN].copy_from_slice(&s.pool2_arg);
            c.hidden[i * HIDDEN..(i + 1) * HIDDEN].copy_from_slice(&s.hidden);
            c.raw[i * EMBED_DIM..(i + 1) * EMBED_DIM].copy_from_slice(&s.raw);
        }
    }
    embeddings
}

fn one_image(w: &Weights, image: &[f32], s: &mut Scratch, embedding: &mut [f32]) {
    conv::forward_relu(image, IN_CHANNELS, IN_SIDE, &w.conv1_w, &w.conv1_b, &mut s.conv1);
    pool::forward(&s.conv1, CONV1_OUT, IN_SIDE, &mut s.pool1, &mut s.pool1_arg);
    conv::forward_relu(&s.pool1, CONV1_OUT, POOL1_SIDE, &w.conv2_w, &w.conv2_b, &mut s.conv2);
    pool::forward(&s.conv2, CONV2_OUT, POOL1_SIDE, &mut s.pool2, &mut s.pool2_arg);
    dense::forward(&w.fc1_w, &w.fc1_b, &s.pool2, true, &mut s.hidden);
    dense::forward(&w.fc2_w, &w.fc2_b, &s.hidden, false, &mut s.raw);
    l2norm::l2_normalize(&s.raw, embedding);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zero_weights_give_zero_rows_and_the_cache_agrees() {
        let w = Weights::zeros();
        let inputs = vec![0.5_f32; 2 * INPUT_LEN];
        assert_eq!(forward_batch(&w, &inputs), vec![0.0; 6]);
        let mut w = w;
        w.fc2_b = vec![0.0, 3.0, 4.0];
        let c = forward_with_cache(&w, &inputs);
        assert_eq!(c.embeddings, vec![0.0, 0.6, 0.8, 0.0, 0.6, 0.8]);
        assert_eq!(c.embeddings, forward_batch(&w, &inputs));
        assert_eq!((c.n, c.raw.len(), c.pool2.len()), (2, 6, 2 * FLAT_LEN));
        assert!(forward_batch(&w, &[]).is_empty());
    }
}
