// Accessibility: axe-core (from npm, injected from node_modules) reports no
// serious or critical violation on the main views, in both languages; the
// loss is announced politely once it settles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { browserSuite, kmSum, openPage, readScene, readValue } from './harness.mjs';

const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
const env = browserSuite();

// Evaluated through the DevTools protocol: the page's Content-Security-Policy
// (rightly) refuses an injected <script> tag.
const AXE_SOURCE = readFileSync(AXE, 'utf8');

async function audit(page) {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  const violations = await page.evaluate(async () =>
    (await window.axe.run(document, { resultTypes: ['violations'] })).violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      targets: v.nodes.slice(0, 3).map((n) => n.target.join(' ')),
    })),
  );
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

for (const lang of ['vi', 'en']) {
  test(`axe: no serious or critical violation on the main views (${lang})`, async () => {
    const { page, problems } = await openPage(env.context, env.origin);
    await page.getByTestId('lang').selectOption(lang);
    assert.deepEqual(await audit(page), [], '2D');
    await page.getByTestId('k').fill('3');
    await page.getByTestId('m').fill('4');
    await page.getByTestId('dim-3d').click();
    await page.getByTestId('grad-arrows').check();
    await page.getByTestId('export-python').click();
    await page.getByTestId('data-table-toggle').click();
    await page.getByTestId('data-row-P3-N4').waitFor();
    assert.deepEqual(await audit(page), [], '3D, k×m, arrows, export, data table');
    await page.getByTestId('presentation').click();
    assert.deepEqual(await audit(page), [], 'presentation');
    await page.getByTestId('presentation').click();
    await page.getByTestId('theme').click();
    assert.deepEqual(await audit(page), [], 'dark theme');
    assert.deepEqual(problems, []);
    await page.close();

    // The guided lesson's training step with its live numbers and the training panel.
    const { page: lesson, problems: lessonProblems } = await openPage(env.context, env.origin, { path: `/?lang=${lang}&step=8` });
    await lesson.getByTestId('train-start').waitFor({ timeout: 90_000 });
    await lesson.getByTestId('train-step').click();
    await lesson.waitForFunction(() => document.querySelector('[data-testid="lesson-train-live"]')?.dataset.value === '1');
    assert.deepEqual(await audit(lesson), [], 'lesson step 8');
    assert.deepEqual(lessonProblems, []);
    await lesson.close();
  });
}

test('the loss is announced once it settles (aria-live polite)', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  const live = page.getByTestId('loss-announcement');
  assert.equal(await live.getAttribute('aria-live'), 'polite');
  await page.getByTestId('preset').selectOption('worked-example');
  await page.waitForFunction(() => document.querySelector('[data-testid="loss-announcement"]').textContent === 'L = 0.19');
  assert.deepEqual(problems, []);
  await page.close();
});

const focusedTestId = (page) => page.evaluate(() => document.activeElement?.dataset.testid ?? null);

test('the points are one Tab stop: ] [ PageDown PageUp Home End move between them, arrows move the point', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('m').fill('2');
  await page.getByTestId('handle-N2').waitFor();
  const stops = () => page.locator('.handle[tabindex="0"]').evaluateAll((els) => els.map((e) => e.dataset.testid));
  assert.deepEqual(await stops(), ['handle-A'], 'one Tab stop, on A at first');
  assert.equal(await page.locator('.handle[tabindex="-1"]').count(), 3);

  await page.getByTestId('handle-A').focus();
  const walk = [[']', 'handle-P1'], [']', 'handle-N1'], ['PageDown', 'handle-N2'], [']', 'handle-A'], ['[', 'handle-N2'],
    ['PageUp', 'handle-N1'], ['Home', 'handle-A'], ['End', 'handle-N2'], ['[', 'handle-N1']];
  for (const [key, expected] of walk) {
    await page.keyboard.press(key);
    assert.equal(await focusedTestId(page), expected, `after ${key}`);
  }
  assert.deepEqual(await stops(), ['handle-N1'], 'the Tab stop follows the focus');

  // Arrow keys still move the focused point (0.01, Shift: 0.1).
  const x = Number(await page.getByTestId('coord-N1-x').inputValue());
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  assert.ok(Math.abs(Number(await page.getByTestId('coord-N1-x').inputValue()) - (x + 0.11)) < 1e-9);
  assert.equal(await focusedTestId(page), 'handle-N1');

  // Tab from the view switch enters the group on the point focused last.
  await page.getByTestId('dim-2d').focus();
  let reached = null;
  for (let i = 0; i < 12 && !reached?.startsWith('handle-'); i++) {
    await page.keyboard.press('Tab');
    reached = await focusedTestId(page);
  }
  assert.equal(reached, 'handle-N1', 'Tab enters on the last-focused point');
  // And one more Tab leaves the group (no other handle is a Tab stop).
  await page.keyboard.press('Tab');
  assert.ok(!(await focusedTestId(page))?.startsWith('handle-'), 'one Tab leaves the points');

  // Delete moves the focus to the point before the removed one.
  await page.getByTestId('handle-N2').focus();
  await page.keyboard.press('Delete');
  await page.waitForFunction(() => !document.querySelector('[data-testid="handle-N2"]'));
  assert.equal(await focusedTestId(page), 'handle-N1');
  assert.deepEqual(await stops(), ['handle-N1']);
  // The visible focus ring: an outline on the focused handle.
  const outline = await page.getByTestId('handle-N1').evaluate((e) => getComputedStyle(e).outlineStyle);
  assert.equal(outline, 'solid');
  assert.deepEqual(problems, []);
  await page.close();
});

