// pw_input_set_fhir and pw_input_get_evidence (runtime/src/fhir).
#include "Error.h"
#include "InfoStruct.h"
#include "Input.h"
#include "fhir/FhirReader.h"
#include "fhir/Questionnaire.h"

using pathway::runtime::Error;
using pathway::runtime::guard;
using pathway::runtime::requireNonNull;

extern "C" {

pw_status pw_input_set_fhir(pw_input* input, const char* text, size_t length, const char* now) {
  return guard([&] {
    requireNonNull(input, "input");
    requireNonNull(text, "text");
    requireNonNull(now, "now");
    pathway::runtime::fhir::setInputFromFhir(*input, {text, length}, now);
  });
}

pw_status pw_library_get_questionnaire(const pw_library* library, const char** json) {
  return guard([&] {
    requireNonNull(library, "library");
    requireNonNull(json, "json");
    std::call_once(library->questionnaireOnce,
                   [&] { library->questionnaire = pathway::runtime::fhir::questionnaireJson(library->schema); });
    *json = library->questionnaire.c_str();
  });
}

pw_status pw_input_get_evidence(const pw_input* input, uint32_t index, pw_evidence* out) {
  return guard([&] {
    requireNonNull(input, "input");
    requireNonNull(out, "evidence");
    input->schemaOf(index);
    pw_evidence full{};
    if (input->evidence && (*input->evidence)[index]) {
      const pathway::runtime::Evidence& e = *(*input->evidence)[index];
      full.resource = e.resource.c_str();
      full.element = e.element.c_str();
      full.effective = e.effective.c_str();
      full.value = e.value.c_str();
    }
    pathway::runtime::fillInfo(out, full);
  });
}

}  // extern "C"
