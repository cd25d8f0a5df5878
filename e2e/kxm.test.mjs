// End-to-end: k positives × m negatives, the heat map, reductions, 3D, descent.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, openPage, readValue, readScene, kmSum, screenshot } from './harness.mjs';

const env = browserSuite();

async function checkSum(page, k, m, dims) {
  const scene = await readScene(page, { k, m, dims });
  const alpha = Number(await page.getByTestId('alpha').inputValue());
  const ref = kmSum(scene, alpha);
  const shown = await readValue(page, 'reduction-sum');
  assert.ok(Math.abs(shown - ref.sum) < 1e-4 * (1 + ref.sum), `sum ${shown} vs recomputed ${ref.sum}`);
  assert.ok(Math.abs((await readValue(page, 'loss')) - ref.sum) < 1e-4 * (1 + ref.sum));
  for (let i = 1; i <= k; i++) {
    for (let j = 1; j <= m; j++) {
      const cell = await readValue(page, `heatmap-cell-${i}-${j}`);
      assert.ok(Math.abs(cell - ref.terms[(i - 1) * m + (j - 1)]) < 1e-4, `cell ${i},${j}`);
    }
  }
  return ref;
}

test('k = 3, m = 4: twelve cells, and the sum matches the displayed coordinates in 2D and 3D', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('k').fill('3');
  await page.getByTestId('m').fill('4');
  await page.getByTestId('m').blur();
  assert.equal(await page.locator('[data-testid^="heatmap-cell-"]').count(), 12);
  const ref = await checkSum(page, 3, 4, 2);
  const active = ref.terms.filter((t) => t > 0).length;
  assert.equal(Number(await page.getByTestId('reduction-active-count').getAttribute('data-value')), active);
  assert.ok(Math.abs((await readValue(page, 'reduction-mean')) - ref.sum / 12) < 1e-5);
  await screenshot(page, 'kxm-2d.png');

  // 3D: orbit by dragging the background, then drag a negative.
  await page.getByTestId('dim-3d').click();
  assert.equal(await page.getByTestId('plot').getAttribute('data-dim'), '3d');
  assert.equal(await page.getByTestId('coord-N2-z').inputValue(), '0', 'z = 0 when coming from 2D');
  const plot = await page.getByTestId('plot').boundingBox();
  await page.mouse.move(plot.x + 30, plot.y + plot.height - 30);
  await page.mouse.down();
  await page.mouse.move(plot.x + 130, plot.y + plot.height - 60, { steps: 8 });
  await page.mouse.up();
  const handle = await page.getByTestId('handle-N2').boundingBox();
  const [cx, cy] = [handle.x + handle.width / 2, handle.y + handle.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  await page.mouse.move(cx - 60, cy - 40, { steps: 6 });
  await page.mouse.up();
  assert.notEqual(await page.getByTestId('coord-N2-z').inputValue(), '0', 'a 3D drag moves z too');
  await checkSum(page, 3, 4, 3);
  await screenshot(page, 'kxm-3d.png');
  await page.getByTestId('lang').selectOption('vi');
  await page.getByTestId('plot').screenshot({ path: 'target/screenshots/plot-3d-vi.png' });
  await page.locator('.heatmap').screenshot({ path: 'target/screenshots/heatmap-vi.png' });
  assert.deepEqual(problems, []);
  await page.close();
});

