//! Numerical extremes (issue #8): coordinates at the clamp limits, 1e30 and
//! NaN/∞ text in URLs, fields and loaded data, subnormal coordinates,
//! coincident points, α at 0 and at its maximum, and k = m = 64 with every
//! term active. Whatever goes in, the evaluation, its gradient, the URL and
//! the Python export hold no NaN or ∞, and the numbers equal an independent
//! f64 reference computed here from the definitions. (Native only.)
#![cfg(not(target_arch = "wasm32"))]

use std::process::Command;
use tripletlab::loss::convention::{Convention, PYTORCH_EPS};
use tripletlab::net::{forward_batch, Weights};
use tripletlab::state::export::python_snippet;
use tripletlab::state::input::{format_coordinate, format_readout, full_precision, parse_number, FieldError};
use tripletlab::state::scene::{ALPHA_MAX, COORD_LIMIT, MAX_POINTS_PER_SET};
use tripletlab::state::url::{decode, encode, UrlNotice, UrlState};
use tripletlab::state::{Dim, Point, PointSet, Preset, Scene};

/// The f64 reference of one convention's distance, from its definition.
fn distance64(c: Convention, a: &[f32], b: &[f32]) -> f64 {
    let sq: f64 = match c {
        Convention::PyTorch => {
            a.iter().zip(b).map(|(x, y)| (f64::from(*x) - f64::from(*y) + f64::from(PYTORCH_EPS)).powi(2)).sum()
        }
        _ => a.iter().zip(b).map(|(x, y)| (f64::from(*x) - f64::from(*y)).powi(2)).sum(),
    };
    if c == Convention::Squared {
        sq
    } else {
        sq.sqrt()
    }
}

/// Reference sum, active-term count and batch-hard loss, by a plain double loop in f64.
fn reference(s: &Scene) -> (f64, usize, f64) {
    let d = s.dim.components();
    let a = &s.anchor[..d];
    let dap: Vec<f64> = s.positives.iter().map(|p| distance64(s.convention, a, &p[..d])).collect();
    let dan: Vec<f64> = s.negatives.iter().map(|n| distance64(s.convention, a, &n[..d])).collect();
    let alpha = f64::from(s.alpha);
    let (mut sum, mut active) = (0.0, 0);
    for p in &dap {
        for n in &dan {
            let t = (p - n + alpha).max(0.0);
            sum += t;
            // Terms below 1e-30 come from subnormal coordinates whose f32 squares
            // underflow to 0 (an inherent f32 limit, harmless on screen): not counted.
            active += usize::from(t > 1e-30);
        }
    }
    let hard =
        (dap.iter().copied().fold(f64::MIN, f64::max) - dan.iter().copied().fold(f64::MAX, f64::min) + alpha).max(0.0);
    (sum, active, hard)
}

/// Everything shown for a scene is finite and equals the f64 reference;
/// its URL round-trips exactly and, like its Python export, holds no NaN/∞.
fn check_scene(s: &Scene, what: &str) {
    let e = s.evaluate();
    let (sum, active, hard) = reference(s);
    let close = |got: f32, want: f64| (f64::from(got) - want).abs() <= 1e-5 * (1.0 + want.abs());
    assert!(close(e.sum, sum), "{what}: sum {} vs {sum}", e.sum);
    assert!(close(e.batch_hard(), hard), "{what}: batch-hard {} vs {hard}", e.batch_hard());
    let terms = (s.positives.len() * s.negatives.len()) as f64;
    assert!(close(e.mean(), sum / terms), "{what}: mean");
    let mean_active = if active == 0 { 0.0 } else { sum / active as f64 };
    assert!(close(e.mean_nonzero(), mean_active), "{what}: mean over active {} vs {mean_active}", e.mean_nonzero());
    // Terms within rounding of the kink may flip; away from it the count is exact.
    let tiny = e.terms.iter().filter(|t| **t > 0.0 && **t <= 1e-30).count();
    assert!(e.active.abs_diff(active) <= 1 + tiny || terms == 1.0, "{what}: active {} vs {active}", e.active);
    let shown = [e.sum, e.mean(), e.mean_nonzero(), e.batch_hard(), e.active_fraction(), e.max_term()];
    assert!(shown.iter().chain(&e.d_ap).chain(&e.d_an).chain(&e.terms).all(|v| v.is_finite()), "{what}: {e:?}");
    assert!(s.gradient(&e).iter().flatten().all(|v| v.is_finite()), "{what}: gradient");
    for v in shown {
        assert!(!format_readout(v).contains(['N', 'i']) && !full_precision(v).is_empty(), "{what}: readout of {v}");
    }

    let state = UrlState { scene: s.clone(), lang: None, lesson_step: None };
    let query = encode(&state);
    assert!(!query.to_lowercase().contains("nan") && !query.contains("inf"), "{what}: {query}");
    let back = decode(&query);
    assert_eq!(back.notices, vec![], "{what}: {query}");
    assert_eq!(back.state, state, "{what}: {query}");

    let snippet = python_snippet(s);
    let lower = snippet.to_lowercase();
    assert!(!lower.contains("nan") && !lower.contains("inf"), "{what}: {snippet}");
}

