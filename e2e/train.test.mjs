// End-to-end: the training panel on the CPU path. Twenty steps move the
// step counter and the loss readout and draw the curves; the comparison
// shows two runs (two spheres, two curves); one step adds exactly one;
// reset goes back to 0; long tasks while training stay short (measured with
// a PerformanceObserver installed before the page loads); no console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { browserSuite, openPage, readValue, SCREENSHOTS } from './harness.mjs';

const env = browserSuite();

/** Records every long task from the very start of the page. */
function observeLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
}

async function waitForPanel(page) {
  await page.getByTestId('train-start').waitFor({ timeout: 90_000 });
  await page.getByTestId('train-panel').scrollIntoViewIfNeeded();
}

const stepCount = (page) => readValue(page, 'train-step-count');

async function waitForSteps(page, n) {
  await page.waitForFunction(
    (min) => Number(document.querySelector('[data-testid="train-step-count"]')?.dataset.value) >= min,
    n,
    { timeout: 90_000 },
  );
}

/** Whether the canvas has pixels that are neither white nor transparent. */
async function inkedPixels(page, testid) {
  return page.getByTestId(testid).evaluate((c) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i + 3] > 0 && (d[i] < 240 || d[i + 1] < 240 || d[i + 2] < 240)) n++;
    return n;
  });
}

/** Pixels of one exact colour (a run's curve colour). */
async function pixelsOf(page, testid, [r, g, b]) {
  return page.getByTestId(testid).evaluate((c, [r, g, b]) => {
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 12) n++;
    return n;
  }, [r, g, b]);
}

/** Saves a screenshot of the training card under target/screenshots/. */
async function panelShot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.getByTestId('train-panel').screenshot({ path: join(SCREENSHOTS, name) });
}

const AMBER = [0xd9, 0x77, 0x06];
const BLUE = [0x1d, 0x4e, 0xd8];

test('twenty steps move the readouts and draw the curves; one step adds one; reset goes to 0', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('lang').selectOption('en');
  await waitForPanel(page);
  // Single run: turn the comparison off.
  await page.getByTestId('train-compare').uncheck();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-chart"]')?.dataset.runs === '1');
  assert.equal(await stepCount(page), 0);
  assert.equal(await page.getByTestId('train-sphere-1').count(), 0);
  const blankLoss = await page.getByTestId('train-loss').getAttribute('data-value');
  assert.equal(blankLoss, '');

  const t0 = Date.now();
  await page.getByTestId('train-start').click();
  await waitForSteps(page, 20);
  await page.getByTestId('train-pause').click();
  const seconds = (Date.now() - t0) / 1000;
  await page.waitForFunction(() => document.querySelector('[data-testid="train-start"]')?.disabled === false);
  // The readouts are published at most every ~100 ms: wait until the count has settled (a step
  // finished in the slice that saw the pause may show after the button is enabled again).
  let after = await stepCount(page);
  for (let settled = false; !settled;) {
    await page.waitForTimeout(400);
    const now = await stepCount(page);
    settled = now === after;
    after = now;
  }
  assert.ok(after >= 20, `${after} steps`);
  const loss = await readValue(page, 'train-loss');
  assert.ok(Number.isFinite(loss) && loss >= 0, `loss ${loss}`);
  const rate = await readValue(page, 'train-rate');
  console.log(`single run, batch 32: ${rate.toFixed(1)} steps/s of training (${after} steps in ${seconds.toFixed(1)} s wall)`);
  assert.ok(await inkedPixels(page, 'train-chart') > 500, 'the chart is drawn');
  assert.ok(await pixelsOf(page, 'train-chart', BLUE) > 100, 'the α = 0.2 curve is drawn');
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-sphere-0"]')?.dataset.step) > 0);
  assert.ok(await inkedPixels(page, 'train-sphere-0') > 500, 'the sphere is drawn');

  // One step adds exactly one.
  await page.getByTestId('train-step').click();
  await page.waitForFunction((n) => Number(document.querySelector('[data-testid="train-step-count"]').dataset.value) === n + 1, after);
  await page.waitForTimeout(300);
  assert.equal(await stepCount(page), after + 1);

  // Reset.
  await page.getByTestId('train-reset').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-step-count"]').dataset.value === '0');
  assert.equal(await page.getByTestId('train-loss').getAttribute('data-value'), '');

  // Same seed and settings, same numbers: three single steps twice.
  const threeSteps = async () => {
    for (let i = 1; i <= 3; i++) {
      await page.getByTestId('train-step').click();
      await page.waitForFunction((n) => document.querySelector('[data-testid="train-step-count"]').dataset.value === String(n), i);
    }
    return page.getByTestId('train-loss').getAttribute('data-value');
  };
  const first = await threeSteps();
  await page.getByTestId('train-reset').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-step-count"]').dataset.value === '0');
  assert.equal(await threeSteps(), first, 'reset and replay give the same loss to the last digit');
  assert.deepEqual(problems, []);
});

