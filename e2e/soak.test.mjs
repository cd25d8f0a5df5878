// End-to-end soak (issue #8): one long session of scripted drags, preset
// switches and training steps in one page, measuring what a long session
// leaks or stalls. A drag is pointerdown, two pointermoves (out and back) and
// pointerup. Full size (SOAK_SCALE=1): 10⁴ drags, 100 preset switches,
// 1000 training steps; CI's default (SOAK_SCALE=0.03) does 300 drags,
// 20 switches and 100 steps (about a minute).
//   SOAK_SCALE=1 node --test --test-concurrency=1 e2e/soak.test.mjs
// Measured: JS heap (CDP Performance.getMetrics JSHeapUsedSize after a forced
// HeapProfiler.collectGarbage) at the start and after each phase; DOM nodes
// and event listeners; wasm linear memory; every long task (PerformanceObserver
// 'longtask', installed before the page loads), split into inside / outside
// the training phase; console errors. Targets: heap growth < 5 MB, no console
// error (both asserted), no long task over 100 ms outside training (a timing:
// printed as met / missed with the machine's load, not asserted). Prints the
// figures and writes them to target/soak.json (recorded in RELIABILITY.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir, writeFile } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { browserSuite, openPage, readValue } from './harness.mjs';

const env = browserSuite();
const scale = Number(process.env.SOAK_SCALE ?? 0.03);
const DRAGS = Math.max(1, Math.round(10_000 * scale));
const SWITCHES = Math.max(20, Math.round(100 * scale));
const STEPS = Math.max(100, Math.round(1000 * scale));
const MOVES_PER_DRAG = 2; // out and back
const BATCH = 500; // drags per page.evaluate (progress is printed between batches)
const MB = 1024 * 1024;

/** Installed before the page's scripts: long tasks and the wasm instance. */
function instrument() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  // Trunk announces the started app with its wasm exports (memory included).
  addEventListener('TrunkApplicationStarted', (e) => { window.__wasm = e.detail?.wasm; });
}

/** Heap after a forced GC, DOM nodes, listeners and wasm memory, in one snapshot. */
async function snapshot(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const m = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((x) => [x.name, x.value]));
  const wasmBytes = await page.evaluate(() => window.__wasm?.memory?.buffer?.byteLength ?? null);
  return { heap: m.JSHeapUsedSize, nodes: m.Nodes, listeners: m.JSEventListeners, wasmBytes };
}

/** `count` drags of MOVES_PER_DRAG pointer moves each, cycling over A, P1 and N1, yielding after every event. */
async function drags(page, count) {
  let moved = 0;
  const slow = [];
  for (let from = 0; from < count; from += BATCH) {
    const batch = await dragBatch(page, from, Math.min(count, from + BATCH));
    moved += batch.moved;
    slow.push(...batch.slow);
    if (count > BATCH) console.error(`soak: ${from + BATCH} / ${count} drags`);
  }
  return { moved, slow };
}

/** Drags number `from` to `to` (exclusive), in the page. */
async function dragBatch(page, from, to) {
  return page.evaluate(
    async ({ from, to, moves }) => {
      // A MessageChannel round trip yields to the event loop without the 4 ms timer clamp.
      const channel = new MessageChannel();
      const yieldNow = () => new Promise((ok) => { channel.port1.onmessage = ok; channel.port2.postMessage(0); });
      const ids = ['A', 'P1', 'N1'];
      let moved = 0;
      // The slowest events: from dispatch until the event loop is free again.
      const slow = [];
      const timed = async (el, e, label) => {
        const t0 = performance.now();
        el.dispatchEvent(e);
        await yieldNow();
        const ms = performance.now() - t0;
        if (ms > 50) slow.push({ label, ms: Math.round(ms), at: Math.round(t0) });
      };
      for (let i = from; i < to; i++) {
        const el = document.querySelector(`[data-testid="handle-${ids[i % 3]}"]`);
        const r = el.getBoundingClientRect();
        const [x0, y0] = [r.x + r.width / 2, r.y + r.height / 2];
        const ev = (type, x, y) => new PointerEvent(type, {
          bubbles: true, pointerId: 1, pointerType: 'mouse', isPrimary: true, buttons: type === 'pointerup' ? 0 : 1,
          clientX: x, clientY: y,
        });
        await timed(el, ev('pointerdown', x0, y0), `down ${ids[i % 3]} #${i}`);
        // Out and back (the last move returns to the start), ±40 px varied per drag.
        const dx = 40 * Math.sin(i * 0.7);
        const dy = 40 * Math.cos(i * 1.3);
        for (let j = 1; j <= moves; j++) {
          const f = j === moves ? 0 : j / (moves - 1 || 1);
          await timed(el, ev('pointermove', x0 + dx * f, y0 + dy * f), `move ${ids[i % 3]} #${i}`);
          moved++;
        }
        await timed(el, ev('pointerup', x0, y0), `up ${ids[i % 3]} #${i}`);
      }
      return { moved, slow };
    },
    { from, to, moves: MOVES_PER_DRAG },
  );
}

