#!/usr/bin/env bash
# Sets everything up and runs the whole test suite.
#   scripts/test.sh            release build, every test (about 2-4 minutes warm)
#   scripts/test.sh asan       the same under AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
preset="${1:-release}"
./scripts/build.sh "$preset"
# Sanitizers: fail on the first finding; LSan cannot work under ptrace.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
ctest --preset "$preset"
