// End-to-end: "your photos" in the faces panel (CPU path). A PNG generated
// here is uploaded through `photo-input`, cropped, named and added: it shows
// in the gallery with its embedding and can be the anchor. A copy of an atlas
// face dropped on the drop zone gets exactly that face's embedding (a second
// path to the same number). A text file, an empty file and a damaged PNG
// each give their own message and break nothing. The fake camera gives a
// webcam capture. Zero console errors, no request off the origin.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { deflateSync, crc32 } from 'node:zlib';
import { browserSuite, launch, openPage, readCoord, screenshot, startServer } from './harness.mjs';

/** A minimal PNG encoder: 8-bit RGB, filter 0 on every row. */
function png(width, height, pixel) {
  const chunk = (type, data) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body) >>> 0);
    return Buffer.concat([len, body, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = Buffer.alloc(height * (1 + width * 3));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + width * 3)] = 0;
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (1 + width * 3) + 1 + x * 3);
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

/** 64 × 48 gradient: red = 4x, green = 5y, blue = 100. */
const GRADIENT = png(64, 48, (x, y) => [4 * x, 5 * y, 100]);

const near = (a, b, tol) => assert.ok(Math.abs(a - b) <= tol, `${a} ≉ ${b} (±${tol})`);

/** Opens the app in `lang` and waits until every face is embedded on the CPU. */
async function ready(env, lang, viewport, backend = 'cpu') {
  const { page, problems } = await openPage(env.context, env.origin, { viewport });
  await page.getByTestId('lang').selectOption(lang);
  await page.waitForFunction((b) => document.querySelector('[data-testid="backend"]')?.getAttribute('data-value') === b,
    backend, { timeout: 90_000 });
  await page.getByTestId('face-287').waitFor();
  return { page, problems };
}

/** Embedding readout of the selected face as numbers. */
async function selectedEmbedding(page, face) {
  await page.getByTestId(`face-${face}`).click();
  await page.waitForFunction(() => document.querySelector('[data-testid="face-embedding"]')?.getAttribute('data-value'));
  return (await page.getByTestId('face-embedding').getAttribute('data-value')).split(',').map(Number);
}

