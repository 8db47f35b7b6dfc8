// CDS Hooks 2.0 responses from a pathway's result: discovery entries with
// prefetch templates from the pathway's FHIR bindings, and the cards of a
// patient-view answer. Pure functions of the library and one evaluated,
// traced result; no HTTP here (Service.cpp). docs/cds-hooks.md has the
// mapping.
#ifndef PATHWAY_SERVE_CARDS_H
#define PATHWAY_SERVE_CARDS_H

#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pathway/pathway.hpp>

namespace pathway::serve {

using Json = nlohmann::json;

// The discovery entry of `library` (service id = the pathway's name).
Json discoveryEntry(const Library& library);

// The prefetch templates: "patient", then one FHIR search per resource type
// the bindings read, with every bound code ("Observation?patient=
// {{context.patientId}}&code=http://loinc.org|4537-7,..."), and the
// pathway's QuestionnaireResponses.
Json prefetchTemplates(const Library& library);

struct OrderCodes;

struct CardOptions {
  std::string serviceUrl;  // absolute base of this service: http://host:port/cds-services/ID
  std::string patientId;   // the subject of suggested orders
  const OrderCodes* orders = nullptr;  // orderCodes(library), computed once by the caller; null: computed here
  std::vector<std::string> uuids;  // filled: one per card, in card order
};

// The orders a recommendation stands for (`orders` in the pathway): every
// code of its code sets, "system|code".
struct OrderCodes {
  std::vector<std::vector<std::pair<std::string, std::string>>> byRecommendation;  // (system, code)
  // The first code of each of its code sets: the codings of a suggested order.
  std::vector<std::vector<std::pair<std::string, std::string>>> primary;
  bool any() const;
};
OrderCodes orderCodes(const Library& library);

// The answer to order-select / order-sign: for each draft order in
// `orders` (ServiceRequests etc., already filtered to the selection) whose
// code a recommendation orders, a card saying whether the pathway supports
// it for this patient now (info), does not (warning, with why), or cannot
// tell yet (info, with the data that would decide).
Json orderCards(const Library& library, const Result& result, const std::vector<Json>& orders, CardOptions& options);

// The cards for `result` (evaluated with evaluateTraced):
// one per fired recommendation that no other supersedes, by urgency, then
// one "data needed" card when any recommendation is undetermined.
Json patientViewCards(const Library& library, const Result& result, CardOptions& options);

// "critical" (immediate), "warning" (soon), "info" (anything else).
std::string indicatorFor(std::string_view urgency);

// A random (version 4) UUID.
std::string newUuid();

}  // namespace pathway::serve

#endif  // PATHWAY_SERVE_CARDS_H
