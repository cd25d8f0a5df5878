//! Training the embedding net: determinism, settings validation, a real
//! 200-step learning run on the bundled faces (held-out identities improve),
//! and the committed assets (`assets/net/weights.bin` and the worked example
//! it was calibrated for).

// Native only: these checks read files and run long; the browser tests are in web*.rs.
#![cfg(not(target_arch = "wasm32"))]
#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use tripletlab::faces::FaceSet;
use tripletlab::loss::triplet::{squared_distance, triplet_loss};
use tripletlab::net::arch::{EMBED_DIM, INPUT_LEN};
use tripletlab::net::calibrate::{qualifies, WorkedExample};
use tripletlab::net::eval::evaluate;
use tripletlab::net::rng::SplitMix64;
use tripletlab::net::{forward_batch, Mining, Optimizer, TrainConfig, TrainError, Trainer, Weights};

fn asset(path: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(path)
}

/// The bundled faces, or `None` (with a message) when they are missing.
fn faces() -> Option<FaceSet> {
    let (atlas, manifest) = (asset("assets/faces/atlas.png"), asset("assets/faces/manifest.json"));
    match (std::fs::read(&atlas), std::fs::read_to_string(&manifest)) {
        (Ok(a), Ok(m)) => Some(FaceSet::from_bytes(&a, &m).expect("the bundled faces must load")),
        _ => {
            eprintln!("SKIPPED: {} or {} is missing (run gen_faces)", atlas.display(), manifest.display());
            None
        }
    }
}

/// Inputs and labels of the faces whose identity is (not) held out.
fn split(faces: &FaceSet, held_out: bool) -> (Vec<f32>, Vec<u32>) {
    let labels = faces.labels();
    let ids: Vec<usize> =
        (0..faces.len()).filter(|&i| faces.identities()[faces.faces()[i].identity].held_out == held_out).collect();
    (ids.iter().flat_map(|&i| faces.net_input(i)).collect(), ids.iter().map(|&i| labels[i]).collect())
}

/// 4 identities × 4 noisy copies of a random base image.
fn synthetic() -> (Vec<f32>, Vec<u32>) {
    let mut rng = SplitMix64::new(42);
    let bases: Vec<f32> = (0..4 * INPUT_LEN).map(|_| rng.uniform(0.0, 1.0)).collect();
    let labels: Vec<u32> = (0..16).map(|i| i / 4).collect();
    let inputs = labels
        .iter()
        .flat_map(|&l| bases[l as usize * INPUT_LEN..(l as usize + 1) * INPUT_LEN].to_vec())
        .map(|v| (v + rng.uniform(-0.2, 0.2)).clamp(0.0, 1.0))
        .collect();
    (inputs, labels)
}

fn small(mining: Mining, optimizer: Optimizer, seed: u64) -> TrainConfig {
    TrainConfig { mining, optimizer, seed, batch_size: 8, images_per_identity: 4, ..TrainConfig::DEFAULT }
}

#[test]
fn same_seed_and_settings_give_identical_weights() {
    let (x, y) = synthetic();
    for (mining, optimizer) in [
        (Mining::BatchAll, Optimizer::ADAM),
        (Mining::BatchHard, Optimizer::Sgd { momentum: 0.9 }),
        (Mining::SemiHard, Optimizer::ADAM),
    ] {
        let run = |seed| {
            let mut t = Trainer::new(small(mining, optimizer, seed)).unwrap();
            let reports: Vec<_> = (0..4).map(|_| t.step(&x, &y).unwrap()).collect();
            (t.weights().clone(), reports)
        };
        let (w1, r1) = run(7);
        let (w2, r2) = run(7);
        assert_eq!(w1, w2, "{mining:?}: same seed, different weights");
        assert_eq!(r1, r2);
        assert_eq!(r1.last().unwrap().step, 4);
        assert_ne!(w1, run(8).0, "{mining:?}: another seed should give other weights");
        assert_ne!(w1, Trainer::new(small(mining, optimizer, 7)).unwrap().weights().clone(), "nothing was learned");
    }
}

#[test]
fn bad_settings_and_inputs_are_errors_not_panics() {
    let bad = |c: TrainConfig| matches!(Trainer::new(c), Err(TrainError::InvalidConfig(_)));
    assert!(bad(TrainConfig { alpha: f32::NAN, ..TrainConfig::DEFAULT }));
    assert!(bad(TrainConfig { learning_rate: 0.0, ..TrainConfig::DEFAULT }));
    assert!(bad(TrainConfig { images_per_identity: 1, ..TrainConfig::DEFAULT }));
    assert!(bad(TrainConfig { batch_size: 30, ..TrainConfig::DEFAULT }));
    assert!(bad(TrainConfig { optimizer: Optimizer::Sgd { momentum: 1.0 }, ..TrainConfig::DEFAULT }));
    let mut t = Trainer::new(TrainConfig::DEFAULT).unwrap();
    let before = t.weights().clone();
    let err = t.step(&[0.0; 10], &[0, 1]).unwrap_err();
    assert_eq!(err, TrainError::InputLength { values: 10, labels: 2 });
    assert!(err.to_string().contains("3456"), "{err}");
    assert_eq!(t.step(&vec![0.0; 2 * INPUT_LEN], &[3, 3]), Err(TrainError::TooFewIdentities { found: 1 }));
    assert_eq!((t.weights(), t.step_count()), (&before, 0));
}

