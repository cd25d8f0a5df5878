#!/usr/bin/env bash
# The loss engine benchmarked in headless Chromium: naive JavaScript, the Rust
# engine built without simd128, the same engine with simd128, and the sorted
# k×m algorithm, side by side on the same inputs. Prints Markdown tables
# (also saved to target/bench-page/results.md, raw data in results.json).
#   scripts/bench-browser.sh
# Builds bench/wasm twice (target/bench-simd, target/bench-scalar; about a
# minute each the first time), then runs the page (bench/page) through
# bench/run.mjs. The run itself takes about 4 minutes on 2 cores.
# BENCH_QUICK=1 scripts/bench-browser.sh: a smoke test of the page (seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"

step() { printf '\n== %s\n' "$*" >&2; }

manifest=bench/wasm/Cargo.toml
wasm=wasm32-unknown-unknown/release/tripletlab_bench.wasm
out=target/bench-page
# The app's wasm-opt settings (index.html), minus SIMD for the scalar build.
opt_flags=(-O3 --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

step "building the engine with simd128 (.cargo/config.toml)"
cargo build --release --target wasm32-unknown-unknown --manifest-path "$manifest" --target-dir target/bench-simd >&2

step "building the engine without simd128"
RUSTFLAGS="-C target-feature=-simd128" \
  cargo build --release --target wasm32-unknown-unknown --manifest-path "$manifest" --target-dir target/bench-scalar >&2

step "wasm-bindgen and wasm-opt into $out"
rm -rf "$out"
mkdir -p "$out"
for variant in simd scalar; do
  wasm-bindgen --target web --no-typescript --out-dir "$out/$variant" --out-name engine "target/bench-$variant/$wasm"
  flags=("${opt_flags[@]}")
  if [ "$variant" = simd ]; then flags+=(--enable-simd); fi
  wasm-opt "${flags[@]}" "$out/$variant/engine_bg.wasm" -o "$out/$variant/engine_bg.wasm"
done
scripts/check-wasm-simd.sh "$out/simd/engine_bg.wasm" >&2
# And the scalar build must have no SIMD instruction at all.
wasm-dis --enable-simd "$out/scalar/engine_bg.wasm" -o "$out/scalar.wat"
simd_ops=$( (grep -oE '\b(v128|[if](8x16|16x8|32x4|64x2))\.[a-z_]+' "$out/scalar.wat" || true) | wc -l)
rm "$out/scalar.wat"
if [ "$simd_ops" -ne 0 ]; then
  echo "bench-browser: the scalar build has $simd_ops SIMD instructions" >&2
  exit 1
fi
cp bench/page/index.html bench/page/bench.mjs "$out/"

step "running the benchmark in headless Chromium (progress below, tables on stdout)"
node bench/run.mjs "$out"
