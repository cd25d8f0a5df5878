//! Properties of the single-triplet and k×m losses against independent
//! computations: f64 references, hand-derived facts and finite differences.

use tripletlab::loss::multi::{evaluate, gradient};
use tripletlab::loss::triplet::*;

/// Small deterministic generator (xorshift64*), so failures reproduce.
struct Rng(u64);
impl Rng {
    fn next(&mut self) -> f64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        (self.0.wrapping_mul(0x2545_f491_4f6c_dd1d) >> 11) as f64 / (1u64 << 53) as f64
    }
    fn coord(&mut self) -> f64 {
        self.next() * 4.0 - 2.0
    }
    fn vec(&mut self, d: usize) -> Vec<f64> {
        (0..d).map(|_| self.coord()).collect()
    }
}

fn to32(v: &[f64]) -> Vec<f32> {
    v.iter().map(|x| *x as f32).collect()
}

#[test]
fn loss_is_never_negative_and_zero_exactly_when_outside_the_margin() {
    let mut rng = Rng(7);
    for _ in 0..5000 {
        let d = 1 + (rng.next() * 4.0) as usize;
        let (a, p, n) = (rng.vec(d), rng.vec(d), rng.vec(d));
        let alpha = rng.next() * 2.0;
        let l = triplet_loss_f64(&a, &p, &n, alpha);
        assert!(l >= 0.0);
        let (d_ap, d_an) = (squared_distance_f64(&a, &p), squared_distance_f64(&a, &n));
        assert_eq!(l == 0.0, d_an >= d_ap + alpha, "d_ap={d_ap} d_an={d_an} α={alpha}");
        let l32 = triplet_loss(&to32(&a), &to32(&p), &to32(&n), alpha as f32);
        assert!(l32 >= 0.0);
    }
}

#[test]
fn f32_path_agrees_with_f64_reference() {
    let mut rng = Rng(11);
    for _ in 0..5000 {
        let d = 1 + (rng.next() * 8.0) as usize;
        // Round inputs to f32 first, so both paths see the same numbers.
        let (a, p, n) = (to32(&rng.vec(d)), to32(&rng.vec(d)), to32(&rng.vec(d)));
        let up = |v: &[f32]| v.iter().map(|x| *x as f64).collect::<Vec<f64>>();
        let alpha = rng.next() as f32;
        let d32 = squared_distance(&a, &p) as f64;
        let d64 = squared_distance_f64(&up(&a), &up(&p));
        assert!((d32 - d64).abs() <= 1e-6 * d64.max(f64::MIN_POSITIVE), "{d32} vs {d64}");
        // The loss is a difference, so its error is bounded relative to the terms' size.
        let l32 = triplet_loss(&a, &p, &n, alpha) as f64;
        let l64 = triplet_loss_f64(&up(&a), &up(&p), &up(&n), alpha as f64);
        let scale = d64 + squared_distance_f64(&up(&a), &up(&n)) + alpha as f64;
        assert!((l32 - l64).abs() <= 1e-6 * scale, "{l32} vs {l64}");
    }
}

#[test]
fn gradient_matches_central_finite_differences() {
    let mut rng = Rng(3);
    let h = 1e-6;
    let mut checked = 0;
    while checked < 300 {
        let d = 2 + (rng.next() * 2.0) as usize;
        let (a, p, n) = (rng.vec(d), rng.vec(d), rng.vec(d));
        let alpha = rng.next();
        let arg = squared_distance_f64(&a, &p) - squared_distance_f64(&a, &n) + alpha;
        if arg.abs() < 1e-3 {
            continue; // too close to the kink for a finite difference
        }
        let g = triplet_gradient_f64(&a, &p, &n, alpha);
        for which in 0..3 {
            for c in 0..d {
                let bump = |delta: f64| {
                    let (mut a2, mut p2, mut n2) = (a.clone(), p.clone(), n.clone());
                    [&mut a2, &mut p2, &mut n2][which][c] += delta;
                    triplet_loss_f64(&a2, &p2, &n2, alpha)
                };
                let fd = (bump(h) - bump(-h)) / (2.0 * h);
                let analytic = [&g.anchor, &g.positive, &g.negative][which][c];
                assert!((fd - analytic).abs() < 1e-5, "point {which} comp {c}: fd {fd} vs {analytic}");
            }
        }
        // f32 gradient agrees with the f64 one.
        let g32 = triplet_gradient(&to32(&a), &to32(&p), &to32(&n), alpha as f32);
        for (x, y) in g32.anchor.iter().zip(&g.anchor) {
            assert!((*x as f64 - y).abs() < 1e-5);
        }
        checked += 1;
    }
}

