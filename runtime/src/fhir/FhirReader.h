// Inputs from FHIR R4 records: the bindings of a library's metadata, and
// the reader that applies them to a Bundle (pw_input_set_fhir). The rules
// (which records count, which one wins, what absence means) are in
// docs/fhir.md; each has a test in tests/runtime/FhirTest.cpp.
#ifndef PATHWAY_RUNTIME_FHIR_FHIRREADER_H
#define PATHWAY_RUNTIME_FHIR_FHIRREADER_H

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "fhir/Binding.h"

struct pw_input;

namespace pathway::runtime {
struct InputSchema;
}

namespace pathway::runtime::fhir {

struct BindingIndex {
  pathway::fhir::Bindings model;
  // "system|code" -> the code sets holding it.
  std::unordered_map<std::string, std::vector<uint32_t>> codesets;
  bool any(pathway::fhir::Resource r) const {
    for (const pathway::fhir::Binding& b : model.bindings) {
      if (b.resource == r) return true;
    }
    return false;
  }
};

// The "fhir" member of the metadata, checked against the inputs; throws
// Error(PW_ERR_CORRUPT) when it is inconsistent.
BindingIndex parseBindings(const nlohmann::json& fhir, const std::vector<InputSchema>& inputs);

// Fills the bound inputs of `input` from `text` (a Bundle, a JSON array of
// resources, or one resource) as of `now`; all or nothing (see pathway.h).
void setInputFromFhir(pw_input& input, std::string_view text, std::string_view now);

}  // namespace pathway::runtime::fhir

#endif  // PATHWAY_RUNTIME_FHIR_FHIRREADER_H
