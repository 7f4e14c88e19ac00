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

source scripts/test-env.sh
# The fault matrix's ten runs (1,000 products each; all faults together also on 64, one
# product at a time) mostly
# wait out injected hangs and Retry-Afters: they run side by side, beside the rest of the suite
# and the sanitizer runs.
scripts/run-fault-matrix.sh build/ci >build/ci/fault-matrix.log 2>&1 &
fault_matrix=$!
run_suite 'ctest --preset ci -LE faults -j "$(nproc)" --timeout 600'

# The unit, storage, tagger and sandbox suites again under AddressSanitizer and
# UndefinedBehaviorSanitizer (clang), then each libFuzzer harness of tests/fuzz for 20
# seconds. The whole suite under the sanitizers does not fit in CI's time on two cores:
# scripts/test-asan.sh without --ci runs it.
scripts/test-asan.sh --ci

echo "Waiting for the fault matrix (scripts/run-fault-matrix.sh)…"
matrix_status=0
wait "$fault_matrix" || matrix_status=$?
cat build/ci/fault-matrix.log
exit "$matrix_status"