#[test]
fn two_hundred_steps_on_the_faces_improve_held_out_verification() {
    let Some(faces) = faces() else { return };
    let (train_x, train_y) = split(&faces, false);
    let (test_x, test_y) = split(&faces, true);
    assert_eq!((train_y.len(), test_y.len()), (216, 72));
    assert!(test_y.iter().all(|l| !train_y.contains(l)), "held-out identities leaked into training");
    // The bundled settings with a smaller batch, 3 identities × 4 images
    // (tests run unoptimised).
    let config = TrainConfig { batch_size: 12, ..TrainConfig::DEFAULT };
    assert_eq!(config.alpha, 0.2);
    let mut t = Trainer::new(config).unwrap();
    let before = evaluate(&forward_batch(t.weights(), &test_x), &test_y, EMBED_DIM);
    let mut first_losses = 0.0;
    let mut last_losses = 0.0;
    for step in 0..200 {
        let r = t.step(&train_x, &train_y).unwrap();
        if step < 20 {
            first_losses += r.loss;
        } else if step >= 180 {
            last_losses += r.loss;
        }
    }
    let after = evaluate(&forward_batch(t.weights(), &test_x), &test_y, EMBED_DIM);
    eprintln!("held out before: {before:?}\nheld out after 200 steps: {after:?}");
    assert!(last_losses < first_losses, "the training loss did not fall: {first_losses} → {last_losses}");
    assert!(
        after.verification_accuracy > before.verification_accuracy,
        "held-out verification accuracy did not improve: {} → {}",
        before.verification_accuracy,
        after.verification_accuracy
    );
    assert!(after.recall_at_1 > before.recall_at_1 + 0.2, "recall@1 {} → {}", before.recall_at_1, after.recall_at_1);
}

#[test]
fn committed_weights_load_and_show_the_lessons_worked_example() {
    let Some(faces) = faces() else { return };
    let bytes = std::fs::read(asset("assets/net/weights.bin")).expect("assets/net/weights.bin is committed");
    let weights = Weights::from_bytes(&bytes).expect("the committed weights load");
    let json = std::fs::read_to_string(asset("assets/net/worked_example.json")).expect("worked_example.json");
    let example: WorkedExample = serde_json::from_str(&json).expect("worked_example.json parses");
    let n = bytes.len();
    assert_eq!(u32::from_le_bytes(bytes[n - 4..].try_into().unwrap()), example.weights_crc32);
    assert_eq!(weights.file_checksum(), example.weights_crc32);

    let info = |i: usize| &faces.faces()[i];
    let (a, p, q) = (info(example.anchor), info(example.positive), info(example.negative));
    assert_eq!(a.identity, p.identity, "the positive shows the anchor's person");
    assert_ne!(a.shot, p.shot, "the positive is another picture");
    assert_ne!(a.variation, p.variation, "the positive differs in lighting, pose or expression");
    assert_ne!(a.identity, q.identity, "the negative shows someone else");

    let inputs: Vec<f32> =
        [example.anchor, example.positive, example.negative].iter().flat_map(|&i| faces.net_input(i)).collect();
    let e = forward_batch(&weights, &inputs);
    let (ea, ep, en) = (&e[0..3], &e[3..6], &e[6..9]);
    // The app's f32 numbers and the stored exact ones agree...
    let (d_ap, d_an) = (squared_distance(ea, ep), squared_distance(ea, en));
    assert!((f64::from(d_ap) - example.d_ap).abs() < 1e-5, "d_ap {d_ap} vs stored {}", example.d_ap);
    assert!((f64::from(d_an) - example.d_an).abs() < 1e-5, "d_an {d_an} vs stored {}", example.d_an);
    // ...and show the lesson's numbers, robustly.
    assert!(qualifies(example.d_ap, example.d_an));
    let shown = |x: f32| format!("{x:.2}");
    assert_eq!((shown(d_ap), shown(d_an)), ("0.50".to_string(), "0.51".to_string()));
    assert_eq!(triplet_loss(ea, ep, en, 0.0), 0.0);
    assert_eq!(shown(triplet_loss(ea, ep, en, 0.2)), "0.19");
}
