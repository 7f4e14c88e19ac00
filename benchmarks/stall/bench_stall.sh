#!/usr/bin/env bash
# P5: the longest stall of the desktop app's event loop while a job of 10,000 products
# runs (list, fetch, download, analyse with the local colour analyser) and, approved,
# syncs — against a 16 ms frame (goal: ≤ 50 ms). The real `tagdesk` window (offscreen)
# against a tagdesk-sandbox process: started with --run, then with --sync, each time with
# TAGDESK_STALL_PROBE=1, which times a 4 ms timer on the GUI thread while the work runs and
# prints the longest gap beyond 4 ms (app/gui/stallprobe.h). The approval between the two
# goes through tagdesk-cli. Medians of three (BENCH_RUNS=N sets another count); --quick:
# 2,000 products, one run.
#
# Usage: benchmarks/stall/bench_stall.sh [--quick] [BUILD_DIR]   (default build/ci)
set -euo pipefail

source "$(dirname "$0")/../common/sandboxprocess.sh"
read_arguments "$@"
app="$build/app/tagdesk"
cli="$build/app/tagdesk-cli"
require_tools bench_stall "$app" "$cli" "$build/sandbox/tagdesk-sandbox"
if ((quick)); then products=2000 runs=1; else products=10000 runs=3; fi
runs=${BENCH_RUNS:-$runs}
frame_ms=16
goal_ms=50
export QT_QPA_PLATFORM=offscreen

# Runs the window with the probe on; prints the longest stall in ms.
probed() {
    local what=$1 log="$work/$1.log"
    shift
    if ! TAGDESK_STALL_PROBE=1 "$app" "$@" >"$log" 2>&1; then
        echo "bench_stall: the window's $what failed:" >&2
        tail -5 "$log" >&2
        exit 2
    fi
    local line
    line=$(grep '^stall: ' "$log" | tail -1)
    [[ -n "$line" ]] || { echo "bench_stall: the $what printed no stall figure" >&2; tail -5 "$log" >&2; exit 2; }
    echo "$what: ${line#stall: }" >&2
    sed -n 's/^stall: longest \([0-9]*\) ms.*/\1/p' <<<"$line"
}

# One run: prints "RUN_MS SYNC_MS".
measure_once() {
    local db="$work/run.sqlite"
    rm -f "$db" "$db"-* && rm -rf "$XDG_CACHE_HOME"
    # A roomy cost bucket: this measures the window, not Shopify's rate limit; an image of
    # its own for each product, so that each is downloaded and analysed.
    start_sandbox --products "$products" --distinct-images --bucket 1000000 --restore 1000000
    export TAGDESK_SHOPIFY_STORE="$sandbox_url"
    local id
    id=$("$cli" --db "$db" --store "$sandbox_url" jobs create --name "Stall $products" \
        --tagger local)
    local run_ms sync_ms
    # A subshell: a failure stops the sandbox itself (the exit trap is the parent's).
    run_ms=$(probed run --db "$db" --run "$id") || { stop_sandbox; exit 2; }
    "$cli" --db "$db" --store "$sandbox_url" review approve "$id" --all >/dev/null
    sync_ms=$(probed sync --db "$db" --sync "$id") || { stop_sandbox; exit 2; }
    stop_sandbox
    echo "$run_ms $sync_ms"
}

runs_ms=()
syncs_ms=()
for _ in $(seq "$runs"); do
    pair=$(measure_once) || exit 2
    runs_ms+=("${pair% *}")
    syncs_ms+=("${pair#* }")
done
run_ms=$(median "${runs_ms[@]}")
sync_ms=$(median "${syncs_ms[@]}")
figure() {
    local name=$1 what=$2 ms=$3
    printf 'FIGURE|%s|%s|%d ms|%d ms frame|%s×|≤ %d ms|%s\n' "$name" "$what" "$ms" "$frame_ms" \
        "$(awk -v a="$ms" -v b="$frame_ms" 'BEGIN { printf "%.2f", a / b }')" "$goal_ms" \
        "$( ((ms <= goal_ms)) && echo yes || echo no)"
}
figure P5 "longest event-loop stall while a $products-product job runs (window, runs: ${runs_ms[*]} ms)" "$run_ms"
figure P5 "longest event-loop stall while it syncs (window, runs: ${syncs_ms[*]} ms)" "$sync_ms"
