// The FHIR R4 Questionnaire a pathway generates for the inputs no FHIR
// binding gives (the facts a clinician records), and the reader of its
// QuestionnaireResponses. docs/fhir.md, "The Questionnaire", has the rules.
#ifndef PATHWAY_RUNTIME_FHIR_QUESTIONNAIRE_H
#define PATHWAY_RUNTIME_FHIR_QUESTIONNAIRE_H

#include <string>
#include <vector>

#include "Input.h"
#include "fhir/Record.h"

namespace pathway::runtime {
struct Schema;
}

namespace pathway::runtime::fhir {

// "urn:pathway:<name>:questionnaire": the Questionnaire's canonical url
// (its version is the pathway's).
std::string questionnaireUrl(const Schema& schema);

// "urn:pathway:<name>:enum:<Enum>": the code system of an enum's labels in
// answers.
std::string enumSystem(const Schema& schema, const std::string& enumName);

// The Questionnaire as JSON text (two-space indented).
std::string questionnaireJson(const Schema& schema);

// Whether `r`, a QuestionnaireResponse, answers this pathway's
// Questionnaire. One for another Questionnaire is none of ours (false);
// `alone` (the whole document) makes that an error. One for another
// version of ours, or without a version, is always an error.
bool answersOurs(const Schema& schema, const Record& r, bool alone);

// Applies `responses` (all answering ours) to `staged`, the latest
// `authored` last so that its answers win; records each answer's
// evidence in `table`. Throws Error naming the resource and a JSON pointer
// on any bad answer.
void applyResponses(const Schema& schema, std::vector<Record> responses, double now, pw_input& staged,
                    EvidenceTable& table);

}  // namespace pathway::runtime::fhir

#endif  // PATHWAY_RUNTIME_FHIR_QUESTIONNAIRE_H
