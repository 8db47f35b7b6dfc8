#!/usr/bin/env bash
# Builds (if needed) and runs the libFuzzer targets.
#   scripts/fuzz.sh TARGET SECONDS     TARGET: frontend | input_json | loader | lsp
#   scripts/fuzz.sh all SECONDS        each target for SECONDS (CI: all 60)
# Build: build-fuzz (clang-14, -DPATHWAY_FUZZ=ON: coverage + ASan + UBSan).
# Seeds: tests/files, pathways, tests/scenarios and the saved reproducers in
# tests/fuzz/regressions/TARGET (replayed first: a fixed bug must stay fixed).
# The growing corpus stays in build-fuzz/corpus/TARGET; a crash, leak or
# timeout is written to build-fuzz/artifacts/TARGET/ and fails the script.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
targets=(frontend input_json loader lsp)
usage() { echo "usage: $0 {${targets[*]// /|}|all} SECONDS" >&2; exit 2; }
[[ $# -eq 2 ]] || usage
what=$1
seconds=$2
[[ $seconds =~ ^[0-9]+$ ]] || usage
if [[ $what == all ]]; then
  selected=("${targets[@]}")
else
  [[ " ${targets[*]} " == *" $what "* ]] || usage
  selected=("$what")
fi

build=$root/build-fuzz
jobs=${PATHWAY_JOBS:-2}
if [[ ! -f $build/build.ninja ]]; then
  cmake -S "$root" -B "$build" -G Ninja \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
    -DPATHWAY_FUZZ=ON -DPATHWAY_BUILD_TESTS=OFF -DPATHWAY_BUILD_EXAMPLES=OFF \
    -DPATHWAY_WERROR=OFF >/dev/null
fi
ninja -C "$build" -j "$jobs" "${selected[@]/#/pathway_fuzz_}"

# Seed corpora: copied once per target into a scratch seed directory.
seed_dir() {
  local target=$1 dir=$build/seeds/$1
  rm -rf "$dir"
  mkdir -p "$dir"
  case $target in
    frontend)
      find tests/files pathways tests/scenarios examples -name '*.pw' -type f -print0 2>/dev/null |
        xargs -0 -I{} sh -c 'cp "$1" "$2/$(echo "$1" | tr / _)"' _ {} "$dir"
      ;;
    input_json)
      find pathways tests/scenarios -name '*.json' -type f -print0 2>/dev/null |
        xargs -0 -I{} sh -c 'cp "$1" "$2/$(echo "$1" | tr / _)"' _ {} "$dir"
      cp tests/fuzz/seeds/input_json/* "$dir"/
      ;;
    loader)
      cp tests/fuzz/seeds/loader/* "$dir"/
      ;;
    lsp)
      cp tests/fuzz/seeds/lsp/* "$dir"/
      ;;
  esac
  echo "$dir"
}

export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
status=0
for target in "${selected[@]}"; do
  binary=$build/tests/fuzz/pathway_fuzz_$target
  corpus=$build/corpus/$target
  artifacts=$build/artifacts/$target
  mkdir -p "$corpus" "$artifacts"
  regressions=tests/fuzz/regressions/$target
  if [[ -d $regressions ]] && compgen -G "$regressions/*" >/dev/null; then
    echo "== $target: replaying $(ls "$regressions" | wc -l) saved reproducers"
    "$binary" -runs=0 "$regressions"/* >/dev/null 2>"$build/replay-$target.log" ||
      { echo "== $target: a saved reproducer fails again, see $build/replay-$target.log"; status=1; continue; }
  fi
  dict=()
  [[ -f tests/fuzz/$target.dict ]] && dict=(-dict="tests/fuzz/$target.dict")
  seeds=$(seed_dir "$target")
  echo "== $target: fuzzing for $seconds s (corpus $corpus)"
  if ! "$binary" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2560 -max_len=65536 \
        -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" "$corpus" "$seeds" \
        2>"$build/fuzz-$target.log"; then
    echo "== $target: FAILED; reproducer in $artifacts/, log $build/fuzz-$target.log"
    grep -E "ERROR|SUMMARY|Test unit written" "$build/fuzz-$target.log" | head -5 || true
    status=1
  else
    grep -E "stat::number_of_executed_units|stat::peak_rss_mb" "$build/fuzz-$target.log" | sed "s/^/== $target: /" || true
  fi
done
exit $status
