// Benchmark (not a test): drag → recompute → redraw latency in headless
// Chromium, with k = m = 32, in 3D and in 2D. Run after `trunk build --release`:
//   node e2e/bench-drag.mjs
// Each sample is the time from dispatching one pointermove on a handle until
// a zero-delay timeout fires: the event handler, the scene update, the loss
// evaluation, every reactive DOM update (readouts, 1024 heat-map cells,
// handles) and the canvas redraw all run before it (Leptos effects run as
// microtasks). Painting/compositing by the browser is not included.
import { startServer, launch, openPage } from './harness.mjs';

const WARMUP = 60;
const MOVES = 200;

function percentile(sorted, p) {
  const i = Math.min(sorted.length - 1, Math.max(0, Math.round((p / 100) * (sorted.length - 1))));
  return sorted[i];
}

async function measure(page, cdp, dim) {
  await page.getByTestId(dim === 3 ? 'dim-3d' : 'dim-2d').click();
  const metrics = async () =>
    Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metrics();
  const samples = await page.evaluate(
    async ({ warmup, moves }) => {
      const el = document.querySelector('[data-testid="handle-N1"]');
      const r = el.getBoundingClientRect();
      const [x0, y0] = [r.x + r.width / 2, r.y + r.height / 2];
      const ev = (type, x, y) =>
        new PointerEvent(type, { bubbles: true, pointerId: 1, pointerType: 'mouse', isPrimary: true, buttons: 1, clientX: x, clientY: y });
      el.dispatchEvent(ev('pointerdown', x0, y0));
      const samples = [];
      for (let i = 0; i < warmup + moves; i++) {
        const [x, y] = [x0 + 60 * Math.sin(i / 9), y0 + 45 * Math.cos(i / 11)];
        const t0 = performance.now();
        el.dispatchEvent(ev('pointermove', x, y));
        await new Promise((ok) => setTimeout(ok, 0));
        if (i >= warmup) samples.push(performance.now() - t0);
      }
      el.dispatchEvent(ev('pointerup', x0, y0));
      return samples;
    },
    { warmup: WARMUP, moves: MOVES },
  );
  const after = await metrics();
  const perMove = (name) => ((after[name] - before[name]) * 1000) / (WARMUP + MOVES);
  return { samples, script: perMove('ScriptDuration'), layout: perMove('LayoutDuration') + perMove('RecalcStyleDuration') };
}

const { server, origin } = await startServer();
const context = await launch();
try {
  const { page, problems } = await openPage(context, origin);
  await page.getByTestId('k').fill('32');
  await page.getByTestId('m').fill('32');
  await page.getByTestId('m').blur();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const rows = [];
  for (const dim of [3, 2]) {
    const before = Number(await page.getByTestId('coord-N1-x').inputValue());
    const m = await measure(page, cdp, dim);
    const samples = m.samples.sort((a, b) => a - b);
    const after = Number(await page.getByTestId('coord-N1-x').inputValue());
    if (before === after) throw new Error('the drag did not move N1: nothing was measured');
    rows.push({ dim, n: samples.length, p50: percentile(samples, 50), p95: percentile(samples, 95), max: samples.at(-1), script: m.script, layout: m.layout });
  }
  if (problems.length) throw new Error(problems.join('\n'));
  console.log(`Drag → recompute → redraw, k = m = 32 (1024 terms), ${MOVES} pointer moves after ${WARMUP} warm-up moves`);
  console.log('| view | samples | p50 (ms) | p95 (ms) | max (ms) | script / move (ms) | style+layout / move (ms) | target p95 < 8 ms |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | --- |');
  for (const r of rows) {
    const ok = r.p95 < 8 ? 'met' : 'missed';
    console.log(`| ${r.dim}D | ${r.n} | ${r.p50.toFixed(2)} | ${r.p95.toFixed(2)} | ${r.max.toFixed(2)} | ${r.script.toFixed(2)} | ${r.layout.toFixed(2)} | ${ok} |`);
  }
} finally {
  await context.close();
  server.close();
}