#[test]
fn km_sum_equals_an_independent_double_loop_and_its_gradient_matches_fd() {
    let mut rng = Rng(19);
    for _ in 0..200 {
        let d = 2 + (rng.next() * 2.0) as usize;
        let k = 1 + (rng.next() * 5.0) as usize;
        let m = 1 + (rng.next() * 5.0) as usize;
        let a = rng.vec(d);
        let ps: Vec<Vec<f64>> = (0..k).map(|_| rng.vec(d)).collect();
        let ns: Vec<Vec<f64>> = (0..m).map(|_| rng.vec(d)).collect();
        let alpha = rng.next();
        let mut reference = 0.0;
        for p in &ps {
            for n in &ns {
                reference += triplet_loss_f64(&a, p, n, alpha);
            }
        }
        let flat = |v: &[Vec<f64>]| v.iter().flat_map(|x| x.iter().map(|c| *c as f32)).collect::<Vec<f32>>();
        let (fp, fneg) = (flat(&ps), flat(&ns));
        let fa = to32(&a);
        let e = evaluate(&fa, &fp, &fneg, d, alpha as f32);
        assert!((e.sum as f64 - reference).abs() < 1e-4 * (1.0 + reference), "{} vs {reference}", e.sum);

        // Finite differences on the f32 sum, in f64 via the reference formula.
        let g = gradient(&fa, &fp, &fneg, d, &e);
        let h = 1e-5;
        let total = |a: &[f64], ps: &[Vec<f64>], ns: &[Vec<f64>]| -> f64 {
            ps.iter().flat_map(|p| ns.iter().map(move |n| (p, n))).map(|(p, n)| triplet_loss_f64(a, p, n, alpha)).sum()
        };
        let near_kink = ps.iter().any(|p| {
            ns.iter().any(|n| (squared_distance_f64(&a, p) - squared_distance_f64(&a, n) + alpha).abs() < 1e-3)
        });
        if near_kink {
            continue;
        }
        for c in 0..d {
            let (mut up, mut down) = (a.clone(), a.clone());
            up[c] += h;
            down[c] -= h;
            let fd = (total(&up, &ps, &ns) - total(&down, &ps, &ns)) / (2.0 * h);
            assert!((fd - g.anchor[c] as f64).abs() < 1e-3, "anchor {c}: {fd} vs {}", g.anchor[c]);
        }
        for i in 0..k {
            for c in 0..d {
                let mut up = ps.clone();
                let mut down = ps.clone();
                up[i][c] += h;
                down[i][c] -= h;
                let fd = (total(&a, &up, &ns) - total(&a, &down, &ns)) / (2.0 * h);
                assert!((fd - g.positives[i * d + c] as f64).abs() < 1e-3);
            }
        }
        for j in 0..m {
            for c in 0..d {
                let mut up = ns.clone();
                let mut down = ns.clone();
                up[j][c] += h;
                down[j][c] -= h;
                let fd = (total(&a, &ps, &up) - total(&a, &ps, &down)) / (2.0 * h);
                assert!((fd - g.negatives[j * d + c] as f64).abs() < 1e-3);
            }
        }
    }
}

#[test]
fn every_convention_gradient_matches_finite_differences() {
    use tripletlab::loss::convention::{evaluate as eval_c, gradient as grad_c, Convention};
    let mut rng = Rng(23);
    let h = 1e-3_f32;
    for conv in Convention::ALL {
        let mut checked = 0;
        while checked < 60 {
            let d = 2 + (rng.next() * 2.0) as usize;
            let k = 1 + (rng.next() * 3.0) as usize;
            let m = 1 + (rng.next() * 3.0) as usize;
            let a = to32(&rng.vec(d));
            let p = to32(&(0..k * d).map(|_| rng.coord()).collect::<Vec<_>>());
            let n = to32(&(0..m * d).map(|_| rng.coord()).collect::<Vec<_>>());
            let alpha = rng.next() as f32;
            let e = eval_c(conv, &a, &p, &n, d, alpha);
            let near_kink = (0..k).any(|i| (0..m).any(|j| e.hinge_argument(i, j).abs() < 0.05));
            if near_kink {
                continue;
            }
            let g = grad_c(conv, &a, &p, &n, d, &e);
            let total = |a: &[f32], p: &[f32], n: &[f32]| eval_c(conv, a, p, n, d, alpha).sum as f64;
            for c in 0..d {
                let (mut up, mut down) = (a.clone(), a.clone());
                up[c] += h;
                down[c] -= h;
                let fd = (total(&up, &p, &n) - total(&down, &p, &n)) / (2.0 * h as f64);
                assert!(
                    (fd - g.anchor[c] as f64).abs() < 2e-2 * (1.0 + fd.abs()),
                    "{conv:?} A{c}: {fd} vs {}",
                    g.anchor[c]
                );
            }
            for c in 0..k * d {
                let (mut up, mut down) = (p.clone(), p.clone());
                up[c] += h;
                down[c] -= h;
                let fd = (total(&a, &up, &n) - total(&a, &down, &n)) / (2.0 * h as f64);
                assert!((fd - g.positives[c] as f64).abs() < 2e-2 * (1.0 + fd.abs()), "{conv:?} P{c}");
            }
            for c in 0..m * d {
                let (mut up, mut down) = (n.clone(), n.clone());
                up[c] += h;
                down[c] -= h;
                let fd = (total(&a, &p, &up) - total(&a, &p, &down)) / (2.0 * h as f64);
                assert!((fd - g.negatives[c] as f64).abs() < 2e-2 * (1.0 + fd.abs()), "{conv:?} N{c}");
            }
            checked += 1;
        }
    }
}
