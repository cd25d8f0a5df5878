// Accessibility: axe-core (from npm, injected from node_modules) reports no
// serious or critical violation on the main views, in both languages; the
// loss is announced politely once it settles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { browserSuite, openPage } from './harness.mjs';

const AXE = fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url));
const env = browserSuite();

async function audit(page) {
  await page.addScriptTag({ path: AXE });
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
    assert.deepEqual(await audit(page), [], '3D, k×m, arrows, export');
    await page.getByTestId('presentation').click();
    assert.deepEqual(await audit(page), [], 'presentation');
    await page.getByTestId('presentation').click();
    await page.getByTestId('theme').click();
    assert.deepEqual(await audit(page), [], 'dark theme');
    assert.deepEqual(problems, []);
    await page.close();
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
