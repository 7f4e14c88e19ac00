#!/usr/bin/env bash
# Installs what is missing, builds Tagdesk with warnings as errors, and runs every test.
# This is README command 2, and exactly what CI runs (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/install-deps.sh

# Formatting is part of the build's promises: fail early, before compiling.
scripts/check-format.sh

cmake --preset ci
cmake --build --preset ci -j "$(nproc)"

# The layers hold without Widgets: the core, the sandbox and the CLI build with no GUI at
# all, and the layer probes (tests/layers) pass there too.
cmake --preset core-only
cmake --build --preset core-only -j "$(nproc)" --target tagdesk-cli tagdesk-sandbox
ctest --test-dir build/core-only -L layers --output-on-failure

# Tests that need Node's reference GraphQL implementation get it from the lockfile.
if [ -f tests/graphql/package-lock.json ]; then
  (cd tests/graphql && npm ci --no-audit --no-fund --loglevel=error)
fi

export QT_QPA_PLATFORM=offscreen
# A private HOME per run: the keychain, settings and app-data folders tests touch are
# their own and start empty.
TAGDESK_TEST_HOME=$(mktemp -d)
export HOME="$TAGDESK_TEST_HOME" XDG_DATA_HOME="$TAGDESK_TEST_HOME/data" \
       XDG_CONFIG_HOME="$TAGDESK_TEST_HOME/config" XDG_CACHE_HOME="$TAGDESK_TEST_HOME/cache"
mkdir -p "$HOME/.cache" "$XDG_DATA_HOME"
trap 'rm -rf "$TAGDESK_TEST_HOME"' EXIT

# PostgreSQL tests get a throwaway cluster (pg_virtualenv exports PGHOST/PGPORT/…);
# the secret-store test gets a D-Bus session with an unlocked gnome-keyring.
run_ctest='ctest --preset ci -j "$(nproc)" --timeout 600'
pg_virtualenv -t -- dbus-run-session -- sh -c \
  "echo -n tagdesk-test | gnome-keyring-daemon --unlock --components=secrets >/dev/null && $run_ctest"
