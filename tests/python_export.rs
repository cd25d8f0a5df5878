//! The exported Python snippet, run by a real Python with numpy, prints the
//! numbers the core computes. Needs `python3` with numpy (installed by
//! `scripts/ensure-tools.sh test`); where they are missing the test says so
//! and passes, unless TRIPLETLAB_REQUIRE_PYTHON is set (as scripts/test.sh does).
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;
use tripletlab::loss::convention::Convention;
use tripletlab::state::export::python_snippet;
use tripletlab::state::{Dim, PointSet, Preset};

fn python_with_numpy() -> bool {
    let ok = Command::new("python3").args(["-c", "import numpy"]).output().map(|o| o.status.success()).unwrap_or(false);
    if !ok {
        assert!(
            std::env::var_os("TRIPLETLAB_REQUIRE_PYTHON").is_none(),
            "python3 with numpy is required (scripts/ensure-tools.sh test installs it)"
        );
        eprintln!("skipping: python3 with numpy not found");
    }
    ok
}

fn printed(snippet: &str, label: &str) -> f64 {
    let out = Command::new("python3").args(["-c", snippet]).output().expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    let line = text.lines().find(|l| l.starts_with(label)).unwrap_or_else(|| panic!("no {label} in {text}"));
    line[label.len()..].split_whitespace().next().unwrap().parse().unwrap()
}

#[test]
fn snippet_reproduces_the_apps_numbers() {
    if !python_with_numpy() {
        return;
    }
    for (preset, convention, dim) in [
        (Preset::WorkedExample, Convention::Squared, Dim::Two),
        (Preset::OneHard, Convention::Euclidean, Dim::Two),
        (Preset::AllHard, Convention::PyTorch, Dim::Three),
    ] {
        let mut scene = preset.scene();
        scene.convention = convention;
        scene.set_dim(dim);
        scene.resize_set(PointSet::Negatives, 6);
        let e = scene.evaluate();
        let snippet = python_snippet(&scene);
        let sum = printed(&snippet, "sum (the lesson):");
        let mean = printed(&snippet, "mean over k*m terms:");
        let hard = printed(&snippet, "batch-hard:");
        assert!((sum - e.sum as f64).abs() < 1e-5 * (1.0 + sum.abs()), "{preset:?}: {sum} vs {}", e.sum);
        assert!((mean - e.mean() as f64).abs() < 1e-5 * (1.0 + mean.abs()));
        assert!((hard - e.batch_hard() as f64).abs() < 1e-5 * (1.0 + hard.abs()));
    }
}
