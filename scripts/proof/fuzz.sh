#!/usr/bin/env bash
# Runs each libFuzzer target in fuzz/ for a bounded time and prints how many
# executions ran clean.
#
#   scripts/proof/fuzz.sh [seconds-per-target] [target ...]
#
# Default: 60 s for each of validate_request, parse_response, build_request and
# json_text. Exits non-zero if a target finds a crash, a timeout or a leak
# (libFuzzer writes the input to fuzz/artifacts/<target>/).
#
# cargo-fuzz passes nightly-only flags (-Zsanitizer=address, -Cpasses=sancov…);
# this machine has only a stable toolchain and cannot fetch another, so the
# script sets RUSTC_BOOTSTRAP=1, which lets stable rustc accept them. It
# installs cargo-fuzz if it is missing, at a pinned version, niced (it is a
# long build on two cores).
set -euo pipefail
cd "$(dirname "$0")/../.."

SECONDS_PER_TARGET=${1:-60}
shift || true
TARGETS=("$@")
if [ ${#TARGETS[@]} -eq 0 ]; then
  TARGETS=(validate_request parse_response build_request json_text)
fi
CARGO_FUZZ_VERSION=0.13.2
export PATH="$HOME/.cargo/bin:$PATH"
export RUSTC_BOOTSTRAP=1

say() { printf '[fuzz] %s\n' "$*"; }

if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  say "installing cargo-fuzz $CARGO_FUZZ_VERSION (a few minutes)"
  nice -n 19 cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --force
fi

say "building the targets (release, AddressSanitizer, debug assertions)"
for target in "${TARGETS[@]}"; do
  if ! build_log=$(nice -n 10 cargo fuzz build --fuzz-dir fuzz "$target" 2>&1); then
    printf '%s\n' "$build_log" | tail -n 40
    exit 1
  fi
done

declare -A EXECS
status=0
for target in "${TARGETS[@]}"; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus" "fuzz/artifacts/$target"
  log="fuzz/artifacts/$target/last-run.log"
  say "$target: ${SECONDS_PER_TARGET} s"
  set +e
  # The first corpus directory receives new inputs; the committed seeds are read only.
  nice -n 10 cargo fuzz run --fuzz-dir fuzz "$target" "$corpus" "fuzz/seeds/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -timeout=10 -rss_limit_mb=2048 -max_len=16384 \
    -dict=fuzz/seeds/json.dict -print_final_stats=1 >"$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -n 1)
  EXECS[$target]=${execs:-0}
  if [ $rc -ne 0 ]; then
    status=1
    say "$target FAILED (exit $rc) after ${execs:-?} executions; the input is in fuzz/artifacts/$target/:"
    grep -E 'panicked|ERROR|SUMMARY|Test unit written|timeout' "$log" | head -n 20 || tail -n 30 "$log"
  fi
done

echo
echo "fuzz executions (${SECONDS_PER_TARGET} s per target):"
for target in "${TARGETS[@]}"; do
  printf '  %-18s %12s executions  corpus %s files\n' "$target" "${EXECS[$target]}" "$(find "fuzz/corpus/$target" -type f | wc -l)"
done
exit $status
