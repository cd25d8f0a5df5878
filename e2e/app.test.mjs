// End-to-end: the release build in headless Chromium, driven like a student would.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, openPage, readValue, readCoord, recomputeLoss, screenshot } from './harness.mjs';

const env = browserSuite();

test('loads with no console error and no request to another origin', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('plot').locator('canvas').waitFor();
  for (const id of ['handle-A', 'handle-P1', 'handle-N1', 'alpha', 'preset', 'lang', 'd-ap', 'd-an', 'hinge']) {
    assert.equal(await page.getByTestId(id).count(), 1, `${id} present`);
  }
  assert.equal(await page.getByTestId('alpha').inputValue(), '0.2');
  assert.deepEqual(problems, []);
  await page.close();
});

test('dragging N1 with the mouse changes the loss, which matches the displayed coordinates', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  const before = await readValue(page, 'loss');
  const box = await page.getByTestId('handle-N1').boundingBox();
  const [cx, cy] = [box.x + box.width / 2, box.y + box.height / 2];
  await page.mouse.move(cx, cy);
  await page.mouse.down();
  for (let i = 1; i <= 10; i++) await page.mouse.move(cx + 12 * i, cy - 9 * i);
  await page.mouse.up();
  const after = await readValue(page, 'loss');
  assert.notEqual(after, before, 'loss changed');
  const alpha = Number(await page.getByTestId('alpha').inputValue());
  const ref = await recomputeLoss(page, alpha);
  assert.ok(Math.abs(after - ref.loss) < 1e-5, `data-value ${after} vs recomputed ${ref.loss}`);
  assert.ok(Math.abs(await readValue(page, 'd-an') - ref.dAn) < 1e-5);
  const shown = Number(await page.getByTestId('loss').textContent());
  assert.ok(Math.abs(shown - ref.loss) <= 0.00005 + 1e-9, `shown ${shown} vs ${ref.loss}`);
  assert.deepEqual(problems, []);
  await page.close();
});

test('worked example: 0 at α = 0 and 0.19 at α = 0.2, with the lesson explanation', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('preset').selectOption('worked-example');
  assert.equal(await page.getByTestId('d-ap').textContent(), '0.50');
  assert.equal(await page.getByTestId('d-an').textContent(), '0.51');
  await page.getByTestId('alpha').fill('0');
  assert.equal(await page.getByTestId('loss').textContent(), '0');
  assert.equal(await readValue(page, 'loss'), 0);
  assert.equal(await page.getByTestId('hinge').textContent(), '-0.01');
  await page.getByTestId('alpha').fill('0.2');
  assert.equal(await page.getByTestId('loss').textContent(), '0.19');
  assert.ok(Math.abs((await readValue(page, 'loss')) - 0.19) < 1e-6);
  const live = await page.getByTestId('formula-live').textContent();
  assert.match(live.replace(/\s/g, ''), /max\(0,0\.50−0\.51\+0\.20\)=max\(0,0\.19\)=0\.19/);
  assert.equal(await page.getByTestId('preset').inputValue(), 'worked-example');
  await page.getByTestId('worked-explanation').waitFor();
  await screenshot(page, 'worked-example-en.png');
  assert.deepEqual(problems, []);
  await page.close();
});

test('switching language changes the text, keeps the numbers and is remembered', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('preset').selectOption('worked-example');
  const loss = await page.getByTestId('loss').textContent();
  await page.getByTestId('lang').selectOption('vi');
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi');
  assert.match(await page.locator('h1').textContent(), /hàm mất mát/);
  assert.match(await page.getByTestId('worked-explanation').textContent(), /mô hình không học được gì nhiều/);
  assert.match(await page.getByTestId('worked-explanation').textContent(), /mô hình có thể học thêm được/);
  assert.equal(await page.getByTestId('loss').textContent(), loss);
  await screenshot(page, 'worked-example-vi.png');
  await page.reload();
  await page.getByTestId('loss').waitFor();
  assert.equal(await page.locator('html').getAttribute('lang'), 'vi', 'remembered across reloads');
  assert.equal(await page.getByTestId('lang').inputValue(), 'vi');
  await page.getByTestId('lang').selectOption('en');
  assert.equal(await page.locator('html').getAttribute('lang'), 'en');
  assert.deepEqual(problems, []);
  await page.close();
});

