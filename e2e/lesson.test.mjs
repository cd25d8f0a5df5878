// End-to-end: walk the whole guided lesson (8 steps) in both languages,
// doing what each step asks; every step is deep-linkable. The last step
// trains the net in the page (α = 0 beside α = 0.2) and reacts once 20
// steps have run.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, openPage, readValue, screenshot } from './harness.mjs';

const env = browserSuite();

async function setN1(page, x, y) {
  await page.getByTestId('coord-N1-x').fill(String(x));
  await page.getByTestId('coord-N1-y').fill(String(y));
}

const actions = [
  async (page) => {
    await page.getByTestId('handle-N1').focus();
    await page.keyboard.press('ArrowRight');
  },
  async (page) => page.getByTestId('alpha').fill('0.2'),
  async (page) => setN1(page, 0.1, 0.1),
  async (page) => setN1(page, -1.5, -1.0),
  async (page) => page.getByTestId('m-add').click(),
  async (page) => {
    // Another photo of the anchor's person (the row holding the "A" badge).
    const row = page.locator('.face-row').filter({ has: page.locator('.face-role', { hasText: /^A$/ }) });
    await row.waitFor({ timeout: 60000 });
    await row.locator('.face-thumb:not(:has(.face-role))').first().click();
    await page.getByTestId('role-positive').click();
  },
  async (page) => {
    await page.getByTestId('grad-arrows').check();
    await page.getByTestId('grad-play').click();
  },
  async (page) => {
    // The step's button takes the keyboard to the panel's Start button.
    await page.getByTestId('lesson-train-go').click();
    assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), 'train-start');
    await page.keyboard.press('Enter');
  },
];

/** Steps 1–7 react within seconds; step 8 waits for 20 training steps. */
const DONE_TIMEOUT = [20000, 20000, 20000, 20000, 20000, 20000, 20000, 120000];

for (const lang of ['vi', 'en']) {
  test(`walk the whole lesson (${lang})`, async () => {
    const { page, problems } = await openPage(env.context, env.origin);
    await page.getByTestId('lang').selectOption(lang);
    assert.equal(await page.getByTestId('lesson-step').getAttribute('data-value'), '0');
    await page.getByTestId('lesson-next').click();
    for (let n = 1; n <= actions.length; n++) {
      assert.equal(await page.getByTestId('lesson-step').getAttribute('data-value'), String(n));
      assert.equal(await page.getByTestId('lesson-done').isVisible(), false, `step ${n} not done before acting`);
      if (n === 8) {
        // The step set up the comparison from step 0, whatever the panel showed before.
        assert.equal(await page.getByTestId('train-compare').isChecked(), true);
        assert.equal(await page.getByTestId('train-step-count').getAttribute('data-value'), '0');
      }
      await actions[n - 1](page);
      await page.getByTestId('lesson-done').waitFor({ state: 'visible', timeout: DONE_TIMEOUT[n - 1] });
      if (n === 2) await screenshot(page, `lesson-step2-${lang}.png`);
      if (n < actions.length) await page.getByTestId('lesson-next').click();
    }
    assert.equal(await page.getByTestId('lesson-next').isDisabled(), true, 'last step');
    // What step 8 claims: after ≥ 20 steps, the α = 0 loss is below the α = 0.2 loss.
    await page.getByTestId('train-pause').click();
    const steps = Number(await page.getByTestId('lesson-train-live').getAttribute('data-value'));
    assert.ok(steps >= 20, `${steps} steps`);
    assert.equal(await readValue(page, 'train-step-count'), steps, 'the live line follows the panel');
    const zero = await readValue(page, 'train-loss-0');
    const margin = await readValue(page, 'train-loss');
    console.log(`lesson step 8 (${lang}): ${steps} steps, α = 0 loss ${zero}, α = 0.2 loss ${margin}`);
    assert.ok(zero < margin, `α = 0 loss ${zero} below α = 0.2 loss ${margin}`);
    assert.match(await page.getByTestId('lesson-train-live').textContent(), /α = 0: .*α = 0\.2: /);
    await screenshot(page, `lesson-step8-${lang}.png`);
    // Keyboard: ← from the Back button goes one step back.
    await page.getByTestId('lesson-prev').focus();
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getByTestId('lesson-step').getAttribute('data-value'), '7');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.getByTestId('lesson-step').getAttribute('data-value'), '6');
    await page.waitForFunction(() => location.search.includes('step=6'));
    const link = page.url();
    assert.deepEqual(problems, []);
    await page.close();

    // The deep link opens step 6 with its scene: the faces worked example.
    const { page: linked, problems: linkedProblems } = await openPage(env.context, env.origin, { path: link.slice(env.origin.length) });
    assert.equal(await linked.getByTestId('lesson-step').getAttribute('data-value'), '6');
    assert.equal(await linked.getByTestId('plot').getAttribute('data-dim'), '3d');
    await linked.getByTestId('handle-N1').locator('.handle-face').waitFor({ timeout: 60000 });
    assert.deepEqual(linkedProblems, []);
    await linked.close();
  });
}

test('a link to step 8 opens the training step; the progress shows 8/8', async () => {
  const { page, problems } = await openPage(env.context, env.origin, { path: '/?lang=en&step=8' });
  assert.equal(await page.getByTestId('lesson-step').getAttribute('data-value'), '8');
  assert.match(await page.getByTestId('lesson-step').textContent(), /8\/8/);
  await page.getByTestId('train-start').waitFor({ timeout: 90000 });
  await page.getByTestId('lesson-train-live').waitFor();
  assert.equal(await page.getByTestId('lesson-done').isVisible(), false);
  assert.deepEqual(problems, []);
  await page.close();
});
