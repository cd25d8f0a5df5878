// Runs the in-browser benchmark of the loss engine: serves the bench page
// (built by scripts/bench-browser.sh into target/bench-page/) on 127.0.0.1,
// opens it in headless Debian Chromium through playwright-core, waits for
// window.__benchResults, and prints the Markdown tables to stdout. Also
// writes results.json and results.md next to the page.
//   node bench/run.mjs target/bench-page
// Progress goes to stderr. Self-contained on purpose (no import from e2e/).
// BENCH_QUICK=1 runs the page's smoke-test mode (seconds, meaningless figures).
import { createServer } from 'node:http';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { cpus, tmpdir, totalmem } from 'node:os';
import { chromium } from 'playwright-core';

const ROOT = resolve(process.argv[2] ?? 'target/bench-page') + '/';
const TIMEOUT_MS = 20 * 60 * 1000;

const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm' };

/**
 * Static server for ROOT on an ephemeral loopback port. COOP/COEP make the
 * page cross-origin isolated, which gives performance.now() 5 µs resolution.
 */
async function startServer() {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      const file = normalize(join(ROOT, path === '/' ? 'index.html' : path));
      if (!file.startsWith(ROOT)) {
        res.writeHead(403).end();
        return;
      }
      const body = await readFile(file);
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
          'cache-control': 'no-store',
        })
        .end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Opens the page in a fresh headless Chromium and returns the page's results. */
async function runInBrowser(origin) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'tripletlab-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    let failure = null;
    page.on('console', (msg) => {
      if (msg.type() === 'error') failure ??= `console error: ${msg.text()}`;
      process.stderr.write(`${msg.text()}\n`);
    });
    page.on('pageerror', (err) => { failure ??= `page error: ${err.message}`; });
    page.on('request', (req) => {
      if (!req.url().startsWith(origin)) failure ??= `foreign request: ${req.url()}`;
    });
    await page.goto(`${origin}/${process.env.BENCH_QUICK ? '?quick' : ''}`);
    await page.waitForFunction(() => window.__benchDone || window.__benchError, null, { timeout: TIMEOUT_MS, polling: 1000 });
    const error = await page.evaluate(() => window.__benchError);
    if (error) throw new Error(`benchmark failed in the page:\n${error}`);
    if (failure) throw new Error(failure);
    return await page.evaluate(() => window.__benchResults);
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------
// Formatting.

/** Three significant figures without exponents. */
function sig(x) {
  const a = Math.abs(x);
  if (a >= 100) return Math.round(x).toLocaleString('en-US');
  if (a >= 10) return x.toFixed(1);
  if (a >= 1) return x.toFixed(2);
  return x.toPrecision(3);
}

/** Unit and scale for a duration in ms, chosen so the value is in [1, 1000). */
function timeUnit(ms) {
  if (ms >= 1000) return ['s', 1e-3];
  if (ms >= 1) return ['ms', 1];
  if (ms >= 1e-3) return ['µs', 1e3];
  return ['ns', 1e6];
}

const SLOW = '†';

/** "12.3 ms". */
function formatTime(ms) {
  const [unit, scale] = timeUnit(ms);
  return `${sig(ms * scale)} ${unit}`;
}

/** "12.3 ms (12.1–12.6)", "≈ 5.43 s, extrapolated" or "—". */
function timeCell(cell) {
  if (!cell) return '—';
  const [unit, scale] = timeUnit(cell.medianMs);
  if (cell.extrapolated) return `≈ ${sig(cell.medianMs * scale)} ${unit}, *extrapolated*`;
  const slow = cell.slow ? ` ${SLOW}` : '';
  return `${sig(cell.medianMs * scale)} ${unit} (${sig(cell.p10Ms * scale)}–${sig(cell.p90Ms * scale)})${slow}`;
}

/** Ratio of two medians, "≈" when either is extrapolated. */
function ratio(slower, faster) {
  if (!slower || !faster) return '—';
  const approx = slower.extrapolated || faster.extrapolated ? '≈ ' : '';
  return `${approx}${sig(slower.medianMs / faster.medianMs)}×`;
}

/** Relative error like "3.1e-8", "0" or "—" (not run). */
function errorCell(cell) {
  if (!cell || cell.relError === undefined) return '—';
  if (cell.relError === 0) return '0';
  const active = cell.activeDiff ? ` (active ${cell.activeDiff > 0 ? '+' : ''}${cell.activeDiff})` : '';
  return cell.relError.toExponential(1) + active;
}

