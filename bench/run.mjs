// Runs the in-browser benchmark of the loss engine: serves the bench page
// (built by scripts/bench-browser.sh into target/bench-page/) on 127.0.0.1,
// opens it in headless Debian Chromium through playwright-core, waits for
// window.__benchResults, and prints the Markdown report (bench/report.mjs)
// to stdout. Also writes results.json and results.md next to the page.
//   node bench/run.mjs target/bench-page
// Progress goes to stderr. Self-contained on purpose (no import from e2e/).
// BENCH_QUICK=1 runs the page's smoke-test mode (seconds, meaningless figures).
import { createServer } from 'node:http';
import { readFile, writeFile, mkdtemp, rm } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { chromium } from 'playwright-core';
import { report } from './report.mjs';

const ROOT = resolve(process.argv[2] ?? 'target/bench-page') + '/';
const TIMEOUT_MS = 20 * 60 * 1000;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.wasm': 'application/wasm',
};

/**
 * Static server for ROOT on an ephemeral loopback port. COOP/COEP make the
 * page cross-origin isolated, which gives performance.now() 5 µs resolution.
 */
async function startServer() {
  const server = createServer(async (req, res) => {
    try {
      const path = decodeURIComponent(new URL(req.url, 'http://127.0.0.1').pathname);
      const file = normalize(join(ROOT, path === '/' ? 'index.html' : path));
      if (!file.startsWith(ROOT)) {
        res.writeHead(403).end();
        return;
      }
      const body = await readFile(file);
      res
        .writeHead(200, {
          'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
          'cross-origin-opener-policy': 'same-origin',
          'cross-origin-embedder-policy': 'require-corp',
          'cache-control': 'no-store',
        })
        .end(body);
    } catch {
      res.writeHead(404).end('not found');
    }
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${server.address().port}` };
}

/** Opens the page in a fresh headless Chromium and returns the page's results. */
async function runInBrowser(origin) {
  const userDataDir = await mkdtemp(join(tmpdir(), 'tripletlab-bench-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await context.newPage();
    let failure = null;
    page.on('console', (msg) => {
      if (msg.type() === 'error') failure ??= `console error: ${msg.text()}`;
      process.stderr.write(`${msg.text()}\n`);
    });
    page.on('pageerror', (err) => { failure ??= `page error: ${err.message}`; });
    page.on('request', (req) => {
      if (!req.url().startsWith(origin)) failure ??= `foreign request: ${req.url()}`;
    });
    await page.goto(`${origin}/${process.env.BENCH_QUICK ? '?quick' : ''}`);
    const finished = () => window.__benchDone || window.__benchError;
    await page.waitForFunction(finished, null, { timeout: TIMEOUT_MS, polling: 1000 });
    const error = await page.evaluate(() => window.__benchError);
    if (error) throw new Error(`benchmark failed in the page:\n${error}`);
    if (failure) throw new Error(failure);
    return await page.evaluate(() => window.__benchResults);
  } finally {
    await context.close();
    await rm(userDataDir, { recursive: true, force: true });
  }
}

const { server, origin } = await startServer();
try {
  const loadAtStart = loadavg()[0];
  const results = await runInBrowser(origin);
  const cpu = cpus();
  results.meta.machine =
    `${cpu.length} × ${cpu[0]?.model?.trim() ?? 'unknown CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, ${process.platform}`;
  results.meta.load = { start: loadAtStart, end: loadavg()[0] };
  const markdown = report(results);
  await writeFile(join(ROOT, 'results.json'), JSON.stringify(results, null, 1));
  await writeFile(join(ROOT, 'results.md'), markdown);
  process.stdout.write(markdown);
  process.stderr.write(`\nsaved ${join(ROOT, 'results.md')} and results.json\n`);
} finally {
  server.close();
}
