#!/usr/bin/env node
// Trunk post_build hook: puts the sha256 hash of every inline <script> Trunk
// wrote into the staged index.html (its module loader) in place of the
// placeholder TRUNK_INLINE_SCRIPT_HASHES of the Content-Security-Policy meta
// tag (see index.html). Runs offline, in `trunk build` and `trunk serve`.
//
//   node scripts/csp.mjs [path/to/index.html]   (default: $TRUNK_STAGING_DIR/index.html)
//
// Fails (and so fails the build) when the placeholder is missing, when there
// is no inline script to hash, or when the page has an inline <style>
// element or an inline event handler, which the policy would block.
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const PLACEHOLDER = 'TRUNK_INLINE_SCRIPT_HASHES';

/** The contents of every `<script>` element without a `src` attribute. */
export function inlineScripts(html) {
  const scripts = [];
  for (const m of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script\s*>/gi)) {
    if (!/\bsrc\s*=/i.test(m[1])) scripts.push(m[2]);
  }
  return scripts;
}

/** The CSP source expression `'sha256-…'` of a script's exact text. */
export function hashSource(text) {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** index.html with the placeholder replaced by the inline scripts' hashes. */
export function applyPolicy(html) {
  if (!html.includes(PLACEHOLDER)) throw new Error(`no ${PLACEHOLDER} placeholder in the page's Content-Security-Policy`);
  const scripts = inlineScripts(html);
  if (scripts.length === 0) throw new Error('no inline script found: did Trunk change its loader?');
  if (/<style\b/i.test(html)) throw new Error('an inline <style> element would be blocked by style-src');
  if (/<[^>]+\son[a-z]+\s*=/i.test(html)) throw new Error('an inline event handler would be blocked by script-src');
  const hashes = [...new Set(scripts.map(hashSource))].join(' ');
  return html.replace(PLACEHOLDER, hashes);
}

const isMain = process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href;
if (isMain) {
  const file = process.argv[2] ?? join(process.env.TRUNK_STAGING_DIR ?? 'dist', 'index.html');
  try {
    writeFileSync(file, applyPolicy(readFileSync(file, 'utf8')));
    console.log(`csp: hashed ${inlineScripts(readFileSync(file, 'utf8')).length} inline script(s) in ${file}`);
  } catch (e) {
    console.error(`csp: ${file}: ${e.message}`);
    process.exit(1);
  }
}
