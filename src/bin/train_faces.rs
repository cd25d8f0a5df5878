//! Trains the embedding net on the bundled faces and writes
//! `assets/net/weights.bin` and `assets/net/worked_example.json`.
//!
//! ```text
//! cargo run --release --bin train_faces            # the bundled weights
//! cargo run --release --bin train_faces -- --dry-run --steps 500 --mining hard
//! ```
//!
//! Deterministic: the same options give the same bytes. Held-out identities
//! (18..24) never reach the trainer; their figures are printed before and
//! after training. Options: `--steps N`, `--lr X`, `--mining all|hard|semi`,
//! `--optimizer adam|sgd`, `--batch B`, `--k K`, `--seed S`, `--alpha A`,
//! `--faces DIR` (default `assets/faces`), `--out DIR` (default
//! `assets/net`), `--dry-run` (write nothing), `--validation` (for choosing
//! settings: train on the first 12 training identities only, report the
//! other 6 instead of the held-out ones, write nothing). See docs/net.md.

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    if let Err(message) = native::run(std::env::args().skip(1).collect()) {
        eprintln!("train_faces: {message}");
        std::process::exit(1);
    }
}

/// The trainer reads and writes files: nothing to do in the browser.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::path::PathBuf;
    use std::time::Instant;

    use tripletlab::faces::FaceSet;
    use tripletlab::net::arch::{EMBED_DIM, INPUT_LEN};
    use tripletlab::net::calibrate::{WorkedExample, LESSON_ALPHA};
    use tripletlab::net::eval::{evaluate, EvalReport};
    use tripletlab::net::nudge::{calibrate, Faces};
    use tripletlab::net::{forward_batch, Mining, Optimizer, TrainConfig, Trainer, Weights};

    /// Default number of training steps.
    const STEPS: u64 = 2000;
    /// Steps between progress lines.
    const REPORT_EVERY: u64 = 100;
    /// Most fine-tuning steps spent calibrating the worked example.
    const MAX_CALIBRATION_STEPS: u64 = 2000;
    /// Learning rate of the calibration's fine-tuning (Adam, fresh state).
    const CALIBRATION_LR: f32 = 5e-5;
    /// With `--validation`, training identities from this one on are
    /// evaluated instead of trained on.
    const VALIDATION_FROM: usize = 12;

    struct Options {
        config: TrainConfig,
        steps: u64,
        faces: PathBuf,
        out: PathBuf,
        dry_run: bool,
        validation: bool,
    }

    fn parse(args: Vec<String>) -> Result<Options, String> {
        let mut o = Options {
            config: TrainConfig::DEFAULT,
            steps: STEPS,
            faces: PathBuf::from("assets/faces"),
            out: PathBuf::from("assets/net"),
            dry_run: false,
            validation: false,
        };
        let mut it = args.into_iter();
        while let Some(flag) = it.next() {
            if flag == "--dry-run" || flag == "--validation" {
                o.dry_run = true;
                o.validation |= flag == "--validation";
                continue;
            }
            let value = it.next().ok_or_else(|| format!("{flag} needs a value"))?;
            let num = |v: &str| v.parse::<f64>().map_err(|_| format!("{flag}: {v} is not a number"));
            match flag.as_str() {
                "--steps" => o.steps = num(&value)? as u64,
                "--lr" => o.config.learning_rate = num(&value)? as f32,
                "--alpha" => o.config.alpha = num(&value)? as f32,
                "--batch" => o.config.batch_size = num(&value)? as usize,
                "--k" => o.config.images_per_identity = num(&value)? as usize,
                "--seed" => o.config.seed = num(&value)? as u64,
                "--mining" => {
                    o.config.mining = match value.as_str() {
                        "all" => Mining::BatchAll,
                        "hard" => Mining::BatchHard,
                        "semi" => Mining::SemiHard,
                        _ => return Err(format!("--mining: {value} is not all, hard or semi")),
                    }
                }
                "--optimizer" => {
                    o.config.optimizer = match value.as_str() {
                        "adam" => Optimizer::ADAM,
                        "sgd" => Optimizer::Sgd { momentum: 0.9 },
                        _ => return Err(format!("--optimizer: {value} is not adam or sgd")),
                    }
                }
                "--faces" => o.faces = PathBuf::from(value),
                "--out" => o.out = PathBuf::from(value),
                _ => return Err(format!("unknown option {flag}")),
            }
        }
        Ok(o)
    }

    /// The net inputs and labels of the faces `indices`.
    fn gather(faces: &FaceSet, indices: &[usize]) -> (Vec<f32>, Vec<u32>) {
        let labels = faces.labels();
        let mut inputs = Vec::with_capacity(indices.len() * INPUT_LEN);
        for &i in indices {
            inputs.extend(faces.net_input(i));
        }
        (inputs, indices.iter().map(|&i| labels[i]).collect())
    }

    fn quality(weights: &Weights, inputs: &[f32], labels: &[u32]) -> EvalReport {
        evaluate(&forward_batch(weights, inputs), labels, EMBED_DIM)
    }

    fn show(what: &str, r: &EvalReport) -> String {
        format!(
            "{what}: verification accuracy {:.2}% at d ≤ {:.3} (accepts {:.1}% of same, rejects {:.1}% of \
             different pairs; {} pairs, {} same), recall@1 {:.2}%",
            100.0 * r.verification_accuracy,
            r.threshold,
            100.0 * r.true_accept_rate,
            100.0 * r.true_reject_rate,
            r.pairs,
            r.same_pairs,
            100.0 * r.recall_at_1
        )
    }

    pub fn run(args: Vec<String>) -> Result<(), String> {
        let o = parse(args)?;
        let started = Instant::now();
        let read = |name: &str| {
            let path = o.faces.join(name);
            std::fs::read(&path).map_err(|e| format!("cannot read {}: {e}", path.display()))
        };
        let (atlas, manifest) = (read("atlas.png")?, read("manifest.json")?);
        let manifest = String::from_utf8(manifest).map_err(|_| "manifest.json is not UTF-8".to_string())?;
        let faces = FaceSet::from_bytes(&atlas, &manifest).map_err(|e| format!("cannot load the faces: {e}"))?;
        let identity = |i: usize| faces.faces()[i].identity;
        let held_out = |i: usize| faces.identities()[identity(i)].held_out;
        // The faces the trainer may see, and those it is judged on.
        let validating = |i: usize| o.validation && identity(i) >= VALIDATION_FROM;
        let trainable: Vec<bool> = (0..faces.len()).map(|i| !(held_out(i) || validating(i))).collect();
        let judged: Vec<usize> = (0..faces.len())
            .filter(|&i| if o.validation { !held_out(i) && !trainable[i] } else { held_out(i) })
            .collect();
        let train_ids: Vec<usize> = (0..faces.len()).filter(|&i| trainable[i]).collect();
        let (train_x, train_y) = gather(&faces, &train_ids);
        let (test_x, test_y) = gather(&faces, &judged);
        let (all_x, all_y) = gather(&faces, &(0..faces.len()).collect::<Vec<_>>());
        let judged_name = if o.validation { "validation" } else { "held out" };
        let c = o.config;
        println!(
            "{} faces: {} for training, {} {judged_name} | α = {}, {:?}, batch {} = {} × {}, lr {}, {:?}, seed {}, \
             {} steps",
            faces.len(),
            train_ids.len(),
            judged.len(),
            c.alpha,
            c.mining,
            c.batch_size,
            c.identities_per_batch(),
            c.images_per_identity,
            c.learning_rate,
            c.optimizer,
            c.seed,
            o.steps
        );
        let mut trainer = Trainer::new(c).map_err(|e| e.to_string())?;
        let before = quality(trainer.weights(), &test_x, &test_y);
        println!("{}", show(&format!("{judged_name}, initial weights"), &before));
        let (mut loss_sum, mut active_sum) = (0.0, 0.0);
        while trainer.step_count() < o.steps {
            let r = trainer.step(&train_x, &train_y).map_err(|e| e.to_string())?;
            loss_sum += r.loss;
            active_sum += r.fraction_active;
            if r.step % REPORT_EVERY == 0 {
                let n = REPORT_EVERY as f64;
                print!("step {:5}: loss {:.4}, active {:.3}", r.step, loss_sum / n, active_sum / n);
                if r.step % (5 * REPORT_EVERY) == 0 {
                    let q = quality(trainer.weights(), &test_x, &test_y);
                    print!(
                        " | {judged_name}: accuracy {:.2}%, recall@1 {:.2}%",
                        100.0 * q.verification_accuracy,
                        100.0 * q.recall_at_1
                    );
                }
                println!();
                (loss_sum, active_sum) = (0.0, 0.0);
            }
        }
        let trained = quality(trainer.weights(), &test_x, &test_y);
        println!("{}", show(&format!("{judged_name}, trained weights"), &trained));
        if o.validation {
            return Ok(());
        }
        // Calibration of the worked example (see src/net/nudge.rs).
        let data = Faces { inputs: &all_x, labels: &all_y, trainable: &trainable };
        // A fresh Adam at a small learning rate: the fine-tuning must move the
        // net as little as possible.
        let cal_config = TrainConfig { learning_rate: CALIBRATION_LR, ..c };
        let mut trainer = Trainer::with_weights(cal_config, trainer.weights().clone()).map_err(|e| e.to_string())?;
        let calibration = calibrate(&mut trainer, data, MAX_CALIBRATION_STEPS).map_err(|e| e.to_string())?;
        let triplet = calibration.triplet;
        match calibration.pulled {
            None => println!("calibration: the trained net already shows the worked example"),
            Some(t) => println!(
                "calibration: {} fine-tuning steps pulled faces {}, {}, {} from d_ap = {:.4}, d_an = {:.4}",
                calibration.steps, t.anchor, t.positive, t.negative, t.d_ap, t.d_an
            ),
        }
        let weights = trainer.weights();
        let after = quality(weights, &test_x, &test_y);
        println!("{}", show("held out, initial weights", &before));
        println!("{}", show("held out, trained weights", &trained));
        println!("{}", show("held out, trained and calibrated weights (shipped)", &after));
        println!("{}", show("training identities, shipped weights", &quality(weights, &train_x, &train_y)));
        let example = WorkedExample {
            anchor: triplet.anchor,
            positive: triplet.positive,
            negative: triplet.negative,
            d_ap: triplet.d_ap,
            d_an: triplet.d_an,
            weights_crc32: weights.file_checksum(),
        };
        let info = |i: usize| {
            let f = &faces.faces()[i];
            format!("face {i} (identity {}, shot {}, {:?})", f.identity, f.shot, f.variation)
        };
        println!("worked example: anchor {}", info(example.anchor));
        println!("                positive {}", info(example.positive));
        println!("                negative {}", info(example.negative));
        println!(
            "                d_ap = {:.6}, d_an = {:.6}: loss {:.6} at α = 0, {:.6} at α = {LESSON_ALPHA}",
            example.d_ap,
            example.d_an,
            (example.d_ap - example.d_an).max(0.0),
            (example.d_ap - example.d_an + LESSON_ALPHA).max(0.0)
        );
        println!(
            "weights CRC-32 {:#010x}, {} steps in {:.1} s",
            example.weights_crc32,
            trainer.step_count(),
            started.elapsed().as_secs_f64()
        );
        if o.dry_run {
            return Ok(());
        }
        std::fs::create_dir_all(&o.out).map_err(|e| format!("cannot create {}: {e}", o.out.display()))?;
        let write = |name: &str, bytes: &[u8]| {
            let path = o.out.join(name);
            std::fs::write(&path, bytes).map_err(|e| format!("cannot write {}: {e}", path.display()))
        };
        write("weights.bin", &weights.to_bytes())?;
        let json = serde_json::to_string_pretty(&example).map_err(|e| e.to_string())?;
        write("worked_example.json", format!("{json}\n").as_bytes())?;
        println!("wrote {} and {}", o.out.join("weights.bin").display(), o.out.join("worked_example.json").display());
        Ok(())
    }
}
