//! The in-browser training session: determinism, the comparison's shared
//! start, the collapsed start (loss ≈ α), history lengths and the held-out
//! split. Small batches and few steps so it stays fast in debug builds.
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;
use std::sync::Arc;

use tripletlab::faces::FaceSet;
use tripletlab::net::arch::INPUT_LEN;
use tripletlab::net::rng::SplitMix64;
use tripletlab::net::session::{
    collapsed_weights, SessionData, SessionSettings, StartWeights, TrainingSession, COMPARE_ALPHAS,
};
use tripletlab::net::{forward_batch, Mining, Optimizer, TrainError};

/// 5 identities × 4 noisy copies of a random base image; identity 4 is
/// held out. Its images are filled with NaN so a training batch that
/// contained one would fail.
fn synthetic(poison_held_out: bool) -> Arc<SessionData> {
    let mut rng = SplitMix64::new(7);
    let bases: Vec<f32> = (0..5 * INPUT_LEN).map(|_| rng.uniform(0.0, 1.0)).collect();
    let labels: Vec<u32> = (0..20).map(|i| i / 4).collect();
    let mut inputs: Vec<f32> = labels
        .iter()
        .flat_map(|&l| bases[l as usize * INPUT_LEN..(l as usize + 1) * INPUT_LEN].to_vec())
        .map(|v| (v + rng.uniform(-0.2, 0.2)).clamp(0.0, 1.0))
        .collect();
    let held_out: Vec<bool> = labels.iter().map(|&l| l == 4).collect();
    if poison_held_out {
        inputs[16 * INPUT_LEN..].iter_mut().for_each(|v| *v = f32::NAN);
    }
    Arc::new(SessionData::new(inputs, labels, &held_out))
}

fn small() -> SessionSettings {
    SessionSettings { batch_size: 8, eval_every: 2, ..SessionSettings::DEFAULT }
}

fn run(
    data: &Arc<SessionData>,
    settings: SessionSettings,
    compare: bool,
    start: StartWeights,
    steps: usize,
) -> TrainingSession {
    let mut s = TrainingSession::new(data.clone(), settings, compare, start).expect("valid settings");
    for _ in 0..steps {
        s.step().expect("a step");
    }
    s
}

#[test]
fn the_same_settings_give_identical_histories() {
    let data = synthetic(false);
    for (mining, optimizer) in
        [(Mining::BatchAll, Optimizer::ADAM), (Mining::SemiHard, Optimizer::Sgd { momentum: 0.9 })]
    {
        let settings = SessionSettings { mining, optimizer, ..small() };
        let a = run(&data, settings, true, StartWeights::Fresh, 4);
        let b = run(&data, settings, true, StartWeights::Fresh, 4);
        for r in 0..2 {
            assert_eq!(a.history(r), b.history(r));
            assert_eq!(a.weights(r), b.weights(r));
        }
        let other = run(&data, SessionSettings { seed: 99, ..settings }, true, StartWeights::Fresh, 4);
        assert_ne!(a.history(1).loss, other.history(1).loss, "another seed gives another run");
    }
}

#[test]
fn reset_replays_the_same_run() {
    let data = synthetic(false);
    let mut s = run(&data, small(), false, StartWeights::Fresh, 3);
    let first = s.history(0).clone();
    s.reset();
    assert_eq!(s.step_count(), 0);
    assert_eq!(s.history(0).loss.len(), 0);
    for _ in 0..3 {
        s.step().unwrap();
    }
    assert_eq!(s.history(0), &first);
}

#[test]
fn compared_runs_start_from_the_same_weights_and_then_differ() {
    let data = synthetic(false);
    let mut s = TrainingSession::new(data.clone(), small(), true, StartWeights::Fresh).unwrap();
    assert_eq!(s.run_count(), 2);
    assert_eq!(s.weights(0), s.weights(1));
    assert_eq!(s.history(0).accuracy, s.history(1).accuracy);
    assert_eq!([s.history(0).alpha, s.history(1).alpha], COMPARE_ALPHAS);
    s.step().unwrap();
    assert_ne!(s.weights(0), s.weights(1), "α = 0 and α = 0.2 take different steps");
    let single =
        TrainingSession::new(data, SessionSettings { alpha: 0.5, ..small() }, false, StartWeights::Fresh).unwrap();
    assert_eq!((single.run_count(), single.history(0).alpha), (1, 0.5));
}

