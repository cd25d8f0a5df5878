#!/usr/bin/env bash
# Verifies that each given .wasm file contains WebAssembly SIMD (f32x4) code,
# i.e. that the loss engine's simd128 kernels made it into the build.
#   scripts/check-wasm-simd.sh dist/*.wasm
# Uses wasm-dis from the npm package binaryen (node_modules/.bin; installed
# with `npm ci` when missing). Exits non-zero with a message if a file has no
# f32x4 instruction.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"

if [ "$#" -eq 0 ]; then
  echo "usage: $0 FILE.wasm [FILE.wasm ...]" >&2
  exit 2
fi

wasm_dis="$root/node_modules/.bin/wasm-dis"
if [ ! -x "$wasm_dis" ]; then
  echo "wasm-dis not found: installing the npm packages (binaryen)" >&2
  (cd "$root" && npm ci --no-audit --no-fund >&2)
fi

status=0
for wasm in "$@"; do
  if [ ! -f "$wasm" ]; then
    echo "check-wasm-simd: $wasm: no such file" >&2
    status=1
    continue
  fi
  text="$(mktemp)"
  # Binaryen needs to be told about SIMD to print the instructions.
  if ! "$wasm_dis" --enable-simd "$wasm" -o "$text" 2>"$text.err"; then
    echo "check-wasm-simd: wasm-dis could not read $wasm:" >&2
    cat "$text.err" >&2
    rm -f "$text" "$text.err"
    status=1
    continue
  fi
  f32x4=$( (grep -oE '\bf32x4\.[a-z_]+' "$text" || true) | wc -l)
  simd=$( (grep -oE '\b(v128|[if](8x16|16x8|32x4|64x2))\.[a-z_]+' "$text" || true) | wc -l)
  rm -f "$text" "$text.err"
  if [ "$f32x4" -eq 0 ]; then
    echo "check-wasm-simd: $wasm has no f32x4 instructions ($simd SIMD instructions in all):" >&2
    echo "  the loss engine's simd128 kernels are missing; was it built with -C target-feature=+simd128 (.cargo/config.toml)?" >&2
    status=1
  else
    echo "check-wasm-simd: $wasm: $f32x4 f32x4 instructions, $simd SIMD instructions in all"
  fi
done
exit "$status"
