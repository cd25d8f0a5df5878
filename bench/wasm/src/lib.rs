//! wasm-bindgen exports of TripletLab's loss engine for the in-browser
//! benchmark (`scripts/bench-browser.sh`, page in `bench/page/`).
//!
//! Every workload is a struct that copies its inputs into wasm memory once,
//! in its constructor, so the timed calls read no JavaScript data: the page
//! times them with `performance.now()` around the call. Each timed method
//! takes an `iterations` count and repeats the engine call that many times
//! inside Rust (for calls too short to time one by one), with its inputs
//! passed through [`black_box`] so that no repetition can be optimised away,
//! and returns the last result. No timing happens here.
//!
//! The crate is built twice from the same source: with simd128 (the repo's
//! `.cargo/config.toml`) and with `-C target-feature=-simd128`; [`backend`]
//! says which kernels a build dispatches to.

use core::hint::black_box;

use tripletlab::loss::batch;
use tripletlab::loss::error::LossError;
use tripletlab::loss::kernels;
use tripletlab::loss::sorted;
use wasm_bindgen::prelude::*;

/// The kernels this build dispatches to: `"simd128"` or `"scalar"`.
#[wasm_bindgen]
pub fn backend() -> String {
    kernels::BACKEND.to_string()
}

/// Turns an engine error into a JavaScript `Error`.
fn js_error(e: LossError) -> JsError {
    JsError::new(&e.to_string())
}

/// Calls `f` `iterations` times (at least once) and returns the last result.
fn repeat<T>(iterations: u32, mut f: impl FnMut() -> Result<T, LossError>) -> Result<T, JsError> {
    let mut last = f().map_err(js_error)?;
    for _ in 1..iterations {
        last = black_box(f().map_err(js_error)?);
    }
    Ok(last)
}

/// Squared distances from one query to every row of a set
/// ([`kernels::squared_distances`], the dispatching kernel).
#[wasm_bindgen]
pub struct Distances {
    query: Vec<f32>,
    set: Vec<f32>,
    out: Vec<f32>,
}

#[wasm_bindgen]
impl Distances {
    /// Copies a `dim = query.len()` query and a row-major set of `dim`-vectors.
    ///
    /// Errors: an empty query, a ragged set, NaN/∞ (the engine's checks).
    #[wasm_bindgen(constructor)]
    pub fn new(query: &[f32], set: &[f32]) -> Result<Distances, JsError> {
        let out = kernels::distances(query, set).map_err(js_error)?;
        Ok(Self { query: query.to_vec(), set: set.to_vec(), out })
    }

    /// Computes the distances `iterations` times (at least once) into the
    /// output buffer; read it with [`Distances::out`].
    pub fn run(&mut self, iterations: u32) {
        for _ in 0..iterations.max(1) {
            kernels::squared_distances(black_box(&self.query), black_box(&self.set), black_box(&mut self.out));
        }
    }

    /// The distances of the last [`Distances::run`], one per row.
    pub fn out(&self) -> Vec<f32> {
        self.out.clone()
    }

    /// The same distances from the engine's f64 reference kernel
    /// ([`kernels::reference::squared_distances`]).
    pub fn reference(&self) -> Vec<f64> {
        let mut out = vec![0.0; self.out.len()];
        kernels::reference::squared_distances(&self.query, &self.set, &mut out);
        out
    }
}

/// The k×m hinge sum `Σᵢ Σⱼ max(0, d_apᵢ − d_anⱼ + α)` from given distances.
#[wasm_bindgen]
pub struct KmHinge {
    d_ap: Vec<f32>,
    d_an: Vec<f32>,
    alpha: f32,
}

#[wasm_bindgen]
impl KmHinge {
    /// Copies the k positive and m negative distances.
    #[wasm_bindgen(constructor)]
    pub fn new(d_ap: &[f32], d_an: &[f32], alpha: f32) -> KmHinge {
        Self { d_ap: d_ap.to_vec(), d_an: d_an.to_vec(), alpha }
    }

