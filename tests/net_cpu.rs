//! The embedding net on the CPU against independent computations: the weight
//! file (CRC check value, round trip, every kind of corruption), the forward
//! pass against a straightforward f64 implementation written here with
//! another loop structure, and the backward pass and a whole training step's
//! gradient against central finite differences of that f64 implementation.

// Native only: these checks read files and run long; the browser tests are in web*.rs.
#![cfg(not(target_arch = "wasm32"))]

use tripletlab::net::arch::{self, EMBED_DIM, INPUT_LEN, TENSORS};
use tripletlab::net::crc32::crc32;
use tripletlab::net::l2norm::{l2_normalize, l2_normalize_backward};
use tripletlab::net::rng::SplitMix64;
use tripletlab::net::{backward, batch_gradient, forward_batch, forward_with_cache, Mining, Weights, WeightsError};

// ---------------------------------------------------------------- f64 reference

/// The parameters in f64, one vector per tensor in `arch::TENSORS` order.
type Params = Vec<Vec<f64>>;

fn params_of(w: &Weights) -> Params {
    w.tensors().iter().map(|t| t.iter().map(|&v| f64::from(v)).collect()).collect()
}

/// 3×3 "same" convolution + ReLU, one output pixel at a time, gathering its
/// taps with explicit bounds tests (the CPU path scatters whole rows).
fn conv_relu(x: &[f64], cin: usize, side: usize, w: &[f64], b: &[f64]) -> Vec<f64> {
    let cout = b.len();
    let mut out = vec![0.0; cout * side * side];
    for o in 0..cout {
        for r in 0..side {
            for c in 0..side {
                let mut s = b[o];
                for i in 0..cin {
                    for ky in 0..3 {
                        for kx in 0..3 {
                            let (yy, xx) = (r as isize + ky as isize - 1, c as isize + kx as isize - 1);
                            if yy < 0 || xx < 0 || yy >= side as isize || xx >= side as isize {
                                continue;
                            }
                            s +=
                                w[((o * cin + i) * 3 + ky) * 3 + kx] * x[(i * side + yy as usize) * side + xx as usize];
                        }
                    }
                }
                out[(o * side + r) * side + c] = s.max(0.0);
            }
        }
    }
    out
}

fn max_pool(x: &[f64], channels: usize, side: usize) -> Vec<f64> {
    let h = side / 2;
    let mut out = Vec::with_capacity(channels * h * h);
    for ch in 0..channels {
        for r in 0..h {
            for c in 0..h {
                let at = |dy: usize, dx: usize| x[(ch * side + 2 * r + dy) * side + 2 * c + dx];
                out.push(at(0, 0).max(at(0, 1)).max(at(1, 0)).max(at(1, 1)));
            }
        }
    }
    out
}

fn dense(x: &[f64], w: &[f64], b: &[f64], relu: bool) -> Vec<f64> {
    (0..b.len())
        .map(|o| {
            let v = b[o] + (0..x.len()).map(|i| w[o * x.len() + i] * x[i]).sum::<f64>();
            if relu {
                v.max(0.0)
            } else {
                v
            }
        })
        .collect()
}

/// The whole net in f64 for one image.
fn reference(p: &Params, image: &[f64]) -> Vec<f64> {
    let a = conv_relu(image, 3, 24, &p[0], &p[1]);
    let a = max_pool(&a, 8, 24);
    let a = conv_relu(&a, 8, 12, &p[2], &p[3]);
    let a = max_pool(&a, 16, 12);
    let a = dense(&a, &p[4], &p[5], true);
    let y = dense(&a, &p[6], &p[7], false);
    let norm = y.iter().map(|v| v * v).sum::<f64>().sqrt().max(1e-12);
    y.iter().map(|v| v / norm).collect()
}

fn reference_batch(p: &Params, inputs: &[f64]) -> Vec<f64> {
    inputs.chunks(INPUT_LEN).flat_map(|x| reference(p, x)).collect()
}

// ---------------------------------------------------------------- helpers

fn random_inputs(rng: &mut SplitMix64, n: usize) -> Vec<f32> {
    (0..n * INPUT_LEN).map(|_| rng.uniform(0.0, 1.0)).collect()
}

fn to64(v: &[f32]) -> Vec<f64> {
    v.iter().map(|&x| f64::from(x)).collect()
}

