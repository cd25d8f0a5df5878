//! A copyable Python snippet that reproduces the numbers the app shows for
//! the current scene (numpy), with the equivalent PyTorch call.

use super::scene::Scene;
use crate::loss::convention::Convention;

/// Python literal for an f32 (shortest round-trip text, always with a dot or exponent).
fn literal(v: f32) -> String {
    let s = format!("{v:?}");
    if s.contains(['.', 'e', 'E']) || s.contains("inf") || s.contains("NaN") {
        s
    } else {
        format!("{s}.0")
    }
}

fn vector(p: &[f32]) -> String {
    format!("[{}]", p.iter().map(|v| literal(*v)).collect::<Vec<_>>().join(", "))
}

fn matrix(points: &[[f32; 3]], d: usize) -> String {
    let rows: Vec<String> = points.iter().map(|p| format!("    {},", vector(&p[..d]))).collect();
    format!("np.array([\n{}\n])", rows.join("\n"))
}

/// The snippet: defines A, P, N and α, computes the distances under the
/// scene's convention, the k×m terms, the lesson's sum and the library
/// reductions, and prints them; the PyTorch equivalent follows as comments.
pub fn python_snippet(scene: &Scene) -> String {
    let d = scene.dim.components();
    let distance = match scene.convention {
        Convention::Squared => "((A - X) ** 2).sum(axis=1)  # squared Euclidean, the lesson's",
        Convention::Euclidean => "np.sqrt(((A - X) ** 2).sum(axis=1))  # plain Euclidean",
        Convention::PyTorch => "np.sqrt(((A - X + 1e-6) ** 2).sum(axis=1))  # PyTorch: ||a - x + eps||, eps = 1e-6",
    };
    let mut s = String::new();
    s.push_str("# TripletLab: reproduces the numbers shown for this scene.\n");
    s.push_str("import numpy as np\n\n");
    s.push_str(&format!("A = np.array({})\n", vector(&scene.anchor[..d])));
    s.push_str(&format!("P = {}\n", matrix(&scene.positives, d)));
    s.push_str(&format!("N = {}\n", matrix(&scene.negatives, d)));
    s.push_str(&format!("alpha = {}\n\n", literal(scene.alpha)));
    s.push_str(&format!("def dist(X):\n    return {distance}\n\n"));
    s.push_str("d_ap, d_an = dist(P), dist(N)\n");
    s.push_str("terms = np.maximum(0.0, d_ap[:, None] - d_an[None, :] + alpha)  # k x m\n");
    s.push_str("print('sum (the lesson):', terms.sum())\n");
    s.push_str("print('mean over k*m terms:', terms.mean())\n");
    s.push_str("active = int((terms > 0).sum())\n");
    s.push_str("print('active terms:', active, 'of', terms.size)\n");
    s.push_str("print('mean over active terms:', terms.sum() / active if active else 0.0)\n");
    s.push_str("print('batch-hard:', max(0.0, d_ap.max() - d_an.min() + alpha))\n\n");
    s.push_str("# PyTorch's TripletMarginLoss (plain distance, eps = 1e-6, mean over the k*m triplets):\n");
    s.push_str("# import torch\n");
    s.push_str("# k, m = len(P), len(N)\n");
    s.push_str("# a = torch.tensor(A, dtype=torch.float32).expand(k * m, -1)\n");
    s.push_str("# p = torch.tensor(P, dtype=torch.float32).repeat_interleave(m, dim=0)\n");
    s.push_str("# n = torch.tensor(N, dtype=torch.float32).repeat(k, 1)\n");
    s.push_str("# print(torch.nn.TripletMarginLoss(margin=alpha, p=2, eps=1e-6)(a, p, n))\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::state::Preset;

    #[test]
    fn snippet_holds_the_scene() {
        let s = python_snippet(&Preset::WorkedExample.scene());
        assert!(s.contains("A = np.array([0.0, 0.0])"));
        assert!(s.contains("[0.5, 0.5],"));
        assert!(s.contains("alpha = 0.2"));
        assert!(s.contains("TripletMarginLoss(margin=alpha"));
        assert!(!s.contains("NaN") && !s.contains("inf"));
    }

    #[test]
    fn literals_are_python_floats() {
        assert_eq!(literal(1.0), "1.0");
        assert_eq!(literal(-0.38729833), "-0.38729832");
        assert_eq!(literal(1e-7), "1e-7");
    }
}
