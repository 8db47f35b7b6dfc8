// One patient at a time: the compiled PT pathway against the hand-written
// per-patient baseline, with and without the missing-input masks, with and
// without the explanation trace, and the reference interpreter. Items are
// patients.
#include <benchmark/benchmark.h>

#include <cstring>

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

// The trace entry point, recording every condition-graph node (trace:1), or
// called with trace = NULL (trace:0), both with masks.
void BM_Single_Traced(benchmark::State& state) {
  const pw_descriptor& d = *ptFixture().descriptor;
  std::vector<uint8_t> trace(d.n_trace_nodes);
  uint8_t* out = state.range(0) != 0 ? trace.data() : nullptr;
  single(state, true, [&](const double* values, const uint8_t* known, uint8_t* slots, double* numbers,
                          uint64_t* missing) { d.evaluate_trace(values, known, slots, numbers, missing, out); });
}
BENCHMARK(BM_Single_Traced)->ArgName("trace")->Arg(1)->Arg(0);

// Patient `p` of `rows` as a runtime input.
std::unique_ptr<pathway::Input> patientInput(const PtFixture& f, const Rows& rows, uint64_t p) {
  auto input = std::make_unique<pathway::Input>(*f.library);
  for (uint32_t i = 0; i < kInputCount; ++i) {
    if (!rows.known[p * kInputCount + i]) continue;
    const double v = rows.values[p * kInputCount + i];
    switch (f.library->input(i).kind) {
      case PW_INPUT_BOOL: input->setBool(i, v != 0); break;
      case PW_INPUT_ENUM: input->setEnumIndex(i, static_cast<uint32_t>(v)); break;
      default: input->setNumber(i, v); break;
    }
  }
  return input;
}