/// Weights with small random biases too (He init leaves them at 0).
fn random_weights(seed: u64) -> Weights {
    let mut rng = SplitMix64::new(seed);
    let mut w = Weights::he_uniform(&mut rng);
    for t in [1, 3, 5, 7] {
        for v in w.tensors_mut()[t].iter_mut() {
            *v = rng.uniform(-0.1, 0.1);
        }
    }
    w
}

/// Compares an analytic gradient with a central difference: relative to the
/// larger of the two and to `scale` (the tensor's typical gradient size).
fn assert_close(what: &str, analytic: f64, fd: f64, scale: f64) {
    let err = (analytic - fd).abs();
    assert!(
        err <= 1e-3 * analytic.abs().max(fd.abs()) + 1e-3 * scale + 1e-9,
        "{what}: backward {analytic:e}, finite differences {fd:e}"
    );
}

// ---------------------------------------------------------------- weight file

#[test]
fn crc32_check_value() {
    assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
}

#[test]
fn weight_file_round_trips_and_has_the_documented_size() {
    let w = random_weights(1);
    let bytes = w.to_bytes();
    let header: usize = 16 + TENSORS.iter().map(|t| 4 + t.name.len() + 4 + 4 * t.shape.len()).sum::<usize>();
    assert_eq!(bytes.len(), header + 4 * arch::parameter_count() + 4);
    assert_eq!(Weights::from_bytes(&bytes), Ok(w.clone()));
    let n = bytes.len();
    assert_eq!(u32::from_le_bytes(bytes[n - 4..].try_into().unwrap()), crc32(&bytes[..n - 4]));
    assert_eq!(w.file_checksum(), crc32(&bytes[..n - 4]));
}

#[test]
fn a_flipped_data_byte_is_a_checksum_error_naming_both_values() {
    let bytes = random_weights(2).to_bytes();
    let mut bad = bytes.clone();
    bad[1000] ^= 0x01;
    let n = bytes.len();
    let stored = u32::from_le_bytes(bytes[n - 4..].try_into().unwrap());
    let computed = crc32(&bad[..n - 4]);
    let err = Weights::from_bytes(&bad).unwrap_err();
    assert_eq!(err, WeightsError::Checksum { expected: stored, computed });
    let text = err.to_string();
    assert!(text.contains(&format!("{stored:#010x}")) && text.contains(&format!("{computed:#010x}")), "{text}");
}

#[test]
fn truncation_bad_magic_version_trailing_bytes_and_non_finite_weights() {
    let w = random_weights(3);
    let bytes = w.to_bytes();
    let n = bytes.len();
    let err = Weights::from_bytes(&bytes[..n - 10]).unwrap_err();
    assert!(matches!(err, WeightsError::Truncated { len, .. } if len == n - 10), "{err:?}");
    assert!(err.to_string().contains(&format!("truncated at byte {}", n - 10)), "{err}");
    let err = Weights::from_bytes(&bytes[..5]).unwrap_err();
    assert!(matches!(err, WeightsError::Truncated { len: 5, .. }), "{err:?}");
    assert!(matches!(Weights::from_bytes(&[]), Err(WeightsError::Truncated { len: 0, .. })));

    let mut bad = bytes.clone();
    bad[..8].copy_from_slice(b"PNG\r\n\x1a\n\0");
    let err = Weights::from_bytes(&bad).unwrap_err();
    assert!(matches!(err, WeightsError::BadMagic { .. }) && err.to_string().contains("TRPLNET1"), "{err}");

    let mut bad = bytes.clone();
    bad[8] = 2;
    assert_eq!(Weights::from_bytes(&bad), Err(WeightsError::UnsupportedVersion { found: 2 }));
    let mut bad = bytes.clone();
    bad[12] = 7;
    assert_eq!(Weights::from_bytes(&bad), Err(WeightsError::TensorCount { expected: 8, found: 7 }));

    let mut long = bytes.clone();
    long.extend_from_slice(&[0, 0]);
    let err = Weights::from_bytes(&long).unwrap_err();
    assert_eq!(err, WeightsError::TrailingBytes { expected_len: n, len: n + 2 });
    assert!(err.to_string().contains("2 unexpected bytes"), "{err}");

    // A NaN in fc1.weight, with a valid checksum.
    let mut w2 = w.clone();
    w2.fc1_w[17] = f32::NAN;
    let err = Weights::from_bytes(&w2.to_bytes()).unwrap_err();
    assert_eq!(err, WeightsError::NonFinite { tensor: "fc1.weight", index: 17 });
    assert!(err.to_string().contains("weight 17 of tensor \"fc1.weight\""), "{err}");
}