    /// [`sorted::km_hinge_naive`] (the O(k·m) double loop over the
    /// dispatching `hinge_sum_row` kernel), `iterations` times.
    /// Returns `[sum, active]`.
    ///
    /// Errors: NaN/∞ in the distances or α.
    pub fn naive(&self, iterations: u32) -> Result<Vec<f64>, JsError> {
        let s =
            repeat(iterations, || sorted::km_hinge_naive(black_box(&self.d_ap), black_box(&self.d_an), self.alpha))?;
        Ok(vec![s.sum, s.active as f64])
    }

    /// [`sorted::km_hinge_sorted`] (sort, prefix sums, search or sweep),
    /// `iterations` times. Returns `[sum, active]`.
    ///
    /// Errors: NaN/∞ in the distances or α.
    pub fn sorted(&self, iterations: u32) -> Result<Vec<f64>, JsError> {
        let s =
            repeat(iterations, || sorted::km_hinge_sorted(black_box(&self.d_ap), black_box(&self.d_an), self.alpha))?;
        Ok(vec![s.sum, s.active as f64])
    }
}

/// The k×m loss of one anchor from embeddings ([`sorted::km_loss`]: squared
/// distances through the kernels, then the sorted hinge).
#[wasm_bindgen]
pub struct KmLoss {
    anchor: Vec<f32>,
    positives: Vec<f32>,
    negatives: Vec<f32>,
    dim: usize,
    alpha: f32,
}

#[wasm_bindgen]
impl KmLoss {
    /// Copies the anchor (`dim` components) and the row-major positive and
    /// negative sets.
    #[wasm_bindgen(constructor)]
    pub fn new(anchor: &[f32], positives: &[f32], negatives: &[f32], dim: usize, alpha: f32) -> KmLoss {
        Self { anchor: anchor.to_vec(), positives: positives.to_vec(), negatives: negatives.to_vec(), dim, alpha }
    }

    /// [`sorted::km_loss`] `iterations` times. Returns `[sum, active]`.
    ///
    /// Errors: the engine's input checks (dimensions, NaN/∞).
    pub fn run(&self, iterations: u32) -> Result<Vec<f64>, JsError> {
        let s = repeat(iterations, || {
            sorted::km_loss(
                black_box(&self.anchor),
                black_box(&self.positives),
                black_box(&self.negatives),
                self.dim,
                self.alpha,
            )
        })?;
        Ok(vec![s.sum, s.active as f64])
    }
}

/// A labelled batch of B embeddings for the batch losses.
#[wasm_bindgen]
pub struct Batch {
    embeddings: Vec<f32>,
    labels: Vec<u32>,
    dim: usize,
    alpha: f32,
}

#[wasm_bindgen]
impl Batch {
    /// Copies B row-major `dim`-dimensional embeddings and their B labels.
    #[wasm_bindgen(constructor)]
    pub fn new(embeddings: &[f32], labels: &[u32], dim: usize, alpha: f32) -> Batch {
        Self { embeddings: embeddings.to_vec(), labels: labels.to_vec(), dim, alpha }
    }

    /// [`batch::batch_all`] (distance matrix included) `iterations` times.
    /// Returns `[loss, sum, active, valid]`.
    ///
    /// Errors: the engine's input checks.
    pub fn all(&self, iterations: u32) -> Result<Vec<f64>, JsError> {
        let r = repeat(iterations, || {
            batch::batch_all(black_box(&self.embeddings), black_box(&self.labels), self.dim, self.alpha)
        })?;
        Ok(vec![r.loss, r.sum, r.active as f64, r.valid as f64])
    }

    /// [`batch::batch_hard`] (distance matrix included) `iterations` times.
    /// Returns `[loss, sum, active, anchors]`.
    ///
    /// Errors: the engine's input checks.
    pub fn hard(&self, iterations: u32) -> Result<Vec<f64>, JsError> {
        let r = repeat(iterations, || {
            batch::batch_hard(black_box(&self.embeddings), black_box(&self.labels), self.dim, self.alpha)
        })?;
        Ok(vec![r.loss, r.sum, r.active as f64, r.anchors as f64])
    }
}
