// One evaluation's outputs, in the layout the compiled entry points write
// (allocated once, when the result is created), and what is derived from
// them: superseded-by and missing-input lists.
#ifndef PATHWAY_RUNTIME_RESULT_H
#define PATHWAY_RUNTIME_RESULT_H

#include <bit>
#include <cstdint>
#include <vector>

#include "Library.h"

struct pw_result {
  const pw_library* library = nullptr;
  std::vector<uint8_t> state;
  std::vector<double> numbers;
  std::vector<uint64_t> missing;
  bool evaluated = false;
  // Filled by a traced evaluation (pw_evaluate_traced): the value of every
  // condition-graph node and a copy of the inputs, for explanations.
  std::vector<uint8_t> trace;
  std::vector<double> inputValues;
  std::vector<uint8_t> inputKnown;
  bool traced = false;

  explicit pw_result(const pw_library& lib)
      : library(&lib),
        state(lib.slotCount(), PW_TRI_UNKNOWN),
        numbers(lib.slotCount(), 0.0),
        missing(uint64_t{lib.recommendationCount()} * lib.maskWords(), 0),
        trace(lib.traceNodeCount(), PW_TRI_UNKNOWN),
        inputValues(lib.inputCount(), 0.0),
        inputKnown(lib.inputCount(), 0) {}

  // Copies rows another evaluator of the same pathway produced (layout as in
  // <pathway/abi.h>) after checking them: every state byte PW_TRI_FALSE,
  // _TRUE or _UNKNOWN, every number finite. All or nothing. A pointer may be
  // null only when its array is empty.
  void load(const uint8_t* stateRow, const double* numberRow, const uint64_t* missingRow);

  // Accessors; each throws Error on a bad index or before evaluation.
  pw_rec_status status(uint32_t rec) const;
  pw_tri condition(uint32_t rec) const;
  pw_tri finding(uint32_t index) const;
  void definition(uint32_t index, pw_tri& value, double& number) const;
  // Calls `visit(index)` for each superseding recommendation that fired.
  template <typename Visit>
  void forEachSupersededBy(uint32_t rec, Visit&& visit) const;
  // Calls `visit(index)` for each missing input of the recommendation.
  template <typename Visit>
  void forEachMissing(uint32_t rec, Visit&& visit) const;

 private:
  void checkRecommendation(uint32_t rec) const;
};

template <typename Visit>
void pw_result::forEachSupersededBy(uint32_t rec, Visit&& visit) const {
  checkRecommendation(rec);
  if (condition(rec) == PW_FALSE) return;
  for (uint32_t other : library->schema.recommendations[rec].supersededBy) {
    if (status(other) == PW_FIRE) visit(other);
  }
}

template <typename Visit>
void pw_result::forEachMissing(uint32_t rec, Visit&& visit) const {
  checkRecommendation(rec);
  if (status(rec) != PW_UNDETERMINED) return;
  const uint32_t words = library->maskWords();
  const uint32_t inputs = library->inputCount();
  for (uint32_t word = 0; word < words; ++word) {
    for (uint64_t bits = missing[uint64_t{rec} * words + word]; bits != 0; bits &= bits - 1) {
      const uint32_t input = word * 64 + static_cast<uint32_t>(std::countr_zero(bits));
      if (input < inputs) visit(input);
    }
  }
}

#endif  // PATHWAY_RUNTIME_RESULT_H