#[test]
fn wrong_tensor_name_or_shape_says_which_expected_and_found() {
    let bytes = random_weights(4).to_bytes();
    // Tensor 0's name starts at byte 20: "conv1.weight" → "conv9.weight".
    let mut bad = bytes.clone();
    bad[24] = b'9';
    let err = Weights::from_bytes(&bad).unwrap_err();
    assert_eq!(err, WeightsError::TensorName { index: 0, expected: "conv1.weight", found: "conv9.weight".into() });
    // Its rank is at 32, dims at 36..52: [8, 3, 3, 3] → [8, 4, 3, 3].
    let mut bad = bytes.clone();
    bad[40] = 4;
    let err = Weights::from_bytes(&bad).unwrap_err();
    assert_eq!(
        err,
        WeightsError::TensorShape { name: "conv1.weight", expected: vec![8, 3, 3, 3], found: vec![8, 4, 3, 3] }
    );
    assert!(err.to_string().contains("[8, 3, 3, 3]") && err.to_string().contains("[8, 4, 3, 3]"), "{err}");
    // A rank of 2 instead of 4.
    let mut bad = bytes.clone();
    bad[32] = 2;
    assert!(matches!(Weights::from_bytes(&bad), Err(WeightsError::TensorShape { found, .. }) if found == vec![8, 3]));
    // A huge name length is a truncation, not an allocation.
    let mut bad = bytes.clone();
    bad[16..20].copy_from_slice(&u32::MAX.to_le_bytes());
    assert!(matches!(Weights::from_bytes(&bad), Err(WeightsError::Truncated { .. })));
}

#[test]
fn random_garbage_never_panics() {
    let good = random_weights(5).to_bytes();
    let mut rng = SplitMix64::new(99);
    for round in 0..300 {
        let mut b = if round % 2 == 0 { good.clone() } else { good[..rng.below(300)].to_vec() };
        for _ in 0..1 + rng.below(4) {
            let len = b.len().max(1);
            let i = rng.below(len);
            if i < b.len() {
                b[i] = rng.next_u64() as u8;
            }
        }
        assert!(Weights::from_bytes(&b).is_err() || b == good);
    }
    let noise: Vec<u8> = (0..5000).map(|_| rng.next_u64() as u8).collect();
    let mut framed = b"TRPLNET1".to_vec();
    framed.extend_from_slice(&noise);
    assert!(Weights::from_bytes(&framed).is_err());
}

// ---------------------------------------------------------------- forward

#[test]
fn forward_batch_equals_the_f64_reference() {
    let mut rng = SplitMix64::new(11);
    for seed in [1_u64, 2] {
        let w = random_weights(seed);
        let inputs = random_inputs(&mut rng, 3);
        let got = forward_batch(&w, &inputs);
        let want = reference_batch(&params_of(&w), &to64(&inputs));
        assert_eq!(got.len(), 3 * EMBED_DIM);
        for (i, (g, r)) in got.iter().zip(&want).enumerate() {
            assert!((f64::from(*g) - r).abs() < 1e-5, "component {i}: cpu {g}, f64 reference {r}");
        }
        for row in got.chunks(3) {
            let norm = row.iter().map(|v| v * v).sum::<f32>().sqrt();
            assert!((norm - 1.0).abs() < 1e-6);
        }
        // Batching does not change a row, and the cache holds the same rows.
        assert_eq!(forward_batch(&w, &inputs[INPUT_LEN..2 * INPUT_LEN]), got[3..6].to_vec());
        assert_eq!(forward_with_cache(&w, &inputs).embeddings, got);
    }
}

// ---------------------------------------------------------------- backward

