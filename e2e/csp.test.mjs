// Content-Security-Policy: the built page carries the strict policy of
// index.html with the sha256 of Trunk's inline loader (recomputed here from
// the served page); the policy is enforced (an injected inline script is
// refused and reported); and the main flows — load, drag, lesson, faces,
// training, export, data table — run without a single
// `securitypolicyviolation` event and without console errors.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { browserSuite, openPage, readValue } from './harness.mjs';

const env = browserSuite();

/** Records every CSP violation from the very start of each page. */
function recordViolations() {
  window.__csp = [];
  document.addEventListener('securitypolicyviolation', (e) => {
    window.__csp.push(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
  });
}

/** The policy's directives: { name: [sources] }. */
function parsePolicy(text) {
  return Object.fromEntries(text.split(';').map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([k, ...v]) => [k, v]));
}

test('the built page carries the strict policy with the hash of Trunk\'s inline loader', async () => {
  const html = await (await fetch(`${env.origin}/`)).text();
  const meta = html.match(/<meta\s+http-equiv="Content-Security-Policy"\s+content="([^"]+)"/);
  assert.ok(meta, 'a CSP meta tag');
  assert.ok(html.indexOf(meta[0]) < html.indexOf('<script'), 'the policy comes before any script');
  const policy = parsePolicy(meta[1]);
  assert.deepEqual(policy['default-src'], ["'self'"]);
  assert.deepEqual(policy['connect-src'], ["'self'"]);
  assert.deepEqual(policy['object-src'], ["'none'"]);
  assert.deepEqual(policy['base-uri'], ["'self'"]);
  assert.deepEqual(policy['form-action'], ["'none'"]);
  assert.deepEqual(policy['worker-src'], ["'self'"]);
  assert.deepEqual(policy['img-src'], ["'self'", 'data:', 'blob:']);
  assert.deepEqual(policy['media-src'], ["'self'", 'blob:']);
  assert.deepEqual(policy['style-src-elem'], ["'self'"]);
  const scripts = policy['script-src'];
  assert.ok(!scripts.includes("'unsafe-eval'") && !scripts.includes("'unsafe-inline'"), scripts.join(' '));
  assert.ok(!meta[1].includes('TRUNK_INLINE_SCRIPT_HASHES'), 'the placeholder was replaced');
  // Exactly 'self', 'wasm-unsafe-eval' and one hash per inline script.
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  assert.equal(inline.length, 1, 'Trunk writes one inline module loader');
  const hashes = inline.map((s) => `'sha256-${createHash('sha256').update(s).digest('base64')}'`);
  assert.deepEqual(scripts, ["'self'", "'wasm-unsafe-eval'", ...hashes]);
  assert.ok(!/https?:\/\//.test(meta[1]), 'no other origin');
});

test('the policy is enforced: an injected inline script is refused and reported', async () => {
  await env.context.addInitScript(recordViolations);
  const { page, problems } = await openPage(env.context, env.origin);
  const ran = await page.evaluate(async () => {
    const s = document.createElement('script');
    s.textContent = 'window.__injected = true;';
    document.head.append(s);
    await new Promise((r) => setTimeout(r, 100));
    return window.__injected === true;
  });
  assert.equal(ran, false, 'the inline script did not run');
  const violations = await page.evaluate(() => window.__csp);
  assert.equal(violations.length, 1, violations.join('\n'));
  assert.match(violations[0], /^script-src-elem blocked inline/);
  // The only console error is the browser's report of that refusal.
  assert.equal(problems.length, 1, problems.join('\n'));
  assert.match(problems[0], /Content Security Policy/);
  await page.close();
});

test('no policy violation across the main flows: load, drag, lesson, faces, training, export, data table', async () => {
  await env.context.addInitScript(recordViolations);
  const { page, problems } = await openPage(env.context, env.origin);
  const violations = () => page.evaluate(() => window.__csp);
  assert.deepEqual(await violations(), [], 'load');

  // Drag N1 with the mouse.
  const box = await page.getByTestId('handle-N1').boundingBox();
  const before = await readValue(page, 'd-an');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 40, box.y + box.height / 2 + 30, { steps: 5 });
  await page.mouse.up();
  assert.notEqual(await readValue(page, 'd-an'), before, 'the drag moved N1');

  // Lesson: the first three steps.
  for (let n = 1; n <= 3; n++) await page.getByTestId('lesson-next').click();
  assert.equal(await page.getByTestId('lesson-step').getAttribute('data-value'), '3');

  // Faces: the model gets ready, a face becomes a negative (its sprite is drawn on the plot).
  await page.getByTestId('face-5').waitFor({ timeout: 90_000 });
  await page.getByTestId('face-5').click();
  await page.getByTestId('role-negative').click();
  await page.locator('.handle .handle-face').first().waitFor({ timeout: 60_000 });

  // Training: a few steps.
  await page.getByTestId('train-start').click();
  await page.waitForFunction(() => Number(document.querySelector('[data-testid="train-step-count"]')?.dataset.value) >= 2, null,
    { timeout: 90_000 });
  await page.getByTestId('train-pause').click();

  // Export: PNG (a data: URL download) and the Python snippet.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-png').click()]);
  assert.equal(download.suggestedFilename(), 'tripletlab-plot.png');
  await page.getByTestId('export-python').click();
  await page.getByTestId('python-snippet').waitFor();

  // The data table.
  await page.getByTestId('data-table-toggle').click();
  await page.getByTestId('data-row-A').waitFor();

  assert.deepEqual(await violations(), [], 'no violation in any flow');
  assert.deepEqual(problems, []);
  await page.close();
});

test('scripts/csp.mjs hashes inline scripts only and refuses pages the policy would break', async () => {
  const { applyPolicy } = await import('../scripts/csp.mjs');
  const meta = `<meta http-equiv="Content-Security-Policy" content="script-src 'self' TRUNK_INLINE_SCRIPT_HASHES">`;
  const page = (body) => `<html><head>${meta}<script src="./a.js"></script>${body}</head></html>`;
  // sha256 of "alert(1)" in base64, computed independently (openssl dgst -sha256 -binary | base64).
  const out = applyPolicy(page('<script type="module">alert(1)</script>'));
  assert.ok(out.includes("script-src 'self' 'sha256-bhHHL3z2vDgxUt0W3dWQOrprscmda2Y5pLsLg4GF+pI='"), out);
  assert.throws(() => applyPolicy(page('')), /no inline script/);
  assert.throws(() => applyPolicy(page('<script>x</script>').replace('TRUNK_INLINE_SCRIPT_HASHES', '')), /placeholder/);
  assert.throws(() => applyPolicy(page('<script>x</script><style>p{}</style>')), /<style>/);
  assert.throws(() => applyPolicy(page('<script>x</script><body onload="x()">')), /event handler/);
});
