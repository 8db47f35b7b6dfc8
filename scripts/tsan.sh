#!/usr/bin/env bash
# ThreadSanitizer: builds the runtime tests in build-tsan (-fsanitize=thread,
# that target only) and runs the test that evaluates one compiled library
# from 8 threads at once and checks every thread gets identical results
# (tests/runtime/EquivalenceTest.cpp, EightThreadsAgree), plus the batch test.
#   scripts/tsan.sh [extra gtest filter]
# Note: the compiled pathway's own code is emitted by LLVM without TSan
# instrumentation; the runtime around it (inputs, results, errors) is checked.
set -euo pipefail
cd "$(dirname "$0")/.."
build=build-tsan
filter=${1:-'Seeds/EquivalenceTest.EightThreadsAgree/*:Seeds/EquivalenceTest.BatchEntryAgreesWithSingle/*'}
if [[ ! -f $build/build.ninja ]]; then
  flags="-fsanitize=thread -fno-omit-frame-pointer"
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_FLAGS="$flags" -DCMAKE_CXX_FLAGS="$flags" \
    -DCMAKE_EXE_LINKER_FLAGS=-fsanitize=thread -DCMAKE_SHARED_LINKER_FLAGS=-fsanitize=thread \
    -DCMAKE_MODULE_LINKER_FLAGS=-fsanitize=thread \
    -DPATHWAY_BUILD_EXAMPLES=OFF >/dev/null
fi
ninja -C "$build" -j "${PATHWAY_JOBS:-2}" pathway_runtime_tests
export TSAN_OPTIONS=${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}
run() { "$build/tests/runtime/pathway_runtime_tests" --gtest_filter="$filter"; }
# TSan cannot map its shadow memory under the newest kernels' ASLR entropy
# ("unexpected memory mapping"): retry without address randomisation.
if ! output=$(run 2>&1); then
  if grep -q "unexpected memory mapping" <<<"$output"; then
    setarch "$(uname -m)" -R "$build/tests/runtime/pathway_runtime_tests" --gtest_filter="$filter"
  else
    echo "$output"
    exit 1
  fi
else
  echo "$output" | tail -5
fi
