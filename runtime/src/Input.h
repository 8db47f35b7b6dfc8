// One patient's inputs: a value and a known flag per input, in the layout
// the compiled entry points read. Every setter validates against the schema
// before changing anything.
#ifndef PATHWAY_RUNTIME_INPUT_H
#define PATHWAY_RUNTIME_INPUT_H

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "Library.h"

namespace pathway::runtime {
// The unit `unit` of quantity input `in`; throws PW_ERR_TYPE when `in` is not
// a quantity, PW_ERR_UNIT for an unknown unit or one of another dimension.
const pathway::units::Unit& unitFor(const InputSchema& in, std::string_view unit);

// Where an input's value came from, when a FHIR record gave it: the
// resource ("Observation/esr-1"; for a span, the first and last), the
// element read ("valueQuantity"), the record's effective time as written,
// and the value as the record gave it ("3.2 mg/dL").
struct Evidence {
  std::string resource, element, effective, value;
};
// One entry per input; shared (copy on write) with the results evaluated
// from it, so evaluation copies a pointer, not the strings.
using EvidenceTable = std::vector<std::optional<Evidence>>;
}  // namespace pathway::runtime

struct pw_input {
  const pw_library* library = nullptr;
  std::vector<double> values;
  std::vector<uint8_t> known;
  // Null until a FHIR record fills an input; a setter drops its entry.
  std::shared_ptr<const pathway::runtime::EvidenceTable> evidence;

  explicit pw_input(const pw_library& lib)
      : library(&lib), values(lib.inputCount(), 0.0), known(lib.inputCount(), 0) {}

  void clear();
  void setBool(uint32_t index, bool value);
  void setInt(uint32_t index, int64_t value);
  void setNumber(uint32_t index, double value);
  void setEnum(uint32_t index, std::string_view label);
  void setEnumIndex(uint32_t index, uint32_t label);
  void setQuantity(uint32_t index, double value, std::string_view unit);
  void setUnknown(uint32_t index);
  // Drops the evidence of input `index` (copy on write).
  void dropEvidence(uint32_t index) {
    if (evidence && (*evidence)[index]) dropEvidenceSlow(index);
  }

  // The schema of input `index`; throws PW_ERR_ARGUMENT when out of range.
  const pathway::runtime::InputSchema& schemaOf(uint32_t index) const;

 private:
  // Checks finiteness and the declared range, then stores.
  void store(uint32_t index, double value);
  void dropEvidenceSlow(uint32_t index);
};

#endif  // PATHWAY_RUNTIME_INPUT_H
