#!/usr/bin/env bash
# The long fuzz run of issue #8: RUNS inputs (default 10^6) per target on one
# core, starting from the committed seeds (plus assets/net for the weight
# file). Prints, per target: executions, seconds, exec/s, coverage and
# crashes; a crash stops the script with libFuzzer's reproducer in
# fuzz/artifacts/<target>/. Results are recorded in RELIABILITY.md.
#   fuzz/long-run.sh [RUNS] [TARGET...]
# cargo-fuzz builds with --sanitizer none so that stable Rust suffices (the
# default AddressSanitizer needs -Z flags, i.e. nightly or RUSTC_BOOTSTRAP=1;
# the core is safe Rust, where ASan adds little). -a keeps debug assertions
# (integer overflow checks) on in the optimised build.
set -euo pipefail
cd "$(dirname "$0")"
runs="${1:-1000000}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || mapfile -t targets < <(cargo fuzz list)
cargo fuzz build -O -a -s none >/dev/null 2>&1 || cargo fuzz build -O -a -s none
printf '%-16s %10s %8s %9s %6s %8s\n' target execs seconds exec/s cov crashes
for t in "${targets[@]}"; do
  extra=()
  [ "$t" = weights_file ] && extra=(../assets/net)
  [ -d "seeds/$t" ] || { echo "no seeds/$t" >&2; exit 1; }
  mkdir -p "corpus/$t" "artifacts/$t" logs
  log="logs/$t.log"
  start=$(date +%s.%N)
  status=0
  cargo fuzz run -O -a -s none "$t" "corpus/$t" "seeds/$t" "${extra[@]}" -- \
    -runs="$runs" -workers=1 -print_final_stats=1 -artifact_prefix="artifacts/$t/" >"$log" 2>&1 || status=$?
  end=$(date +%s.%N)
  execs=$(awk '/stat::number_of_executed_units/ { print $NF }' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | cut -d' ' -f2)
  secs=$(echo "$end - $start" | bc)
  crashes=$(find "artifacts/$t" -name 'crash-*' -o -name 'oom-*' -o -name 'timeout-*' | wc -l)
  printf '%-16s %10s %8.0f %9.0f %6s %8s\n' "$t" "${execs:-?}" "$secs" "$(echo "${execs:-0} / $secs" | bc)" "${cov:-?}" "$crashes"
  if [ "$status" -ne 0 ]; then
    grep -a -A20 panicked "$log" | head -30 >&2
    exit "$status"
  fi
done
