#!/usr/bin/env bash
# Installs whatever is missing, then runs every test: formatting and lints,
# native unit/integration tests, wasm-bindgen tests in headless Chromium,
# the release build (checked for SIMD) and the Playwright end-to-end suite.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/ensure-tools.sh test
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-180}"
export TRIPLETLAB_REQUIRE_PYTHON=1

step() { printf '\n== %s\n' "$*"; }

step "formatting and lints"
cargo fmt --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown --all-targets -- -D warnings
# The browser benchmark's crate (bench/wasm, outside the workspace).
cargo fmt --check --manifest-path bench/wasm/Cargo.toml
cargo clippy --release --target wasm32-unknown-unknown --manifest-path bench/wasm/Cargo.toml \
  --target-dir target/bench-simd -- -D warnings
# The fuzz targets' crate (fuzz/, outside the workspace; built by scripts/fuzz-short.sh).
cargo fmt --check --manifest-path fuzz/Cargo.toml
cargo clippy --manifest-path fuzz/Cargo.toml --bins -- -D warnings

step "native tests"
cargo test

step "dependency licences (offline; LICENSES-THIRD-PARTY.md up to date, all allowed)"
scripts/licences.py --check

step "short fuzz run of every parser from its seeds (cargo-fuzz, stable Rust)"
scripts/fuzz-short.sh

step "wasm tests in headless Chromium (wasm-bindgen-test)"
cargo test --target wasm32-unknown-unknown

step "release build"
trunk build --release
scripts/check-wasm-simd.sh dist/*.wasm
scripts/check-no-eval.sh dist

step "end-to-end tests (Playwright, Chromium) against the release build"
node --test --test-concurrency=1 e2e/