test('the comparison runs α = 0 and α = 0.2 together: two curves, two spheres; training never blocks the page', async () => {
  // openPage opens its own page: install the observer on the context first.
  await env.context.addInitScript(observeLongTasks);
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('lang').selectOption('en');
  await waitForPanel(page);
  assert.equal(await page.getByTestId('train-compare').isChecked(), true, 'the comparison is the default');
  await page.waitForFunction(() => document.querySelector('[data-testid="train-chart"]')?.dataset.runs === '2');
  assert.equal(await page.getByTestId('train-sphere-0').count(), 1);
  assert.equal(await page.getByTestId('train-sphere-1').count(), 1);

  // Long tasks before training (loading, first embedding) are not counted.
  const before = await page.evaluate(() => performance.now());
  await page.getByTestId('train-start').click();
  await page.waitForTimeout(5000);
  const during = await page.evaluate(() => performance.now());
  await page.getByTestId('train-pause').click();
  const steps = await stepCount(page);
  const rate = await readValue(page, 'train-rate');
  const tasks = await page.evaluate(([a, b]) => window.__longTasks.filter((t) => t.start >= a && t.start <= b), [before, during]);
  const longest = tasks.reduce((m, t) => Math.max(m, t.duration), 0);
  console.log(`comparison, batch 32: ${steps} steps in 5 s, ${rate.toFixed(1)} steps/s of training; ` +
    `long tasks while training: ${tasks.length}, longest ${longest.toFixed(0)} ms`);
  assert.ok(steps >= 5, `${steps} steps`);
  assert.ok(longest < 100, `longest task ${longest} ms`);

  const zero = await readValue(page, 'train-loss-0');
  const margin = await readValue(page, 'train-loss');
  assert.ok(zero < margin, `α = 0 loss ${zero} below α = 0.2 loss ${margin}`);
  assert.ok(await pixelsOf(page, 'train-chart', AMBER) > 100, 'the α = 0 curve');
  assert.ok(await pixelsOf(page, 'train-chart', BLUE) > 100, 'the α = 0.2 curve');
  await page.waitForFunction(() => ['0', '1'].every(
    (r) => Number(document.querySelector(`[data-testid="train-sphere-${r}"]`)?.dataset.step) > 0));
  await panelShot(page, 'train-compare-en.png');
  await page.getByTestId('lang').selectOption('vi');
  await page.waitForTimeout(200);
  await panelShot(page, 'train-compare-vi.png');
  assert.deepEqual(problems, []);
});

test('the panel fits a phone', async () => {
  const { page, problems } = await openPage(env.context, env.origin, { viewport: { width: 390, height: 844 } });
  await waitForPanel(page);
  await page.getByTestId('train-step').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="train-step-count"]').dataset.value === '1');
  // Nothing in the panel sticks out of it (the page's own width is not this panel's).
  const overflow = await page.getByTestId('train-panel').evaluate((panel) => {
    const right = panel.getBoundingClientRect().right;
    return Math.max(panel.scrollWidth - panel.clientWidth,
      ...[...panel.querySelectorAll('*')].map((e) => e.getBoundingClientRect().right - right));
  });
  assert.ok(overflow <= 0, `the panel's content sticks out by ${overflow} px`);
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-sphere-1"]')?.dataset.step) === 1);
  await panelShot(page, 'train-390-vi.png');
  assert.deepEqual(problems, []);
});
