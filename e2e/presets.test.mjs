// End-to-end: each preset for a classic confusion shows the numbers its
// explanation claims.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, openPage, readValue } from './harness.mjs';

const env = browserSuite();

const near = (a, b, tol = 1e-5) => assert.ok(Math.abs(a - b) <= tol, `${a} ≉ ${b}`);

test('confusion presets show what their explanations claim', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('lang').selectOption('en');
  const choose = async (value) => {
    await page.getByTestId('preset').selectOption(value);
    await page.getByTestId('preset-explanation').waitFor();
  };

  await choose('squared-vs-plain');
  assert.equal(await readValue(page, 'conv-squared-sum'), 0);
  near(await readValue(page, 'conv-euclidean-sum'), 0.05);
  assert.match(await page.getByTestId('preset-explanation').textContent(), /0\.05/);

  await choose('collapse');
  near(await readValue(page, 'loss'), 0.8); // k·m·α = 2·2·0.2
  near(await readValue(page, 'reduction-mean'), 0.2);
  await page.getByTestId('alpha').fill('0');
  assert.equal(await readValue(page, 'loss'), 0);

  await choose('all-easy');
  assert.equal(await readValue(page, 'loss'), 0);
  assert.equal(await page.getByTestId('grad-step').isDisabled(), true);

  await choose('reductions');
  const sum = await readValue(page, 'reduction-sum');
  assert.equal(await page.getByTestId('reduction-active-count').getAttribute('data-value'), '2');
  near(await readValue(page, 'reduction-mean'), sum / 8);
  near(await readValue(page, 'reduction-mean-nonzero'), sum / 2);

  await choose('negative-classes');
  assert.equal(await page.getByTestId('class-N1').getAttribute('data-value'), 'hard');
  near(await readValue(page, 'd-ap'), 0.36);
  near(await readValue(page, 'd-an'), 0.25);
  assert.ok((await readValue(page, 'heatmap-cell-1-1')) > 0);
  near(await readValue(page, 'heatmap-cell-1-2'), 0.36 - 0.49 + 0.2);
  assert.equal(await readValue(page, 'heatmap-cell-1-3'), 0);

  await choose('unit-sphere');
  assert.equal(await page.getByTestId('plot').getAttribute('data-dim'), '3d');
  assert.equal(await page.getByTestId('unit-sphere').isChecked(), true);
  near(await readValue(page, 'd-ap'), 0.4);
  near(await readValue(page, 'd-an'), 4);

  await choose('sqrt-nan');
  assert.equal(await page.getByTestId('convention').inputValue(), 'euclidean');
  near(await readValue(page, 'loss'), 0.1);
  await page.getByTestId('grad-arrows').check();
  await page.getByTestId('grad-step').click();
  assert.ok(Number.isFinite(await readValue(page, 'loss')), 'no NaN after a step at distance 0');
  for (const panel of ['.readouts', '.reductions', '.conventions']) {
    assert.doesNotMatch(await page.locator(panel).textContent(), /NaN|Infinity/, panel);
  }

  await choose('cosine');
  near(await readValue(page, 'd-ap'), 0.4);
  near(await readValue(page, 'd-an'), 2);
  await page.getByTestId('lang').selectOption('vi');
  assert.match(await page.getByTestId('preset-explanation').textContent(), /2 − 2·cos\(a, b\)/);
  assert.deepEqual(problems, []);
  await page.close();
});
