// In-browser benchmark of TripletLab's loss engine (run by scripts/bench-browser.sh,
// driven by bench/run.mjs, which formats the tables).
//
// Side by side, on the same inputs:
//   js      naive JavaScript: plain loops over Float32Array (arithmetic in doubles),
//   scalar  the Rust engine compiled to wasm without simd128 (./scalar/engine.js),
//   simd    the same engine compiled with simd128, i.e. its explicit
//           core::arch::wasm32 kernels (./simd/engine.js),
// and the engine's sorted k×m algorithm in both builds.
//
// Timing: performance.now() around each call (the page is served cross-origin
// isolated, so the timer resolution is 5 µs instead of 100 µs). A cell is
// warmed up (so V8 has tiered the code up from Liftoff / Ignition to TurboFan),
// then timed over SETTINGS.samples samples; a sample repeats the call (inside
// Rust for the engine, through its `iterations` argument) until it lasts about
// SETTINGS.sampleMs, and records the time per call. Cells whose single call
// takes more than SETTINGS.slowMs get only SETTINGS.slowSamples samples. The
// implementations of one workload are sampled in interleaved rounds, so that
// load from other processes affects them alike.
// Naive O(k·m) / O(B³) loops stop growing once one call has taken more than
// SETTINGS.slowMs (or the next would take more than SETTINGS.naiveLimitMs):
// larger sizes are extrapolated from the largest size measured.
//
// Accuracy: every result is compared with an f64 reference computed here in
// JavaScript doubles (and the engine's own f64 reference kernel for distances).
//
// Output: window.__benchResults, then window.__benchDone = true (or
// window.__benchError with the error).

import initSimd, * as simd from './simd/engine.js';
import initScalar, * as scalar from './scalar/engine.js';

const SETTINGS = {
  alpha: Math.fround(0.2), // α as an f32, so the JS and the engine use the same value
  samples: 30,
  slowSamples: 5,
  slowMs: 1000,
  sampleMs: 20,
  warmupMs: 250,
  warmupCalls: 2,
  naiveLimitMs: 2000,
  // rows × D of the distance workload's set: 256 KiB of f32 (fits the L2
  // cache: kernel speed) and 16 MiB (beyond an 8 MiB L3: memory speed).
  distanceFloats: [1 << 16, 1 << 22],
  dims: [3, 64, 128, 512],
  kmSizes: [4, 16, 64, 256, 1024, 4096, 16384, 65536, 100000, 262144, 1000000],
  kmLossSizes: [100000, 1000000],
  kmLossDim: 3,
  batchSizes: [256, 1024, 4096],
  batchDim: 128,
  batchClasses: 32,
};

// `?quick`: a smoke test of the page in seconds (few samples, small sizes);
// its figures mean nothing.
if (new URLSearchParams(location.search).has('quick')) {
  Object.assign(SETTINGS, {
    quick: true, samples: 5, sampleMs: 2, warmupMs: 20, dims: [3, 64], distanceFloats: [1 << 16], kmSizes: [4, 1024, 4096, 16384],
    kmLossSizes: [100000], batchSizes: [64, 256], naiveLimitMs: 100,
  });
}

const results = { settings: SETTINGS, checks: [] };
const logElement = document.getElementById('log');
const started = performance.now();

/** Progress line: on the page and on the console (bench/run.mjs echoes it). */
function log(message) {
  const line = `[${((performance.now() - started) / 1000).toFixed(1)} s] ${message}`;
  console.log(line);
  logElement.textContent += line + '\n';
}

/** Lets the event loop run between samples (console flushes, GC). */
const pause = () => new Promise((resolve) => setTimeout(resolve, 0));

// ---------------------------------------------------------------------------
// Inputs: deterministic pseudo-random f32 values in [0, 4).

/** `n` values from xorshift32: multiples of 2⁻²² in [0, 4), exact in f32. */
function randomF32(n, seed) {
  let s = seed >>> 0 || 1;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    out[i] = ((s >>> 8) / 16777216) * 4;
  }
  return out;
}

// ---------------------------------------------------------------------------
// Timing.

