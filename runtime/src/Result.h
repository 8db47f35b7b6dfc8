// One evaluation's outputs, in the layout the compiled entry points write
// (allocated once, when the result is created), and what is derived from
// them: superseded-by and missing-input lists.
//
// Missing-input masks are computed on demand: pw_evaluate runs the entry
// point without masks and keeps a copy of the inputs; the first reader of a
// mask (pw_result_missing, the JSON, an explanation) evaluates that copy once
// more with masks, under a lock, so that concurrent readers of one result
// stay safe.
#ifndef PATHWAY_RUNTIME_RESULT_H
#define PATHWAY_RUNTIME_RESULT_H

#include <atomic>
#include <bit>
#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "Input.h"
#include "Library.h"

struct pw_result {
  const pw_library* library = nullptr;
  std::vector<uint8_t> state;
  std::vector<double> numbers;
  bool evaluated = false;
  // The inputs of the last evaluation (pw_evaluate, pw_evaluate_traced), for
  // explanations and for masks computed on demand.
  std::vector<double> inputValues;
  std::vector<uint8_t> inputKnown;
  // The records behind those inputs, when FHIR gave them (null otherwise).
  std::shared_ptr<const pathway::runtime::EvidenceTable> evidence;
  // Filled by a traced evaluation (pw_evaluate_traced): the value of every
  // condition-graph node, for explanations.
  std::vector<uint8_t> trace;
  bool traced = false;

  explicit pw_result(const pw_library& lib)
      : library(&lib),
        state(lib.slotCount(), PW_TRI_UNKNOWN),
        numbers(lib.slotCount(), 0.0),
        inputValues(lib.inputCount(), 0.0),
        inputKnown(lib.inputCount(), 0),
        trace(lib.traceNodeCount(), PW_TRI_UNKNOWN),
        missing_(uint64_t{lib.recommendationCount()} * lib.maskWords(), 0),
        scratchState_(lib.slotCount(), PW_TRI_UNKNOWN),
        scratchNumbers_(lib.slotCount(), 0.0) {}

  // Evaluates `values`/`known` (n_inputs entries) with the library's entry
  // point, without masks; they are copied for masks computed later.
  void evaluate(const double* values, const uint8_t* known);
  // The same, with the masks computed in the same pass.
  void evaluateWithMasks(const double* values, const uint8_t* known);
  // The mask array an entry point fills when it computes masks itself
  // (pw_evaluate_traced); call masksWritten() after it did.
  uint64_t* maskBuffer() { return missing_.data(); }
  void masksWritten() { masksReady_.store(true, std::memory_order_release); }
  // All masks, n_recommendations * mask_words, computed now if needed.
  const std::vector<uint64_t>& masks() const;

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

  mutable std::vector<uint64_t> missing_;
  mutable std::vector<uint8_t> scratchState_;
  mutable std::vector<double> scratchNumbers_;
  mutable std::atomic<bool> masksReady_{false};
  mutable std::mutex masksLock_;
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
  const std::vector<uint64_t>& all = masks();
  for (uint32_t word = 0; word < words; ++word) {
    for (uint64_t bits = all[uint64_t{rec} * words + word]; bits != 0; bits &= bits - 1) {
      const uint32_t input = word * 64 + static_cast<uint32_t>(std::countr_zero(bits));
      if (input < inputs) visit(input);
    }
  }
}

#endif  // PATHWAY_RUNTIME_RESULT_H
