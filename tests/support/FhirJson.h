// FHIR R4 JSON the FHIR tests build: a coded concept, a UCUM quantity value
// and a collection Bundle of resources.
#ifndef PATHWAY_TESTS_SUPPORT_FHIRJSON_H
#define PATHWAY_TESTS_SUPPORT_FHIRJSON_H

#include <string>

#include <nlohmann/json.hpp>

namespace pathway::test::fhirjson {

using Json = nlohmann::json;

inline Json coded(const std::string& system, const std::string& code) {
  return {{"coding", Json::array({{{"system", system}, {"code", code}}})}};
}

// {"valueQuantity": {...}} in UCUM.
inline Json quantity(double value, const std::string& ucum) {
  return {{"valueQuantity", {{"value", value}, {"unit", ucum}, {"system", "http://unitsofmeasure.org"}, {"code", ucum}}}};
}

inline Json bundle(Json entries) {
  Json b = {{"resourceType", "Bundle"}, {"type", "collection"}, {"entry", Json::array()}};
  for (Json& r : entries) b["entry"].push_back({{"resource", r}});
  return b;
}

}  // namespace pathway::test::fhirjson

#endif  // PATHWAY_TESTS_SUPPORT_FHIRJSON_H
