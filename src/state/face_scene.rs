//! Faces in the scene: putting a face's embedding in as the anchor, a
//! positive or a negative, keeping bound points on their faces' embeddings,
//! and the preset "worked example — faces".

use serde::Deserialize;

use super::face_bindings::{embedding_of, FaceRole};
use super::point_id::PointId;
use super::point_sets::PointSet;
use super::presets::Preset;
use super::scene::{Dim, Point, Scene, ALPHA_DEFAULT, MAX_POINTS_PER_SET};
use crate::loss::convention::Convention;

/// The bundled faces worked example, written by the trainer
/// (`cargo run --release --bin train_faces`, see docs/net.md).
const WORKED_EXAMPLE_JSON: &str = include_str!("../../assets/net/worked_example.json");

/// The triplet of bundled faces whose embeddings reproduce the lesson's
/// d_ap = 0.50 and d_an = 0.51 under the bundled weights.
#[derive(Clone, Copy, Debug, PartialEq, Deserialize)]
pub struct FacesWorkedExample {
    /// Face index of the anchor.
    pub anchor: usize,
    /// Face index of the positive (same person, other lighting/pose/expression).
    pub positive: usize,
    /// Face index of the negative (another person).
    pub negative: usize,
    /// ‖f(A) − f(P)‖² under the bundled weights (CPU path).
    pub d_ap: f64,
    /// ‖f(A) − f(N)‖² under the bundled weights (CPU path).
    pub d_an: f64,
}

/// The bundled faces worked example.
pub fn faces_worked_example() -> FacesWorkedExample {
    serde_json::from_str(WORKED_EXAMPLE_JSON).expect("assets/net/worked_example.json is checked by the tests")
}

/// A point on the unit sphere whose squared distance to (0, 0, 1) is `d`,
/// at azimuth `phi`: on the sphere d = 2 − 2 cos θ.
fn at_squared_distance(d: f64, phi: f64) -> Point {
    let cos = (1.0 - d / 2.0).clamp(-1.0, 1.0);
    let sin = (1.0 - cos * cos).sqrt();
    [(sin * phi.cos()) as f32, (sin * phi.sin()) as f32, cos as f32]
}

/// The faces worked example's scene before the model has run: 3D, unit
/// sphere, α = 0.2, one positive and one negative bound to the bundled
/// faces, placed at the recorded distances. Once the embeddings are
/// computed, [`Scene::refresh_faces`] moves them to the live values.
pub fn worked_example_faces_scene() -> Scene {
    let ex = faces_worked_example();
    let mut scene = Scene {
        dim: Dim::Three,
        anchor: [0.0, 0.0, 1.0],
        positives: vec![at_squared_distance(ex.d_ap, 0.3)],
        negatives: vec![at_squared_distance(ex.d_an, 2.6)],
        alpha: ALPHA_DEFAULT,
        preset: Preset::WorkedExampleFaces,
        convention: Convention::Squared,
        unit_sphere: true,
        ring_positive: 0,
        faces: Default::default(),
    };
    scene.faces.bind(PointId::Anchor, ex.anchor);
    scene.faces.bind(PointId::Positive(0), ex.positive);
    scene.faces.bind(PointId::Negative(0), ex.negative);
    scene
}

impl Scene {
    /// Puts `face` (with its current `embedding`) into the scene as the
    /// anchor, or as the first free positive / negative (a new point when
    /// every one is bound). The view becomes 3D on the unit sphere, where
    /// embeddings live. Returns the point, or `None` when the set is full
    /// or the embedding is not finite.
    pub fn assign_face(&mut self, role: FaceRole, face: usize, embedding: Point) -> Option<PointId> {
        if !embedding.iter().all(|v| v.is_finite()) {
            return None;
        }
        let id = match role {
            FaceRole::Anchor => PointId::Anchor,
            FaceRole::Positive => PointId::Positive(self.free_slot(PointSet::Positives)?),
            FaceRole::Negative => PointId::Negative(self.free_slot(PointSet::Negatives)?),
        };
        if self.dim != Dim::Three {
            self.dim = Dim::Three;
        }
        if !self.unit_sphere {
            self.unit_sphere = true;
        }
        self.reconstrain();
        let p = self.constrain(embedding);
        match id {
            PointId::Anchor => self.anchor = p,
            PointId::Positive(i) => {
                self.positives[i] = p;
                self.ring_positive = i;
            }
            PointId::Negative(j) => self.negatives[j] = p,
        }
        self.faces.bind(id, face);
        self.preset = Preset::Custom;
        Some(id)
    }

