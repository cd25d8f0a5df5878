//! Quality of embeddings on labelled (held-out) images: face verification
//! accuracy at the best distance threshold, and recall@1. Pure functions
//! of embeddings and labels; distances are squared Euclidean (the lesson's).

/// Verification and retrieval figures of a set of embeddings.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct EvalReport {
    /// Images evaluated.
    pub images: usize,
    /// Unordered pairs of distinct images.
    pub pairs: u64,
    /// Pairs of the same identity.
    pub same_pairs: u64,
    /// Fraction of pairs classified correctly by "same identity iff
    /// d ≤ threshold" at the best threshold.
    pub verification_accuracy: f64,
    /// That threshold on the squared distance (midway between the two
    /// distances it separates).
    pub threshold: f64,
    /// At that threshold, the fraction of same-identity pairs accepted.
    pub true_accept_rate: f64,
    /// At that threshold, the fraction of different-identity pairs rejected.
    pub true_reject_rate: f64,
    /// Fraction of images whose nearest other image (ties: lowest index) has
    /// the same identity.
    pub recall_at_1: f64,
}

/// Squared Euclidean distance of two rows, accumulated in f64.
pub fn squared_distance(a: &[f32], b: &[f32]) -> f64 {
    a.iter().zip(b).map(|(&x, &y)| (f64::from(x) - f64::from(y)).powi(2)).sum()
}

/// Evaluates `embeddings` (`labels.len()` rows of `dim`) against `labels`.
/// Fewer than two images give an all-zero report.
///
/// # Panics
/// When `embeddings.len() != labels.len() · dim` or `dim == 0`.
pub fn evaluate(embeddings: &[f32], labels: &[u32], dim: usize) -> EvalReport {
    assert!(dim > 0 && embeddings.len() == labels.len() * dim, "one embedding of {dim} values per label is needed");
    let n = labels.len();
    if n < 2 {
        return EvalReport { images: n, ..EvalReport::default() };
    }
    let row = |i: usize| &embeddings[i * dim..(i + 1) * dim];
    let mut pairs: Vec<(f64, bool)> = Vec::with_capacity(n * (n - 1) / 2);
    let mut nearest = vec![(f64::INFINITY, usize::MAX); n];
    for i in 0..n {
        for j in i + 1..n {
            let d = squared_distance(row(i), row(j));
            pairs.push((d, labels[i] == labels[j]));
            if d < nearest[i].0 {
                nearest[i] = (d, j);
            }
            if d < nearest[j].0 {
                nearest[j] = (d, i);
            }
        }
    }
    let hits = nearest.iter().enumerate().filter(|(i, (_, j))| labels[*i] == labels[*j]).count();
    let mut report = best_threshold(pairs);
    report.images = n;
    report.recall_at_1 = hits as f64 / n as f64;
    report
}

/// Sweeps every threshold over the sorted pair distances. Pairs at equal
/// distances are decided together (a threshold cannot split them).
fn best_threshold(mut pairs: Vec<(f64, bool)>) -> EvalReport {
    pairs.sort_by(|a, b| a.0.total_cmp(&b.0));
    let total = pairs.len() as u64;
    let same = pairs.iter().filter(|p| p.1).count() as u64;
    let different = total - same;
    // Threshold below every distance: everything "different".
    let (mut accepted_same, mut accepted_different) = (0_u64, 0_u64);
    let mut best = (different, 0_u64, 0_u64, pairs.first().map_or(0.0, |p| p.0 - 1e-6));
    let mut i = 0;
    while i < pairs.len() {
        let d = pairs[i].0;
        while i < pairs.len() && pairs[i].0 == d {
            if pairs[i].1 {
                accepted_same += 1;
            } else {
                accepted_different += 1;
            }
            i += 1;
        }
        let correct = accepted_same + (different - accepted_different);
        if correct > best.0 {
            let next = pairs.get(i).map_or(d + 1e-6, |p| p.0);
            best = (correct, accepted_same, accepted_different, 0.5 * (d + next));
        }
    }
    let rate = |num: u64, den: u64| if den == 0 { 0.0 } else { num as f64 / den as f64 };
    EvalReport {
        pairs: total,
        same_pairs: same,
        verification_accuracy: rate(best.0, total),
        threshold: best.3,
        true_accept_rate: rate(best.1, same),
        true_reject_rate: rate(different - best.2, different),
        ..EvalReport::default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn separated_clusters_are_perfect() {
        // Two identities on a line: {0, 0.1} and {1, 1.2}.
        let r = evaluate(&[0.0, 0.1, 1.0, 1.2], &[0, 0, 1, 1], 1);
        assert_eq!((r.pairs, r.same_pairs), (6, 2));
        assert_eq!((r.verification_accuracy, r.recall_at_1), (1.0, 1.0));
        // Same pairs at 0.01 and 0.04, the closest different pair at 0.81.
        assert!((r.threshold - 0.425).abs() < 1e-6, "{}", r.threshold);
        assert_eq!((r.true_accept_rate, r.true_reject_rate), (1.0, 1.0));
    }

    #[test]
    fn mixed_clusters_and_degenerate_input() {
        // 0 and 2 are identity 0, 1 and 3 identity 1, alternating on a line.
        let r = evaluate(&[0.0, 1.0, 2.0, 3.0], &[0, 1, 0, 1], 1);
        assert_eq!(r.recall_at_1, 0.0);
        // d = 1 (3 different pairs), 4 (2 same), 9 (1 different): best is to
        // reject everything (4 of 6 correct)... or accept ≤ 4: 2 + 1 = 3.
        assert!((r.verification_accuracy - 4.0 / 6.0).abs() < 1e-12);
        assert_eq!(evaluate(&[1.0], &[0], 1).pairs, 0);
    }
}
