//! Growing and shrinking the sets of positives (k) and negatives (m).
//!
//! New points appear at seeded pseudo-random places that make sense for
//! their role: positives near the anchor, negatives in a wider ring, so a
//! new negative is usually easy or semi-hard and a new positive close. The
//! seed is the point's role and index, so the same k and m always give the
//! same scene (reproducible for a class and for tests).

use super::point_id::PointId;
use super::presets::Preset;
use super::scene::{snap, Dim, Point, Scene, MAX_POINTS_PER_SET};

/// Which set of points.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PointSet {
    /// P1..Pk.
    Positives,
    /// N1..Nm.
    Negatives,
}

/// SplitMix64: a tiny, well-mixed deterministic generator.
fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Uniform numbers in [0, 1) derived from a seed.
fn unit(seed: u64, salt: u64) -> f32 {
    (splitmix(seed.wrapping_mul(31).wrapping_add(salt)) >> 40) as f32 / (1u64 << 24) as f32
}

/// Where the `index`-th point of `set` appears, relative to the anchor.
pub fn seeded_offset(set: PointSet, index: usize, dim: Dim) -> Point {
    let seed = (index as u64) * 2 + if set == PointSet::Positives { 0 } else { 1 };
    let (r_min, r_span) = match set {
        PointSet::Positives => (0.3, 0.45),
        PointSet::Negatives => (0.55, 0.95),
    };
    let r = r_min + r_span * unit(seed, 1);
    let theta = std::f32::consts::TAU * unit(seed, 2);
    match dim {
        Dim::Two => [r * theta.cos(), r * theta.sin(), 0.0],
        Dim::Three => {
            let z = 2.0 * unit(seed, 3) - 1.0; // uniform on the sphere
            let ring = (1.0 - z * z).sqrt();
            [r * ring * theta.cos(), r * ring * theta.sin(), r * z]
        }
    }
}

impl Scene {
    /// The points of one set.
    pub fn set(&self, set: PointSet) -> &Vec<Point> {
        match set {
            PointSet::Positives => &self.positives,
            PointSet::Negatives => &self.negatives,
        }
    }

    fn set_mut(&mut self, set: PointSet) -> &mut Vec<Point> {
        match set {
            PointSet::Positives => &mut self.positives,
            PointSet::Negatives => &mut self.negatives,
        }
    }

    /// Resizes a set to `count` points, clamped to `1..=MAX_POINTS_PER_SET`:
    /// removes from the end or adds seeded points. Returns the count used.
    pub fn resize_set(&mut self, set: PointSet, count: usize) -> usize {
        let count = count.clamp(1, MAX_POINTS_PER_SET);
        let current = self.set(set).len();
        if count == current {
            return count;
        }
        if count < current {
            self.set_mut(set).truncate(count);
            self.faces.truncate(set, count);
        } else {
            for index in current..count {
                let o = seeded_offset(set, index, self.dim);
                let a = self.anchor;
                // On the 0.01 grid, like drags, so the numbers stay readable.
                let p = self.constrain([snap(a[0] + o[0]), snap(a[1] + o[1]), snap(a[2] + o[2])]);
                self.set_mut(set).push(p);
            }
        }
        self.ring_positive = self.ring_positive.min(self.positives.len() - 1);
        self.preset = Preset::Custom;
        count
    }

    /// Removes one positive or negative (never the anchor, never the last of
    /// a set). Returns whether a point was removed.
    pub fn remove_point(&mut self, id: PointId) -> bool {
        let (set, index) = match id {
            PointId::Anchor => return false,
            PointId::Positive(i) => (PointSet::Positives, i),
            PointId::Negative(j) => (PointSet::Negatives, j),
        };
        let points = self.set_mut(set);
        if points.len() <= 1 || index >= points.len() {
            return false;
        }
        points.remove(index);
        self.faces.remove(id);
        self.ring_positive = self.ring_positive.min(self.positives.len() - 1);
        self.preset = Preset::Custom;
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::scene::COORD_LIMIT;

    #[test]
    fn resizing_is_clamped_seeded_and_reversible() {
        let mut s = Scene::default();
        assert_eq!(s.resize_set(PointSet::Negatives, 0), 1);
        assert_eq!(s.resize_set(PointSet::Negatives, 500), MAX_POINTS_PER_SET);
        assert_eq!(s.negatives.len(), 64);
        let mut again = Scene::default();
        again.resize_set(PointSet::Negatives, 64);
        assert_eq!(s.negatives, again.negatives, "same seed, same places");
        assert!(s.negatives.iter().flatten().all(|c| c.abs() <= COORD_LIMIT));
        s.resize_set(PointSet::Negatives, 4);
        assert_eq!(s.negatives[..], again.negatives[..4]);
    }

    #[test]
    fn new_positives_are_closer_than_new_negatives() {
        for i in 0..64 {
            let p = seeded_offset(PointSet::Positives, i, Dim::Three);
            let n = seeded_offset(PointSet::Negatives, i, Dim::Three);
            let norm = |v: Point| (v[0] * v[0] + v[1] * v[1] + v[2] * v[2]).sqrt();
            assert!(norm(p) <= 0.75 + 1e-6 && norm(n) >= 0.55 - 1e-6);
            assert_eq!(seeded_offset(PointSet::Positives, i, Dim::Two)[2], 0.0);
        }
    }

    #[test]
    fn removing_keeps_at_least_one_and_never_the_anchor() {
        let mut s = Preset::OneHard.scene();
        s.ring_positive = 1;
        assert!(s.remove_point(PointId::Positive(1)));
        assert_eq!(s.ring_positive, 0);
        assert!(!s.remove_point(PointId::Positive(0)), "last positive stays");
        assert!(!s.remove_point(PointId::Anchor));
        assert!(s.remove_point(PointId::Negative(0)));
        assert_eq!(s.negatives.len(), 3);
        assert!(!s.remove_point(PointId::Negative(9)));
    }
}