test('the data table follows a drag: the same numbers as the readouts, the heat map and an f64 recomputation', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('k').fill('2');
  await page.getByTestId('m').fill('2');
  const toggle = page.getByTestId('data-table-toggle');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.getByTestId('data-row-A').count(), 0, 'hidden by default');
  await toggle.click();
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await page.getByTestId('data-row-P2-N2').waitFor();
  // Header scopes and captions for screen readers.
  assert.equal(await page.locator('[data-testid="data-table"] caption').count(), 2);
  assert.equal(await page.locator('[data-testid="data-table"] thead th:not([scope="col"])').count(), 0);
  assert.equal(await page.locator('[data-testid="data-table"] tbody th:not([scope="row"])').count(), 0);

  // Drag N1 with the mouse.
  await page.getByTestId('handle-N1').scrollIntoViewIfNeeded();
  const box = await page.getByTestId('handle-N1').boundingBox();
  const before = await page.getByTestId('data-row-P1-N1').locator('[data-col="d-an"]').getAttribute('data-value');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 - 50, box.y + box.height / 2 - 35, { steps: 6 });
  await page.mouse.up();
  const cell = (row, col) => page.getByTestId(`data-row-${row}`).locator(`[data-col="${col}"]`);
  assert.notEqual(await cell('P1-N1', 'd-an').getAttribute('data-value'), before, 'the table followed the drag');

  const scene = await readScene(page, { k: 2, m: 2 });
  const alpha = await readValue(page, 'alpha');
  const { sum, terms } = kmSum(scene, alpha);
  const sq = (u, v) => u.reduce((s, _, c) => s + (u[c] - v[c]) ** 2, 0);
  for (const [name, p] of [['A', scene.A], ['P1', scene.P[0]], ['P2', scene.P[1]], ['N1', scene.N[0]], ['N2', scene.N[1]]]) {
    assert.equal(Number(await cell(name, 'x').getAttribute('data-value')), p[0], `${name}.x`);
    assert.equal(Number(await cell(name, 'y').getAttribute('data-value')), p[1], `${name}.y`);
  }
  for (let i = 1; i <= 2; i++) {
    for (let j = 1; j <= 2; j++) {
      const row = `P${i}-N${j}`;
      const term = Number(await cell(row, 'term').getAttribute('data-value'));
      assert.equal(term, await readValue(page, `heatmap-cell-${i}-${j}`), `${row}: the heat map's number`);
      assert.ok(Math.abs(term - terms[(i - 1) * 2 + (j - 1)]) < 1e-5, `${row}: ${term} vs f64`);
      assert.ok(Math.abs(Number(await cell(row, 'd-ap').getAttribute('data-value')) - sq(scene.A, scene.P[i - 1])) < 1e-5);
      assert.ok(Math.abs(Number(await cell(row, 'd-an').getAttribute('data-value')) - sq(scene.A, scene.N[j - 1])) < 1e-5);
      assert.equal(await cell(row, 'active').getAttribute('data-value'), String(term > 0));
    }
  }
  const tableSum = await readValue(page, 'data-table-sum');
  assert.equal(tableSum, await readValue(page, 'reduction-sum'), 'the sum readout');
  assert.ok(Math.abs(tableSum - sum) < 1e-5, `${tableSum} vs f64 ${sum}`);
  assert.deepEqual(problems, []);
  await page.close();
});
