//! Where a training step's gradient is computed: the [`GradientBackend`]
//! trait, its CPU implementation [`CpuBackend`], and [`StepError`].
//!
//! A [`super::Trainer`] step is: sample a batch, compute the mined loss and
//! the whole-net gradient, apply the optimiser. Only the middle part
//! depends on the hardware. A backend runs the forward and backward passes
//! where it likes (the GPU one in WGSL, see `gpu::GpuBackend`) but always
//! mines the loss with the same CPU code, [`mined_loss`], on the embeddings
//! it computed; sampling and the optimiser stay in the trainer. So the CPU
//! and the GPU share every line of training code except the two passes.

use std::future::Future;
use std::pin::pin;
use std::task::{Context, Poll, Waker};

use super::backward::backward;
use super::forward::forward_with_cache;
use super::objective::{mined_loss, MinedLoss, Mining};
use super::train::TrainError;
use super::Weights;

/// Why a step on a backend failed: the training itself (bad input, a loss
/// that diverged), or the backend (e.g. a lost GPU, after which the caller
/// can continue on the CPU: on error the trainer has not moved).
#[derive(Clone, Debug, PartialEq)]
pub enum StepError<E> {
    /// The same errors as [`super::Trainer::step`].
    Train(TrainError),
    /// The backend's own failure.
    Backend(E),
}

impl<E: std::fmt::Display> std::fmt::Display for StepError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Self::Train(e) => e.fmt(f),
            Self::Backend(e) => e.fmt(f),
        }
    }
}

/// Computes a batch's mined loss and the gradient of every parameter.
pub trait GradientBackend {
    /// The backend's own failure.
    type Error;

    /// Forward pass of `inputs` (B × `INPUT_LEN`) under `weights`, the loss
    /// chosen by `mining` with margin `alpha` on the embeddings (with
    /// [`mined_loss`]), and the backward pass of its gradient.
    fn batch_gradient(
        &mut self,
        weights: &Weights,
        inputs: &[f32],
        labels: &[u32],
        alpha: f32,
        mining: Mining,
    ) -> impl Future<Output = Result<(MinedLoss, Weights), StepError<Self::Error>>>;
}

/// The CPU passes ([`forward_with_cache`], [`backward()`]); its future is
/// ready at once.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct CpuBackend;

/// The CPU backend never fails by itself.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Never {}

impl std::fmt::Display for Never {
    fn fmt(&self, _: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match *self {}
    }
}

impl GradientBackend for CpuBackend {
    type Error = Never;

    fn batch_gradient(
        &mut self,
        weights: &Weights,
        inputs: &[f32],
        labels: &[u32],
        alpha: f32,
        mining: Mining,
    ) -> impl Future<Output = Result<(MinedLoss, Weights), StepError<Never>>> {
        std::future::ready(cpu_batch_gradient(weights, inputs, labels, alpha, mining))
    }
}

fn cpu_batch_gradient(
    weights: &Weights,
    inputs: &[f32],
    labels: &[u32],
    alpha: f32,
    mining: Mining,
) -> Result<(MinedLoss, Weights), StepError<Never>> {
    let cache = forward_with_cache(weights, inputs);
    let mined =
        mined_loss(&cache.embeddings, labels, alpha, mining).map_err(|e| StepError::Train(TrainError::Loss(e)))?;
    let gradient = backward(weights, &cache, &mined.gradient);
    Ok((mined, gradient))
}

/// The value of a future that is ready when first polled (the CPU
/// backend's), or `None` if it is not.
pub fn now_or_never<F: Future>(future: F) -> Option<F::Output> {
    let mut cx = Context::from_waker(Waker::noop());
    match pin!(future).poll(&mut cx) {
        Poll::Ready(value) => Some(value),
        Poll::Pending => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::net::arch::INPUT_LEN;
    use crate::net::objective::batch_gradient;

    #[test]
    fn the_cpu_backend_is_the_cpu_objective() {
        let mut w = Weights::zeros();
        w.fc2_b = vec![0.3, -0.2, 0.9];
        w.fc2_w.iter_mut().enumerate().for_each(|(i, v)| *v = (i as f32 * 0.37).sin());
        w.fc1_b.iter_mut().for_each(|v| *v = 0.1);
        let inputs: Vec<f32> = (0..4 * INPUT_LEN).map(|i| ((i * 7919) % 101) as f32 / 101.0).collect();
        let labels = [0, 0, 1, 1];
        let mut cpu = CpuBackend;
        let future = cpu.batch_gradient(&w, &inputs, &labels, 0.2, Mining::BatchAll);
        let Some(Ok(got)) = now_or_never(future) else { panic!("the CPU backend is ready at once") };
        assert_eq!(got, batch_gradient(&w, &inputs, &labels, 0.2, Mining::BatchAll).unwrap());
    }

    #[test]
    fn a_pending_future_is_not_ready() {
        assert_eq!(now_or_never(std::future::pending::<u8>()), None);
        assert_eq!(now_or_never(async { 7 }), Some(7));
    }
}
