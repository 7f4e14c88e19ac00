#!/usr/bin/env bash
# P11: a whole job of 10,000 products end to end — list and fetch, download and analyse
# with a remote tagger, approve every suggestion, sync — against the sum of its two bounds
# (goal: ≤ 1.2×), measured in the same run:
#   - the rate-limit bound: the Admin API points the job really spent, less the bucket it
#     started with, at the store's restore rate — the least time any client could take to
#     be allowed those requests ((spent − bucket) ÷ restore, from the sandbox's own bucket:
#     GET /_sandbox/stats);
#   - the tagger bound: the tagger calls the job made, C at a time, each taking the
#     tagger's latency L: ⌈calls ÷ C⌉ × L.
# Real processes: tagdesk-cli (jobs run, review approve --all, sync) against a
# tagdesk-sandbox process playing a Shopify Plus store (bucket 20,000 points, restore
# 1,000 a second: Shopify's "Shopify Plus" row of its rate-limit table,
# https://shopify.dev/docs/api/usage/limits) and Ximilar, answering each call after
# L = 100 ms, with Tagdesk sending C = 8 calls at once (TAGDESK_XIMILAR_CONCURRENCY). Each
# product has an image of its own, so each is downloaded and analysed (no answer cache
# hit). Medians of three runs (BENCH_RUNS=N sets another count); --quick: 1,000 products,
# one run.
#
# Usage: benchmarks/endtoend/bench_end_to_end.sh [--quick] [BUILD_DIR]   (default build/ci)
set -euo pipefail

source "$(dirname "$0")/../common/sandboxprocess.sh"
read_arguments "$@"
cli="$build/app/tagdesk-cli"
require_tools bench_end_to_end "$cli" "$build/sandbox/tagdesk-sandbox"
command -v curl >/dev/null || { echo "bench_end_to_end: curl is missing" >&2; exit 2; }
if ((quick)); then products=1000 runs=1; else products=10000 runs=3; fi
runs=${BENCH_RUNS:-$runs}
latency_ms=${BENCH_TAGGER_LATENCY_MS:-100}
concurrency=${BENCH_TAGGER_CONCURRENCY:-8}
bucket=20000
restore=1000
export TAGDESK_XIMILAR_KEY=sandbox-ximilar TAGDESK_XIMILAR_CONCURRENCY=$concurrency

now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", b - a }'; }
# A number from the sandbox's compact stats JSON: json_number KEY.
json_number() { grep -o "\"$1\":[0-9.e+-]*" "$work/stats.json" | head -1 | cut -d: -f2; }

# One run: prints "TOTAL_S RATE_BOUND_S TAGGER_BOUND_S RUN_S APPROVE_S SYNC_S CALLS".
measure_once() {
    local db="$work/run.sqlite"
    rm -f "$db" "$db"-* && rm -rf "$XDG_CACHE_HOME"
    start_sandbox --products "$products" --distinct-images --bucket "$bucket" \
        --restore "$restore" --fault "ximilar:latency=$latency_ms-$latency_ms"
    local url=$sandbox_url id
    export TAGDESK_XIMILAR_URL=$url
    id=$("$cli" --db "$db" --store "$url" jobs create --name "End to end $products" \
        --tagger ximilar)
    # A step that fails ends the benchmark (a subshell: stop the sandbox here).
    step() {
        local name=$1
        shift
        if ! "$cli" --db "$db" --store "$url" "$@" >"$work/$name.log" 2>&1; then
            echo "bench_end_to_end: $name failed:" >&2
            tail -5 "$work/$name.log" >&2
            stop_sandbox
            exit 2
        fi
    }
    local t0 t1 t2 t3
    t0=$(now)
    step run jobs run "$id"
    t1=$(now)
    step approve review approve "$id" --all
    t2=$(now)
    step sync sync "$id"
    t3=$(now)
    curl -sf "$url/_sandbox/stats" >"$work/stats.json" ||
        { echo "bench_end_to_end: the sandbox gave no stats" >&2; stop_sandbox; exit 2; }
    stop_sandbox
    local spent calls
    spent=$(json_number spent)
    calls=$(json_number ximilar)
    awk -v t0="$t0" -v t1="$t1" -v t2="$t2" -v t3="$t3" -v spent="$spent" \
        -v bucket="$bucket" -v restore="$restore" -v calls="$calls" -v c="$concurrency" \
        -v l="$latency_ms" 'BEGIN {
            rate = spent > bucket ? (spent - bucket) / restore : 0
            rounds = int(calls / c); if (rounds * c < calls) rounds++
            printf "%.1f %.1f %.1f %.1f %.1f %.1f %d\n", t3 - t0, rate, rounds * l / 1000,
                t1 - t0, t2 - t1, t3 - t2, calls
        }'
}

totals=()
lines=()
for _ in $(seq "$runs"); do
    line=$(measure_once) || exit 2
    lines+=("$line")
    totals+=("${line%% *}")
    echo "run: total ${line%% *} s (rate bound, tagger bound, run, approve, sync, calls: ${line#* })" >&2
done
total=$(median "${totals[@]}")
# The bounds of the median run (the calls and points hardly differ from run to run).
for line in "${lines[@]}"; do
    [[ "${line%% *}" == "$total" ]] && median_line=$line
done
read -r _ rate_s tagger_s run_s approve_s sync_s calls <<<"$median_line"
bound=$(awk -v a="$rate_s" -v b="$tagger_s" 'BEGIN { printf "%.1f", a + b }')
ratio=$(awk -v a="$total" -v b="$bound" 'BEGIN { printf "%.2f", a / b }')
met=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.2) ? "yes" : "no" }')
printf '%-34s %8s\n' "step (median run)" seconds
printf '%-34s %8s\n' "run (list, fetch, download, tag)" "$run_s" "approve every suggestion" \
    "$approve_s" "sync (check, write, read back)" "$sync_s" "whole job" "$total" \
    "rate-limit bound" "$rate_s" "tagger bound ($calls calls, $concurrency at once, ${latency_ms} ms)" \
    "$tagger_s"
printf 'FIGURE|P11|end to end, %d products: fetch + analyse + approve + sync (runs: %s s)|%s s|%s s: rate limit %s s + tagger %s s|%s×|≤ 1.2×|%s\n' \
    "$products" "${totals[*]}" "$total" "$bound" "$rate_s" "$tagger_s" "$ratio" "$met"