/// A scene of `dim` with the given points, α and convention.
fn scene(dim: Dim, anchor: Point, positives: Vec<Point>, negatives: Vec<Point>, alpha: f32) -> Scene {
    let mut s = Preset::Start.scene();
    s.set_dim(dim);
    s.anchor = anchor;
    s.positives = positives;
    s.negatives = negatives;
    s.set_alpha(alpha);
    s.preset = Preset::Custom;
    s
}

/// k = m = 64, the anchor and every negative in one corner, every positive in
/// the opposite one: all 4096 terms active, the largest distances possible.
fn full_corners(dim: Dim, alpha: f32) -> Scene {
    let l = COORD_LIMIT;
    let z = if dim == Dim::Three { l } else { 0.0 };
    let far = [-l, -l, -z];
    let near = [l, l, z];
    scene(dim, near, vec![far; MAX_POINTS_PER_SET], vec![near; MAX_POINTS_PER_SET], alpha)
}

#[test]
fn k_equals_m_equals_64_at_the_clamp_limits_with_every_term_active() {
    for dim in [Dim::Two, Dim::Three] {
        for convention in Convention::ALL {
            for alpha in [0.0, ALPHA_MAX] {
                let mut s = full_corners(dim, alpha);
                s.convention = convention;
                let e = s.evaluate();
                // Hand-derived: d(A,P) = 4·√dims (squared: 16·dims), d(A,N) = 0 (PyTorch: ε·√dims).
                let dims = dim.components() as f64;
                let dap = if convention == Convention::Squared { 16.0 * dims } else { 4.0 * dims.sqrt() };
                assert!((f64::from(e.d_ap[0]) - dap).abs() < 1e-4 * dap, "{convention:?} {dim:?}: {}", e.d_ap[0]);
                assert_eq!(e.active, 64 * 64, "{convention:?} {dim:?} α={alpha}");
                check_scene(&s, &format!("corners {dim:?} {convention:?} α={alpha}"));
            }
        }
    }
}

#[test]
fn the_gradient_at_the_limits_equals_the_hand_derived_one() {
    // Squared convention, 2D, every term active: ∂L/∂A = Σᵢⱼ 2(Nⱼ − Pᵢ) = 64·64·2·(4, 4),
    // ∂L/∂Pᵢ = 64·2(Pᵢ − A) = 128·(−4, −4), ∂L/∂Nⱼ = 64·2(A − Nⱼ) = 0.
    let s = full_corners(Dim::Two, ALPHA_MAX);
    let g = s.gradient(&s.evaluate());
    assert_eq!(g[0], [32768.0, 32768.0, 0.0]);
    assert!(g[1..=64].iter().all(|p| *p == [-512.0, -512.0, 0.0]));
    assert!(g[65..].iter().all(|n| *n == [0.0, 0.0, 0.0]));
}

#[test]
fn coincident_points_at_alpha_zero_and_max() {
    for dim in [Dim::Two, Dim::Three] {
        for convention in Convention::ALL {
            for alpha in [0.0, ALPHA_MAX] {
                for at in [[0.0, 0.0, 0.0], [COORD_LIMIT, -COORD_LIMIT, COORD_LIMIT], [1e-40, -1e-40, 1e-40]] {
                    let p = if dim == Dim::Two { [at[0], at[1], 0.0] } else { at };
                    let mut s = scene(dim, p, vec![p; 64], vec![p; 64], alpha);
                    s.convention = convention;
                    let e = s.evaluate();
                    // Equal distances: every term is exactly α.
                    assert!(e.terms.iter().all(|t| *t == alpha), "{convention:?} {dim:?} α={alpha}");
                    assert_eq!(e.active, if alpha == 0.0 { 0 } else { 4096 });
                    assert_eq!(e.mean_nonzero(), alpha, "0/0 must not reach the screen");
                    check_scene(&s, &format!("coincident {dim:?} {convention:?} α={alpha} at {at:?}"));
                }
            }
        }
    }
}

