// A loaded pathway library: the dlopen handle, the checked descriptor and
// the parsed schema.
#ifndef PATHWAY_RUNTIME_LIBRARY_H
#define PATHWAY_RUNTIME_LIBRARY_H

#include <string>

#include "Schema.h"
#include "pathway/abi.h"

struct pw_library {
  std::string path;
  void* handle = nullptr;
  const pw_descriptor* descriptor = nullptr;
  pathway::runtime::Schema schema;

  pw_library() = default;
  pw_library(const pw_library&) = delete;
  pw_library& operator=(const pw_library&) = delete;
  ~pw_library();

  uint32_t inputCount() const { return descriptor->n_inputs; }
  uint32_t slotCount() const { return descriptor->n_slots; }
  uint32_t maskWords() const { return descriptor->mask_words; }
  uint32_t recommendationCount() const { return descriptor->n_recommendations; }
};

namespace pathway::runtime {

// Loads and checks the library at `path`; throws Error on any problem.
void openLibrary(const std::string& path, pw_library& library);

}  // namespace pathway::runtime

#endif  // PATHWAY_RUNTIME_LIBRARY_H
