// Sub-path hosting: Trunk.toml sets public_url = "./", so every URL in the
// built page is relative and the very same dist/ works at a host's root and
// under a sub-path. This serves dist/ under /tripletlab/ only (404 anywhere
// else) and checks that the app loads, the faces model gets ready, the
// service worker's scope is the sub-path, the icon loads, the link keeps the
// sub-path, no request leaves it and nothing fails (zero console errors).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { launch, openPage, startServer } from './harness.mjs';

const PREFIX = '/tripletlab/';
const env = {};
before(async () => {
  ({ server: env.server, origin: env.origin } = await startServer({ prefix: PREFIX }));
  env.context = await launch();
});
after(async () => {
  await env.context?.close();
  env.server?.close();
});

test('the built page names its assets with relative URLs only', async () => {
  const html = await readFile(new URL('../dist/index.html', import.meta.url), 'utf8');
  const urls = [...html.matchAll(/(?:\b(?:href|src)\s*=\s*|from\s+|module_or_path:\s*)["']([^"']+)["']/g)].map((m) => m[1]);
  assert.ok(urls.length >= 4, urls.join(' '));
  for (const url of urls) assert.match(url, /^\.\//, `relative: ${url}`);
});

test('served under /tripletlab/: the app loads, the faces model gets ready, the service worker is scoped to it', async () => {
  const outside = [];
  const failed = [];
  // Every request but the test's own first one (the prefix without its slash).
  env.context.on('request', (r) => {
    const { pathname } = new URL(r.url());
    if (r.url().startsWith(env.origin) && !pathname.startsWith(PREFIX) && pathname !== '/tripletlab') outside.push(r.url());
  });
  env.context.on('response', (r) => { if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`); });
  // The prefix without its slash is redirected, as a static host does.
  const { page, problems } = await openPage(env.context, env.origin, { path: '/tripletlab' });
  assert.equal(new URL(page.url()).pathname, PREFIX);

  // The faces model: atlas, manifest and weights fetched from under the prefix.
  await page.getByTestId('face-0').waitFor({ timeout: 90_000 });
  await page.waitForFunction(() => ['cpu', 'webgpu'].includes(document.querySelector('[data-testid="backend"]')?.dataset.value),
    null, { timeout: 90_000 });
  await page.getByTestId('face-3').click();
  await page.getByTestId('role-negative').click();
  await page.locator('.handle .handle-face').first().waitFor({ timeout: 60_000 });
  // The sprite's background image (a relative url() in a style attribute) loads too.
  const sprite = await page.locator('.handle .handle-face').first().evaluate((e) => getComputedStyle(e).backgroundImage);
  assert.ok(sprite.startsWith(`url("${env.origin}${PREFIX}faces/atlas.png`), sprite);

  // The service worker: registered under the prefix, with the prefix as scope.
  const scope = await page.evaluate(async () => (await navigator.serviceWorker.ready).scope);
  assert.equal(scope, `${env.origin}${PREFIX}`);
  // The icon.
  const icon = await page.evaluate(async () => {
    const href = document.querySelector('link[rel="icon"]').href;
    return { href, status: (await fetch(href)).status };
  });
  assert.ok(icon.href.startsWith(`${env.origin}${PREFIX}`), icon.href);
  assert.equal(icon.status, 200);

  // The scene's link keeps the sub-path.
  await page.getByTestId('alpha').fill('0.3');
  await page.waitForFunction(() => location.search.includes('alpha=0.3'));
  assert.equal(new URL(page.url()).pathname, PREFIX);

  assert.deepEqual(outside, [], 'no request outside the sub-path');
  assert.deepEqual(failed, [], 'no failed request');
  assert.deepEqual(problems, []);
  await page.close();
});
