// End-to-end: the faces panel and the embedding net, on WebGPU (SwiftShader,
// with --enable-unsafe-webgpu) and on the CPU fallback (without it): the
// faces worked example reads 0 at α = 0 and 0.19 at α = 0.2 on both, faces
// picked in the gallery become points whose loss the engine computes, and a
// missing or corrupt weights file is a clear error that breaks nothing else.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { browserSuite, launch, openPage, readValue, readScene, kmSum, screenshot } from './harness.mjs';

/** The WebGPU run's readouts, compared with the CPU run's. */
let gpuReadouts;

const near = (a, b, tol) => assert.ok(Math.abs(a - b) <= tol, `${a} ≉ ${b} (±${tol})`);

async function waitForBackend(page, value) {
  await page.waitForFunction(
    (v) => document.querySelector('[data-testid="backend"]')?.getAttribute('data-value') === v,
    value,
    { timeout: 90_000 },
  );
}

/** Chooses the faces worked example and checks 0 / 0.19, returning the readouts. */
async function workedExample(page) {
  await page.getByTestId('preset').selectOption('worked-example-faces');
  await page.getByTestId('preset-explanation').waitFor();
  assert.equal(await page.getByTestId('plot').getAttribute('data-dim'), '3d');
  await page.getByTestId('alpha').fill('0');
  assert.equal(await readValue(page, 'loss'), 0);
  const dAp = await readValue(page, 'd-ap');
  const dAn = await readValue(page, 'd-an');
  assert.equal(dAp.toFixed(2), '0.50');
  assert.equal(dAn.toFixed(2), '0.51');
  assert.equal((await page.getByTestId('d-ap').textContent()).trim().slice(0, 4), '0.50');
  await page.getByTestId('alpha').fill('0.2');
  const loss = await readValue(page, 'loss');
  assert.equal(loss.toFixed(2), '0.19');
  near(loss, dAp - dAn + 0.2, 1e-6);
  for (const id of ['handle-A', 'handle-P1', 'handle-N1']) {
    assert.equal(await page.getByTestId(id).locator('.handle-face').count(), 1, `${id} shows its face`);
  }
  return { dAp, dAn, loss };
}

describe('on WebGPU', () => {
  const env = browserSuite({ webgpu: true });

  test('the net runs on WebGPU and the faces worked example reads 0 and 0.19', async () => {
    const { page, problems } = await openPage(env.context, env.origin);
    await page.getByTestId('lang').selectOption('en');
    await waitForBackend(page, 'webgpu');
    assert.match(await page.getByTestId('backend').textContent(), /WebGPU/);
    assert.equal(await page.getByTestId('backend-notice').count(), 0);
    const gpu = await workedExample(page);
    await screenshot(page, 'faces-webgpu-en.png');
    assert.deepEqual(problems, []);
    gpuReadouts = gpu;
  });

  test('faces picked in the gallery become points on the sphere with the engine\'s loss', async () => {
    const { page, problems } = await openPage(env.context, env.origin);
    await page.getByTestId('lang').selectOption('vi');
    await waitForBackend(page, 'webgpu');
    const pick = async (face, role) => {
      await page.getByTestId(`face-${face}`).click();
      assert.equal(await page.getByTestId(`face-${face}`).getAttribute('aria-pressed'), 'true');
      await page.getByTestId(`role-${role}`).click();
    };
    await pick(0, 'anchor');
    await pick(1, 'positive');
    await pick(2, 'positive');
    await pick(40, 'negative');
    assert.equal(await page.getByTestId('plot').getAttribute('data-dim'), '3d');
    assert.equal(await page.getByTestId('handle-P2').locator('.handle-face').count(), 1);
    const scene = await readScene(page, { k: 2, m: 1, dims: 3 });
    for (const p of [scene.A, ...scene.P, ...scene.N]) near(Math.hypot(...p), 1, 1e-3);
    near(await readValue(page, 'loss'), kmSum(scene, 0.2).sum, 1e-3);
    // Keyboard: arrows move through the gallery, Enter picks.
    await page.getByTestId('face-0').focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    assert.equal(await page.getByTestId('face-1').getAttribute('aria-pressed'), 'true');
    await page.getByTestId('faces-show-all').check();
    await screenshot(page, 'faces-gallery-vi.png');
    // A link keeps the chosen faces.
    await page.waitForFunction(() => location.search.includes('faces='));
    assert.match(await page.evaluate(() => location.search), /faces=a\.0;p1\.1;p2\.2;n1\.40/);
    assert.deepEqual(problems, []);
  });
});

describe('without WebGPU', () => {
  const env = browserSuite();

  test('the app falls back to the CPU with a notice and the same numbers', async () => {
    const { page, problems } = await openPage(env.context, env.origin);
    await page.getByTestId('lang').selectOption('en');
    await waitForBackend(page, 'cpu');
    await page.getByTestId('backend-notice').waitFor();
    assert.match(await page.getByTestId('backend-notice').textContent(), /CPU/);
    const cpu = await workedExample(page);
    if (gpuReadouts) {
      near(cpu.dAp, gpuReadouts.dAp, 1e-4);
      near(cpu.dAn, gpuReadouts.dAn, 1e-4);
    }
    await screenshot(page, 'faces-cpu-en.png');
    assert.deepEqual(problems, []);
  });

  test('a missing or corrupt weights file is a clear error and the rest keeps working', async () => {
    // Without the service worker, so that the route below sees the request.
    const context = await launch({ serviceWorkers: 'block' });
    const flipped = async (route) => {
      const body = Buffer.from(await (await route.fetch()).body());
      body[1000] ^= 0x40; // one flipped bit in a weight
      await route.fulfill({ status: 200, body, contentType: 'application/octet-stream' });
    };
    for (const [name, handler, expected] of [
      ['missing', (route) => route.fulfill({ status: 404, body: 'not found' }), /HTTP 404/],
      ['truncated', (route) => route.fulfill({ status: 200, body: Buffer.from('TRPLNET1') }), /truncated|short/i],
      ['corrupt', flipped, /CRC-32/],
    ]) {
      const page = await context.newPage();
      const errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.route('**/net/weights.bin', handler);
      await page.goto(env.origin + '/?lang=en');
      const error = page.getByTestId('faces-error');
      await error.waitFor({ timeout: 30_000 });
      const text = await error.textContent();
      assert.match(text, /weights\.bin/, name);
      assert.match(text, expected, `${name}: ${text}`);
      // The gallery still shows the faces (only the net is missing).
      assert.ok((await page.locator('.face-thumb').count()) >= 288, name);
      // The rest of the app still works.
      await page.getByTestId('preset').selectOption('worked-example');
      near(await readValue(page, 'loss'), 0.19, 1e-6);
      // Once the file is good again, "Try again" loads the net.
      await page.unroute('**/net/weights.bin');
      await error.getByRole('button').click();
      await waitForBackend(page, 'cpu');
      assert.deepEqual(errors, [], name);
      await page.close();
    }
    await context.close();
  });
});
