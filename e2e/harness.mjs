// Shared harness for the end-to-end tests: a static server for dist/ on
// 127.0.0.1, Debian's Chromium through playwright-core, and guards that
// record console errors, page errors and any request leaving the origin.
import { createServer } from 'node:http';
import { readFile, mkdtemp, mkdir } from 'node:fs/promises';
import { extname, join, normalize } from 'node:path';
import { tmpdir } from 'node:os';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';
import assert from 'node:assert/strict';

// TRIPLETLAB_DIST serves another build folder (e.g. `trunk build --release --dist /tmp/x`).
const ROOT = process.env.TRIPLETLAB_DIST
  ? `${process.env.TRIPLETLAB_DIST.replace(/\/$/, '')}/`
  : new URL('../dist/', import.meta.url).pathname;
export const SCREENSHOTS = new URL('../target/screenshots/', import.meta.url).pathname;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.wasm': 'application/wasm',
  '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.json': 'application/json',
  '.bin': 'application/octet-stream',
};

/**
 * Serves dist/ on an ephemeral loopback port, at `prefix` (default `/`; e.g.
 * `/tripletlab/` serves it under that sub-path only, answers 404 outside it
 * and redirects the prefix without its slash, like a static host).
 */
export async function startServer({ prefix = '/' } = {}) {
  const server = createServer(async (req, res) => {
    try {
      const full = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      if (full === prefix.replace(/\/$/, '') && prefix !== '/') { res.writeHead(301, { location: prefix }).end(); return; }
      if (!full.startsWith(prefix)) { res.writeHead(404).end('not found'); return; }
      const path = `/${full.slice(prefix.length)}`;
      const file = normalize(join(ROOT, path === '/' ? 'index.html' : path));
      if (!file.startsWith(ROOT)) { res.writeHead(403).end(); return; }
      const body = await readFile(file);
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address();
  return { server, origin: `http://127.0.0.1:${port}` };
}

/**
 * Registers a test file's server and browser: started before its tests,
 * closed after them. Returns `{ origin, context }`, filled in by then.
 */
export function browserSuite(options = {}) {
  const env = { origin: undefined, context: undefined, server: undefined };
  before(async () => {
    ({ server: env.server, origin: env.origin } = await startServer());
    env.context = await launch(options);
  });
  after(async () => {
    await env.context?.close();
    env.server?.close();
  });
  return env;
}

/**
 * Launches headless Chromium with the project's flags and a fresh profile;
 * `webgpu: true` adds `--enable-unsafe-webgpu` (a SwiftShader adapter, a CPU
 * emulation of a GPU); without it the page has no WebGPU adapter.
 * `serviceWorkers: 'block'` keeps the service worker out, so that
 * `page.route` sees every request. `args` adds Chromium flags (e.g. the
 * fake camera: `--use-fake-device-for-media-stream`).
 */
export async function launch({ webgpu = false, serviceWorkers = 'allow', args = [] } = {}) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'tripletlab-e2e-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage',
      ...(webgpu ? ['--enable-unsafe-webgpu'] : []), ...args],
    viewport: { width: 1400, height: 1000 },
    locale: 'en-US',
    serviceWorkers,
  });
  // Every request of every page and service worker of this browser, in any
  // flow of any test file: anything not on the loopback test server fails
  // the file (see the `after` hook below), even where a test opens pages
  // without `openPage`.
  context.on('request', (req) => {
    if (!isLocal(req.url())) foreignRequests.push(req.url());
  });
  return context;
}

/** Requests that left the loopback test server, from any browser this file launched. */
export const foreignRequests = [];

/** Whether a URL stays on the machine: the loopback test server, data: or blob:. */
function isLocal(url) {
  if (url.startsWith('data:') || url.startsWith('blob:')) return true;
  try {
    const { protocol, hostname } = new URL(url);
    return (protocol === 'http:' || protocol === 'https:') && (hostname === '127.0.0.1' || hostname === 'localhost');
  } catch {
    return false;
  }
}

// Runs after every test of the file that imports this harness.
after(() => assert.deepEqual(foreignRequests, [], 'requests left the origin'));

/** Opens a page that records problems: console errors, page errors, foreign requests. */
export async function openPage(context, origin, { path = '/', viewport } = {}) {
  const page = await context.newPage();
  if (viewport) await page.setViewportSize(viewport);
  const problems = [];
  page.on('console', (msg) => { if (msg.type() === 'error') problems.push(`console error: ${msg.text()}`); });
  page.on('pageerror', (err) => problems.push(`page error: ${err.message}`));
  page.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:')) problems.push(`foreign request: ${url}`);
  });
  await page.goto(origin + path);
  await page.getByTestId('loss').waitFor();
  return { page, problems };
}

/** The number in a readout's `data-value`. */
export async function readValue(page, testid) {
  return Number(await page.getByTestId(testid).getAttribute('data-value'));
}

/** The number shown in a coordinate input. */
export async function readCoord(page, name, axis) {
  return Number(await page.getByTestId(`coord-${name}-${axis}`).inputValue());
}

/** The lesson's loss recomputed in f64 from displayed coordinates. */
export async function recomputeLoss(page, alpha) {
  const a = [await readCoord(page, 'A', 'x'), await readCoord(page, 'A', 'y')];
  const p = [await readCoord(page, 'P1', 'x'), await readCoord(page, 'P1', 'y')];
  const n = [await readCoord(page, 'N1', 'x'), await readCoord(page, 'N1', 'y')];
  const sq = (u, v) => (u[0] - v[0]) ** 2 + (u[1] - v[1]) ** 2;
  return { dAp: sq(a, p), dAn: sq(a, n), loss: Math.max(0, sq(a, p) - sq(a, n) + alpha) };
}

/** Saves a screenshot under target/screenshots/. */
export async function screenshot(page, name) {
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: join(SCREENSHOTS, name), fullPage: true });
}

/** Every displayed coordinate: { A: [x, y(, z)], P: [[...]...], N: [[...]...] }. */
export async function readScene(page, { k, m, dims = 2 }) {
  const axes = ['x', 'y', 'z'].slice(0, dims);
  const point = async (name) => Promise.all(axes.map((a) => readCoord(page, name, a)));
  const P = [];
  for (let i = 1; i <= k; i++) P.push(await point(`P${i}`));
  const N = [];
  for (let j = 1; j <= m; j++) N.push(await point(`N${j}`));
  return { A: await point('A'), P, N };
}

/** The lesson's k×m sum recomputed in f64 from a scene read off the page. */
export function kmSum({ A, P, N }, alpha) {
  const sq = (u, v) => u.reduce((s, _, c) => s + (u[c] - v[c]) ** 2, 0);
  let sum = 0;
  const terms = [];
  for (const p of P) {
    for (const n of N) {
      const t = Math.max(0, sq(A, p) - sq(A, n) + alpha);
      terms.push(t);
      sum += t;
    }
  }
  return { sum, terms };
}
