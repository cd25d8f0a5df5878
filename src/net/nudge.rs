//! Calibrating the worked example when the trained net has none.
//!
//! A well-trained net pulls every identity together: no two pictures of one
//! person are 0.50 apart any more, so [`find_worked_example`] finds
//! nothing. [`calibrate`] then fine-tunes: it fixes the *training* triplet
//! closest to the lesson's numbers ([`closest_triplet`], only faces the
//! trainer may see, so held-out identities stay unseen) and keeps training
//! with one extra term,
//!
//! ```text
//! λ · ((d_ap − 0.50)² + (d_an − 0.51)²)
//! ```
//!
//! added to each batch loss ([`Trainer::step_with_extra`]), checking all
//! faces after every step and stopping at the first weights for which a
//! triplet [`qualifies`](super::calibrate::qualifies) (it may be the pulled
//! one or another that the small steps moved into the window). The numbers
//! the app shows are then really computed by the shipped net; docs/net.md
//! says what the calibration did to the bundled one.

use std::fmt;

use super::arch::{EMBED_DIM, INPUT_LEN};
use super::backward::backward;
use super::calibrate::{closest_triplet, find_worked_example, Triplet, TARGET_D_AN, TARGET_D_AP};
use super::forward::{forward_batch, forward_with_cache};
use super::train::{TrainError, Trainer};
use super::Weights;

/// Weight λ of the calibration term.
pub const NUDGE_WEIGHT: f32 = 1.0;

/// The faces the calibration looks at.
#[derive(Clone, Copy, Debug)]
pub struct Faces<'a> {
    /// Net inputs of every face, `labels.len() × INPUT_LEN`.
    pub inputs: &'a [f32],
    /// Identity of every face.
    pub labels: &'a [u32],
    /// Per face, whether the trainer may see it (false for held-out faces).
    pub trainable: &'a [bool],
}

/// How the worked example was obtained.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Calibration {
    /// The qualifying triplet under the final weights.
    pub triplet: Triplet,
    /// Fine-tuning steps taken (0: the trained net already had one).
    pub steps: u64,
    /// The triplet that was pulled towards the lesson's numbers and its
    /// distances before the fine-tuning (`None` when no step was needed).
    pub pulled: Option<Triplet>,
}

/// Why no worked example was found.
#[derive(Clone, Debug, PartialEq)]
pub enum CalibrationError {
    /// The inputs are not one image per label, or the mask has another length.
    Shape,
    /// The trainable faces hold no triplet (two identities are needed).
    NoTriplet,
    /// Still nothing qualifies after this many fine-tuning steps.
    NotReached {
        /// Steps taken.
        steps: u64,
    },
    /// A training step failed.
    Train(TrainError),
}

impl fmt::Display for CalibrationError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Shape => write!(f, "the calibration needs one input of {INPUT_LEN} values and one flag per label"),
            Self::NoTriplet => write!(f, "the trainable faces hold no anchor-positive-negative triplet"),
            Self::NotReached { steps } => {
                write!(f, "no triplet shows d_ap = 0.50 and d_an = 0.51 robustly after {steps} calibration steps")
            }
            Self::Train(e) => write!(f, "a calibration step failed: {e}"),
        }
    }
}

impl std::error::Error for CalibrationError {}

/// Gradient with respect to every parameter of `λ((d_ap − 0.50)² + (d_an −
/// 0.51)²)` for the three images in `triplet_inputs` (anchor, positive,
/// negative, `3 × INPUT_LEN`).
pub fn pull_gradient(weights: &Weights, triplet_inputs: &[f32], lambda: f32) -> Weights {
    let cache = forward_with_cache(weights, triplet_inputs);
    let e = &cache.embeddings;
    let (a, p, n) = (&e[0..EMBED_DIM], &e[EMBED_DIM..2 * EMBED_DIM], &e[2 * EMBED_DIM..3 * EMBED_DIM]);
    let d = |x: &[f32], y: &[f32]| x.iter().zip(y).map(|(u, v)| (u - v) * (u - v)).sum::<f32>();
    // ∂/∂d of λ(d − t)², times ∂d/∂x = 2(x − y).
    let ka = 2.0 * lambda * (d(a, p) - TARGET_D_AP as f32) * 2.0;
    let kn = 2.0 * lambda * (d(a, n) - TARGET_D_AN as f32) * 2.0;
    let mut g = vec![0.0_f32; 3 * EMBED_DIM];
    for k in 0..EMBED_DIM {
        g[k] = ka * (a[k] - p[k]) + kn * (a[k] - n[k]);
        g[EMBED_DIM + k] = ka * (p[k] - a[k]);
        g[2 * EMBED_DIM + k] = kn * (n[k] - a[k]);
    }
    backward(weights, &cache, &g)
}

/// Finds the worked example under the trainer's weights, fine-tuning for at
/// most `max_steps` steps when there is none (see the module docs). The
/// trainer's ordinary batches come from the trainable faces.
///
/// Errors: [`CalibrationError`].
pub fn calibrate(trainer: &mut Trainer, faces: Faces<'_>, max_steps: u64) -> Result<Calibration, CalibrationError> {
    let count = faces.labels.len();
    if faces.inputs.len() != count * INPUT_LEN || faces.trainable.len() != count {
        return Err(CalibrationError::Shape);
    }
    let image = |i: usize| &faces.inputs[i * INPUT_LEN..(i + 1) * INPUT_LEN];
    let train: Vec<usize> = (0..count).filter(|&i| faces.trainable[i]).collect();
    let train_inputs: Vec<f32> = train.iter().flat_map(|&i| image(i).iter().copied()).collect();
    let train_labels: Vec<u32> = train.iter().map(|&i| faces.labels[i]).collect();
    let mut pulled: Option<Triplet> = None;
    let mut pull_inputs = Vec::new();
    for steps in 0..=max_steps {
        let embeddings = forward_batch(trainer.weights(), faces.inputs);
        if let Some(triplet) = find_worked_example(&embeddings, faces.labels, EMBED_DIM) {
            return Ok(Calibration { triplet, steps, pulled });
        }
        if steps == max_steps {
            break;
        }
        if pulled.is_none() {
            let t = closest_triplet(&embeddings, faces.labels, EMBED_DIM, faces.trainable)
                .ok_or(CalibrationError::NoTriplet)?;
            pull_inputs = [t.anchor, t.positive, t.negative].iter().flat_map(|&i| image(i).iter().copied()).collect();
            pulled = Some(t);
        }
        trainer
            .step_with_extra(&train_inputs, &train_labels, |w| Ok(Some(pull_gradient(w, &pull_inputs, NUDGE_WEIGHT))))
            .map_err(CalibrationError::Train)?;
    }
    Err(CalibrationError::NotReached { steps: max_steps })
}
