#!/usr/bin/env bash
# Builds the release benchmark tree (build-bench), runs every benchmark with
# repetitions and rewrites the results table in docs/performance.md.
#   scripts/bench.sh                 everything (long: the 100,000-recommendation
#                                    build and 1M-patient batches)
#   scripts/bench.sh --quick         skips the 10,000/100,000-recommendation builds
#   BENCH_FILTER=regex scripts/bench.sh   only matching benchmarks (table not rewritten)
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
build=${BUILD_DIR:-$root/build-bench}
reps=${BENCH_REPETITIONS:-3}
filter=${BENCH_FILTER:-.}
table=yes
[[ -n ${BENCH_FILTER:-} ]] && table=no
# A leading '-' negates a Google Benchmark filter.
if [[ ${1:-} == --quick ]]; then filter='-BM_Build_Process/recs:(10000|100000)/|BM_Compile_Phases/recs:10000/'; fi

cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j2 --target pathway_bench pathwayc pt_failure_library

out=$build/bench-results.json
"$build/bench/pathway_bench" --benchmark_filter="$filter" --benchmark_repetitions="$reps" \
  --benchmark_report_aggregates_only=true --benchmark_out="$out" --benchmark_out_format=json

if [[ $table == no ]]; then echo "results in $out (table not rewritten for a filtered run)"; exit 0; fi
python3 "$root/scripts/bench_table.py" "$out" "$root/docs/performance.md"
