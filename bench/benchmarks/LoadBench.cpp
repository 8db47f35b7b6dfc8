// Start-up cost an app pays: pw_library_open (ELF checks, dlopen, descriptor
// and metadata checks, schema parsing) to the first result of pw_evaluate,
// then pw_library_close so that the next iteration loads the library again.
#include <benchmark/benchmark.h>

#include <pathway/pathway.hpp>

namespace pathway::bench {
namespace {

void BM_Load_OpenToFirstResult(benchmark::State& state) {
  for (auto _ : state) {
    Library library(PATHWAY_PT_FAILURE_LIBRARY);
    Input input(library);
    Result result(library);
    evaluate(library, input, result);
    benchmark::DoNotOptimize(result.get());
  }
}
BENCHMARK(BM_Load_OpenToFirstResult)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace pathway::bench
