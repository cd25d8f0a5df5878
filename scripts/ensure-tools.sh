#!/usr/bin/env bash
# Installs whatever TripletLab needs and is missing, on a Debian machine like
# the project's (Rust 1.95 via rustup, Node.js 20 with npm, apt as root).
#   scripts/ensure-tools.sh build   # wasm target, Trunk, wasm-bindgen-cli, wasm-opt
#   scripts/ensure-tools.sh test    # the above + Chromium, ChromeDriver, Playwright,
#                                   # lavapipe (mesa-vulkan-drivers) for native wgpu tests,
#                                   # cargo-fuzz (stable Rust: see scripts/fuzz-short.sh)
# Nothing is downloaded outside the package registries (crates.io, npm, Debian).
set -euo pipefail
cd "$(dirname "$0")/.."
mode="${1:-build}"

say() { printf '\n== %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q '0\.21\.14'; then
  say "installing Trunk 0.21.14 (a few minutes, once)"
  cargo install --locked trunk@0.21.14
fi

wbg_version=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)
if ! grep -q "wasm_bindgen = \"$wbg_version\"" Trunk.toml; then
  echo "Trunk.toml's [tools] wasm_bindgen must equal Cargo.lock's wasm-bindgen ($wbg_version)" >&2
  exit 1
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "$wbg_version"; then
  say "installing wasm-bindgen-cli $wbg_version (a few minutes, once)"
  # Not --locked: the locked tree wants a webpki-roots version the registry lacks.
  cargo install wasm-bindgen-cli --version "$wbg_version"
fi

# Every npm devDependency present at exactly the pinned version?
npm_ok() {
  node -e '
    const want = require("./package.json").devDependencies;
    for (const [name, version] of Object.entries(want)) {
      try {
        if (require("./node_modules/" + name + "/package.json").version !== version) process.exit(1);
      } catch { process.exit(1); }
    }'
}
if ! npm_ok; then
  say "installing npm packages (binaryen's wasm-opt, playwright-core, axe-core)"
  npm ci --no-audit --no-fund
fi

if [ "$mode" = test ]; then
  if ! cargo fuzz --version 2>/dev/null | grep -q '0\.13\.2'; then
    say "installing cargo-fuzz 0.13.2 (the fuzz targets in fuzz/; a minute, once)"
    cargo install --locked cargo-fuzz@0.13.2
  fi
  if ! python3 -c 'import numpy' >/dev/null 2>&1; then
    say "installing numpy (runs the exported Python snippet in a test)"
    python3 -m pip install --quiet --disable-pip-version-check numpy
  fi
  missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  command -v chromedriver >/dev/null 2>&1 || missing+=(chromium-driver)
  # lavapipe, the software Vulkan adapter the native wgpu tests run on.
  ls /usr/share/vulkan/icd.d/lvp_icd.*.json >/dev/null 2>&1 || missing+=(mesa-vulkan-drivers)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} with apt"
    sudo_cmd=""
    [ "$(id -u)" -eq 0 ] || sudo_cmd="sudo"
    $sudo_cmd apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq "${missing[@]}"
  fi
fi
