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

    /// Every face of `faces`, split by its identity's `held_out` flag. User
    /// photos (see [`FaceSet::with_user_photos`]) are included: a user person
    /// with at least [`crate::faces::MIN_PHOTOS_TO_TRAIN`] photos is trained
    /// on, one with a single photo is held out.
    pub fn from_faces(faces: &FaceSet) -> SessionData {
        let inputs: Vec<f32> = (0..faces.len()).flat_map(|i| faces.net_input(i)).collect();
        let held_out: Vec<bool> =
            faces.faces().iter().map(|f| faces.identities().get(f.identity).is_some_and(|id| id.held_out)).collect();
        SessionData::new(inputs, faces.labels(), &held_out)
    }

    /// Whether this data was made from `faces` (same labels and the same
    /// net inputs for the user photos), so a cached copy can be reused; a
    /// photo added, removed or renamed gives `false`.
    pub fn matches(&self, faces: &FaceSet) -> bool {
        let start = faces.bundled_len();
        self.all_labels == faces.labels()
            && (start..faces.len())
                .all(|i| self.all_inputs.get(i * INPUT_LEN..(i + 1) * INPUT_LEN) == Some(&faces.net_input(i)[..]))
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

// Reads the bundled atlas from disk: native only.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::faces::{UserFaces, THUMB_SIDE};

    fn bundled() -> FaceSet {
        let atlas = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/faces/atlas.png")).unwrap();
        let manifest =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/assets/faces/manifest.json")).unwrap();
        FaceSet::from_bytes(&atlas, &manifest).unwrap()
    }

    #[test]
    fn user_people_with_two_photos_train_and_single_photos_are_held_out() {
        let faces = bundled();
        let plain = SessionData::from_faces(&faces);
        assert_eq!((plain.train_labels.len(), plain.eval_labels.len()), (18 * 12, 6 * 12));
        assert!(plain.matches(&faces));
        let mut user = UserFaces::new();
        let thumb = |v: u8| vec![v; THUMB_SIDE * THUMB_SIDE * 4];
        user.add("Lan", thumb(51)).unwrap();
        user.add("Minh", thumb(102)).unwrap();
        user.add("Lan", thumb(153)).unwrap();
        let with = faces.with_user_photos(&user);
        assert!(!plain.matches(&with));
        let data = SessionData::from_faces(&with);
        assert!(data.matches(&with));
        assert_eq!(data.len(), 291);
        // Lan (identity 24) has two photos: both train, after the bundled training faces.
        assert_eq!(&data.train_labels[216..], &[24, 24]);
        assert_eq!(data.train_inputs.len(), 218 * INPUT_LEN);
        assert_eq!(data.train_inputs[216 * INPUT_LEN], 0.2);
        assert_eq!(data.train_inputs[217 * INPUT_LEN], 0.6);
        // Minh (identity 25) has one: held out.
        assert_eq!(data.eval_labels.last(), Some(&25));
        assert_eq!(data.eval_inputs[72 * INPUT_LEN], 0.4);
        // Same labels but a different picture: not a match.
        let mut other = UserFaces::new();
        other.add("Lan", thumb(0)).unwrap();
        other.add("Minh", thumb(102)).unwrap();
        other.add("Lan", thumb(153)).unwrap();
        assert!(!data.matches(&faces.with_user_photos(&other)));
    }

    #[test]
    fn a_session_trains_on_user_photos() {
        use crate::net::session::{SessionSettings, TrainingSession};
        let faces = bundled();
        let mut user = UserFaces::new();
        // Two people of two plain photos each, one of a single photo.
        for (name, v) in [("Lan", 40), ("Lan", 60), ("Minh", 200), ("Minh", 220), ("Hoa", 128)] {
            user.add(name, vec![v; THUMB_SIDE * THUMB_SIDE * 4]).unwrap();
        }
        let data = std::sync::Arc::new(SessionData::from_faces(&faces.with_user_photos(&user)));
        assert_eq!(&data.train_labels[216..], &[24, 24, 25, 25]);
        assert_eq!(data.eval_labels.last(), Some(&26));
        let mut session =
            TrainingSession::new(data, SessionSettings::DEFAULT, false, StartWeights::Fresh).expect("a session");
        for _ in 0..10 {
            session.step().expect("a step");
        }
        assert_eq!(session.step_count(), 10);
        assert!(session.history(0).loss.iter().all(|l| l.is_finite()));
    }
}
