//! The training objective: one of the loss engine's batch losses
//! ([`crate::loss::batch`]) on a batch of embeddings, with its gradient with
//! respect to the embeddings, and the whole-net gradient
//! ([`batch_gradient`]) that chains it through [`super::backward::backward`].

use super::arch::EMBED_DIM;
use super::backward::backward;
use super::forward::forward_with_cache;
use super::Weights;
use crate::loss::batch::{batch_all_with_gradient, batch_hard_with_gradient, semihard::semi_hard_with_gradient};
use crate::loss::error::LossError;

/// How triplets are mined from a batch.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mining {
    /// Every valid triplet; the loss is the mean over the active ones.
    BatchAll,
    /// Per anchor its hardest positive and hardest negative.
    BatchHard,
    /// Per anchor-positive pair the closest negative farther than the
    /// positive (FaceNet's semi-hard negatives).
    SemiHard,
}

/// A mined batch loss and its gradient with respect to the embeddings.
#[derive(Clone, Debug, PartialEq)]
pub struct MinedLoss {
    /// The loss (see the engine's function for each [`Mining`]).
    pub loss: f64,
    /// Active terms: triplets (batch-all), anchors (batch-hard) or pairs
    /// (semi-hard) with a strictly positive hinge.
    pub active: u64,
    /// What `active` counts out of: valid triplets, anchors or pairs.
    pub considered: u64,
    /// `∂loss/∂embeddings`, B × 3.
    pub gradient: Vec<f32>,
}

impl MinedLoss {
    /// `active / considered`, 0 when nothing was considered.
    pub fn fraction_active(&self) -> f64 {
        if self.considered == 0 {
            0.0
        } else {
            self.active as f64 / self.considered as f64
        }
    }
}

/// The loss chosen by `mining` with margin `alpha` on `embeddings`
/// (B × 3) labelled `labels`, and its gradient.
///
/// Errors: the engine's [`LossError`] (non-finite embeddings, fewer than two,
/// a label count other than B, non-finite α).
pub fn mined_loss(embeddings: &[f32], labels: &[u32], alpha: f32, mining: Mining) -> Result<MinedLoss, LossError> {
    let (loss, active, considered, gradient) = match mining {
        Mining::BatchAll => {
            let (r, g) = batch_all_with_gradient(embeddings, labels, EMBED_DIM, alpha)?;
            (r.loss, r.active, r.valid, g)
        }
        Mining::BatchHard => {
            let (r, g) = batch_hard_with_gradient(embeddings, labels, EMBED_DIM, alpha)?;
            (r.loss, r.active, r.anchors, g)
        }
        Mining::SemiHard => {
            let (r, g) = semi_hard_with_gradient(embeddings, labels, EMBED_DIM, alpha)?;
            (r.loss, r.active, r.pairs, g)
        }
    };
    Ok(MinedLoss { loss, active, considered, gradient })
}

/// Forward pass over `inputs` (B × `INPUT_LEN`), the mined loss of the
/// embeddings, and its gradient with respect to every parameter.
///
/// Errors: see [`mined_loss`].
///
/// # Panics
/// When `inputs.len()` is not a multiple of `INPUT_LEN`.
pub fn batch_gradient(
    weights: &Weights,
    inputs: &[f32],
    labels: &[u32],
    alpha: f32,
    mining: Mining,
) -> Result<(MinedLoss, Weights), LossError> {
    let cache = forward_with_cache(weights, inputs);
    let mined = mined_loss(&cache.embeddings, labels, alpha, mining)?;
    let gradient = backward(weights, &cache, &mined.gradient);
    Ok((mined, gradient))
}
