// One FHIR resource of the document being read, and the helpers every
// reader of records shares: errors that name the resource and a JSON
// pointer, times, codings, statuses and UCUM units.
#ifndef PATHWAY_RUNTIME_FHIR_RECORD_H
#define PATHWAY_RUNTIME_FHIR_RECORD_H

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "pathway/pathway.h"
#include "units/Units.h"

namespace pathway::runtime::fhir {

using Json = nlohmann::json;

struct Record {
  const Json* json = nullptr;
  std::string type, id, pointer;  // pointer: JSON pointer of the resource in the document
  std::string ref() const { return type + "/" + id; }
};

// The resource at `pointer` of the document; throws PW_ERR_FHIR when it is
// not an object with a resourceType, or has an id that is not a non-empty
// string.
Record recordAt(const Json& resource, std::string pointer);

// Throws Error(status) "Type/id (pointer/element): what".
[[noreturn]] void recordError(pw_status status, const Record& r, std::string_view element, const std::string& what);

// A time of a record: seconds since the epoch, the text as written and the
// element it came from.
struct Stamp {
  double seconds = 0;
  std::string text, element;
};

// `value` (element `element` of `r`) as a FHIR date or dateTime; throws
// PW_ERR_FHIR when it is not one.
Stamp stampOf(const Record& r, const std::string& element, const Json& value);

// The record's time from the first of `choices` present; a Period gives its
// end when it has one, else its start.
std::optional<Stamp> timeOf(const Record& r, std::initializer_list<const char*> choices);

// The (system, code) pairs of CodeableConcept `cc` (element `element`).
std::vector<std::pair<std::string, std::string>> codings(const Record& r, const std::string& element, const Json& cc);

// The code of `system` in CodeableConcept `element` of the record, if any.
std::optional<std::string> statusCode(const Record& r, const char* element, std::string_view system);

// The record's `status`, one of `codes` (its required value set); `what`
// names the resource for the message ("an Observation").
std::string requiredStatus(const Record& r, const std::vector<std::string_view>& codes, const char* what);

std::string numberText(double v);

// A UCUM code, or a unit spelling of ours, as one of our units; null when
// it is neither.
const units::Unit* unitFromFhir(std::string_view code);

// The UCUM code of one of our units, "" when it has none.
std::string_view ucumCode(const units::Unit& unit);

// A UCUM unit that stands for a pure number: "1", or only annotations
// ("{score}"), which UCUM defines as unity.
bool unity(std::string_view code);

inline constexpr std::string_view kUcum = "http://unitsofmeasure.org";

}  // namespace pathway::runtime::fhir

#endif  // PATHWAY_RUNTIME_FHIR_RECORD_H