#[test]
fn l2_normalisation_backward_equals_finite_differences() {
    let mut rng = SplitMix64::new(5);
    for scale in [1e-3_f32, 0.7, 40.0] {
        let y: Vec<f32> = (0..3).map(|_| rng.uniform(-scale, scale)).collect();
        let c: Vec<f32> = (0..3).map(|_| rng.uniform(-1.0, 1.0)).collect();
        let mut g = [0.0_f32; 3];
        l2_normalize_backward(&y, &c, &mut g);
        let loss = |y: &[f64]| {
            let n = y.iter().map(|v| v * v).sum::<f64>().sqrt();
            y.iter().zip(&c).map(|(v, c)| v / n * f64::from(*c)).sum::<f64>()
        };
        for k in 0..3 {
            let h = 1e-6 * f64::from(scale);
            let (mut up, mut down) = (to64(&y), to64(&y));
            up[k] += h;
            down[k] -= h;
            let fd = (loss(&up) - loss(&down)) / (2.0 * h);
            assert_close(&format!("∂/∂y{k} at scale {scale}"), f64::from(g[k]), fd, 1.0 / f64::from(scale));
        }
        let mut e = [0.0_f32; 3];
        l2_normalize(&y, &mut e);
        assert!((e.iter().map(|v| v * v).sum::<f32>() - 1.0).abs() < 1e-6);
    }
}

#[test]
fn backward_equals_finite_differences_for_every_tensor() {
    let mut rng = SplitMix64::new(21);
    let w = random_weights(7);
    let n = 2;
    let inputs = random_inputs(&mut rng, n);
    // L = Σ cᵢ · eᵢ for fixed random c: its embedding gradient is c.
    let c: Vec<f32> = (0..n * EMBED_DIM).map(|_| rng.uniform(-1.0, 1.0)).collect();
    let g = backward(&w, &forward_with_cache(&w, &inputs), &c);
    let (x, c64) = (to64(&inputs), to64(&c));
    let loss = |p: &Params| reference_batch(p, &x).iter().zip(&c64).map(|(e, c)| e * c).sum::<f64>();
    let base = params_of(&w);
    for (t, spec) in TENSORS.iter().enumerate() {
        let grad = g.tensors()[t];
        let scale = grad.iter().map(|v| f64::from(v.abs())).fold(0.0, f64::max);
        assert!(scale > 0.0, "{} gets no gradient at all", spec.name);
        // Every bias, a sample of the weights (always including the largest).
        let largest = (0..grad.len()).max_by(|&i, &j| grad[i].abs().total_cmp(&grad[j].abs())).unwrap();
        let mut picks: Vec<usize> = if grad.len() <= 32 { (0..grad.len()).collect() } else { vec![largest] };
        while picks.len() < 12.min(grad.len()) {
            picks.push(rng.below(grad.len()));
        }
        for &i in &picks {
            let h = 1e-6;
            let (mut up, mut down) = (base.clone(), base.clone());
            up[t][i] += h;
            down[t][i] -= h;
            let fd = (loss(&up) - loss(&down)) / (2.0 * h);
            assert_close(&format!("{}[{i}]", spec.name), f64::from(grad[i]), fd, scale);
        }
    }
}

// ---------------------------------------------------------------- a training step

/// The batch losses by their definitions, O(B³), in f64.
fn loss_by_definition(e: &[f64], labels: &[u32], alpha: f64, mining: Mining) -> f64 {
    let b = labels.len();
    let d = |i: usize, j: usize| (0..3).map(|k| (e[i * 3 + k] - e[j * 3 + k]).powi(2)).sum::<f64>();
    let (mut sum, mut count) = (0.0, 0_usize);
    for a in 0..b {
        let pos: Vec<usize> = (0..b).filter(|&p| p != a && labels[p] == labels[a]).collect();
        let neg: Vec<usize> = (0..b).filter(|&n| labels[n] != labels[a]).collect();
        if pos.is_empty() || neg.is_empty() {
            continue;
        }
        match mining {
            Mining::BatchAll => {
                for &p in &pos {
                    for &n in &neg {
                        let t = d(a, p) - d(a, n) + alpha;
                        if t > 0.0 {
                            sum += t;
                            count += 1;
                        }
                    }
                }
            }
            Mining::BatchHard => {
                let hp = pos.iter().map(|&p| d(a, p)).fold(f64::MIN, f64::max);
                let hn = neg.iter().map(|&n| d(a, n)).fold(f64::MAX, f64::min);
                sum += (hp - hn + alpha).max(0.0);
                count += 1;
            }
            Mining::SemiHard => {
                for &p in &pos {
                    let dp = d(a, p);
                    let farther = neg.iter().map(|&n| d(a, n)).filter(|&dn| dn > dp).fold(f64::MAX, f64::min);
                    let dn =
                        if farther < f64::MAX { farther } else { neg.iter().map(|&n| d(a, n)).fold(0.0, f64::max) };
                    sum += (dp - dn + alpha).max(0.0);
                    count += 1;
                }
            }
        }
    }
    if count == 0 {
        0.0
    } else {
        sum / count as f64
    }
}

