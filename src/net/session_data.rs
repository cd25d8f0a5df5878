//! The data and the start of a [`super::TrainingSession`]: the images split
//! into training and held-out identities, and the weights both runs start
//! from (fresh, collapsed, or given).

use super::{COLLAPSE_DIRECTION, COLLAPSE_SCALE};
use crate::faces::FaceSet;
use crate::net::arch::INPUT_LEN;
use crate::net::Weights;

/// The images a session trains on and evaluates with.
#[derive(Clone, Debug, PartialEq)]
pub struct SessionData {
    /// Net inputs of the training images (identities not held out).
    pub train_inputs: Vec<f32>,
    /// Identity of each training image.
    pub train_labels: Vec<u32>,
    /// Net inputs of the held-out images.
    pub eval_inputs: Vec<f32>,
    /// Identity of each held-out image.
    pub eval_labels: Vec<u32>,
    /// Net inputs of every image, in image order (for the spheres).
    pub all_inputs: Vec<f32>,
    /// Identity of every image, in image order.
    pub all_labels: Vec<u32>,
}

impl SessionData {
    /// Splits `inputs` (one `INPUT_LEN` image per label) by `held_out`
    /// (one flag per image).
    ///
    /// # Panics
    /// When the lengths do not match.
    pub fn new(inputs: Vec<f32>, labels: Vec<u32>, held_out: &[bool]) -> SessionData {
        assert!(inputs.len() == labels.len() * INPUT_LEN && held_out.len() == labels.len(), "one image per label");
        let mut data = SessionData {
            train_inputs: Vec::new(),
            train_labels: Vec::new(),
            eval_inputs: Vec::new(),
            eval_labels: Vec::new(),
            all_inputs: Vec::new(),
            all_labels: labels,
        };
        for (i, (&label, &out)) in data.all_labels.iter().zip(held_out).enumerate() {
            let image = &inputs[i * INPUT_LEN..(i + 1) * INPUT_LEN];
            let (x, y) = if out {
                (&mut data.eval_inputs, &mut data.eval_labels)
            } else {
                (&mut data.train_inputs, &mut data.train_labels)
            };
            x.extend_from_slice(image);
            y.push(label);
        }
        data.all_inputs = inputs;
        data
    }

    /// Every face of `faces`, split by its identity's `held_out` flag.
    pub fn from_faces(faces: &FaceSet) -> SessionData {
        let inputs: Vec<f32> = (0..faces.len()).flat_map(|i| faces.net_input(i)).collect();
        let held_out: Vec<bool> =
            faces.faces().iter().map(|f| faces.identities().get(f.identity).is_some_and(|id| id.held_out)).collect();
        SessionData::new(inputs, faces.labels(), &held_out)
    }

    /// Number of images in all.
    pub fn len(&self) -> usize {
        self.all_labels.len()
    }

    /// True when there is no image.
    pub fn is_empty(&self) -> bool {
        self.all_labels.is_empty()
    }
}

/// The weights both runs start from.
#[derive(Clone, Debug, PartialEq)]
pub enum StartWeights {
    /// Given weights (e.g. the bundled trained net): little left to learn.
    Bundled(Weights),
    /// He-uniform weights drawn from the seed: the student sees learning.
    Fresh,
    /// Weights that map every face to nearly one point (see
    /// [`collapsed_weights`]): the loss starts at ≈ α.
    Collapsed,
}

impl StartWeights {
    /// The initial weights for `seed`.
    pub fn weights(&self, seed: u64) -> Weights {
        match self {
            StartWeights::Bundled(w) => w.clone(),
            StartWeights::Fresh => Weights::he_uniform_seeded(seed),
            StartWeights::Collapsed => collapsed_weights(seed),
        }
    }
}

/// Seeded He-uniform weights whose last layer is scaled by
/// [`COLLAPSE_SCALE`] with the bias [`COLLAPSE_DIRECTION`]: every
/// embedding lies within a few hundredths of that direction, so every
/// squared distance is nearly 0 and each triplet's hinge is ≈ α.
pub fn collapsed_weights(seed: u64) -> Weights {
    let mut w = Weights::he_uniform_seeded(seed);
    w.fc2_w.iter_mut().for_each(|v| *v *= COLLAPSE_SCALE);
    w.fc2_b = COLLAPSE_DIRECTION.to_vec();
    w
}