/** Quantile `q` of ascending `sorted`, linear interpolation. */
function quantile(sorted, q) {
  const x = (sorted.length - 1) * q;
  const lo = Math.floor(x);
  const hi = Math.min(lo + 1, sorted.length - 1);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (x - lo);
}

/**
 * Warms up and calibrates `run(iterations)`, which must perform the work
 * `iterations` times and return the last result: grows the batch until one
 * lasts a quarter of a sample (so the timer resolution does not matter), for
 * at least warmupCalls calls and warmupMs; a first call over slowMs ends it
 * and marks the cell slow (one call per sample, slowSamples samples).
 */
async function calibrate(run) {
  let iterations = 1;
  let calls = 0;
  let spent = 0;
  let elapsed = 0;
  let result;
  let slow = false;
  do {
    if (calls > 0 && elapsed < SETTINGS.sampleMs / 4) iterations *= 4;
    const t0 = performance.now();
    result = run(iterations);
    elapsed = performance.now() - t0;
    calls += 1;
    spent += elapsed;
    await pause();
    if (calls === 1 && elapsed > SETTINGS.slowMs) {
      slow = true;
      break;
    }
  } while (calls < SETTINGS.warmupCalls || spent < SETTINGS.warmupMs || elapsed < SETTINGS.sampleMs / 4);
  return {
    run,
    iterations: slow ? 1 : Math.max(1, Math.round((SETTINGS.sampleMs * iterations) / elapsed)),
    slow,
    warmupMs: spent,
    result,
    times: [],
  };
}

/**
 * Times several implementations of one workload side by side: each is warmed
 * up and calibrated, then their samples are taken in interleaved rounds
 * (one sample of each per round; slow ones every few rounds), so a burst of
 * load from other processes hits all of them alike and their ratios stay
 * fair. `runs` maps a name to `run(iterations)` (see `calibrate`). Returns,
 * per name, the median and p10/p90 time per call in ms, the sample count,
 * the iterations per sample and the last result.
 */
async function measureGroup(runs) {
  const entries = {};
  for (const [name, run] of Object.entries(runs)) entries[name] = await calibrate(run);
  const rounds = SETTINGS.samples;
  const slowEvery = Math.ceil(rounds / SETTINGS.slowSamples);
  for (let round = 0; round < rounds; round++) {
    for (const e of Object.values(entries)) {
      if (e.slow && round % slowEvery !== 0) continue;
      const t0 = performance.now();
      e.result = e.run(e.iterations);
      e.times.push((performance.now() - t0) / e.iterations);
      await pause();
    }
  }
  const cells = {};
  for (const [name, e] of Object.entries(entries)) {
    const sorted = [...e.times].sort((a, b) => a - b);
    cells[name] = {
      medianMs: quantile(sorted, 0.5),
      p10Ms: quantile(sorted, 0.1),
      p90Ms: quantile(sorted, 0.9),
      samples: e.times.length,
      slow: e.slow,
      iterations: e.iterations,
      warmupMs: e.warmupMs,
      samplesMs: e.times,
      result: e.result,
    };
  }
  return cells;
}

/**
 * Tracks one naive implementation across growing sizes: `shouldRun(size)`
 * says whether to measure it (it stops growing once a call has taken over
 * slowMs, or when the next call would take over naiveLimitMs),
 * `record(size, cell)` remembers the largest size measured, and
 * `extrapolate(size)` scales that time by `power` (2 for O(k·m) and O(B²·D),
 * 3 for O(B³)).
 */
function naiveCap(power) {
  let last = null;
  const predicted = (size) => (last ? last.ms * (size / last.size) ** power : 0);
  return {
    shouldRun: (size) => !last || (last.ms <= SETTINGS.slowMs && predicted(size) <= SETTINGS.naiveLimitMs),
    record(size, cell) {
      last = { size, ms: cell.medianMs };
    },
    extrapolate(size) {
      return { extrapolated: true, fromSize: last.size, fromMs: last.ms, medianMs: predicted(size), power };
    },
  };
}

// ---------------------------------------------------------------------------
// Accuracy.

/** Largest |x − ref| / |ref| over two equally long arrays. */
function maxRelError(x, ref) {
  let worst = 0;
  for (let i = 0; i < ref.length; i++) {
    const e = Math.abs(x[i] - ref[i]) / (Math.abs(ref[i]) || 1);
    if (e > worst) worst = e;
  }
  return worst;
}

