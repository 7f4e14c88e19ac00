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

quick=0
if [[ "${1:-}" == "--quick" ]]; then
    quick=1
    shift
fi
build=${1:-build/ci}
cli="$build/app/tagdesk-cli"
sandbox="$build/sandbox/tagdesk-sandbox"
for tool in "$cli" "$sandbox"; do
    [[ -x "$tool" ]] || { echo "bench_run_memory: $tool is missing: build it first" >&2; exit 2; }
done
if ((quick)); then small=1000 large=10000 runs=1; else small=10000 large=100000 runs=3; fi
runs=${BENCH_RUNS:-$runs} # fewer for a first look; the figure wants three

work=$(mktemp -d)
sandbox_pid=
cleanup() {
    [[ -n "$sandbox_pid" ]] && kill "$sandbox_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup EXIT

export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" \
    XDG_CACHE_HOME="$work/home/cache" TAGDESK_SHOPIFY_TOKEN=shpat_sandbox LC_ALL=C.UTF-8
mkdir -p "$HOME"

# Peak RSS in KB of one run over a store of $1 products.
peak_kb() {
    local products=$1 log="$work/sandbox.log" db="$work/run.sqlite"
    rm -f "$db" "$db"-* && rm -rf "$XDG_CACHE_HOME"
    # A roomy cost bucket: this measures memory, not Shopify's rate limit.
    "$sandbox" --products "$products" --bucket 1000000 --restore 1000000 >"$log" 2>&1 &
    sandbox_pid=$!
    local url=
    for _ in $(seq 600); do
        url=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$log" | head -1)
        [[ -n "$url" ]] && break
        sleep 0.1
    done
    [[ -n "$url" ]] || { echo "bench_run_memory: the sandbox did not start" >&2; cat "$log" >&2; exit 2; }
    local id
    id=$("$cli" --db "$db" --store "$url" jobs create --name "Memory $products" --tagger local)
    if ! /usr/bin/time -f '%M' -o "$work/peak" "$cli" --db "$db" --store "$url" jobs run "$id" \
        >"$work/run.log" 2>&1; then
        echo "bench_run_memory: the run of $products products failed:" >&2
        tail -3 "$work/run.log" "$work/peak" >&2
        kill "$sandbox_pid" 2>/dev/null || true
        exit 2
    fi
    kill "$sandbox_pid" && wait "$sandbox_pid" 2>/dev/null || true
    sandbox_pid=
    tail -1 "$work/peak"
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }

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