#[test]
fn a_training_steps_gradient_equals_finite_differences_of_the_batch_loss() {
    let mut rng = SplitMix64::new(31);
    let w = random_weights(8);
    // 3 identities × 2 images: each identity's images share a base pattern.
    let bases = random_inputs(&mut rng, 3);
    let mut inputs = Vec::new();
    let labels = [0_u32, 0, 1, 1, 2, 2];
    for &l in &labels {
        let base = &bases[l as usize * INPUT_LEN..(l as usize + 1) * INPUT_LEN];
        inputs.extend(base.iter().map(|&v| (v + rng.uniform(-0.3, 0.3)).clamp(0.0, 1.0)));
    }
    let x = to64(&inputs);
    for mining in [Mining::BatchAll, Mining::BatchHard, Mining::SemiHard] {
        let (mined, g) = batch_gradient(&w, &inputs, &labels, 0.2, mining).unwrap();
        let loss = |p: &Params| loss_by_definition(&reference_batch(p, &x), &labels, 0.2, mining);
        let base = params_of(&w);
        assert!((loss(&base) - mined.loss).abs() < 1e-5, "{mining:?}: loss {} vs {}", mined.loss, loss(&base));
        assert!(mined.active > 0, "{mining:?}: no active term, the test would prove nothing");
        for (t, spec) in TENSORS.iter().enumerate() {
            let grad = g.tensors()[t];
            let scale = grad.iter().map(|v| f64::from(v.abs())).fold(0.0, f64::max);
            let largest = (0..grad.len()).max_by(|&i, &j| grad[i].abs().total_cmp(&grad[j].abs())).unwrap();
            for i in [largest, rng.below(grad.len()), rng.below(grad.len())] {
                let h = 1e-6;
                let (mut up, mut down) = (base.clone(), base.clone());
                up[t][i] += h;
                down[t][i] -= h;
                let fd = (loss(&up) - loss(&down)) / (2.0 * h);
                assert_close(&format!("{mining:?} {}[{i}]", spec.name), f64::from(grad[i]), fd, scale);
            }
        }
    }
}

#[test]
fn the_calibration_pull_gradient_equals_finite_differences() {
    use tripletlab::net::nudge::pull_gradient;
    let mut rng = SplitMix64::new(41);
    let w = random_weights(9);
    let inputs = random_inputs(&mut rng, 3);
    let g = pull_gradient(&w, &inputs, 0.7);
    let x = to64(&inputs);
    let loss = |p: &Params| {
        let e = reference_batch(p, &x);
        let d = |i: usize, j: usize| (0..3).map(|k| (e[i * 3 + k] - e[j * 3 + k]).powi(2)).sum::<f64>();
        0.7 * ((d(0, 1) - 0.50).powi(2) + (d(0, 2) - 0.51).powi(2))
    };
    let base = params_of(&w);
    for (t, spec) in TENSORS.iter().enumerate() {
        let grad = g.tensors()[t];
        let scale = grad.iter().map(|v| f64::from(v.abs())).fold(0.0, f64::max);
        let largest = (0..grad.len()).max_by(|&i, &j| grad[i].abs().total_cmp(&grad[j].abs())).unwrap();
        for i in [largest, rng.below(grad.len()), rng.below(grad.len())] {
            let h = 1e-6;
            let (mut up, mut down) = (base.clone(), base.clone());
            up[t][i] += h;
            down[t][i] -= h;
            let fd = (loss(&up) - loss(&down)) / (2.0 * h);
            assert_close(&format!("pull {}[{i}]", spec.name), f64::from(grad[i]), fd, scale);
        }
    }
}