const pow = (n) => {
  const exponents = { 4: '4', 16: '4²', 64: '4³', 256: '4⁴', 1024: '4⁵', 4096: '4⁶', 16384: '4⁷', 65536: '4⁸', 262144: '4⁹', 100000: '10⁵', 1000000: '10⁶' };
  return exponents[n] ? `${n.toLocaleString('en-US')} (${exponents[n]})` : n.toLocaleString('en-US');
};

/** "256 KiB", "16 MiB" (rounded to the unit). */
const mib = (bytes) => (bytes >= 2 ** 20 ? `${Math.round(bytes / 2 ** 20)} MiB` : `${Math.round(bytes / 2 ** 10)} KiB`);

function table(header, rows) {
  const lines = [`| ${header.join(' | ')} |`, `| ${header.map((h, i) => (i === 0 ? '---' : '---:')).join(' | ')} |`];
  for (const row of rows) lines.push(`| ${row.join(' | ')} |`);
  return lines.join('\n');
}

/** The whole report, Markdown. */
function report(r, machine) {
  const s = r.settings;
  const out = [];
  if (s.quick) out.push('**Smoke test (`BENCH_QUICK=1`): few samples, small sizes; the figures mean nothing.**', '');
  const chrome = (r.meta.userAgent.match(/(?:Headless)?Chrome\/[\d.]+/) ?? [r.meta.userAgent])[0];
  out.push(`Browser: ${chrome}, headless, cross-origin isolated: ${r.meta.crossOriginIsolated ? 'yes (5 µs timer)' : 'no (100 µs timer)'}. ` +
    `Machine: ${machine}. The run took ${(r.meta.elapsedS / 60).toFixed(1)} min in the page.`);
  out.push('');
  out.push(`Each cell: median time per call (p10–p90) over ${s.samples} samples after warm-up; ` +
    `${SLOW} = ${s.slowSamples} samples only, because one call takes over ${s.slowMs / 1000} s. ` +
    `*Extrapolated* cells were not run: their naive O(k·m) or O(B³) loop would exceed ${s.naiveLimitMs / 1000} s per call, ` +
    'so the time is the largest measured size scaled by the growth of the work. α = 0.2 (as f32); inputs are ' +
    'deterministic pseudo-random f32 values in [0, 4). "naive JS" is plain loops over Float32Array (arithmetic in doubles); ' +
    '"wasm scalar" and "wasm simd128" are the same Rust engine built without and with `+simd128` (release profile, wasm-opt -O3 like the app).');

  // Distances.
  out.push('', '### Squared distances, one query to N rows', '');
  out.push('Per cell: ns per pair (p10–p90) and GFLOP/s (3 flops per component). The set is 256 KiB (in the L2 cache: ' +
    'kernel speed) or 16 MiB (beyond the 8 MiB L3: memory speed).', '');
  const distCell = (cell, row) => {
    const ns = (cell.medianMs * 1e6) / row.rows;
    const gflops = (3 * row.dim * row.rows) / (cell.medianMs * 1e6);
    const range = `${sig((cell.p10Ms * 1e6) / row.rows)}–${sig((cell.p90Ms * 1e6) / row.rows)}`;
    return `${sig(ns)} ns (${range}), ${sig(gflops)} GFLOP/s${cell.slow ? ` ${SLOW}` : ''}`;
  };
  out.push(table(['set', 'D', 'rows N', 'naive JS', 'wasm scalar', 'wasm simd128', 'simd128 vs scalar', 'simd128 vs JS'],
    r.distances.map((row) => [mib(4 * row.floats), row.dim, row.rows.toLocaleString('en-US'), distCell(row.cells.js, row), distCell(row.cells.scalar, row),
      distCell(row.cells.simd, row), ratio(row.cells.scalar, row.cells.simd), ratio(row.cells.js, row.cells.simd)])));

  // k×m hinge.
  out.push('', '### k×m hinge sum Σᵢ Σⱼ max(0, d_apᵢ − d_anⱼ + α), k = m', '');
  out.push('Naive: the O(k·m) double loop (in the engine: `km_hinge_naive`, one `hinge_sum_row` kernel per row). ' +
    'Sorted: `km_hinge_sorted` (sort, prefix sums, binary search or sweep), the same source in both builds.', '');
  out.push(table(['k = m', 'naive JS', 'naive wasm scalar', 'naive wasm simd128', 'sorted wasm scalar', 'sorted wasm simd128',
    'naive simd128 / sorted simd128', 'naive JS / sorted simd128'],
  r.km.map((row) => [pow(row.n), timeCell(row.cells['js-naive']), timeCell(row.cells['scalar-naive']), timeCell(row.cells['simd-naive']),
    timeCell(row.cells['scalar-sorted']), timeCell(row.cells['simd-sorted']), ratio(row.cells['simd-naive'], row.cells['simd-sorted']),
    ratio(row.cells['js-naive'], row.cells['simd-sorted'])])));
  const extrapolations = new Map();
  for (const row of r.km) {
    for (const [name, cell] of Object.entries(row.cells)) {
      if (cell.extrapolated) extrapolations.set(name, cell);
    }
  }
  if (extrapolations.size) {
    out.push('', 'Extrapolated: ' + [...extrapolations].map(([name, c]) =>
      `${name} from its median at k = m = ${c.fromSize.toLocaleString('en-US')} (${formatTime(c.fromMs)}) × (n / ${c.fromSize.toLocaleString('en-US')})²`).join('; ') + '.');
  }

  // km_loss.
  out.push('', `### k×m loss from embeddings, D = ${s.kmLossDim}: \`km_loss\` (distances + sorted hinge)`, '');
  out.push(table(['k = m', 'wasm scalar', 'wasm simd128', 'scalar / simd128'],
    r.kmLoss.map((row) => [pow(row.n), timeCell(row.cells.scalar), timeCell(row.cells.simd), ratio(row.cells.scalar, row.cells.simd)])));

  // Batch.
  out.push('', `### Batch losses, D = ${s.batchDim}, ${s.batchClasses} classes (label i mod ${s.batchClasses}), B×B distance matrix included`, '');
  out.push('Naive JS batch-all is the O(B³) triple loop over all valid triplets; naive JS batch-hard is O(B²·D). ' +
    'The engine: `batch_all` (sorted negatives per anchor, O(B²·D + B² log B)) and `batch_hard`.', '');
  out.push(table(['B', 'loss', 'naive JS', 'wasm scalar', 'wasm simd128', 'simd128 vs scalar', 'simd128 vs JS'],
    r.batch.map((row) => [row.b.toLocaleString('en-US'), `batch-${row.loss}`, timeCell(row.cells.js), timeCell(row.cells.scalar), timeCell(row.cells.simd),
      ratio(row.cells.scalar, row.cells.simd), ratio(row.cells.js, row.cells.simd)])));
  const batchExtra = r.batch.filter((row) => row.cells.js.extrapolated);
  if (batchExtra.length) {
    out.push('', 'Extrapolated: ' + batchExtra.map((row) => {
      const c = row.cells.js;
      return `naive JS batch-${row.loss} at B = ${row.b} from its median at B = ${c.fromSize} (${formatTime(c.fromMs)}) × (B / ${c.fromSize})${c.power === 3 ? '³' : '²'}`;
    }).join('; ') + '.');
  }

  // Accuracy.
  out.push('', '### Accuracy: relative error against the f64 reference', '');
  out.push('Distances: the largest relative error over the N rows; k×m: of the sum; batch: of the loss. The reference is computed ' +
    'in the page in JavaScript doubles (sort + prefix sums for k×m and batch-all); "active ±n" is the difference in the number of ' +
    'active terms (f32 vs f64 ties at the hinge). — = not run.', '');
  const accuracy = [];
  for (const row of r.distances) {
    accuracy.push([`distances D = ${row.dim}, ${mib(4 * row.floats)}`, errorCell(row.cells.js), errorCell(row.cells.scalar), errorCell(row.cells.simd), '—', '—']);
  }
  for (const row of r.km) {
    const c = row.cells;
    accuracy.push([`k×m hinge, k = m = ${pow(row.n)}`, errorCell(c['js-naive']), errorCell(c['scalar-naive']), errorCell(c['simd-naive']),
      errorCell(c['scalar-sorted']), errorCell(c['simd-sorted'])]);
  }
  for (const row of r.kmLoss) {
    accuracy.push([`km_loss D = ${row.dim}, k = m = ${pow(row.n)}`, '—', '—', '—', errorCell(row.cells.scalar), errorCell(row.cells.simd)]);
  }
  for (const row of r.batch) {
    accuracy.push([`batch-${row.loss}, B = ${row.b}`, errorCell(row.cells.js), errorCell(row.cells.scalar), errorCell(row.cells.simd), '—', '—']);
  }
  out.push(table(['workload', 'naive JS', 'wasm scalar (naive k×m)', 'wasm simd128 (naive k×m)', 'sorted / km_loss, scalar', 'sorted / km_loss, simd128'], accuracy));
  const failed = r.checks.filter((c) => !c.ok);
  out.push('', `Cross-check: the engine's f64 reference kernel (\`kernels::reference::squared_distances\`) agrees with the page's f64 distances ` +
    `to ${Math.max(...r.checks.map((c) => c.relError)).toExponential(1)} (largest relative difference)${failed.length ? `; FAILED: ${failed.map((c) => c.what).join(', ')}` : ''}.`);

  // Targets.
  out.push('', '### Targets', '');
  out.push(table(['target', 'measured', 'met'], targets(r)));
  return out.join('\n') + '\n';
}

