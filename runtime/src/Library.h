// An open pathway: the dlopen handle (none for a library opened from an
// in-memory descriptor), the checked descriptor and the parsed schema.
#ifndef PATHWAY_RUNTIME_LIBRARY_H
#define PATHWAY_RUNTIME_LIBRARY_H

#include <mutex>
#include <string>
#include <vector>

#include "Schema.h"
#include "pathway/abi.h"

struct pw_library {
  std::string path;
  void* handle = nullptr;
  const pw_descriptor* descriptor = nullptr;
  pathway::runtime::Schema schema;

  // What pw_input_set_row checks, per input: lowest and highest value and
  // 1 when the value must be integral (InputRow.cpp), built on first use.
  mutable std::once_flag rowBoundsOnce;
  mutable std::vector<double> rowBounds;

  // The FHIR Questionnaire (pw_library_get_questionnaire), built on first use.
  mutable std::once_flag questionnaireOnce;
  mutable std::string questionnaire;

  pw_library() = default;
  pw_library(const pw_library&) = delete;
  pw_library& operator=(const pw_library&) = delete;
  ~pw_library();

  uint32_t inputCount() const { return descriptor->n_inputs; }
  uint32_t slotCount() const { return descriptor->n_slots; }
  uint32_t maskWords() const { return descriptor->mask_words; }
  uint32_t recommendationCount() const { return descriptor->n_recommendations; }
  size_t traceNodeCount() const { return schema.explain ? schema.explain->nodes.size() : 0; }
};

namespace pathway::runtime {

// Loads and checks the library at `path`; throws Error on any problem.
void openLibrary(const std::string& path, pw_library& library);

// Checks a caller-owned descriptor as openLibrary checks a loaded one, except
// that its entry points may be null; throws Error on any problem.
void openDescriptor(const pw_descriptor& descriptor, pw_library& library);

// The trace entry point, or null when the library has none (compiled before
// it existed, or opened from a descriptor without one).
pw_eval_trace_fn traceEntryPoint(const pw_library& library);

// Throws PW_ERR_STATE when the library has no `evaluate` (batch: no
// `evaluate_batch`) entry point.
void requireEntryPoint(const pw_library& library, bool batch);

}  // namespace pathway::runtime

#endif  // PATHWAY_RUNTIME_LIBRARY_H