/** Cuts face 0 (atlas cell 0, 0) out of the atlas in the page and drops it on the drop zone as a PNG file. */
async function dropAtlasFace0(page) {
  await page.evaluate(async () => {
    const img = new Image();
    img.src = 'faces/atlas.png';
    await img.decode();
    const c = document.createElement('canvas');
    c.width = 48;
    c.height = 48;
    c.getContext('2d').drawImage(img, 0, 0, 48, 48, 0, 0, 48, 48);
    const blob = await new Promise((ok) => c.toBlob(ok, 'image/png'));
    const dt = new DataTransfer();
    dt.items.add(new File([blob], 'face0.png', { type: 'image/png' }));
    document.querySelector('[data-testid="photo-drop"]').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
}

async function upload(page, name, mimeType, buffer) {
  await page.getByTestId('photo-input').setInputFiles({ name, mimeType, buffer });
}

async function errorCode(page, code) {
  await page.waitForFunction((c) => document.querySelector('[data-testid="photo-error"]')?.getAttribute('data-value') === c, code);
  return (await page.getByTestId('photo-error').textContent()).trim();
}

describe('your photos', () => {
  const env = browserSuite();

  test('an uploaded PNG is cropped, named, embedded, shown in the gallery and can be the anchor', async () => {
    const { page, problems } = await ready(env, 'en');
    assert.match(await page.getByTestId('photo-privacy').textContent(), /never leave this browser/);
    await upload(page, 'gradient.png', 'image/png', GRADIENT);
    await page.getByTestId('photo-crop').waitFor();
    assert.equal((await page.getByTestId('photo-source').textContent()).trim(), 'gradient.png (64 × 48)');
    // Centred crop of 64 × 48 is x ∈ [8, 56): the 48 × 48 thumbnail copies it
    // pixel for pixel, so thumbnail (i, j) = (4(i + 8), 5j, 100).
    const thumb = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="photo-thumb"]');
      return Array.from(c.getContext('2d').getImageData(0, 0, 48, 48).data);
    });
    for (const [i, j] of [[0, 0], [47, 0], [10, 20], [47, 47]]) {
      assert.deepEqual(thumb.slice((j * 48 + i) * 4, (j * 48 + i) * 4 + 4), [4 * (i + 8), 5 * j, 100, 255], `pixel ${i},${j}`);
    }
    // Zoom 2 and offset −1: x ∈ [0, 24), y ∈ [12, 36), each source pixel
    // covers 2 × 2 output pixels: (0, 0) → source (0, 12) = (0, 60, 100).
    await page.getByTestId('photo-zoom').fill('2');
    await page.getByTestId('photo-offset-x').fill('-1');
    await page.waitForFunction(() => {
      const d = document.querySelector('[data-testid="photo-thumb"]').getContext('2d').getImageData(0, 0, 48, 48).data;
      return d[1] === 60 && d[0] === 0;
    });
    const zoomed = await page.evaluate(() => Array.from(document.querySelector('[data-testid="photo-thumb"]').getContext('2d').getImageData(0, 0, 48, 48).data));
    assert.deepEqual(zoomed.slice((47 * 48 + 47) * 4, (47 * 48 + 47) * 4 + 4), [4 * 23, 5 * 35, 100, 255]);
    // No name yet: a specific message, nothing added.
    await page.getByTestId('photo-add').click();
    assert.match(await errorCode(page, 'name-empty'), /Enter the name/);
    assert.equal(await page.getByTestId('face-288').count(), 0);
    await page.getByTestId('photo-name').fill('Test Person');
    await page.getByTestId('photo-add').click();
    await page.getByTestId('face-288').waitFor();
    assert.equal(await page.getByTestId('photo-crop').count(), 0);
    assert.equal(await page.getByTestId('photo-list').getAttribute('data-value'), '1');
    assert.equal(await page.getByTestId('photo-item-0').getAttribute('data-trains'), 'false');
    const row = page.locator('.face-row', { has: page.getByTestId('face-288') });
    assert.match(await row.locator('.face-name').textContent(), /Test Person.*your photos.*held out from training/);
    const style = await page.getByTestId('face-288').getAttribute('style');
    assert.match(style, /url\(data:image\/png;base64,/);
    const e = await selectedEmbedding(page, 288);
    assert.equal(e.length, 3);
    near(Math.hypot(...e), 1, 1e-5);
    await page.getByTestId('role-anchor').click();
    assert.equal(await page.getByTestId('handle-A').locator('.handle-face').count(), 1);
    for (const [k, axis] of ['x', 'y', 'z'].entries()) near(await readCoord(page, 'A', axis), e[k], 1e-3);
    // A second photo of the same person (other crop): two photos → trained on.
    await upload(page, 'gradient-2.png', 'image/png', GRADIENT);
    await page.getByTestId('photo-crop').waitFor();
    await page.getByTestId('photo-offset-x').fill('1');
    assert.equal(await page.getByTestId('photo-name').inputValue(), 'Test Person', 'the name is kept');
    await page.getByTestId('photo-name').fill('  test   person ');
    await page.getByTestId('photo-add').click();
    await page.getByTestId('face-289').waitFor();
    assert.equal(await page.getByTestId('photo-item-0').getAttribute('data-trains'), 'true');
    assert.equal(await page.getByTestId('photo-item-1').getAttribute('data-trains'), 'true');
    assert.equal(await page.locator('.face-row', { has: page.getByTestId('face-289') }).count(), 1);
    assert.equal(await page.locator('.face-row', { has: page.getByTestId('face-288') }).locator('.held-out').count(), 0);
    const e2 = await selectedEmbedding(page, 289);
    assert.notDeepEqual(e2, e);
    // Removing the first photo: the anchor bound to it is released, the
    // second photo moves down to face 288 with its embedding.
    await page.getByTestId('photo-remove-0').click();
    await page.waitForFunction(() => !document.querySelector('[data-testid="face-289"]'));
    assert.equal(await page.getByTestId('handle-A').locator('.handle-face').count(), 0);
    assert.deepEqual(await selectedEmbedding(page, 288), e2);
    assert.deepEqual(problems, []);
  });

  test('a copy of an atlas face, dropped on the zone, gets exactly that face\'s embedding', async () => {
    const { page, problems } = await ready(env, 'vi');
    const face0 = await selectedEmbedding(page, 0);
    await dropAtlasFace0(page);
    await page.getByTestId('photo-crop').waitFor();
    await page.getByTestId('photo-name').fill('Bản sao');
    await page.getByTestId('photo-add').click();
    await page.getByTestId('face-288').waitFor();
    assert.deepEqual(await selectedEmbedding(page, 288), face0);
    assert.match(await page.getByTestId('photo-privacy').textContent(), /không bao giờ rời khỏi trình duyệt/);
    assert.deepEqual(problems, []);
  });

  test('bad files each get their own message and nothing breaks', async () => {
    const { page, problems } = await ready(env, 'en');
    await upload(page, 'notes.txt', 'text/plain', Buffer.from('just some notes\n'));
    assert.equal(await errorCode(page, 'not-image'), 'notes.txt: This file is not an image (text/plain).');
    await upload(page, 'empty.png', 'image/png', Buffer.alloc(0));
    assert.equal(await errorCode(page, 'empty'), 'empty.png: The file is empty (0 bytes); there is no image in it.');
    await upload(page, 'broken.png', 'image/png', GRADIENT.subarray(0, 60));
    assert.match(await errorCode(page, 'decode'), /^broken\.png: The image could not be read/);
    await upload(page, 'drawing.svg', 'image/svg+xml', Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'));
    assert.match(await errorCode(page, 'unsupported'), /^drawing\.svg: This image type is not supported \(image\/svg\+xml\); use PNG/);
    // Several at once: each bad one is listed, the good one waits for its crop.
    await page.getByTestId('photo-input').setInputFiles([
      { name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('a') },
      { name: 'ok.png', mimeType: 'image/png', buffer: GRADIENT },
      { name: 'z.png', mimeType: 'image/png', buffer: Buffer.alloc(0) },
    ]);
    await page.getByTestId('photo-crop').waitFor();
    await errorCode(page, 'empty');
    const text = await page.getByTestId('photo-error').textContent();
    assert.match(text, /a\.txt: This file is not an image/);
    assert.match(text, /z\.png: The file is empty/);
    // Vietnamese messages.
    await page.getByTestId('lang').selectOption('vi');
    assert.match(await page.getByTestId('photo-error').textContent(), /Tệp này không phải là ảnh/);
    await page.getByTestId('photo-name').fill('x'.repeat(41));
    await page.getByTestId('photo-add').click();
    assert.match(await errorCode(page, 'name-too-long'), /Tên quá dài: 41 ký tự \(giới hạn 40\)/);
    await page.getByTestId('photo-name').fill('Ổn');
    await page.getByTestId('photo-add').click();
    await page.getByTestId('face-288').waitFor();
    assert.equal(await page.getByTestId('photo-error').getAttribute('data-value'), '');
    // The rest of the app still works.
    await page.getByTestId('face-3').click();
    await page.getByTestId('role-anchor').click();
    assert.equal(await page.getByTestId('handle-A').locator('.handle-face').count(), 1);
    assert.deepEqual(problems, []);
  });
});

describe('on WebGPU', () => {
  const env = browserSuite({ webgpu: true });

  test('a user photo is embedded on WebGPU like the atlas faces', async () => {
    const { page, problems } = await ready(env, 'en', undefined, 'webgpu');
    const face0 = await selectedEmbedding(page, 0);
    await dropAtlasFace0(page);
    await page.getByTestId('photo-crop').waitFor();
    await page.getByTestId('photo-name').fill('Copy');
    await page.getByTestId('photo-add').click();
    await page.getByTestId('face-288').waitFor();
    await page.waitForFunction(() => !document.querySelector('[data-testid="faces-loading"]'));
    assert.equal(await page.getByTestId('backend').getAttribute('data-value'), 'webgpu');
    const copy = await selectedEmbedding(page, 288);
    for (let k = 0; k < 3; k++) near(copy[k], face0[k], 1e-5);
    // Bundled faces keep their embeddings after the re-embedding.
    assert.deepEqual(await selectedEmbedding(page, 0), face0);
    assert.deepEqual(problems, []);
  });
});

describe('webcam', () => {
  test('the fake camera gives a capture that can be added', async () => {
    const { server, origin } = await startServer();
    const context = await launch({ args: ['--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] });
    try {
      const { page, problems } = await ready({ context, origin }, 'en');
      await page.getByTestId('photo-webcam').click();
      await page.getByTestId('photo-capture').click({ timeout: 30_000 });
      await page.getByTestId('photo-crop').waitFor();
      assert.match(await page.getByTestId('photo-source').textContent(), /^webcam \(\d+ × \d+\)$/);
      assert.equal(await page.getByTestId('photo-capture').count(), 0, 'the camera is off after the capture');
      await page.getByTestId('photo-name').fill('Camera');
      await page.getByTestId('photo-add').click();
      await page.getByTestId('face-288').waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      server.close();
    }
  });

  test('without a camera the message says so and the rest keeps working', async () => {
    const { server, origin } = await startServer();
    const context = await launch();
    try {
      const { page, problems } = await ready({ context, origin }, 'en');
      await page.getByTestId('photo-webcam').click();
      await page.getByTestId('photo-webcam-message').waitFor({ timeout: 30_000 });
      assert.match(await page.getByTestId('photo-webcam-message').textContent(), /webcam|camera/);
      await upload(page, 'gradient.png', 'image/png', GRADIENT);
      await page.getByTestId('photo-crop').waitFor();
      assert.deepEqual(problems, []);
    } finally {
      await context.close();
      server.close();
    }
  });
});

describe('screenshots', () => {
  const env = browserSuite();

  for (const lang of ['vi', 'en']) {
    test(`narrow 390 px, ${lang}`, async () => {
      const { page, problems } = await ready(env, lang, { width: 390, height: 900 });
      await upload(page, 'gradient.png', 'image/png', GRADIENT);
      await page.getByTestId('photo-crop').waitFor();
      await page.getByTestId('photo-name').fill('Lan');
      await page.getByTestId('photo-add').click();
      await page.getByTestId('face-288').waitFor();
      await upload(page, 'gradient.png', 'image/png', GRADIENT);
      await page.getByTestId('photo-crop').waitFor();
      await page.getByTestId('photos').scrollIntoViewIfNeeded();
      await page.getByTestId('photos').screenshot({ path: new URL(`../target/screenshots/photos-${lang}-390.png`, import.meta.url).pathname });
      await page.locator('.face-row', { has: page.getByTestId('face-288') }).screenshot({
        path: new URL(`../target/screenshots/photos-${lang}-390-row.png`, import.meta.url).pathname,
      });
      await screenshot(page, `photos-${lang}-390-page.png`);
      assert.deepEqual(problems, []);
    });
  }
});