test(`soak: ${DRAGS} drags, ${SWITCHES} preset switches, ${STEPS} training steps`, { timeout: 1_800_000 }, async () => {
  await env.context.addInitScript(instrument);
  const { page, problems } = await openPage(env.context, env.origin, { path: '/?lang=en' });
  const cdp = await env.context.newCDPSession(page);
  await cdp.send('Performance.enable');
  // The face model (and with it the training panel) loads in the background; start once it is there.
  await page.getByTestId('train-start').waitFor({ timeout: 120_000 });
  await page.getByTestId('preset').selectOption('worked-example');
  const clock = () => page.evaluate(() => performance.now());
  const phases = [{ phase: 'start', seconds: 0, ...(await snapshot(page, cdp)), until: await clock() }];

  // 1. Drags.
  let t = Date.now();
  const { moved, slow } = await drags(page, DRAGS);
  assert.equal(moved, DRAGS * MOVES_PER_DRAG);
  if (slow.length) console.log(`events over 50 ms during the drags (${slow.length}):`, JSON.stringify(slow.slice(0, 20)));
  const loss = await readValue(page, 'loss');
  assert.ok(Number.isFinite(loss), `loss after the drags: ${loss}`);
  assert.notEqual(await page.getByTestId('preset').inputValue(), 'worked-example', 'the drags moved points');
  phases.push({ phase: `${DRAGS} drags`, seconds: (Date.now() - t) / 1000, ...(await snapshot(page, cdp)), until: await clock() });

  // 2. Preset switches, each checked for a finite loss.
  t = Date.now();
  const presets = await page.getByTestId('preset').evaluate((s) => [...s.options].map((o) => o.value).filter((v) => v !== 'custom'));
  for (let i = 0; i < SWITCHES; i++) {
    const value = presets[i % presets.length];
    await page.getByTestId('preset').selectOption(value);
    assert.ok(Number.isFinite(await readValue(page, 'loss')), `loss after preset ${value}`);
  }
  phases.push({ phase: `${SWITCHES} preset switches`, seconds: (Date.now() - t) / 1000, ...(await snapshot(page, cdp)), until: await clock() });

  // 3. Training: start, wait for the steps, pause. Long tasks here are allowed (reported apart).
  t = Date.now();
  await page.getByTestId('train-panel').scrollIntoViewIfNeeded();
  const trainFrom = await clock();
  // One press of Start runs up to 200 steps (STEP_BUDGET in src/ui/train_state.rs), then pauses itself.
  for (let done = 0; done < STEPS; done = await readValue(page, 'train-step-count')) {
    await page.getByTestId('train-start').click();
    await page.waitForFunction(
      (n) => Number(document.querySelector('[data-testid="train-step-count"]')?.dataset.value) >= n,
      Math.min(STEPS, done + 200),
      { timeout: 600_000, polling: 250 },
    );
  }
  // Pause, unless the budget already did (Pause is disabled when nothing runs).
  const pause = page.getByTestId('train-pause');
  if (await pause.isEnabled()) await pause.click({ timeout: 5_000 }).catch(() => {});
  await page.waitForTimeout(300); // the step in flight, if any, lands
  const trainTo = await clock();
  const steps = await readValue(page, 'train-step-count');
  const trainLoss = await readValue(page, 'train-loss');
  assert.ok(steps >= STEPS && Number.isFinite(trainLoss), `steps ${steps}, loss ${trainLoss}`);
  phases.push({ phase: `${steps} training steps`, seconds: (Date.now() - t) / 1000, ...(await snapshot(page, cdp)), until: await clock() });

  // Long tasks by phase: page load (before the first snapshot: wasm start-up, atlas
  // decoding, the face model), then each phase (a task belongs to the phase it starts in).
  const longTasks = await page.evaluate(() => window.__longTasks);
  const phaseOf = (lt) => (lt.start <= phases[0].until ? 'load' : phases.find((p) => lt.start <= p.until)?.phase ?? 'end');
  const worst = (list) => list.reduce((m, lt) => Math.max(m, lt.duration), 0);
  for (const p of [{ phase: 'load' }, ...phases.slice(1)]) {
    const mine = longTasks.filter((lt) => phaseOf(lt) === p.phase);
    p.longTasks = mine.length;
    p.worstLongTaskMs = worst(mine);
    if (p.phase === 'load') phases[0].loadLongTasks = mine.length, phases[0].loadWorstMs = worst(mine);
  }
  const inTraining = (lt) => lt.start + lt.duration >= trainFrom && lt.start <= trainTo;
  const interaction = longTasks.filter((lt) => phaseOf(lt) !== 'load' && !inTraining(lt));
  const during = longTasks.filter(inTraining);
  const growth = phases.at(-1).heap - phases[0].heap;
  const figures = {
    scale, drags: DRAGS, pointerMoves: moved, presetSwitches: SWITCHES, trainingSteps: steps,
    heapStartMB: phases[0].heap / MB, heapEndMB: phases.at(-1).heap / MB, heapGrowthMB: growth / MB,
    phases: phases.map((p) => ({ ...p, heapMB: p.heap / MB, wasmMB: p.wasmBytes === null ? null : p.wasmBytes / MB })),
    loadLongTasks: phases[0].loadLongTasks, loadWorstMs: phases[0].loadWorstMs,
    longTasksOutsideTraining: interaction.length, worstOutsideMs: worst(interaction),
    longTasksOutsideOver100ms: interaction.filter((lt) => lt.duration > 100).length,
    longTasksDuringTraining: during.length, worstDuringTrainingMs: worst(during),
    consoleErrors: problems.length,
    loadAverage: loadavg().map((v) => Number(v.toFixed(2))),
  };
  console.log(`soak (SOAK_SCALE=${scale}):`);
  console.log('| phase | seconds | JS heap (MB) | DOM nodes | listeners | wasm memory (MB) | long tasks | worst (ms) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  for (const p of figures.phases) {
    const lt = p.phase === 'start' ? [p.loadLongTasks, p.loadWorstMs] : [p.longTasks, p.worstLongTaskMs];
    console.log(`| ${p.phase === 'start' ? 'page load → start' : p.phase} | ${p.seconds.toFixed(1)} | ${p.heapMB.toFixed(2)} | ` +
      `${p.nodes} | ${p.listeners} | ${p.wasmMB?.toFixed(1) ?? '?'} | ${lt[0]} | ${lt[1].toFixed(0)} |`);
  }
  console.log(`heap growth ${figures.heapGrowthMB.toFixed(2)} MB (target < 5); long tasks outside training and load: ` +
    `${interaction.length}, worst ${figures.worstOutsideMs.toFixed(0)} ms (target ≤ 100); during training: ` +
    `${during.length}, worst ${figures.worstDuringTrainingMs.toFixed(0)} ms; console errors: ${problems.length}; ` +
    `long-task target ${figures.longTasksOutsideOver100ms === 0 ? 'met' : 'missed'}; machine load average ${figures.loadAverage.join(' ')}`);
  await mkdir('target', { recursive: true });
  await writeFile(`target/soak${scale === 1 ? '' : '-' + scale}.json`, JSON.stringify(figures, null, 2));

  assert.deepEqual(problems, []);
  assert.ok(growth < 5 * MB, `JS heap grew by ${(growth / MB).toFixed(2)} MB`);
  // Long tasks are timings, so (like every speed figure here) they are printed with their target, not
  // asserted: on a shared 2-core machine a busy neighbour turns 20 ms events into 100 ms tasks.
  await page.close();
});
