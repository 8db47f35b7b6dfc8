// Filling the PT pathway's inputs from a FHIR R4 Bundle of 200 resources
// (pw_input_set_fhir: parse, match codes, windows, tie-breaks, units,
// evidence, a QuestionnaireResponse) against parsing the same Bundle with
// nlohmann::json alone, the floor any reader pays. The Bundle is sample
// patient 05's chart padded with records no binding reads (vital signs,
// blood counts, other diagnoses) and older repeats of the bound ones.
#include <benchmark/benchmark.h>

#include <fstream>
#include <iterator>
#include <string>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <pathway/pathway.hpp>

namespace pathway::bench {
namespace {

using Json = nlohmann::json;

constexpr const char* kNow = "2026-12-03T09:00:00Z";
constexpr size_t kResources = 200;

Json coded(const char* system, const char* code, const char* display) {
  return {{"coding", Json::array({{{"system", system}, {"code", code}, {"display", display}}})}, {"text", display}};
}

Json observation(size_t i, const char* loinc, const char* display, double value, const char* ucum, int daysAgo) {
  return {{"resourceType", "Observation"},
          {"id", fmt::format("obs-{}", i)},
          {"status", "final"},
          {"category", Json::array({coded("http://terminology.hl7.org/CodeSystem/observation-category", "laboratory",
                                          "Laboratory")})},
          {"code", coded("http://loinc.org", loinc, display)},
          {"subject", {{"reference", "Patient/p05"}}},
          {"effectiveDateTime", fmt::format("2026-{:02}-{:02}T08:30:00Z", 11 - daysAgo / 28 % 11, 1 + daysAgo % 28)},
          {"valueQuantity", {{"value", value}, {"unit", ucum}, {"system", "http://unitsofmeasure.org"}, {"code", ucum}}}};
}

const std::string& bundle() {
  static const std::string text = [] {
    std::ifstream in(std::string(PATHWAY_SOURCE_DIR) + "/pathways/pt_failure/fhir/patients/05_radicular_needs_mri_emg.json");
    Json b = Json::parse(std::string(std::istreambuf_iterator<char>(in), {}));
    struct Kind {
      const char *loinc, *display, *ucum;
      double value;
    };
    // Mostly records no binding reads; every tenth an older ESR or CRP.
    static const Kind kKinds[] = {{"8867-4", "Heart rate", "/min", 72},
                                  {"718-7", "Hemoglobin [Mass/volume] in Blood", "g/dL", 14.1},
                                  {"8480-6", "Systolic blood pressure", "mm[Hg]", 128},
                                  {"8462-4", "Diastolic blood pressure", "mm[Hg]", 82},
                                  {"29463-7", "Body weight", "kg", 81.5},
                                  {"2345-7", "Glucose [Mass/volume] in Serum or Plasma", "mg/dL", 96},
                                  {"6690-2", "Leukocytes [#/volume] in Blood", "10*3/uL", 6.8},
                                  {"777-3", "Platelets [#/volume] in Blood", "10*3/uL", 250},
                                  {"2160-0", "Creatinine [Mass/volume] in Serum or Plasma", "mg/dL", 0.9},
                                  {"4537-7", "Erythrocyte sedimentation rate", "mm/h", 12},
                                  {"1988-5", "C reactive protein [Mass/volume] in Serum or Plasma", "mg/dL", 0.4}};
    for (size_t i = b["entry"].size(); i < kResources; ++i) {
      const Kind& k = kKinds[i % std::size(kKinds)];
      b["entry"].push_back({{"fullUrl", fmt::format("urn:uuid:00000000-0000-4000-8000-{:012}", i)},
                            {"resource", observation(i, k.loinc, k.display, k.value, k.ucum, static_cast<int>(i))}});
    }
    return b.dump();
  }();
  return text;
}

Library& library() {
  static Library lib(PATHWAY_PT_FAILURE_LIBRARY);
  return lib;
}

void BM_Fhir_ParseOnly(benchmark::State& state) {
  const std::string& text = bundle();
  for (auto _ : state) {
    Json parsed = Json::parse(text);
    benchmark::DoNotOptimize(parsed);
  }
  state.counters["resources"] = static_cast<double>(kResources);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Fhir_ParseOnly)->Unit(benchmark::kMicrosecond);

void BM_Fhir_FillInputs(benchmark::State& state) {
  const std::string& text = bundle();
  Input input(library());
  for (auto _ : state) {
    input.setFhir(text, kNow);
    benchmark::DoNotOptimize(input.get());
  }
  state.counters["resources"] = static_cast<double>(kResources);
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
}
BENCHMARK(BM_Fhir_FillInputs)->Unit(benchmark::kMicrosecond);

}  // namespace
}  // namespace pathway::bench