// The runtime's pw_evaluate (traced:0) or pw_evaluate_traced (traced:1) on
// a pw_input/pw_result, argument checks included.
void BM_Single_Runtime(benchmark::State& state) {
  const PtFixture& f = ptFixture();
  const Rows& rows = ptPatients(kPool);
  std::vector<std::unique_ptr<pathway::Input>> inputs;
  for (uint64_t p = 0; p < 256; ++p) inputs.push_back(patientInput(f, rows, p));
  Result result(*f.library);
  const bool traced = state.range(0) != 0;
  uint64_t p = 0;
  for (auto _ : state) {
    if (traced) {
      evaluateTraced(*f.library, *inputs[p], result);
    } else {
      evaluate(*f.library, *inputs[p], result);
    }
    p = (p + 1) % inputs.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Single_Runtime)->ArgName("traced")->Arg(0)->Arg(1);

// What an app does per patient through pathway.h, against the hand-written
// baseline that computes the same thing (every status, no masks) and copies
// the statuses out: pw_evaluate then every status, either with one
// pw_result_status per recommendation (bulk:0) or with pw_result_statuses
// (bulk:1).
void BM_App_Baseline_Statuses(benchmark::State& state) {
  const Rows& rows = ptPatients(kPool);
  std::vector<uint8_t> slots(kSlotCount);
  std::vector<double> numbers(kSlotCount);
  uint8_t statuses[kRecommendationCount];
  uint64_t p = 0;
  for (auto _ : state) {
    evaluateRow(&rows.values[p * kInputCount], &rows.known[p * kInputCount], slots.data(),
                numbers.data(), nullptr);
    std::memcpy(statuses, slots.data(), kRecommendationCount);
    benchmark::DoNotOptimize(statuses);
    benchmark::ClobberMemory();
    p = (p + 1) % kPool;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_App_Baseline_Statuses);

void BM_App_Evaluate_Statuses(benchmark::State& state) {
  const PtFixture& f = ptFixture();
  const Rows& rows = ptPatients(kPool);
  std::vector<std::unique_ptr<pathway::Input>> inputs;
  for (uint64_t p = 0; p < 256; ++p) inputs.push_back(patientInput(f, rows, p));
  Result result(*f.library);
  const bool bulk = state.range(0) != 0;
  uint8_t bytes[kRecommendationCount];
  pw_rec_status statuses[kRecommendationCount];
  uint64_t p = 0;
  for (auto _ : state) {
    if (pw_evaluate(f.library->get(), inputs[p]->get(), result.get()) != PW_OK) {
      state.SkipWithError(pw_last_error());
      break;
    }
    if (bulk) {
      uint32_t count = 0;
      pw_result_statuses(result.get(), bytes, kRecommendationCount, &count);
      benchmark::DoNotOptimize(bytes);
    } else {
      for (uint32_t r = 0; r < kRecommendationCount; ++r) {
        pw_result_status(result.get(), r, &statuses[r]);
      }
      benchmark::DoNotOptimize(statuses);
    }
    benchmark::ClobberMemory();
    p = (p + 1) % inputs.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_App_Evaluate_Statuses)->ArgName("bulk")->Arg(0)->Arg(1);

// 256 prepared inputs evaluated with one pw_evaluate_batch call (batch:1)
// or with a loop of pw_evaluate (batch:0), then every status of every
// result (pw_result_statuses). Items are patients.
void BM_App_Batch(benchmark::State& state) {
  const PtFixture& f = ptFixture();
  const Rows& rows = ptPatients(kPool);
  constexpr size_t kBatch = 256;
  std::vector<std::unique_ptr<pathway::Input>> inputs;
  std::vector<std::unique_ptr<Result>> results;
  std::vector<const pw_input*> inputPtrs;
  std::vector<pw_result*> resultPtrs;
  for (uint64_t p = 0; p < kBatch; ++p) {
    inputs.push_back(patientInput(f, rows, p));
    results.push_back(std::make_unique<Result>(*f.library));
    inputPtrs.push_back(inputs.back()->get());
    resultPtrs.push_back(results.back()->get());
  }
  const bool batch = state.range(0) != 0;
  uint8_t statuses[kRecommendationCount];
  for (auto _ : state) {
    if (batch) {
      pw_evaluate_batch(f.library->get(), kBatch, inputPtrs.data(), resultPtrs.data());
    } else {
      for (size_t i = 0; i < kBatch; ++i) pw_evaluate(f.library->get(), inputPtrs[i], resultPtrs[i]);
    }
    for (size_t i = 0; i < kBatch; ++i) {
      uint32_t count = 0;
      pw_result_statuses(resultPtrs[i], statuses, kRecommendationCount, &count);
      benchmark::DoNotOptimize(statuses);
    }
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * kBatch);
}
BENCHMARK(BM_App_Batch)->ArgName("batch")->Arg(0)->Arg(1);

// pw_evaluate then every missing-input set in one call
// (pw_result_missing_masks): the masks computed on demand, against the
// baseline with masks (BM_Single_Baseline/masks:1).
void BM_App_Evaluate_Missing(benchmark::State& state) {
  const PtFixture& f = ptFixture();
  const Rows& rows = ptPatients(kPool);
  std::vector<std::unique_ptr<pathway::Input>> inputs;
  for (uint64_t p = 0; p < 256; ++p) inputs.push_back(patientInput(f, rows, p));
  Result result(*f.library);
  std::vector<uint64_t> masks(kRecommendationCount * f.library->info().mask_words);
  uint64_t p = 0;
  for (auto _ : state) {
    pw_evaluate(f.library->get(), inputs[p]->get(), result.get());
    size_t count = 0;
    pw_result_missing_masks(result.get(), masks.data(), masks.size(), &count);
    benchmark::DoNotOptimize(masks.data());
    benchmark::ClobberMemory();
    p = (p + 1) % inputs.size();
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_App_Evaluate_Missing);

// Filling a patient's inputs, then pw_evaluate and every status
// (pw_result_statuses): with one checked setter per input (row:0, what
// patientInput does: pw_input_clear, then pw_input_set_bool/_enum_index/
// _number for each known input) or with one pw_input_set_row from the row
// and its known flags (row:1). Against BM_App_Baseline_Statuses, which reads
// the same row.
// Fills `input` from patient row `values`/`known` with the setters or in one
// pw_input_set_row call.
pw_status fillInput(pw_input* input, const std::vector<pw_input_kind>& kinds, bool row,
                    const double* values, const uint8_t* known) {
  if (row) return pw_input_set_row(input, values, known);
  pw_status status = pw_input_clear(input);
  for (uint32_t i = 0; i < kInputCount && status == PW_OK; ++i) {
    if (!known[i]) continue;
    switch (kinds[i]) {
      case PW_INPUT_BOOL: status = pw_input_set_bool(input, i, values[i] != 0); break;
      case PW_INPUT_ENUM:
        status = pw_input_set_enum_index(input, i, static_cast<uint32_t>(values[i]));
        break;
      default: status = pw_input_set_number(input, i, values[i]); break;
    }
  }
  return status;
}

template <bool kEvaluate>
void fillThenEvaluate(benchmark::State& state) {
  const PtFixture& f = ptFixture();
  const Rows& rows = ptPatients(kPool);
  std::vector<pw_input_kind> kinds;
  for (uint32_t i = 0; i < kInputCount; ++i) kinds.push_back(f.library->input(i).kind);
  pathway::Input input(*f.library);
  Result result(*f.library);
  const bool row = state.range(0) != 0;
  uint8_t statuses[kRecommendationCount];
  uint64_t p = 0;
  for (auto _ : state) {
    pw_status status = fillInput(input.get(), kinds, row, &rows.values[p * kInputCount],
                                 &rows.known[p * kInputCount]);
    if (kEvaluate && status == PW_OK) {
      status = pw_evaluate(f.library->get(), input.get(), result.get());
      uint32_t count = 0;
      pw_result_statuses(result.get(), statuses, kRecommendationCount, &count);
      benchmark::DoNotOptimize(statuses);
    }
    if (status != PW_OK) {
      state.SkipWithError(pw_last_error());
      break;
    }
    benchmark::ClobberMemory();
    p = (p + 1) % kPool;
  }
  state.SetItemsProcessed(state.iterations());
}

// Filling alone.
void BM_App_Fill(benchmark::State& state) { fillThenEvaluate<false>(state); }
BENCHMARK(BM_App_Fill)->ArgName("row")->Arg(0)->Arg(1);
void BM_App_Fill_Evaluate(benchmark::State& state) { fillThenEvaluate<true>(state); }
BENCHMARK(BM_App_Fill_Evaluate)->ArgName("row")->Arg(0)->Arg(1);

// Rendering one explanation as text (pw_result_explain) after a traced
// evaluation: paid only when an app asks why.
void BM_Explain_Text(benchmark::State& state) {
  const PtFixture& f = ptFixture();
  std::unique_ptr<pathway::Input> input = patientInput(f, ptPatients(1), 0);
  Result result(*f.library);
  evaluateTraced(*f.library, *input, result);
  uint32_t rec = 0;
  for (auto _ : state) {
    benchmark::DoNotOptimize(result.explain(rec));
    rec = (rec + 1) % kRecommendationCount;
  }
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_Explain_Text)->Unit(benchmark::kMicrosecond);

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
