//! Which scene points are the embeddings of bundled faces.
//!
//! A student can pick faces from the gallery as the anchor, positives and
//! negatives; each picked point is then *bound* to its face: its coordinates
//! are the net's embedding of that face and follow the model (a new backend,
//! new weights). Moving a bound point by hand unbinds it (it is no longer the
//! face's embedding); removing a point removes its binding.

use super::point_id::PointId;
use super::point_sets::PointSet;
use super::scene::Point;

/// Face index (into the bundled atlas) of every bound point.
///
/// `positives[i]` / `negatives[j]` belong to P(i+1) / N(j+1); the vectors may
/// be shorter than the point sets (missing entries are unbound).
#[derive(Clone, Debug, PartialEq, Eq, Default)]
pub struct FaceBindings {
    /// The anchor's face.
    pub anchor: Option<usize>,
    /// Faces of the positives.
    pub positives: Vec<Option<usize>>,
    /// Faces of the negatives.
    pub negatives: Vec<Option<usize>>,
}

impl FaceBindings {
    /// The face bound to a point, if any.
    pub fn face_of(&self, id: PointId) -> Option<usize> {
        match id {
            PointId::Anchor => self.anchor,
            PointId::Positive(i) => self.positives.get(i).copied().flatten(),
            PointId::Negative(j) => self.negatives.get(j).copied().flatten(),
        }
    }

    /// Whether no point is bound.
    pub fn is_empty(&self) -> bool {
        self.anchor.is_none() && self.positives.iter().chain(&self.negatives).all(Option::is_none)
    }

    /// Every bound point with its face.
    pub fn bound(&self) -> Vec<(PointId, usize)> {
        let mut out: Vec<(PointId, usize)> = self.anchor.map(|f| (PointId::Anchor, f)).into_iter().collect();
        out.extend(self.positives.iter().enumerate().filter_map(|(i, f)| f.map(|f| (PointId::Positive(i), f))));
        out.extend(self.negatives.iter().enumerate().filter_map(|(j, f)| f.map(|f| (PointId::Negative(j), f))));
        out
    }

    fn slot(&mut self, id: PointId) -> &mut Option<usize> {
        let (list, index) = match id {
            PointId::Anchor => return &mut self.anchor,
            PointId::Positive(i) => (&mut self.positives, i),
            PointId::Negative(j) => (&mut self.negatives, j),
        };
        if list.len() <= index {
            list.resize(index + 1, None);
        }
        &mut list[index]
    }

    /// Binds a point to a face.
    pub fn bind(&mut self, id: PointId, face: usize) {
        *self.slot(id) = Some(face);
    }

    /// Unbinds a point (nothing happens if it was not bound).
    pub fn unbind(&mut self, id: PointId) {
        if self.face_of(id).is_some() {
            *self.slot(id) = None;
        }
    }

    /// Forgets the bindings of a set's points from `len` on (the set shrank).
    pub fn truncate(&mut self, set: PointSet, len: usize) {
        match set {
            PointSet::Positives => self.positives.truncate(len),
            PointSet::Negatives => self.negatives.truncate(len),
        }
    }

    /// A point was removed from its set: later points move down by one.
    pub fn remove(&mut self, id: PointId) {
        let (list, index) = match id {
            PointId::Anchor => return self.anchor = None,
            PointId::Positive(i) => (&mut self.positives, i),
            PointId::Negative(j) => (&mut self.negatives, j),
        };
        if index < list.len() {
            list.remove(index);
        }
    }

    /// The first position of a set whose point is free (not bound), among
    /// `set_len` points, if any.
    pub fn first_free(&self, set: PointSet, set_len: usize) -> Option<usize> {
        let list = match set {
            PointSet::Positives => &self.positives,
            PointSet::Negatives => &self.negatives,
        };
        (0..set_len).find(|&i| list.get(i).copied().flatten().is_none())
    }
}

/// Where a picked face goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FaceRole {
    /// Becomes the anchor.
    Anchor,
    /// Becomes a positive (the first free one, else a new one).
    Positive,
    /// Becomes a negative (the first free one, else a new one).
    Negative,
}

/// Looks up the embedding of `face` in a flat n×3 table.
pub fn embedding_of(embeddings: &[f32], face: usize) -> Option<Point> {
    let e = embeddings.get(face * 3..face * 3 + 3)?;
    e.iter().all(|v| v.is_finite()).then(|| [e[0], e[1], e[2]])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn binding_removal_and_truncation_follow_the_points() {
        let mut b = FaceBindings::default();
        assert!(b.is_empty());
        b.bind(PointId::Positive(2), 7);
        assert_eq!(b.positives, vec![None, None, Some(7)]);
        assert_eq!(b.face_of(PointId::Positive(2)), Some(7));
        assert_eq!(b.face_of(PointId::Positive(5)), None);
        assert_eq!(b.first_free(PointSet::Positives, 3), Some(0));
        b.bind(PointId::Positive(0), 1);
        b.bind(PointId::Positive(1), 2);
        assert_eq!(b.first_free(PointSet::Positives, 3), None);
        assert_eq!(b.first_free(PointSet::Positives, 4), Some(3));
        b.remove(PointId::Positive(0));
        assert_eq!(b.positives, vec![Some(2), Some(7)]);
        b.truncate(PointSet::Positives, 1);
        assert_eq!(b.bound(), vec![(PointId::Positive(0), 2)]);
        b.unbind(PointId::Positive(0));
        assert!(b.is_empty());
    }

    #[test]
    fn embeddings_are_looked_up_by_face() {
        let table = [0.0, 0.0, 1.0, 1.0, 0.0, 0.0, f32::NAN, 0.0, 0.0];
        assert_eq!(embedding_of(&table, 1), Some([1.0, 0.0, 0.0]));
        assert_eq!(embedding_of(&table, 2), None, "non-finite embeddings are refused");
        assert_eq!(embedding_of(&table, 3), None);
    }
}
