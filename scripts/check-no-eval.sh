#!/usr/bin/env bash
# Fails if the built app (dist/: the wasm-bindgen JS glue, the service worker,
# index.html and its inline scripts) can evaluate strings as code: `eval(`,
# `new Function`, `Function("…")`, or string timers `setTimeout("…")` /
# `setInterval("…")`. Run after `trunk build --release` (scripts/test.sh);
# the CSP (index.html) forbids them too, this catches them before a browser does.
#   scripts/check-no-eval.sh [DIST_DIR]
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${1:-dist}"
mapfile -t files < <(find "$dist" -type f \( -name '*.js' -o -name '*.mjs' -o -name '*.html' \) | sort)
[ ${#files[@]} -gt 0 ] || { echo "no JS/HTML in $dist: build first (trunk build --release)" >&2; exit 1; }
pattern='\beval\s*\(|\bnew\s+Function\b|(?<![`$.\w])Function\s*\(\s*["'"'"'`]|\bset(Timeout|Interval)\s*\(\s*["'"'"'`]'
if grep -nP "$pattern" "${files[@]}"; then
  echo "string evaluation found in $dist (above): not allowed (CSP, issue #8)" >&2
  exit 1
fi
echo "no eval / new Function / string timers in ${#files[@]} files: ${files[*]}"