    /// The first free point of a set, growing the set when all are bound.
    fn free_slot(&mut self, set: PointSet) -> Option<usize> {
        let len = self.set(set).len();
        if let Some(i) = self.faces.first_free(set, len) {
            return Some(i);
        }
        if len >= MAX_POINTS_PER_SET {
            return None;
        }
        let preset = self.preset;
        self.resize_set(set, len + 1);
        self.preset = preset;
        Some(len)
    }

    /// Moves every bound point to its face's embedding in `embeddings`
    /// (n×3, as computed by the net), keeping the preset. Bound faces
    /// missing from the table keep their place. Returns whether anything moved.
    pub fn refresh_faces(&mut self, embeddings: &[f32]) -> bool {
        let mut moved = false;
        for (id, face) in self.faces.bound() {
            let Some(e) = embedding_of(embeddings, face) else { continue };
            let p = self.constrain(e);
            let slot = match id {
                PointId::Anchor => &mut self.anchor,
                PointId::Positive(i) => &mut self.positives[i],
                PointId::Negative(j) => &mut self.negatives[j],
            };
            if *slot != p {
                *slot = p;
                moved = true;
            }
        }
        moved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_preset_scene_has_the_recorded_distances_before_the_model_runs() {
        let ex = faces_worked_example();
        let s = worked_example_faces_scene();
        let e = s.evaluate();
        assert!((e.d_ap[0] as f64 - ex.d_ap).abs() < 1e-6, "{} vs {}", e.d_ap[0], ex.d_ap);
        assert!((e.d_an[0] as f64 - ex.d_an).abs() < 1e-6);
        assert_eq!(s.faces.face_of(PointId::Negative(0)), Some(ex.negative));
    }

    #[test]
    fn assigning_faces_fills_free_points_then_adds_and_moving_unbinds() {
        let mut s = Preset::Start.scene();
        let e = [0.0, 0.6, 0.8];
        assert_eq!(s.assign_face(FaceRole::Positive, 5, e), Some(PointId::Positive(0)));
        assert_eq!((s.dim, s.unit_sphere), (Dim::Three, true));
        assert_eq!(s.positives[0], e);
        assert_eq!(s.assign_face(FaceRole::Positive, 6, [0.0, 0.0, 1.0]), Some(PointId::Positive(1)));
        assert_eq!(s.positives.len(), 2);
        assert_eq!(s.assign_face(FaceRole::Anchor, 9, [f32::NAN, 0.0, 0.0]), None);
        s.set_point(PointId::Positive(0), [1.0, 0.0, 0.0]);
        assert_eq!(s.faces.face_of(PointId::Positive(0)), None, "a dragged face point is no longer the face");
        assert_eq!(s.faces.face_of(PointId::Positive(1)), Some(6));
        s.remove_point(PointId::Positive(0));
        assert_eq!(s.faces.face_of(PointId::Positive(0)), Some(6));
    }

    #[test]
    fn refreshing_follows_new_embeddings_and_keeps_the_preset() {
        let mut s = worked_example_faces_scene();
        let ex = faces_worked_example();
        let n = ex.anchor.max(ex.positive).max(ex.negative) + 1;
        let mut table = vec![0.0_f32; n * 3];
        table[ex.anchor * 3..ex.anchor * 3 + 3].copy_from_slice(&[1.0, 0.0, 0.0]);
        table[ex.positive * 3..ex.positive * 3 + 3].copy_from_slice(&[0.0, 1.0, 0.0]);
        table[ex.negative * 3..ex.negative * 3 + 3].copy_from_slice(&[0.0, 0.0, -1.0]);
        assert!(s.refresh_faces(&table));
        assert_eq!((s.anchor, s.positives[0], s.negatives[0]), ([1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, -1.0]));
        assert_eq!(s.preset, Preset::WorkedExampleFaces);
        assert!(!s.refresh_faces(&table));
    }
}
