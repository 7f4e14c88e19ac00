# Shared by the benchmark scripts that drive whole programs against a tagdesk-sandbox
# process: reads their arguments, checks the tools are built, gives each script a private
# home and a scratch folder ($work, removed on exit), and starts and stops the sandbox.
#
#   read_arguments "$@"               [--quick] [BUILD_DIR]: sets $quick (0/1) and $build
#   require_tools NAME TOOL...        exits 2 naming a tool that is not built
#   start_sandbox ARGS...             starts it; sets $sandbox_url (and $sandbox_pid)
#   stop_sandbox

work=$(mktemp -d)
sandbox_pid=
sandbox_url=
cleanup_sandbox_process() {
    [[ -n "$sandbox_pid" ]] && kill "$sandbox_pid" 2>/dev/null || true
    rm -rf "$work"
}
trap cleanup_sandbox_process EXIT

export HOME="$work/home" XDG_DATA_HOME="$work/home/data" XDG_CONFIG_HOME="$work/home/config" \
    XDG_CACHE_HOME="$work/home/cache" TAGDESK_SHOPIFY_TOKEN=shpat_sandbox LC_ALL=C.UTF-8
mkdir -p "$HOME"

read_arguments() {
    quick=0
    if [[ "${1:-}" == "--quick" ]]; then
        quick=1
        shift
    fi
    build=${1:-build/ci}
}

require_tools() {
    local name=$1 tool
    shift
    for tool in "$@"; do
        [[ -x "$tool" ]] || { echo "$name: $tool is missing: build it first" >&2; exit 2; }
    done
}

start_sandbox() {
    local log="$work/sandbox.log"
    "$build/sandbox/tagdesk-sandbox" "$@" >"$log" 2>&1 &
    sandbox_pid=$!
    sandbox_url=
    for _ in $(seq 600); do
        sandbox_url=$(sed -n 's/^listening on \(http:[^ ]*\).*/\1/p' "$log" | head -1)
        [[ -n "$sandbox_url" ]] && return 0
        sleep 0.1
    done
    echo "the sandbox did not start:" >&2
    cat "$log" >&2
    exit 2
}

stop_sandbox() {
    kill "$sandbox_pid" && wait "$sandbox_pid" 2>/dev/null || true
    sandbox_pid=
}

median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
