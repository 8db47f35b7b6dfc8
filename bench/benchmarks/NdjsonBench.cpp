// `pathwayc run <lib> --ndjson -i patients.ndjson -j JOBS` as a process, on
// generated PT patients (JSON parsing, evaluation and JSON output of every
// result), with one thread and with one per core of this machine.
#include <benchmark/benchmark.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "benchmarks/PtFixture.h"
#include "support/Process.h"

namespace pathway::bench {
namespace {

void BM_Ndjson(benchmark::State& state) {
  const uint64_t count = static_cast<uint64_t>(state.range(0));
  const std::string jobs = std::to_string(state.range(1));
  const std::string input = "/tmp/pathway-bench-ndjson-" + std::to_string(count) + ".ndjson";
  std::ofstream(input) << toNdjson(*ptFixture().library, ptPatients(count));
  for (auto _ : state) {
    const ProcessRun run =
        runProcess({PATHWAYC, "run", PATHWAY_PT_FAILURE_LIBRARY, "--ndjson", "-i", input, "-j", jobs});
    if (run.exitCode != 0) {
      state.SkipWithError("pathwayc run failed");
      break;
    }
    state.SetIterationTime(run.seconds);
  }
  std::remove(input.c_str());
  state.SetItemsProcessed(state.iterations() * count);
}
BENCHMARK(BM_Ndjson)->ArgNames({"patients", "jobs"})->Args({1000, 1})->Args({100000, 1})
    ->Args({100000, 2})->UseManualTime()->Unit(benchmark::kMillisecond);

}  // namespace
}  // namespace pathway::bench