test('gradient steps never raise the loss and play reaches zero', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('preset').selectOption('worked-example');
  await page.getByTestId('grad-arrows').check();
  await page.getByTestId('learning-rate').fill('0.005');
  let last = await readValue(page, 'loss');
  for (let s = 0; s < 3; s++) {
    await page.getByTestId('grad-step').click();
    const now = await readValue(page, 'loss');
    assert.ok(now <= last + 1e-6, `step ${s}: ${last} → ${now}`);
    last = now;
  }
  await screenshot(page, 'gradient-arrows.png');
  await page.getByTestId('grad-play').click();
  await page.waitForFunction(() => document.querySelector('[data-testid="loss"]').dataset.value === '0', null, { timeout: 20000 });
  assert.ok(Number(await page.getByTestId('grad-steps').textContent()) > 3);
  // The margin kept pushing N1 out until d_an ≥ d_ap + α.
  assert.ok((await readValue(page, 'd-an')) >= (await readValue(page, 'd-ap')) + 0.2 - 1e-5);
  assert.equal(await page.getByTestId('grad-step').isDisabled(), true, 'nothing to learn at L = 0');
  assert.deepEqual(problems, []);
  await page.close();
});

test('reductions, conventions and unit-sphere mode on hand-checked scenes', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  // The case: A=(0,0), P=[(0.5,0),(0,0.6)], N=[(0.7,0),(0,1)], α=0.2 → sum 0.07, mean 0.0175.
  await page.getByTestId('k').fill('2');
  await page.getByTestId('m').fill('2');
  const set = async (name, x, y) => {
    await page.getByTestId(`coord-${name}-x`).fill(String(x));
    await page.getByTestId(`coord-${name}-y`).fill(String(y));
  };
  await set('A', 0, 0);
  await set('P1', 0.5, 0);
  await set('P2', 0, 0.6);
  await set('N1', 0.7, 0);
  await set('N2', 0, 1);
  assert.ok(Math.abs((await readValue(page, 'reduction-sum')) - 0.07) < 1e-6);
  assert.ok(Math.abs((await readValue(page, 'reduction-mean')) - 0.0175) < 1e-6);
  assert.ok(Math.abs((await readValue(page, 'reduction-mean-nonzero')) - 0.07) < 1e-6);
  assert.ok(Math.abs((await readValue(page, 'reduction-batch-hard')) - 0.07) < 1e-6);

  // PyTorch convention on the lesson's distances: 0.1929639…
  await page.getByTestId('k').fill('1');
  await page.getByTestId('m').fill('1');
  await set('P1', Math.SQRT1_2.toFixed(6), 0);
  await set('N1', 0, Math.sqrt(0.51).toFixed(6));
  await page.getByTestId('convention').selectOption('pytorch');
  assert.ok(Math.abs((await readValue(page, 'loss')) - 0.1929639) < 2e-6, String(await readValue(page, 'loss')));
  assert.ok(Math.abs((await readValue(page, 'conv-squared-sum')) - 0.19) < 2e-6);
  await page.getByTestId('convention').selectOption('squared');

  await page.getByTestId('unit-sphere').check();
  const x = Number(await page.getByTestId('coord-N1-x').inputValue());
  const y = Number(await page.getByTestId('coord-N1-y').inputValue());
  assert.ok(Math.abs(Math.hypot(x, y) - 1) < 1e-5, 'N1 on the unit circle');
  assert.ok((await readValue(page, 'd-an')) <= 4);

  // Out-of-range counts are clamped with a message.
  await page.getByTestId('m').fill('100');
  assert.match(await page.getByTestId('error-m').textContent(), /64/);
  assert.equal(await page.locator('[data-testid^="heatmap-cell-1-"]').count(), 64);
  assert.deepEqual(problems, []);
  await page.close();
});

test('Delete on a handle removes that point; k and m never drop below 1', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('preset').selectOption('one-hard');
  await page.getByTestId('handle-N1').focus();
  await page.keyboard.press('Delete');
  assert.equal(await page.getByTestId('m').inputValue(), '3');
  await page.getByTestId('handle-P2').focus();
  await page.keyboard.press('Delete');
  await page.getByTestId('handle-P1').focus();
  await page.keyboard.press('Delete');
  assert.equal(await page.getByTestId('k').inputValue(), '1');
  assert.equal(await page.getByTestId('handle-P1').count(), 1);
  assert.deepEqual(problems, []);
  await page.close();
});