test('bad input shows a message and keeps the last good value', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  const loss = await readValue(page, 'loss');
  const x = await readCoord(page, 'N1', 'x');
  for (const [text, pattern] of [['abc', /not a number/i], ['NaN', /finite/i], ['-Infinity', /finite/i], ['1e999', /finite/i]]) {
    await page.getByTestId('coord-N1-x').fill(text);
    await assert.doesNotReject(page.getByTestId('error-coord-N1-x').waitFor({ state: 'visible' }));
    assert.match(await page.getByTestId('error-coord-N1-x').textContent(), pattern);
    assert.equal(await readValue(page, 'loss'), loss, `${text} leaves the loss alone`);
  }
  await page.getByTestId('coord-N1-x').blur();
  assert.equal(await readCoord(page, 'N1', 'x'), x, 'field shows the last good value again');
  await page.getByTestId('alpha').fill('zzz');
  assert.match(await page.getByTestId('error-alpha').textContent(), /not a number/i);
  await page.getByTestId('alpha').fill('7');
  assert.match(await page.getByTestId('error-alpha').textContent(), /\[0, 2\]/);
  await page.getByTestId('alpha').blur();
  assert.equal(await page.getByTestId('alpha').inputValue(), '2');
  // Coincident points: distance 0, loss = α, never NaN.
  for (const name of ['P1', 'N1']) {
    await page.getByTestId(`coord-${name}-x`).fill('0');
    await page.getByTestId(`coord-${name}-y`).fill('0');
  }
  await page.getByTestId('coord-A-x').fill('0');
  await page.getByTestId('coord-A-y').fill('0');
  assert.equal(await page.getByTestId('loss').textContent(), '2.00');
  for (const panel of ['.readouts', '.reductions', '.conventions', '.heatmap']) {
    assert.doesNotMatch(await page.locator(panel).textContent(), /NaN|Infinity/, panel);
  }
  assert.deepEqual(problems, []);
  await page.close();
});

test('keyboard: Tab to a handle, arrows nudge it, Shift for a larger step', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  const x0 = await readCoord(page, 'N1', 'x');
  const y0 = await readCoord(page, 'N1', 'y');
  await page.getByTestId('handle-N1').focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Shift+ArrowUp');
  assert.ok(Math.abs((await readCoord(page, 'N1', 'x')) - (x0 + 0.02)) < 1e-6);
  assert.ok(Math.abs((await readCoord(page, 'N1', 'y')) - (y0 + 0.1)) < 1e-6);
  const ref = await recomputeLoss(page, 0.2);
  assert.ok(Math.abs((await readValue(page, 'loss')) - ref.loss) < 1e-5);
  assert.deepEqual(problems, []);
  await page.close();
});

test('the canvas follows the device pixel ratio and the window size', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  const cdp = await env.context.newCDPSession(page);
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 1200, height: 900, deviceScaleFactor: 2, mobile: false });
  await page.waitForFunction(() => window.devicePixelRatio === 2);
  await page.evaluate(() => window.dispatchEvent(new Event('resize')));
  const canvas = page.getByTestId('plot').locator('canvas');
  await page.waitForFunction(() => {
    const c = document.querySelector('[data-testid="plot"] canvas');
    return c.width === Math.round(c.getBoundingClientRect().width * 2);
  });
  const wide = (await canvas.boundingBox()).width;
  await cdp.send('Emulation.setDeviceMetricsOverride', { width: 480, height: 900, deviceScaleFactor: 2, mobile: false });
  await page.waitForFunction((w) => document.querySelector('[data-testid="plot"] canvas').getBoundingClientRect().width < w - 100, wide);
  const narrow = await canvas.evaluate((c) => ({ px: c.width, css: c.getBoundingClientRect().width }));
  assert.equal(narrow.px, Math.round(narrow.css * 2), 'backing store stays at 2 device pixels per CSS pixel');
  // The handle still sits on its point after the resize: dragging it still works.
  const before = await readValue(page, 'loss');
  const box = await page.getByTestId('handle-N1').boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2, { steps: 4 });
  await page.mouse.up();
  assert.notEqual(await readValue(page, 'loss'), before);
  await cdp.send('Emulation.clearDeviceMetricsOverride');
  assert.deepEqual(problems, []);
  await page.close();
});

test('screenshots: both languages, wide and narrow', async () => {
  for (const [lang, viewport, name] of [
    ['vi', { width: 1400, height: 1000 }, 'app-vi.png'],
    ['en', { width: 1400, height: 1000 }, 'app-en.png'],
    ['vi', { width: 380, height: 800 }, 'app-vi-narrow.png'],
  ]) {
    const { page, problems } = await openPage(env.context, env.origin, { viewport });
    await page.getByTestId('lang').selectOption(lang);
    await page.waitForTimeout(200);
    await screenshot(page, name);
    assert.deepEqual(problems, []);
    await page.close();
  }
});