#[test]
fn subnormal_coordinates_evaluate_export_and_round_trip() {
    let tiny = f32::from_bits(1); // 1.4e-45, the smallest subnormal
    let sub = 1e-40_f32;
    assert!(sub.is_subnormal() && tiny.is_subnormal());
    for convention in Convention::ALL {
        let mut s = scene(Dim::Three, [tiny, -sub, 0.0], vec![[sub, sub, -tiny]], vec![[-sub, tiny, sub]; 3], 0.0);
        s.convention = convention;
        check_scene(&s, &format!("subnormal {convention:?}"));
    }
    // Unit-sphere mode normalises a subnormal-sized point onto the sphere.
    let d = decode("a=1e-40,-1e-44,1e-45&p=1e-45,0,0&n=0,0,0&dim=3&unit=1");
    for (_, p) in d.state.scene.points() {
        let norm = p.iter().map(|c| f64::from(*c).powi(2)).sum::<f64>().sqrt();
        assert!((norm - 1.0).abs() < 1e-6, "{p:?}");
    }
    check_scene(&d.state.scene, "unit sphere from subnormal input");
}

#[test]
fn huge_and_non_finite_numbers_in_a_url_are_clamped_or_refused_by_name() {
    let d = decode("a=1e30,-1e30&p=1e39,NaN&n=inf,0;0,-Infinity;-3.4e38,3.4e38&alpha=1e30&dim=2");
    let s = &d.state.scene;
    assert_eq!(s.anchor, [COORD_LIMIT, -COORD_LIMIT, 0.0]);
    assert_eq!(s.negatives, vec![[-COORD_LIMIT, COORD_LIMIT, 0.0]], "the two non-finite negatives are skipped");
    assert_eq!(s.alpha, ALPHA_MAX);
    assert!(d.notices.contains(&UrlNotice::Clamped { key: "a" }));
    assert!(d.notices.contains(&UrlNotice::Clamped { key: "alpha" }));
    assert!(d.notices.contains(&UrlNotice::NotFinite { key: "p", text: "NaN".into() }));
    assert!(d.notices.contains(&UrlNotice::NotFinite { key: "n", text: "inf".into() }));
    assert!(d.notices.contains(&UrlNotice::NotFinite { key: "n", text: "-Infinity".into() }));
    // The positive was refused as a whole, so the default one is kept.
    assert_eq!(s.positives, Preset::Start.scene().positives);
    check_scene(s, "hostile url");
    for alpha in ["nan", "-inf", "1e-50", "-0", "4.9e-324"] {
        let d = decode(&format!("alpha={alpha}"));
        assert!((0.0..=ALPHA_MAX).contains(&d.state.scene.alpha), "{alpha}");
        check_scene(&d.state.scene, alpha);
    }
}

#[test]
fn typed_extremes_are_clamped_or_refused_and_formatted_without_nan() {
    let l = COORD_LIMIT;
    assert_eq!(parse_number("1e30", -l, l).map(|a| (a.value, a.clamped)), Ok((l, true)));
    assert_eq!(parse_number("-1e30", -l, l).map(|a| (a.value, a.clamped)), Ok((-l, true)));
    assert_eq!(parse_number("1e39", -l, l).map(|a| a.value), Ok(l), "finite in f64, huge in f32");
    assert_eq!(parse_number("1e-40", -l, l).map(|a| a.value), Ok(1e-40));
    assert_eq!(parse_number("1e-50", -l, l).map(|a| a.value), Ok(0.0), "underflows to zero");
    for bad in ["NaN", "inf", "−inf", "1e400", "-1e999"] {
        assert_eq!(parse_number(bad, -l, l), Err(FieldError::NotFinite), "{bad}");
    }
    for v in [f32::NAN, f32::INFINITY, f32::NEG_INFINITY, f32::MAX, f32::MIN, 1e-45, -1e-40, 1e30] {
        let (c, r) = (format_coordinate(v), format_readout(v));
        assert!(!c.to_lowercase().contains("nan") && !c.contains("inf"), "{v}: {c}");
        assert!(!r.to_lowercase().contains("nan") && !r.contains("inf"), "{v}: {r}");
        assert!(!full_precision(v).contains("NaN") && !full_precision(v).contains("inf"), "{v}");
    }
}

