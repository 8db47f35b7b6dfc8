// One patient at a time: the compiled PT pathway against the hand-written
// per-patient baseline, with and without the missing-input masks, and the
// reference interpreter. Items are patients.
#include <benchmark/benchmark.h>

#include "benchmarks/PtFixture.h"
#include "ir/Interpreter.h"
#include "pt/PtLayout.h"
#include "pt/PtRow.h"

namespace pathway::bench {
namespace {

using namespace pt;

constexpr uint64_t kPool = 4096;  // patients cycled through (fits in L2)

template <typename Evaluate>
void single(benchmark::State& state, bool masks, Evaluate&& evaluate) {
  const Rows& rows = ptPatients(kPool);
  std::vector<uint8_t> slots(kSlotCount);
  std::vector<double> numbers(kSlotCount);
  std::vector<uint64_t> missing(kRecommendationCount);
  uint64_t p = 0;
  for (auto _ : state) {
    evaluate(&rows.values[p * kInputCount], &rows.known[p * kInputCount], slots.data(),
             numbers.data(), masks ? missing.data() : nullptr);
    benchmark::DoNotOptimize(slots.data());
    benchmark::ClobberMemory();
    p = (p + 1) % kPool;
  }
  state.SetItemsProcessed(state.iterations());
}

void BM_Single_Baseline(benchmark::State& state) {
  single(state, state.range(0) != 0, evaluateRow);
}
void BM_Single_Compiled(benchmark::State& state) {
  single(state, state.range(0) != 0, ptFixture().descriptor->evaluate);
}
BENCHMARK(BM_Single_Baseline)->ArgName("masks")->Arg(1)->Arg(0);
BENCHMARK(BM_Single_Compiled)->ArgName("masks")->Arg(1)->Arg(0);

// The runtime's pw_evaluate on a pw_input/pw_result (argument checks included).
void BM_Single_Runtime(benchmark::State& state) {
  const PtFixture& f = ptFixture();
  const Rows& rows = ptPatients(kPool);
  std::vector<std::unique_ptr<pathway::Input>> inputs;
  for (uint64_t p = 0; p < 256; ++p) {
    inputs.push_back(std::make_unique<pathway::Input>(*f.library));
    for (uint32_t i = 0; i < kInputCount; ++i) {
      if (!rows.known[p * kInputCount + i]) continue;
      const double v = rows.values[p * kInputCount + i];
      switch (f.library->input(i).kind) {
        case PW_INPUT_BOOL: inputs.back()->setBool(i, v != 0); break;
        case PW_INPUT_ENUM: inputs.back()->setEnumIndex(i, static_cast<uint32_t>(v)); break;
        default: inputs.back()->setNumber(i, v); break;
      }
    }
  }
  Result result(*f.library);
  uint64_t p = 0;
  for (auto _ : state) {
    evaluate(*f.library, *inputs[p], result);
    p = (p + 1) % inputs.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Single_Runtime);

void BM_Single_Interpreter(benchmark::State& state) {
  const PtFixture& f = ptFixture();
  const Rows& rows = ptPatients(kPool);
  std::vector<uint8_t> slots(kSlotCount);
  std::vector<double> numbers(kSlotCount);
  std::vector<uint64_t> missing(kRecommendationCount);
  uint64_t p = 0;
  for (auto _ : state) {
    ir::interpret(f.program, &rows.values[p * kInputCount], &rows.known[p * kInputCount],
                  slots.data(), numbers.data(), missing.data());
    benchmark::ClobberMemory();
    p = (p + 1) % kPool;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Single_Interpreter);

}  // namespace
}  // namespace pathway::bench