test('the scene lives in the URL: a copied link restores it exactly; bad links give defaults and a notice', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  const historyAtLoad = await page.evaluate(() => history.length);
  await page.getByTestId('preset').selectOption('worked-example');
  await page.getByTestId('alpha').fill('0');
  await page.getByTestId('dim-3d').click();
  await page.getByTestId('lang').selectOption('vi');
  await page.waitForFunction(() => location.search.includes('alpha=0') && location.search.includes('dim=3'));
  await page.getByTestId('copy-link').click();
  await page.getByTestId('copy-status').filter({ hasText: /\S/ }).waitFor();
  const url = page.url();
  const loss = await page.getByTestId('loss').getAttribute('data-value');
  const historyLength = await page.evaluate(() => history.length);
  assert.equal(historyLength, historyAtLoad, 'replaceState: no history entries added');

  const { page: copy, problems: copyProblems } = await openPage(env.context, env.origin, { path: url.slice(env.origin.length) });
  assert.equal(await copy.getByTestId('loss').getAttribute('data-value'), loss);
  assert.equal(await copy.getByTestId('d-an').textContent(), '0.51');
  assert.equal(await copy.getByTestId('plot').getAttribute('data-dim'), '3d');
  assert.equal(await copy.locator('html').getAttribute('lang'), 'vi');
  assert.equal(await copy.getByTestId('preset').inputValue(), 'worked-example');
  assert.equal(await copy.getByTestId('url-notice').count(), 0);
  await copy.close();

  for (const bad of ['?a=NaN,1e999&p=x&n=<script>&alpha=-5&dim=7', '?p=' + '9,9;'.repeat(300), '?%E0%A4%A&&&=&preset=nope']) {
    const { page: p, problems: pp } = await openPage(env.context, env.origin, { path: '/' + bad });
    await p.getByTestId('url-notice').waitFor();
    const value = Number(await p.getByTestId('loss').getAttribute('data-value'));
    assert.ok(Number.isFinite(value));
    // The notice may quote the bad text ("NaN"); the app's own numbers never show it.
    for (const id of ['loss', 'd-ap', 'd-an', 'hinge', 'reduction-sum']) {
      assert.doesNotMatch(await p.getByTestId(id).textContent(), /NaN|undefined|Infinity/, id);
    }
    assert.doesNotMatch(await p.locator('.side').textContent(), /NaN|undefined|Infinity/);
    assert.deepEqual(pp, [], bad);
    await p.close();
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(copyProblems, []);
  await page.close();
});

test('export: the plot as PNG and a Python snippet with the current numbers', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('preset').selectOption('worked-example');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  assert.equal(download.suggestedFilename(), 'tripletlab-plot.png');
  const { readFile } = await import('node:fs/promises');
  const png = await readFile(await download.path());
  assert.deepEqual([...png.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47], 'PNG signature');
  assert.ok(png.length > 5000, 'a real image, not an empty canvas');
  await page.getByTestId('export-python').click();
  const code = await page.getByTestId('python-snippet').textContent();
  assert.match(code, /alpha = 0\.2/);
  assert.match(code, /\[0\.5, 0\.5\]/);
  assert.match(code, /TripletMarginLoss/);
  assert.deepEqual(problems, []);
  await page.close();
});

test('presentation mode and dark theme', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.getByTestId('presentation').click();
  assert.match(await page.locator('html').getAttribute('class'), /presentation/);
  assert.equal(await page.getByTestId('reduction-sum').isVisible(), false, 'side panels hidden');
  assert.equal(await page.getByTestId('loss').isVisible(), true, 'live numbers stay');
  await page.waitForTimeout(150);
  await screenshot(page, 'presentation.png');
  await page.getByTestId('presentation').click();
  assert.doesNotMatch((await page.locator('html').getAttribute('class')) ?? '', /presentation/);
  await page.getByTestId('theme').click();
  assert.match(await page.locator('html').getAttribute('class'), /dark/);
  await screenshot(page, 'dark.png');
  assert.deepEqual(problems, []);
  await page.close();
});

test('works offline after the first visit (service worker)', async () => {
  const { page, problems } = await openPage(env.context, env.origin);
  await page.waitForFunction(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    if (!registration?.active) return false;
    const cache = await caches.open('tripletlab-v1');
    return (await cache.keys()).some((r) => r.url.endsWith('.wasm'));
  }, null, { timeout: 20000 });
  await env.context.setOffline(true);
  try {
    await page.reload();
    await page.getByTestId('loss').waitFor();
    await page.getByTestId('preset').selectOption('worked-example');
    assert.equal(await page.getByTestId('d-an').textContent(), '0.51');
  } finally {
    await env.context.setOffline(false);
  }
  assert.deepEqual(problems.filter((p) => !p.includes('ERR_INTERNET_DISCONNECTED')), []);
  await page.close();
});

test('100 fuzzed URLs never crash the app', async () => {
  let seed = 12345;
  const rand = (n) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const pieces = ['a=', 'p=', 'n=', 'alpha=', 'dim=', 'conv=', 'unit=', 'ring=', 'preset=', 'lang=', 'step=', '&', ';', ',',
    '1e999', 'NaN', '-0', '0.5', '-7', '%', '%ZZ', '%E2%88%92', '<script>', '9'.repeat(40), 'worked-example', 'vi', '3', '∞'];
  const page = await env.context.newPage();
  const problems = [];
  page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
  page.on('pageerror', (e) => problems.push(e.message));
  for (let i = 0; i < 100; i++) {
    let query = '';
    for (let j = 0, n = 1 + rand(12); j < n; j++) query += pieces[rand(pieces.length)];
    await page.goto(`${env.origin}/?${query}`);
    await page.getByTestId('loss').waitFor();
    const value = Number(await page.getByTestId('loss').getAttribute('data-value'));
    assert.ok(Number.isFinite(value), `loss for ?${query}`);
    assert.equal(await page.getByTestId('panic-banner').count(), 0, `no panic for ?${query}`);
  }
  assert.deepEqual(problems, []);
  await page.close();
});