#[test]
fn history_lengths_follow_the_steps_and_the_evaluation_interval() {
    let data = synthetic(false);
    let s = run(&data, SessionSettings { eval_every: 3, ..small() }, true, StartWeights::Fresh, 7);
    assert_eq!(s.step_count(), 7);
    for r in 0..2 {
        let h = s.history(r);
        assert_eq!((h.loss.len(), h.fraction_active.len()), (7, 7));
        assert_eq!(h.accuracy.iter().map(|a| a.0).collect::<Vec<_>>(), [0, 3, 6]);
        assert!(h.accuracy.iter().all(|a| (0.0..=1.0).contains(&a.1)));
        assert!(h.fraction_active.iter().all(|f| (0.0..=1.0).contains(f)));
    }
}

#[test]
fn held_out_images_are_never_trained_on() {
    // NaN inputs would make the batch loss fail; 20 steps sample every
    // training identity many times and never the held-out one.
    let data = synthetic(true);
    assert_eq!((data.train_labels.len(), data.eval_labels.len()), (16, 4));
    assert!(data.train_labels.iter().all(|&l| l != 4) && data.eval_labels.iter().all(|&l| l == 4));
    let mut s =
        TrainingSession::new(data.clone(), SessionSettings { eval_every: 100, ..small() }, false, StartWeights::Fresh)
            .unwrap();
    for _ in 0..20 {
        s.step().expect("no held-out image in a batch");
    }
    assert!(s.history(0).loss.iter().all(|l| l.is_finite()));
    assert_eq!(s.embeddings(0).len(), 20 * 3);
}

#[test]
fn the_collapsed_start_gives_a_loss_of_about_alpha() {
    let data = synthetic(false);
    let w = collapsed_weights(1);
    let e = forward_batch(&w, &data.all_inputs);
    for p in e.chunks(3) {
        let d: f32 = p.iter().zip([0.6, 0.0, 0.8]).map(|(a, b)| (a - b) * (a - b)).sum();
        assert!(d < 1e-3, "every face lies near the collapse direction: {d}");
    }
    let s = run(&data, small(), true, StartWeights::Collapsed, 1);
    let (zero, margin) = (s.history(0), s.history(1));
    assert!(zero.loss[0] < 1e-3, "α = 0: loss ≈ 0, got {}", zero.loss[0]);
    assert!((margin.loss[0] - 0.2).abs() < 0.01, "α = 0.2: loss ≈ α, got {}", margin.loss[0]);
    assert_eq!(margin.fraction_active[0], 1.0, "with the margin every triplet is active");
}

#[test]
fn bad_settings_are_refused() {
    let data = synthetic(false);
    let bad = SessionSettings { batch_size: 6, ..small() };
    assert!(matches!(
        TrainingSession::new(data.clone(), bad, false, StartWeights::Fresh),
        Err(TrainError::InvalidConfig(_))
    ));
    let bad = SessionSettings { eval_every: 0, ..small() };
    assert!(TrainingSession::new(data, bad, false, StartWeights::Fresh).is_err());
    let one = Arc::new(SessionData::new(vec![0.0; 2 * INPUT_LEN], vec![0, 0], &[false, false]));
    assert!(matches!(
        TrainingSession::new(one, small(), false, StartWeights::Fresh),
        Err(TrainError::TooFewIdentities { found: 1 })
    ));
}

/// The bundled faces, when present.
fn faces() -> Option<FaceSet> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("assets/faces");
    let atlas = std::fs::read(dir.join("atlas.png")).ok()?;
    let manifest = std::fs::read_to_string(dir.join("manifest.json")).ok()?;
    Some(FaceSet::from_bytes(&atlas, &manifest).expect("the bundled faces load"))
}

#[test]
fn the_bundled_faces_split_into_18_training_and_6_held_out_identities() {
    let Some(faces) = faces() else { return eprintln!("SKIPPED: no bundled faces") };
    let data = SessionData::from_faces(&faces);
    assert_eq!((data.len(), data.train_labels.len(), data.eval_labels.len()), (288, 216, 72));
}

