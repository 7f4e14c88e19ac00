#!/usr/bin/env bash
# The fault matrix (tests/cli/test_cli_faults.cpp), its ten runs side by side. Each run is
# a 1,000-product job that spends most of its minutes waiting out injected hangs and
# Retry-Afters rather than computing, so together they take about as long as the longest
# run. Prints each run's figures, and the whole output of a run that fails; exits 1 if any
# run failed.
#
#   scripts/run-fault-matrix.sh [BUILD_DIR]     (default: build/ci)
#
# TAGDESK_FAULT_PRODUCTS and TAGDESK_FAULT_SEED reach the runs (see the test's header).
# scripts/test.sh runs it beside the rest of the suite.
set -euo pipefail
cd "$(dirname "$0")/.."

binary="${1:-build/ci}/tests/test_faults"
export QT_QPA_PLATFORM=offscreen
logs=$(mktemp -d)
trap 'rm -rf "$logs"' EXIT

# gtest lists "Suite." then "  test  # GetParam() = …" lines.
mapfile -t runs < <("$binary" --gtest_list_tests | awk '/^[^ ]/ { suite = $1 } /^  / { print suite $1 }')
if [ "${#runs[@]}" -eq 0 ]; then
  echo "run-fault-matrix: $binary lists no runs" >&2
  exit 1
fi

start=$SECONDS
pids=()
for i in "${!runs[@]}"; do
  "$binary" --gtest_filter="${runs[$i]}" >"$logs/$i.log" 2>&1 &
  pids+=($!)
done

failed=0
for i in "${!runs[@]}"; do
  if wait "${pids[$i]}"; then
    grep -A2 '^\[fault matrix\]' "$logs/$i.log" || true
  else
    failed=$((failed + 1))
    echo "FAILED: ${runs[$i]}"
    cat "$logs/$i.log"
  fi
done
echo "fault matrix: ${#runs[@]} runs side by side in $((SECONDS - start)) s, $failed failed"
[ "$failed" -eq 0 ]