/** The issue's targets, with the measured ratios / times. */
function targets(r) {
  const rows = [];
  const yes = (ok) => (ok ? 'yes' : '**no**');
  // Distance targets, per set size (the L2-resident set measures the kernels).
  for (const [what, slower, minimum] of [['wasm scalar', 'scalar', 3], ['naive JS', 'js', 10]]) {
    const parts = [];
    let met = true;
    for (const floats of [...new Set(r.distances.map((row) => row.floats))]) {
      const wide = r.distances.filter((row) => row.dim >= 64 && row.floats === floats);
      const x = wide.map((row) => row.cells[slower].medianMs / row.cells.simd.medianMs);
      const ok = x.every((v) => v >= minimum);
      met &&= ok;
      parts.push(`${mib(4 * floats)}: ${wide.map((row, i) => `D = ${row.dim}: ${sig(x[i])}×`).join(', ')} (${ok ? 'met' : 'missed'})`);
    }
    rows.push([`simd128 ≥ ${minimum}× ${what}, distances at D ≥ 64`, parts.join('; '), yes(met)]);
  }
  const km5 = r.km.find((row) => row.n === 100000);
  if (km5) {
    const c = km5.cells;
    const vsSimd = c['simd-naive'].medianMs / c['simd-sorted'].medianMs;
    const vsJs = c['js-naive'].medianMs / c['simd-sorted'].medianMs;
    const approx = (cell) => (cell.extrapolated ? '≈ ' : '');
    rows.push(['sorted k×m ≥ 1000× naive at k = m = 10⁵',
      `${approx(c['simd-naive'])}${sig(vsSimd)}× vs naive wasm simd128, ${approx(c['js-naive'])}${sig(vsJs)}× vs naive JS (sorted: ${timeCell(c['simd-sorted'])})`,
      yes(vsSimd >= 1000 && vsJs >= 1000)]);
  }
  const loss6 = r.kmLoss.find((row) => row.n === 1000000);
  if (loss6) {
    rows.push(['k = m = 10⁶ at D = 3 (distances + sorted hinge) < 100 ms', `km_loss, wasm simd128: ${timeCell(loss6.cells.simd)}`,
      yes(loss6.cells.simd.medianMs < 100)]);
  }
  const all4k = r.batch.find((row) => row.b === 4096 && row.loss === 'all');
  if (all4k) {
    rows.push(['batch-all at B = 4096, D = 128 < 2 s', `wasm simd128: ${timeCell(all4k.cells.simd)}`, yes(all4k.cells.simd.medianMs < 2000)]);
  }
  return rows;
}

const { server, origin } = await startServer();
try {
  const results = await runInBrowser(origin);
  const cpu = cpus();
  const machine = `${cpu.length} × ${cpu[0]?.model?.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${process.platform}`;
  results.meta.machine = machine;
  const markdown = report(results, machine);
  await writeFile(join(ROOT, 'results.json'), JSON.stringify(results, null, 1));
  await writeFile(join(ROOT, 'results.md'), markdown);
  process.stdout.write(markdown);
  process.stderr.write(`\nsaved ${join(ROOT, 'results.md')} and results.json\n`);
} finally {
  server.close();
}