/// Figures for the report (not a test): `cargo test --release --test
/// train_session -- --ignored --nocapture` (`STEPS`, default 200). Prints,
/// per learning rate and seed, both runs' held-out accuracy every 50 steps
/// and averaged over the last 25 steps.
#[test]
#[ignore]
fn figures() {
    let Some(faces) = faces() else { return };
    let data = Arc::new(SessionData::from_faces(&faces));
    let steps: u64 = std::env::var("STEPS").ok().and_then(|s| s.parse().ok()).unwrap_or(200);
    for start in [StartWeights::Fresh, StartWeights::Collapsed] {
        for lr in [1e-3, 2e-3, 3e-3] {
            for seed in [1, 2, 3] {
                let settings = SessionSettings { learning_rate: lr, seed, ..SessionSettings::DEFAULT };
                let t = std::time::Instant::now();
                let mut s = TrainingSession::new(data.clone(), settings, true, start.clone()).unwrap();
                for _ in 0..steps {
                    s.step().unwrap();
                }
                let per = t.elapsed().as_secs_f64() / steps as f64 * 1e3;
                let line = |r: usize| {
                    let h = s.history(r);
                    let at: Vec<String> =
                        h.accuracy.iter().filter(|a| a.0 % 50 == 0).map(|a| format!("{:.3}", a.1)).collect();
                    let tail: Vec<f64> = h.accuracy.iter().filter(|a| a.0 + 25 > steps).map(|a| a.1).collect();
                    format!("{} (last 25: {:.3})", at.join(" "), tail.iter().sum::<f64>() / tail.len() as f64)
                };
                println!("{start:?} lr {lr} seed {seed} ({per:.1} ms/step): α=0 {} | α=0.2 {}", line(0), line(1));
            }
        }
    }
}

#[test]
fn embeddings_computed_in_chunks_equal_one_forward_pass() {
    let data = synthetic(false);
    let mut s = run(&data, small(), true, StartWeights::Fresh, 2);
    assert!(s.latest_embeddings(1).is_none() && s.embeddings_stale(1));
    let mut calls = 0;
    while !s.advance_embeddings(1, 6) {
        calls += 1;
    }
    assert_eq!(calls, 3, "20 images in chunks of 6");
    let (step, chunked) = s.latest_embeddings(1).unwrap();
    assert_eq!(step, 2);
    let chunked = chunked.to_vec();
    assert_eq!(chunked, forward_batch(s.weights(1), &data.all_inputs));
    assert_eq!(s.embeddings(1), chunked.as_slice());
    assert!(!s.embeddings_stale(1) && !s.advance_embeddings(1, 6), "nothing to do until the next step");
    s.step().unwrap();
    assert!(s.embeddings_stale(1));
}

#[test]
fn a_comparison_step_split_over_two_calls_gives_the_same_runs() {
    let data = synthetic(false);
    let whole = run(&data, small(), true, StartWeights::Fresh, 3);
    let mut split = TrainingSession::new(data, small(), true, StartWeights::Fresh).unwrap();
    for _ in 0..3 {
        assert!(!split.step_lagging_run().unwrap(), "run 0 is one step ahead");
        assert_eq!(split.history(0).loss.len(), split.history(1).loss.len() + 1);
        assert!(split.step_lagging_run().unwrap(), "level again");
    }
    assert_eq!(split.step_count(), 3);
    for r in 0..2 {
        assert_eq!(split.history(r), whole.history(r));
        assert_eq!(split.weights(r), whole.weights(r));
    }
}

#[test]
fn deferred_evaluations_give_the_same_accuracy_history() {
    let data = synthetic(false);
    let whole = run(&data, small(), true, StartWeights::Fresh, 4);
    let mut deferred = TrainingSession::new(data, small(), true, StartWeights::Fresh).unwrap();
    deferred.set_deferred_evaluation(true);
    deferred.step().unwrap();
    deferred.step().unwrap();
    assert!(deferred.evaluation_pending(), "step 2 left its evaluation");
    assert_eq!(deferred.history(0).accuracy.len(), 1);
    assert!(deferred.run_pending_evaluation() && deferred.run_pending_evaluation());
    assert!(!deferred.run_pending_evaluation());
    deferred.step().unwrap();
    deferred.step().unwrap();
    // Step 4's evaluation is still pending; a later step would take it first.
    deferred.run_pending_evaluation();
    deferred.run_pending_evaluation();
    for r in 0..2 {
        assert_eq!(deferred.history(r), whole.history(r));
    }
}