#[test]
fn weights_of_1e30_load_but_can_never_put_nan_into_the_scene() {
    // A finite but absurd weight file is accepted by the loader; whatever the
    // net then outputs, a face point stays finite on the unit sphere.
    let mut w = Weights::zeros();
    for t in w.tensors_mut() {
        for (i, v) in t.iter_mut().enumerate() {
            *v = if i % 2 == 0 { 1e30 } else { -1e30 };
        }
    }
    let loaded = Weights::from_bytes(&w.to_bytes()).expect("finite weights load");
    let inputs = vec![0.5_f32; tripletlab::net::arch::INPUT_LEN * 2];
    let embeddings = forward_batch(&loaded, &inputs);
    let mut s = tripletlab::state::face_scene::worked_example_faces_scene();
    let n = s.faces.bound().iter().map(|(_, f)| *f).max().unwrap() + 1;
    let table: Vec<f32> =
        (0..n).flat_map(|i| [embeddings[(i % 2) * 3], embeddings[(i % 2) * 3 + 1], embeddings[2]]).collect();
    s.refresh_faces(&table);
    for (_, p) in s.points() {
        let norm = p.iter().map(|c| f64::from(*c).powi(2)).sum::<f64>().sqrt();
        assert!(p.iter().all(|c| c.is_finite()) && (norm - 1.0).abs() < 1e-5, "{p:?} from {embeddings:?}");
    }
    check_scene(&s, "faces after 1e30 weights");
}

#[test]
fn resizing_to_64_at_the_limits_stays_on_the_grid_and_finite() {
    for dim in [Dim::Two, Dim::Three] {
        let mut s = Preset::Start.scene();
        s.set_dim(dim);
        s.anchor = if dim == Dim::Three { [COORD_LIMIT; 3] } else { [COORD_LIMIT, COORD_LIMIT, 0.0] };
        s.resize_set(PointSet::Positives, 64);
        s.resize_set(PointSet::Negatives, 1000);
        assert_eq!((s.positives.len(), s.negatives.len()), (64, 64));
        assert!(s.points().iter().all(|(_, p)| p.iter().all(|c| c.abs() <= COORD_LIMIT)));
        s.set_alpha(f32::INFINITY);
        assert_eq!(s.alpha, ALPHA_MAX);
        s.set_alpha(f32::NAN);
        assert!(s.alpha.is_finite());
        check_scene(&s, &format!("resized {dim:?}"));
    }
}

/// Runs the exported snippet with numpy (skipped, with a message, where
/// python3/numpy are missing unless TRIPLETLAB_REQUIRE_PYTHON is set).
fn python_sum(snippet: &str) -> Option<f64> {
    let ok = Command::new("python3").args(["-c", "import numpy"]).output().is_ok_and(|o| o.status.success());
    if !ok {
        assert!(std::env::var_os("TRIPLETLAB_REQUIRE_PYTHON").is_none(), "python3 with numpy is required");
        eprintln!("skipping: python3 with numpy not found");
        return None;
    }
    let out = Command::new("python3").args(["-c", snippet]).output().expect("python3 runs");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout).to_string();
    assert!(!text.to_lowercase().contains("nan") && !text.contains("inf"), "{text}");
    let line = text.lines().find(|l| l.starts_with("sum (the lesson):"))?;
    line.split(':').nth(1)?.trim().parse().ok()
}

#[test]
fn the_python_export_of_extreme_scenes_prints_the_reference_numbers() {
    let mut cases = vec![full_corners(Dim::Three, ALPHA_MAX), full_corners(Dim::Two, 0.0)];
    let mut coincident = scene(Dim::Two, [0.0; 3], vec![[0.0; 3]; 64], vec![[0.0; 3]; 64], 0.0);
    coincident.convention = Convention::Euclidean;
    cases.push(coincident);
    let mut sub = scene(Dim::Three, [1e-40, 0.0, 0.0], vec![[0.0, 1e-45, 0.0]], vec![[0.0; 3]], ALPHA_MAX);
    sub.convention = Convention::PyTorch;
    cases.push(sub);
    for s in cases {
        let (want, _, _) = reference(&s);
        let Some(got) = python_sum(&python_snippet(&s)) else { return };
        assert!((got - want).abs() <= 1e-5 * (1.0 + want.abs()), "{got} vs {want} for {s:?}");
    }
}
