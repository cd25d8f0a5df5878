#!/usr/bin/env bash
# The short fuzz run of CI (issue #8): builds the cargo-fuzz targets of fuzz/
# and runs each one from its committed seeds (fuzz/seeds/<target>, plus
# assets/net for the weight file) for RUNS inputs (default 20000), on one
# core. New inputs go to a temporary directory, never into the seeds. Fails
# on the first crash, printing libFuzzer's reproducer command. About 2–3
# minutes from a cold build, seconds when built. The long run is
# fuzz/long-run.sh (see RELIABILITY.md).
#
# Stable Rust: --sanitizer none, because cargo-fuzz's default AddressSanitizer
# needs -Zsanitizer (nightly, or RUSTC_BOOTSTRAP=1); -a keeps debug
# assertions (integer overflow checks) in the optimised build.
set -euo pipefail
cd "$(dirname "$0")/../fuzz"
runs="${RUNS:-20000}"
command -v cargo-fuzz >/dev/null 2>&1 || { echo "cargo-fuzz missing: scripts/ensure-tools.sh test installs it" >&2; exit 1; }
cargo fuzz build -O -a -s none
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
for t in $(cargo fuzz list); do
  extra=()
  [ "$t" = weights_file ] && extra=(../assets/net)
  mkdir -p "$scratch/$t" "$scratch/artifacts-$t"
  if ! cargo fuzz run -O -a -s none "$t" "$scratch/$t" "seeds/$t" "${extra[@]}" -- \
      -runs="$runs" -workers=1 -artifact_prefix="$scratch/artifacts-$t/" >"$scratch/$t.log" 2>&1; then
    grep -a -A25 -E 'panicked|ERROR' "$scratch/$t.log" | head -40 >&2
    mkdir -p artifacts/"$t"
    cp "$scratch/artifacts-$t"/* artifacts/"$t"/ 2>/dev/null || true
    echo "fuzz target $t crashed; reproducer copied to fuzz/artifacts/$t/" >&2
    exit 1
  fi
  printf '%-16s %s\n' "$t" "$(grep -a '^Done' "$scratch/$t.log")"
done
