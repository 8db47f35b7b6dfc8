// explain: why each recommendation fired or is undetermined for a patient.
// Compiled (a .so, or a .pw built first): the library's trace through the
// runtime (pw_result_explain), as an embedding app gets it. With
// --interpret: the reference interpreter. Both print the same text.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "driver/Commands.h"
#include "driver/Load.h"
#include "explain/Interpreted.h"

namespace pathway::driver {
namespace {

using Json = nlohmann::ordered_json;

// The indices of the recommendations named by `codes`, in that order;
// prints the runtime's message (with its suggestion) for an unknown code.
bool findRecommendations(const Library& library, const std::vector<std::string>& codes,
                         std::vector<uint32_t>& indices) {
  try {
    for (const std::string& code : codes) indices.push_back(library.findRecommendation(code));
  } catch (const Error& e) {
    std::fprintf(stderr, "pathwayc: error: %s\n", e.what());
    return false;
  }
  return true;
}

int explainInterpreted(const ExplainOptions& options, const DiagnosticOptions& diag) {
  std::unique_ptr<LoadedPathway> loaded = loadInterpreted(options.target, diag);
  if (!loaded) return kExitError;
  std::vector<double> values;
  std::vector<uint8_t> known;
  if (!loaded->readPatient(options.input, values, known)) return kExitError;
  explain::InterpretedEvaluation evaluation(*loaded->compilation->program, values.data(), known.data());
  if (options.recommendations.empty()) {
    if (options.json) {
      std::puts(explain::json(evaluation, options.all).dump(2).c_str());
    } else {
      writeStdout(explain::text(evaluation, options.all));
    }
    return kExitOk;
  }
  std::vector<uint32_t> chosen;
  if (!findRecommendations(*loaded->library, options.recommendations, chosen)) return kExitError;
  Json doc = {{"pathway", evaluation.pathwayName()}, {"version", evaluation.pathwayVersion()},
              {"recommendations", Json::array()}};
  std::string text;
  for (uint32_t r : chosen) {
    const explain::Explanation e = explain::explain(evaluation, r);
    doc["recommendations"].push_back(explain::json(evaluation, e));
    text += explain::text(evaluation, e) + "\n";
  }
  writeStdout(options.json ? doc.dump(2) + "\n" : text);
  return kExitOk;
}

// The recommendations `indices`, each explained on its own, in the shape of
// PW_EXPLAIN_ALL.
std::string explainEach(const Library& library, const Result& result, const std::vector<uint32_t>& indices,
                        bool json) {
  const pw_library_info info = library.info();
  Json doc = {{"pathway", info.name}, {"version", info.version}, {"recommendations", Json::array()}};
  std::string text;
  for (uint32_t r : indices) {
    if (json) {
      doc["recommendations"].push_back(Json::parse(result.explain(r, PW_EXPLAIN_JSON)));
    } else {
      text += result.explain(r) + "\n";
    }
  }
  return json ? doc.dump() : text;
}

int explainCompiled(const ExplainOptions& options, const DiagnosticOptions& diag) {
  std::unique_ptr<LoadedPathway> loaded = loadPathway(options.target, diag);
  if (!loaded) return kExitError;
  std::optional<Input> input = loaded->readInput(options.input, options.fhir, options.now);
  if (!input) return kExitError;
  std::vector<uint32_t> chosen;
  if (!findRecommendations(*loaded->library, options.recommendations, chosen)) return kExitError;
  if (options.all && chosen.empty()) {
    for (uint32_t r = 0; r < loaded->library->info().n_recommendations; ++r) chosen.push_back(r);
  }
  try {
    Result result(*loaded->library);
    evaluateTraced(*loaded->library, *input, result);
    const pw_explain_format format = options.json ? PW_EXPLAIN_JSON : PW_EXPLAIN_TEXT;
    const std::string out = !chosen.empty() ? explainEach(*loaded->library, result, chosen, options.json)
                                            : result.explain(PW_EXPLAIN_ALL, format);
    if (options.json) {
      std::puts(Json::parse(out).dump(2).c_str());
    } else {
      writeStdout(out);
    }
  } catch (const Error& e) {
    std::fprintf(stderr, "pathwayc: error: %s\n", e.what());
    return kExitError;
  }
  return kExitOk;
}

}  // namespace

int explainCommand(const ExplainOptions& options, const DiagnosticOptions& diag) {
  if (options.input.empty() && options.fhir.empty()) {
    std::fputs("pathwayc: error: explain needs --input (patient JSON) or --fhir (a FHIR Bundle), or both\n", stderr);
    return kExitUsage;
  }
  if (!options.fhir.empty() && options.interpret) {
    std::fputs("pathwayc: error: --fhir explains the compiled library; drop --interpret\n", stderr);
    return kExitUsage;
  }
  return options.interpret ? explainInterpreted(options, diag) : explainCompiled(options, diag);
}

}  // namespace pathway::driver