/** |x − ref| / |ref| (absolute error when ref is 0). */
const relError = (x, ref) => Math.abs(x - ref) / (Math.abs(ref) || 1);

/** Number of leading values `v` of ascending `sorted` with `a − v + α > 0`. */
function activePrefix(sorted, a, alpha) {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a - sorted[mid] + alpha > 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** f64 reference of the k×m hinge sum: sort the d_an, prefix sums, binary search. */
function kmReference(dAp, dAn, alpha) {
  const b = Float64Array.from(dAn).sort();
  const prefix = new Float64Array(b.length + 1);
  for (let i = 0; i < b.length; i++) prefix[i + 1] = prefix[i] + b[i];
  let sum = 0;
  let active = 0;
  for (let i = 0; i < dAp.length; i++) {
    const a = dAp[i];
    const c = activePrefix(b, a, alpha);
    sum += c * (a + alpha) - prefix[c];
    active += c;
  }
  return { sum, active };
}

/** f64 reference: squared distances from `query` to each `dim`-row of `set`. */
function distancesReference(query, set, dim) {
  const out = new Float64Array(set.length / dim);
  for (let r = 0; r < out.length; r++) {
    let s = 0;
    for (let c = 0; c < dim; c++) {
      const d = query[c] - set[r * dim + c];
      s += d * d;
    }
    out[r] = s;
  }
  return out;
}

/**
 * f64 reference of batch-all and batch-hard: the B×B matrix in doubles, then
 * per anchor its negatives sorted with prefix sums (one binary search per
 * positive), and its hardest positive and negative.
 */
function batchReference(x, labels, b, dim, alpha) {
  const d = new Float64Array(b * b);
  for (let i = 0; i < b; i++) {
    for (let j = i + 1; j < b; j++) {
      let s = 0;
      for (let c = 0; c < dim; c++) {
        const t = x[i * dim + c] - x[j * dim + c];
        s += t * t;
      }
      d[i * b + j] = s;
      d[j * b + i] = s;
    }
  }
  const all = { sum: 0, active: 0, valid: 0 };
  const hard = { sum: 0, active: 0, anchors: 0 };
  const negatives = new Float64Array(b);
  const prefix = new Float64Array(b + 1);
  for (let a = 0; a < b; a++) {
    let m = 0;
    let k = 0;
    let farthest = -Infinity;
    for (let j = 0; j < b; j++) {
      if (labels[j] !== labels[a]) negatives[m++] = d[a * b + j];
      else if (j !== a) {
        k += 1;
        farthest = Math.max(farthest, d[a * b + j]);
      }
    }
    all.valid += k * m;
    if (k === 0 || m === 0) continue;
    const sorted = negatives.subarray(0, m).sort();
    for (let c = 0; c < m; c++) prefix[c + 1] = prefix[c] + sorted[c];
    for (let j = 0; j < b; j++) {
      if (j === a || labels[j] !== labels[a]) continue;
      const dp = d[a * b + j];
      const c = activePrefix(sorted, dp, alpha);
      all.sum += c * (dp + alpha) - prefix[c];
      all.active += c;
    }
    hard.anchors += 1;
    const term = farthest - sorted[0] + alpha;
    if (term > 0) {
      hard.sum += term;
      hard.active += 1;
    }
  }
  all.loss = all.active ? all.sum / all.active : 0;
  hard.loss = hard.anchors ? hard.sum / hard.anchors : 0;
  return { all, hard };
}

// ---------------------------------------------------------------------------
// Naive JavaScript: the plain loops anyone would write first.

/** Squared distances from `query` to each `dim`-row of `set`, into Float32Array `out`. */
function jsDistances(query, set, dim, out) {
  for (let r = 0; r < out.length; r++) {
    const offset = r * dim;
    let s = 0;
    for (let c = 0; c < dim; c++) {
      const d = query[c] - set[offset + c];
      s += d * d;
    }
    out[r] = s;
  }
  return out;
}

/** k×m hinge sum by the double loop: [sum, active]. */
function jsKmNaive(dAp, dAn, alpha) {
  let sum = 0;
  let active = 0;
  for (let i = 0; i < dAp.length; i++) {
    const shifted = dAp[i] + alpha;
    for (let j = 0; j < dAn.length; j++) {
      const t = shifted - dAn[j];
      if (t > 0) {
        sum += t;
        active += 1;
      }
    }
  }
  return [sum, active];
}

/** B×B squared-distance matrix (Float32Array), upper triangle mirrored. */
function jsPairwise(x, b, dim) {
  const d = new Float32Array(b * b);
  for (let i = 0; i < b; i++) {
    for (let j = i + 1; j < b; j++) {
      let s = 0;
      for (let c = 0; c < dim; c++) {
        const t = x[i * dim + c] - x[j * dim + c];
        s += t * t;
      }
      d[i * b + j] = s;
      d[j * b + i] = s;
    }
  }
  return d;
}

/** Batch-all by the O(B³) triple loop: [loss, sum, active, valid]. */
function jsBatchAll(x, labels, b, dim, alpha) {
  const d = jsPairwise(x, b, dim);
  let sum = 0;
  let active = 0;
  let valid = 0;
  for (let a = 0; a < b; a++) {
    const row = a * b;
    for (let p = 0; p < b; p++) {
      if (p === a || labels[p] !== labels[a]) continue;
      const shifted = d[row + p] + alpha;
      for (let n = 0; n < b; n++) {
        if (labels[n] === labels[a]) continue;
        valid += 1;
        const t = shifted - d[row + n];
        if (t > 0) {
          sum += t;
          active += 1;
        }
      }
    }
  }
  return [active ? sum / active : 0, sum, active, valid];
}

/** Batch-hard: hardest positive and negative per anchor: [loss, sum, active, anchors]. */
function jsBatchHard(x, labels, b, dim, alpha) {
  const d = jsPairwise(x, b, dim);
  let sum = 0;
  let active = 0;
  let anchors = 0;
  for (let a = 0; a < b; a++) {
    let farthest = -Infinity;
    let nearest = Infinity;
    for (let j = 0; j < b; j++) {
      const v = d[a * b + j];
      if (labels[j] !== labels[a]) nearest = Math.min(nearest, v);
      else if (j !== a) farthest = Math.max(farthest, v);
    }
    if (farthest === -Infinity || nearest === Infinity) continue;
    anchors += 1;
    const t = farthest - nearest + alpha;
    if (t > 0) {
      sum += t;
      active += 1;
    }
  }
  return [anchors ? sum / anchors : 0, sum, active, anchors];
}

/** Repeats a JS function `iterations` times, returning the last result. */
const repeatJs = (f) => (iterations) => {
  let r;
  for (let i = 0; i < iterations; i++) r = f();
  return r;
};

// ---------------------------------------------------------------------------
// Workloads.

const BUILDS = { scalar, simd };

/** Runs every function once on small inputs, so no cell starts on baseline code. */
function warmUpEverything() {
  const { alpha } = SETTINGS;
  const q = randomF32(64, 1);
  const set = randomF32(64 * 256, 2);
  const [a, b] = [randomF32(2048, 3), randomF32(2048, 4)];
  const x = randomF32(64 * 128, 5);
  const labels = Uint32Array.from({ length: 64 }, (_, i) => i % 8);
  for (const build of Object.values(BUILDS)) {
    const d = new build.Distances(q, set);
    d.run(500);
    d.free();
    const h = new build.KmHinge(a, b, alpha);
    h.naive(5);
    h.sorted(50);
    h.free();
    const small = new build.KmHinge(a.subarray(0, 100), b.subarray(0, 100), alpha);
    small.sorted(2000);
    small.free();
    const l = new build.KmLoss(q.subarray(0, 3), set.subarray(0, 3000), set.subarray(3000, 6000), 3, alpha);
    l.run(50);
    l.free();
    const batch = new build.Batch(x, labels, 128, alpha);
    batch.all(20);
    batch.hard(20);
    batch.free();
  }
  const out = new Float32Array(256);
  for (let i = 0; i < 500; i++) jsDistances(q, set, 64, out);
  for (let i = 0; i < 5; i++) jsKmNaive(a, b, alpha);
  for (let i = 0; i < 20; i++) {
    jsBatchAll(x, labels, 64, 128, alpha);
    jsBatchHard(x, labels, 64, 128, alpha);
  }
}

/** Squared distances from one query to N rows, for each N·D in distanceFloats. */
async function benchDistances() {
  const rowsOut = [];
  for (const floats of SETTINGS.distanceFloats) {
    for (const dim of SETTINGS.dims) {
      const rows = Math.floor(floats / dim);
      const query = randomF32(dim, 11 + dim);
      const set = randomF32(rows * dim, 12 + dim);
      const ref = distancesReference(query, set, dim);

      const out = new Float32Array(rows);
      const handles = { scalar: new scalar.Distances(query, set), simd: new simd.Distances(query, set) };
      log(`distances D = ${dim}, ${rows} rows`);
      const cells = await measureGroup({
        js: repeatJs(() => jsDistances(query, set, dim, out)),
        scalar: (iterations) => handles.scalar.run(iterations),
        simd: (iterations) => handles.simd.run(iterations),
      });
      cells.js.relError = maxRelError(out, ref);
      for (const name of Object.keys(BUILDS)) {
        cells[name].relError = maxRelError(handles[name].out(), ref);
        // The engine's f64 reference kernel must agree with the JS doubles.
        const agreement = maxRelError(handles[name].reference(), ref);
        results.checks.push({
          what: `engine f64 reference vs JS f64, distances D = ${dim}, ${rows} rows (${name})`,
          relError: agreement,
          ok: agreement < 1e-12,
        });
        handles[name].free();
      }
      for (const cell of Object.values(cells)) delete cell.result;
      rowsOut.push({ dim, rows, floats, cells });
    }
  }
  return rowsOut;
}

/** k×m hinge sum, k = m: naive JS, naive wasm (both builds), sorted (both builds). */
async function benchKm() {
  const { alpha } = SETTINGS;
  const max = Math.max(...SETTINGS.kmSizes);
  const [allAp, allAn] = [randomF32(max, 21), randomF32(max, 22)];
  const caps = { 'js-naive': naiveCap(2), 'scalar-naive': naiveCap(2), 'simd-naive': naiveCap(2) };
  const rowsOut = [];
  for (const n of SETTINGS.kmSizes) {
    const [dAp, dAn] = [allAp.subarray(0, n), allAn.subarray(0, n)];
    const ref = kmReference(dAp, dAn, alpha);
    const handles = { scalar: new scalar.KmHinge(dAp, dAn, alpha), simd: new simd.KmHinge(dAp, dAn, alpha) };
    const implementations = {
      'js-naive': repeatJs(() => jsKmNaive(dAp, dAn, alpha)),
      'scalar-naive': (iterations) => handles.scalar.naive(iterations),
      'simd-naive': (iterations) => handles.simd.naive(iterations),
      'scalar-sorted': (iterations) => handles.scalar.sorted(iterations),
      'simd-sorted': (iterations) => handles.simd.sorted(iterations),
    };
    const runs = {};
    const extrapolated = {};
    for (const [name, run] of Object.entries(implementations)) {
      if (caps[name] && !caps[name].shouldRun(n)) extrapolated[name] = caps[name].extrapolate(n);
      else runs[name] = run;
    }
    log(`k×m hinge, k = m = ${n}: ${Object.keys(runs).join(', ')}`);
    const measured = await measureGroup(runs);
    for (const [name, cell] of Object.entries(measured)) {
      const [sum, active] = cell.result;
      cell.relError = relError(sum, ref.sum);
      cell.activeDiff = active - ref.active;
      delete cell.result;
      if (caps[name]) caps[name].record(n, cell);
    }
    const cells = {};
    for (const name of Object.keys(implementations)) cells[name] = measured[name] ?? extrapolated[name];
    handles.scalar.free();
    handles.simd.free();
    rowsOut.push({ n, reference: ref, cells });
  }
  return rowsOut;
}

/** The k×m loss from embeddings (km_loss: distances + sorted hinge), small D. */
async function benchKmLoss() {
  const { alpha, kmLossDim: dim } = SETTINGS;
  const rowsOut = [];
  for (const n of SETTINGS.kmLossSizes) {
    const anchor = randomF32(dim, 31);
    const positives = randomF32(n * dim, 32);
    const negatives = randomF32(n * dim, 33);
    const ref = kmReference(distancesReference(anchor, positives, dim), distancesReference(anchor, negatives, dim), alpha);
    const handles = {
      scalar: new scalar.KmLoss(anchor, positives, negatives, dim, alpha),
      simd: new simd.KmLoss(anchor, positives, negatives, dim, alpha),
    };
    log(`km_loss D = ${dim}, k = m = ${n}`);
    const cells = await measureGroup({
      scalar: (iterations) => handles.scalar.run(iterations),
      simd: (iterations) => handles.simd.run(iterations),
    });
    for (const [name, cell] of Object.entries(cells)) {
      cell.relError = relError(cell.result[0], ref.sum);
      cell.activeDiff = cell.result[1] - ref.active;
      delete cell.result;
      handles[name].free();
    }
    rowsOut.push({ n, dim, reference: ref, cells });
  }
  return rowsOut;
}

/** Batch-all and batch-hard of B labelled embeddings (distance matrix included). */
async function benchBatch() {
  const { alpha, batchDim: dim, batchClasses: classes } = SETTINGS;
  const max = Math.max(...SETTINGS.batchSizes);
  const allX = randomF32(max * dim, 41);
  const caps = { all: naiveCap(3), hard: naiveCap(2) };
  const rowsOut = [];
  for (const b of SETTINGS.batchSizes) {
    const x = allX.subarray(0, b * dim);
    const labels = Uint32Array.from({ length: b }, (_, i) => i % classes);
    log(`batch B = ${b}: f64 reference`);
    const ref = batchReference(x, labels, b, dim, alpha);
    const handles = { scalar: new scalar.Batch(x, labels, dim, alpha), simd: new simd.Batch(x, labels, dim, alpha) };
    for (const loss of ['all', 'hard']) {
      const js = loss === 'all' ? jsBatchAll : jsBatchHard;
      const runs = {};
      if (caps[loss].shouldRun(b)) runs.js = repeatJs(() => js(x, labels, b, dim, alpha));
      for (const name of Object.keys(BUILDS)) runs[name] = (iterations) => handles[name][loss](iterations);
      log(`batch-${loss}, B = ${b}: ${Object.keys(runs).join(', ')}`);
      const cells = await measureGroup(runs);
      if (cells.js) caps[loss].record(b, cells.js);
      else cells.js = caps[loss].extrapolate(b);
      for (const cell of Object.values(cells)) {
        if (!cell.result) continue;
        const [value, , active] = cell.result;
        cell.relError = relError(value, ref[loss].loss);
        cell.activeDiff = active - ref[loss].active;
        delete cell.result;
      }
      rowsOut.push({ b, dim, classes, loss, reference: ref[loss], cells });
    }
    handles.scalar.free();
    handles.simd.free();
  }
  return rowsOut;
}

async function main() {
  await Promise.all([initSimd(), initScalar()]);
  const backends = { scalar: scalar.backend(), simd: simd.backend() };
  if (backends.scalar !== 'scalar' || backends.simd !== 'simd128') {
    throw new Error(`wrong builds: ${JSON.stringify(backends)}`);
  }
  results.meta = {
    userAgent: navigator.userAgent,
    hardwareConcurrency: navigator.hardwareConcurrency,
    crossOriginIsolated: self.crossOriginIsolated,
    backends,
  };
  log(`builds: ${JSON.stringify(backends)}, cross-origin isolated: ${self.crossOriginIsolated}`);
  log('warm-up');
  warmUpEverything();
  results.distances = await benchDistances();
  results.km = await benchKm();
  results.kmLoss = await benchKmLoss();
  results.batch = await benchBatch();
  results.meta.elapsedS = (performance.now() - started) / 1000;
  log(`done in ${results.meta.elapsedS.toFixed(0)} s`);
  window.__benchResults = results;
  window.__benchDone = true;
}

main().catch((error) => {
  window.__benchError = String(error?.stack ?? error);
  log(`error: ${window.__benchError}`);
});
