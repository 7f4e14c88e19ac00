#!/usr/bin/env bash
# The test suite built by clang with AddressSanitizer and UndefinedBehaviorSanitizer
# (the `asan` preset, halting on the first error), and each libFuzzer harness of
# tests/fuzz run for TAGDESK_FUZZ_SECONDS (20) from its seed corpus.
#
#   scripts/test-asan.sh          every test but the Node-only GraphQL check (README:
#                                 Tests and benchmarks): 826 tests, all passing, in 24
#                                 minutes on two shared cores (2026-12-03), after a build
#                                 of every target (13 minutes with the shared ccache)
#   scripts/test-asan.sh --ci     what CI runs within its time (scripts/test.sh): the
#                                 harnesses and the unit, storage, tagger and sandbox
#                                 suites; the CLI, pipeline and widget suites, two thirds
#                                 of the full run's time, are left to it
# Expects what scripts/install-deps.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=()
# Not the GraphQL documents' check: it runs Node, none of our code, and needs the packages
# scripts/test.sh installs with `npm ci` first.
labels=(-LE graphql)
if [ "${1:-}" = "--ci" ]; then
  targets=(--target test_domain test_storage test_taggers test_sandbox
           fuzz_shopify_answers fuzz_bulk_jsonl fuzz_ximilar_answer fuzz_pixyle_answer
           fuzz_openai_answer fuzz_image_bytes fuzz_catalog fuzz_settings_file)
  labels=(-L 'unit|storage|taggers|sandbox|fuzz')
fi

cmake --preset asan
cmake --build --preset asan -j "$(nproc)" "${targets[@]}"

# The fault matrix's catalog: its default 1,000 products take minutes per run in the
# optimised build and many times that under the sanitizers; the code paths are the same.
export TAGDESK_FAULT_PRODUCTS="${TAGDESK_FAULT_PRODUCTS:-64}"

source scripts/test-env.sh
run_suite "ctest --preset asan -j $(nproc) --timeout 1200 ${labels[*]@Q}"
