#!/usr/bin/env bash
# P9: peak memory (RSS) of a whole job run — list, fetch, download and analyse every
# product with the local colour analyser — for a 100,000-product store against a
# 10,000-product one, in the same run (goal: RSS(100k) ≤ 1.2 × RSS(10k)). Each run is a
# real tagdesk-cli process against a tagdesk-sandbox process (its store's memory is not
# counted), on a fresh database; the peak is GNU time's maximum resident set size. Medians
# of three runs per size (BENCH_RUNS=N sets another count). --quick: 1,000 against 10,000
# products, one run each.
#
# Usage: benchmarks/memory/bench_run_memory.sh [--quick] [BUILD_DIR]   (default build/ci)
set -euo pipefail

source "$(dirname "$0")/../common/sandboxprocess.sh"
read_arguments "$@"
cli="$build/app/tagdesk-cli"
require_tools bench_run_memory "$cli" "$build/sandbox/tagdesk-sandbox"
if ((quick)); then small=1000 large=10000 runs=1; else small=10000 large=100000 runs=3; fi
runs=${BENCH_RUNS:-$runs} # fewer for a first look; the figure wants three

# Peak RSS in KB of one run over a store of $1 products.
peak_kb() {
    local products=$1 db="$work/run.sqlite"
    rm -f "$db" "$db"-* && rm -rf "$XDG_CACHE_HOME"
    # A roomy cost bucket: this measures memory, not Shopify's rate limit.
    start_sandbox --products "$products" --bucket 1000000 --restore 1000000
    local url=$sandbox_url id
    id=$("$cli" --db "$db" --store "$url" jobs create --name "Memory $products" --tagger local)
    if ! /usr/bin/time -f '%M' -o "$work/peak" "$cli" --db "$db" --store "$url" jobs run "$id" \
        >"$work/run.log" 2>&1; then
        echo "bench_run_memory: the run of $products products failed:" >&2
        tail -3 "$work/run.log" "$work/peak" >&2
        stop_sandbox # a subshell: the exit trap is the parent's
        exit 2
    fi
    stop_sandbox
    tail -1 "$work/peak"
}

measure() {
    local products=$1 peaks=()
    local kb
    for _ in $(seq "$runs"); do
        # A subshell: a failed run ends the benchmark here, not with a figure of 0.
        kb=$(peak_kb "$products") || exit 2
        peaks+=("$kb")
    done
    median "${peaks[@]}"
}

small_kb=$(measure "$small") || exit 2
large_kb=$(measure "$large") || exit 2
ratio=$(awk -v a="$large_kb" -v b="$small_kb" 'BEGIN { printf "%.2f", a / b }')
met=$(awk -v r="$ratio" 'BEGIN { print (r <= 1.2) ? "yes" : "no" }')
per_product=$(awk -v a="$large_kb" -v b="$small_kb" -v n="$((large - small))" \
    'BEGIN { printf "%.2f", (a - b) * 1024 / n }')
printf '%-10s %12s\n' products "peak RSS"
printf '%-10s %9d KB\n' "$small" "$small_kb" "$large" "$large_kb"
echo "growth per product: $per_product bytes"
printf 'FIGURE|P9|peak memory of a whole run (list + download + analyse), %d products|%.0f MB|%.0f MB at %d products|%s×|≤ 1.2×|%s\n' \
    "$large" "$(awk -v k="$large_kb" 'BEGIN { print k / 1024 }')" \
    "$(awk -v k="$small_kb" 'BEGIN { print k / 1024 }')" "$small" "$ratio" "$met"
