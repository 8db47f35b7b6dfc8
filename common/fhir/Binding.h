// Where an input's value comes from in FHIR R4 records: the resolved form of
// a pathway's `codeset` and `fhir` declarations. Sema builds it, the IR
// carries it into the descriptor metadata (and so the content hash), and the
// runtime reads it back to fill inputs from a Bundle. Plain data, no
// dependencies, so every stage shares one definition.
#ifndef PATHWAY_FHIR_BINDING_H
#define PATHWAY_FHIR_BINDING_H

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pathway::fhir {

// Code systems with an alias in the language; any other system is written
// as its URI.
struct SystemAlias {
  std::string_view alias, uri;
};
inline constexpr SystemAlias kSystemAliases[] = {
    {"loinc", "http://loinc.org"},
    {"snomed", "http://snomed.info/sct"},
    {"icd10cm", "http://hl7.org/fhir/sid/icd-10-cm"},
    {"icd10", "http://hl7.org/fhir/sid/icd-10"},
    {"cpt", "http://www.ama-assn.org/go/cpt"},
    {"ucum", "http://unitsofmeasure.org"},
    {"interpretation", "http://terminology.hl7.org/CodeSystem/v3-ObservationInterpretation"},
};

struct Code {
  std::string system;  // URI
  std::string code;
};

struct Codeset {
  std::string name, description;
  std::vector<Code> codes;
};

enum class Resource : uint8_t { Observation, Condition, Procedure };

// What a matching record gives the input.
enum class Value : uint8_t {
  Quantity,        // Observation.valueQuantity, converted to the input's unit
  Integer,         // Observation.valueInteger (or a unitless valueQuantity)
  Boolean,         // Observation.valueBoolean
  Codeable,        // Observation.valueCodeableConcept, through `map`
  Interpretation,  // Observation.interpretation, through `map`
  Code,            // the record's own code, through the resource's map
  Presence,        // Condition / Procedure: a matching record (bool)
  Onset,           // Condition: time since onset (a time quantity)
  Span,            // Procedure: first start to last end (a time quantity)
};

enum class ConditionScope : uint8_t { Active, History };
enum class Select : uint8_t { Latest, Highest };

// One codeset and the value its codes stand for: an enum label index, or
// 0/1 for a bool (unused for plain record selection).
struct Mapping {
  uint32_t codeset = 0;
  int32_t value = 0;
};

struct Binding {
  uint32_t input = 0;
  Resource resource = Resource::Observation;
  std::vector<Mapping> codes;  // the record's code must be in one of these
  Value value = Value::Quantity;
  std::vector<Mapping> valueMap;  // Codeable, Interpretation
  std::optional<double> withinDays;
  ConditionScope scope = ConditionScope::Active;
  Select select = Select::Latest;
  std::optional<int32_t> absent;  // the value when no record matches
};

struct Bindings {
  std::vector<Codeset> codesets;
  std::vector<Binding> bindings;
  bool empty() const { return codesets.empty() && bindings.empty(); }
};

inline const char* resourceName(Resource r) {
  switch (r) {
    case Resource::Observation: return "Observation";
    case Resource::Condition: return "Condition";
    case Resource::Procedure: return "Procedure";
  }
  return "?";
}

inline const char* valueName(Value v) {
  switch (v) {
    case Value::Quantity: return "quantity";
    case Value::Integer: return "integer";
    case Value::Boolean: return "boolean";
    case Value::Codeable: return "codeable";
    case Value::Interpretation: return "interpretation";
    case Value::Code: return "code";
    case Value::Presence: return "presence";
    case Value::Onset: return "onset";
    case Value::Span: return "span";
  }
  return "?";
}

// LOINC's mod-10 check digit: `code` is NNNNN-C; true when C is the check
// digit of the digits before the hyphen.
inline bool loincCheckDigitValid(std::string_view code) {
  size_t dash = code.find('-');
  if (dash == std::string_view::npos || dash == 0 || dash > 7 || dash + 2 != code.size()) return false;
  for (size_t i = 0; i < code.size(); ++i) {
    if (i != dash && (code[i] < '0' || code[i] > '9')) return false;
  }
  int sum = 0;
  bool doubleIt = true;  // the rightmost digit is doubled
  for (size_t i = dash; i-- > 0;) {
    int d = code[i] - '0';
    if (doubleIt) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    doubleIt = !doubleIt;
  }
  return (10 - sum % 10) % 10 == code[dash + 1] - '0';
}

// SNOMED CT identifiers: 6 to 18 digits, no leading zero, the last a
// Verhoeff check digit over the others.
inline bool snomedIdValid(std::string_view code) {
  if (code.size() < 6 || code.size() > 18 || code[0] == '0') return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  static constexpr uint8_t d[10][10] = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 2, 3, 4, 0, 6, 7, 8, 9, 5}, {2, 3, 4, 0, 1, 7, 8, 9, 5, 6},
      {3, 4, 0, 1, 2, 8, 9, 5, 6, 7}, {4, 0, 1, 2, 3, 9, 5, 6, 7, 8}, {5, 9, 8, 7, 6, 0, 4, 3, 2, 1},
      {6, 5, 9, 8, 7, 1, 0, 4, 3, 2}, {7, 6, 5, 9, 8, 2, 1, 0, 4, 3}, {8, 7, 6, 5, 9, 3, 2, 1, 0, 4},
      {9, 8, 7, 6, 5, 4, 3, 2, 1, 0}};
  static constexpr uint8_t p[8][10] = {
      {0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, {1, 5, 7, 6, 2, 8, 3, 0, 9, 4}, {5, 8, 0, 3, 7, 9, 6, 1, 4, 2},
      {8, 9, 1, 6, 0, 4, 3, 5, 2, 7}, {9, 4, 5, 3, 1, 2, 6, 8, 7, 0}, {4, 2, 8, 6, 5, 7, 3, 9, 0, 1},
      {2, 7, 9, 3, 8, 0, 6, 4, 1, 5}, {7, 0, 4, 6, 9, 1, 3, 2, 5, 8}};
  int c = 0;
  size_t n = code.size();
  for (size_t i = 0; i < n; ++i) c = d[c][p[i % 8][code[n - 1 - i] - '0']];
  return c == 0;
}

// ICD-10(-CM) codes: a letter, two characters, then optionally a dot and one
// to four more (A00, M54.50, S32.009A).
inline bool icd10Valid(std::string_view code) {
  auto alnum = [](char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'); };
  if (code.size() < 3 || code[0] < 'A' || code[0] > 'Z' || code[1] < '0' || code[1] > '9' || !alnum(code[2])) {
    return false;
  }
  if (code.size() == 3) return true;
  if (code[3] != '.' || code.size() < 5 || code.size() > 8) return false;
  for (size_t i = 4; i < code.size(); ++i) {
    if (!alnum(code[i])) return false;
  }
  return true;
}

// CPT codes: four digits and a fifth that is a digit (Category I) or F, T
// or U (Category II, III, proprietary laboratory analyses): 72148, 0001U.
inline bool cptValid(std::string_view code) {
  if (code.size() != 5) return false;
  for (size_t i = 0; i < 4; ++i) {
    if (code[i] < '0' || code[i] > '9') return false;
  }
  char last = code[4];
  return (last >= '0' && last <= '9') || last == 'F' || last == 'T' || last == 'U';
}

}  // namespace pathway::fhir

#endif  // PATHWAY_FHIR_BINDING_H
