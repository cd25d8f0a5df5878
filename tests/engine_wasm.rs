//! Browser tests of the loss engine (wasm-bindgen-test in headless Chromium):
//! the explicit simd128 kernels against the scalar kernels and the f64
//! reference on deterministic pseudo-random inputs, lengths not divisible by
//! 4 included, and the engine's algorithms as compiled for the browser.
#![cfg(target_arch = "wasm32")]

use tripletlab::loss::batch;
use tripletlab::loss::kernels::{self, reference, scalar, HingeSum};
use tripletlab::loss::sorted::{km_hinge_naive, km_hinge_sorted};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// xorshift32: the same inputs on every run, no dependency.
struct Rng(u32);

impl Rng {
    /// Uniform in [−4, 4), or a quarter step in [−4, 4] (ties) one time in four.
    fn value(&mut self) -> f32 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 17;
        self.0 ^= self.0 << 5;
        if self.0.is_multiple_of(4) {
            ((self.0 >> 8) % 33) as f32 * 0.25 - 4.0
        } else {
            (self.0 >> 8) as f32 / (1 << 24) as f32 * 8.0 - 4.0
        }
    }

    fn vec(&mut self, n: usize) -> Vec<f32> {
        (0..n).map(|_| self.value()).collect()
    }
}

/// Lengths around every multiple of 4 and 16 (the simd128 loop widths).
const LENGTHS: [usize; 16] = [0, 1, 2, 3, 4, 5, 7, 8, 13, 15, 16, 17, 31, 33, 64, 203];

fn close(fast: f32, exact: f64, scale: f64) -> bool {
    (f64::from(fast) - exact).abs() <= 1e-5 * scale + 1e-12
}

fn check_hinge(name: &str, fast: HingeSum, exact: HingeSum<f64>, args: &[(f64, f64)]) {
    let scale: f64 = args.iter().map(|(_, m)| m).sum();
    let near_zero = args.iter().filter(|(a, m)| a.abs() <= 1e-6 * m).count();
    assert!(close(fast.sum, exact.sum, scale), "{name}: {fast:?} vs {exact:?}");
    assert!(fast.active.abs_diff(exact.active) <= near_zero, "{name}: {fast:?} vs {exact:?}");
}

#[cfg(target_feature = "simd128")]
#[wasm_bindgen_test]
fn dispatch_uses_simd128() {
    assert_eq!(kernels::BACKEND, "simd128");
}

#[cfg(target_feature = "simd128")]
#[wasm_bindgen_test]
fn simd_distances_match_scalar_and_f64() {
    use kernels::simd128;
    let mut rng = Rng(0x9E37_79B9);
    for &n in &LENGTHS {
        let (a, b) = (rng.vec(n), rng.vec(n));
        let exact = reference::squared_distance(&a, &b);
        let (simd, portable) = (simd128::squared_distance(&a, &b), scalar::squared_distance(&a, &b));
        assert!(close(simd, exact, exact) && close(portable, exact, exact), "n={n}: {simd} {portable} {exact}");
        assert_eq!(kernels::squared_distance(&a, &b), simd);
    }
    for dim in [1, 2, 3, 4, 5, 8, 17] {
        for rows in [0, 1, 3, 4, 5, 9] {
            let (query, set) = (rng.vec(dim), rng.vec(rows * dim));
            let (mut simd, mut portable, mut exact) = (vec![0.0; rows], vec![0.0; rows], vec![0.0; rows]);
            simd128::squared_distances(&query, &set, &mut simd);
            scalar::squared_distances(&query, &set, &mut portable);
            reference::squared_distances(&query, &set, &mut exact);
            for r in 0..rows {
                assert!(close(simd[r], exact[r], exact[r]), "dim={dim} row={r}");
                assert!(close(portable[r], exact[r], exact[r]), "dim={dim} row={r}");
            }
        }
    }
}

#[cfg(target_feature = "simd128")]
#[wasm_bindgen_test]
fn simd_hinges_match_scalar_and_f64() {
    use kernels::simd128;
    let mut rng = Rng(0x1234_5678);
    for &n in &LENGTHS {
        for alpha in [0.0_f32, 0.25, 0.2] {
            let (a, b) = (rng.vec(n), rng.vec(n));
            let args: Vec<(f64, f64)> = a
                .iter()
                .zip(&b)
                .map(|(&x, &y)| (f64::from(x) - f64::from(y) + f64::from(alpha), f64::from(x.abs() + y.abs() + alpha)))
                .collect();
            let exact = reference::hinge_sum(&a, &b, alpha);
            check_hinge("simd hinge_sum", simd128::hinge_sum(&a, &b, alpha), exact, &args);
            check_hinge("scalar hinge_sum", scalar::hinge_sum(&a, &b, alpha), exact, &args);
            let x = rng.value();
            let args: Vec<(f64, f64)> = b
                .iter()
                .map(|&y| (f64::from(x) - f64::from(y) + f64::from(alpha), f64::from(x.abs() + y.abs() + alpha)))
                .collect();
            let exact = reference::hinge_sum_row(x, &b, alpha);
            check_hinge("simd hinge_sum_row", simd128::hinge_sum_row(x, &b, alpha), exact, &args);
            check_hinge("scalar hinge_sum_row", scalar::hinge_sum_row(x, &b, alpha), exact, &args);
            // Same predicate, same f32 arguments: the counts agree exactly.
            assert_eq!(simd128::hinge_sum_row(x, &b, alpha).active, scalar::hinge_sum_row(x, &b, alpha).active);
        }
    }
}

#[wasm_bindgen_test]
fn sorted_matches_naive_in_the_browser() {
    let mut rng = Rng(0xDEAD_BEEF);
    for (k, m) in [(0, 5), (5, 0), (7, 9), (33, 17), (100, 203)] {
        let (d_ap, d_an) = (rng.vec(k), rng.vec(m));
        for alpha in [0.0_f32, 0.25, 0.3] {
            let (fast, naive) =
                (km_hinge_sorted(&d_ap, &d_an, alpha).unwrap(), km_hinge_naive(&d_ap, &d_an, alpha).unwrap());
            assert_eq!(fast.active, naive.active, "k={k} m={m} α={alpha}");
            assert!((fast.sum - naive.sum).abs() <= 1e-5 * (1.0 + fast.sum), "k={k} m={m}");
        }
    }
}

#[wasm_bindgen_test]
fn hand_computed_batch_in_the_browser() {
    // A=(0,0), P=[(0.5,0),(0,0.6)] (label 0), N=[(0.7,0)] (1), [(0,1)] (2), α = 0.2.
    let x = [0.0, 0.0, 0.5, 0.0, 0.0, 0.6, 0.7, 0.0, 0.0, 1.0];
    let labels = [0, 0, 0, 1, 2];
    let all = batch::batch_all(&x, &labels, 2, 0.2).unwrap();
    assert_eq!((all.active, all.valid), (5, 12));
    assert!((all.loss - 0.46).abs() < 1e-6);
    let hard = batch::batch_hard(&x, &labels, 2, 0.2).unwrap();
    assert!((hard.sum - 1.49).abs() < 1e-6);
    let semi = batch::semi_hard(&x, &labels, 2, 0.2).unwrap();
    assert!((semi.sum - 0.07).abs() < 1e-6 && semi.active == 1);
}
