#!/usr/bin/env bash
# Runs every benchmark program of the performance suite (issue 15) in an optimised build
# (RelWithDebInfo, the `ci` preset), collects the FIGURE rows they print
# (benchmarks/common/figure.h) and prints one table: figure, measured, baseline, ratio,
# goal, met. BENCHMARKS.md holds the last full run.
#
#   benchmarks/run-suite.sh            the full sizes (tens of minutes on 2 cores)
#   benchmarks/run-suite.sh --quick    a smoke size of each program: shows they run
#   options: --build-dir DIR (default build/ci), --no-build, --keep-logs DIR
set -euo pipefail
cd "$(dirname "$0")/.."

# The programs, in the order their rows are printed. A program that is not built (e.g. a
# GUI benchmark in a build without Widgets) is reported as missing, not skipped silently.
programs=(
  bench_colour
  bench_startup
  bench_review
  bench_storage
  bench_bulk
  bench_listing
  bench_tagging
)

# The scripts that drive whole programs (a job run against a sandbox process), after
# the programs; they take --quick and the build directory.
scripts=(
  benchmarks/memory/bench_run_memory.sh
  benchmarks/stall/bench_stall.sh
  benchmarks/images/bench_image_bytes.sh
  benchmarks/endtoend/bench_end_to_end.sh
)

quick=0
build=1
build_dir=build/ci
logs=""
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) quick=1 ;;
    --no-build) build=0 ;;
    --build-dir) build_dir="$2"; shift ;;
    --keep-logs) logs="$2"; shift ;;
    -h|--help) sed -n '2,10p' "$0"; exit 0 ;;
    *) echo "run-suite.sh: unknown option '$1' (see --help)" >&2; exit 1 ;;
  esac
  shift
done

if [ "$build" = 1 ]; then
  if [ ! -f "$build_dir/CMakeCache.txt" ]; then
    cmake --preset ci >/dev/null
  fi
  cmake --build "$build_dir" -j "$(nproc)" --target "${programs[@]}" tagdesk tagdesk-cli \
    tagdesk-sandbox
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
[ -n "$logs" ] && mkdir -p "$logs"

# Each program gets a private home and offscreen Qt, as the tests do.
export QT_QPA_PLATFORM=offscreen
export TAGDESK_BENCH_QUICK=$quick
failed=0
# Runs NAME's command in a private home, keeps its log and its FIGURE rows; a failure is a
# row of its own.
measure() {
  local name=$1 log="$work/$1.log"
  shift
  echo "running $name…" >&2
  if ! (export HOME="$work/home-$name" XDG_CONFIG_HOME="$work/home-$name/config" \
               XDG_DATA_HOME="$work/home-$name/data" XDG_CACHE_HOME="$work/home-$name/cache"
        mkdir -p "$HOME" && "$@") >"$log" 2>&1; then
    echo "FIGURE|$name|it failed: see its log|-|-|-|-|no" >>"$log"
    tail -n 20 "$log" >&2
    failed=1
  fi
  [ -n "$logs" ] && cp "$log" "$logs/"
  grep '^FIGURE|' "$log" >>"$work/figures" || true
}

for program in "${programs[@]}"; do
  binary="$build_dir/benchmarks/$program"
  if [ ! -x "$binary" ]; then
    echo "FIGURE|$program|not built ($binary is missing)|-|-|-|-|no" >>"$work/figures"
    failed=1
    continue
  fi
  measure "$program" "$binary"
done
quick_flag=()
[ "$quick" = 1 ] && quick_flag=(--quick)
for script in "${scripts[@]}"; do
  measure "$(basename "$script" .sh)" "$script" "${quick_flag[@]}" "$build_dir"
done

# The table, as Markdown so that BENCHMARKS.md can take it as it is.
echo
echo "| figure | what | measured | baseline | ratio | goal | met |"
echo "|---|---|---|---|---|---|---|"
cut -d'|' -f2- "$work/figures" | sed 's/|/ | /g; s/^/| /; s/$/ |/'
echo
if [ "$quick" = 1 ]; then
  echo "(--quick: smoke sizes; the figures above are not the issue's)"
fi
total=$(wc -l <"$work/figures")
met=$(grep -c '|yes$' "$work/figures" || true)
echo "$met of $total figures met their goal"
exit "$failed"
