// End-to-end: walk the whole guided lesson in both languages, doing what
// each step asks; every step is deep-linkable.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, openPage, screenshot } from './harness.mjs';

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
];

for (const lang of ['vi', 'en']) {
  test(`walk the whole lesson (${lang})`, async () => {
    const { page, problems } = await openPage(env.context, env.origin);
    await page.getByTestId('lang').selectOption(lang);
    assert.equal(await page.getByTestId('lesson-step').getAttribute('data-value'), '0');
    await page.getByTestId('lesson-next').click();
    for (let n = 1; n <= actions.length; n++) {
      assert.equal(await page.getByTestId('lesson-step').getAttribute('data-value'), String(n));
      assert.equal(await page.getByTestId('lesson-done').isVisible(), false, `step ${n} not done before acting`);
      await actions[n - 1](page);
      await page.getByTestId('lesson-done').waitFor({ state: 'visible', timeout: 20000 });
      if (n === 2) await screenshot(page, `lesson-step2-${lang}.png`);
      if (n < actions.length) await page.getByTestId('lesson-next').click();
    }
    assert.equal(await page.getByTestId('lesson-next').isDisabled(), true, 'last step');
    // Keyboard: ← from the Back button goes one step back.
    await page.getByTestId('lesson-prev').focus();
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
