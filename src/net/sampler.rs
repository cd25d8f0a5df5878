//! P × K batch sampling (Hermans et al. 2017): P identities, K images of
//! each, so every anchor in the batch has positives and negatives.

use super::rng::SplitMix64;

/// The images of each identity, identities in ascending label order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Groups {
    groups: Vec<(u32, Vec<usize>)>,
}

impl Groups {
    /// Groups image indices `0..labels.len()` by label.
    pub fn new(labels: &[u32]) -> Self {
        let mut map = std::collections::BTreeMap::<u32, Vec<usize>>::new();
        for (i, &l) in labels.iter().enumerate() {
            map.entry(l).or_default().push(i);
        }
        Self { groups: map.into_iter().collect() }
    }

    /// Number of identities.
    pub fn len(&self) -> usize {
        self.groups.len()
    }

    /// True when there is no image.
    pub fn is_empty(&self) -> bool {
        self.groups.is_empty()
    }

    /// Image indices of a batch: `min(p, identities)` distinct identities
    /// drawn uniformly, then `k` images of each, distinct while the identity
    /// has at least `k` (otherwise its images repeat, each as evenly as
    /// possible). Grouped by identity, in draw order.
    pub fn sample(&self, rng: &mut SplitMix64, p: usize, k: usize) -> Vec<usize> {
        let mut ids: Vec<usize> = (0..self.groups.len()).collect();
        let p = p.min(ids.len());
        // Partial Fisher–Yates: the first p entries become the draw.
        for i in 0..p {
            let j = i + rng.below(ids.len() - i);
            ids.swap(i, j);
        }
        let mut batch = Vec::with_capacity(p * k);
        let mut pool = Vec::new();
        for &id in &ids[..p] {
            let images = &self.groups[id].1;
            let mut taken = 0;
            while taken < k {
                pool.clear();
                pool.extend_from_slice(images);
                let round = (k - taken).min(pool.len());
                for i in 0..round {
                    let j = i + rng.below(pool.len() - i);
                    pool.swap(i, j);
                }
                batch.extend_from_slice(&pool[..round]);
                taken += round;
            }
        }
        batch
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn p_identities_of_k_distinct_images() {
        let labels: Vec<u32> = (0..60).map(|i| (i / 5) as u32).collect(); // 12 × 5
        let g = Groups::new(&labels);
        assert_eq!(g.len(), 12);
        let mut rng = SplitMix64::new(1);
        let batch = g.sample(&mut rng, 4, 3);
        assert_eq!(batch.len(), 12);
        for chunk in batch.chunks(3) {
            assert!(chunk.iter().all(|&i| labels[i] == labels[chunk[0]]));
            assert!(chunk[0] != chunk[1] && chunk[1] != chunk[2] && chunk[0] != chunk[2]);
        }
        let ids: std::collections::BTreeSet<u32> = batch.iter().map(|&i| labels[i]).collect();
        assert_eq!(ids.len(), 4);
        // Too few images: they repeat; too many identities asked: all of them.
        let small = Groups::new(&[0, 0, 1]);
        let b = small.sample(&mut rng, 5, 3);
        assert_eq!(b.len(), 6);
        assert_eq!(b.iter().filter(|&&i| i == 2).count(), 3);
    }
}
