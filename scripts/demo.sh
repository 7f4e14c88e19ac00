#!/usr/bin/env bash
# Installs what is missing, builds Tagdesk and starts it on the demo store.
# This is README command 1.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
cmake --preset release >/dev/null
cmake --build --preset release -j "$(nproc)"
exec build/release/app/tagdesk --demo "$@"
