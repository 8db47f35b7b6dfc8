// Many patients at once: the compiled row entry point (evaluate_batch) and
// column entry point (pw_evaluate_columns) against the hand-written
// per-patient and 64-per-word bit-sliced baselines, on the same generated
// patients. Items are patients; outputs are written to memory each time.
#include <benchmark/benchmark.h>

#include "benchmarks/PtFixture.h"
#include "pt/PtBitsliced.h"
#include "pt/PtLayout.h"
#include "pt/PtRow.h"

namespace pathway::bench {
namespace {

using namespace pt;

template <typename Evaluate>
void rows(benchmark::State& state, Evaluate&& evaluate) {
  const uint64_t count = static_cast<uint64_t>(state.range(0));
  const bool masks = state.range(1) != 0;
  const Rows& in = ptPatients(count);
  std::vector<uint8_t> slots(count * kSlotCount);
  std::vector<double> numbers(count * kSlotCount);
  std::vector<uint64_t> missing(masks ? count * kRecommendationCount : 0);
  for (auto _ : state) {
    evaluate(count, in.values.data(), in.known.data(), slots.data(), numbers.data(),
             masks ? missing.data() : nullptr);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * count);
}

template <typename Evaluate>
void columns(benchmark::State& state, Evaluate&& evaluate) {
  const uint64_t count = static_cast<uint64_t>(state.range(0));
  const bool masks = state.range(1) != 0;
  const ColumnInputs in = toColumns(ptPatients(count));
  const uint64_t words = in.words;
  std::vector<uint64_t> truth(kSlotCount * words), unknown(kSlotCount * words);
  std::vector<double> numbers(in.lanes);
  std::vector<uint64_t> missing(masks ? words * kRecommendationCount * kInputCount : 0);
  for (auto _ : state) {
    evaluate(count, in.values.data(), in.known.data(), truth.data(), unknown.data(),
             numbers.data(), masks ? missing.data() : nullptr);
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * count);
}

void BM_Batch_Rows_Baseline(benchmark::State& state) { rows(state, evaluateRows); }
void BM_Batch_Rows_Compiled(benchmark::State& state) {
  rows(state, ptFixture().descriptor->evaluate_batch);
}
void BM_Batch_Columns_Bitsliced(benchmark::State& state) { columns(state, evaluateBitsliced); }
void BM_Batch_Columns_Compiled(benchmark::State& state) {
  columns(state, ptFixture().descriptor->evaluate_columns);
}

void sizes(benchmark::internal::Benchmark* b, bool withMasks) {
  b->ArgNames({"patients", "masks"})->Unit(benchmark::kMillisecond)->UseRealTime();
  for (int64_t n : {int64_t{1} << 16, int64_t{1} << 20}) {
    b->Args({n, 0});
    if (withMasks) b->Args({n, 1});
  }
}

BENCHMARK(BM_Batch_Rows_Baseline)->Apply([](auto* b) { sizes(b, true); });
BENCHMARK(BM_Batch_Rows_Compiled)->Apply([](auto* b) { sizes(b, true); });
BENCHMARK(BM_Batch_Columns_Bitsliced)->Apply([](auto* b) { sizes(b, false); });
BENCHMARK(BM_Batch_Columns_Compiled)->Apply([](auto* b) { sizes(b, true); });

}  // namespace
}  // namespace pathway::bench
