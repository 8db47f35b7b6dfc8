// pathwayc export: artefacts other systems read, generated from a pathway.
// `export questionnaire` writes the FHIR R4 Questionnaire of the facts no
// FHIR binding gives (the runtime generates it; docs/fhir.md).
#include <cstdio>

#include "driver/Commands.h"
#include "driver/Files.h"
#include "driver/Load.h"

namespace pathway::driver {

int exportCommand(const ExportOptions& options, const DiagnosticOptions& diag) {
  if (!outputSparesInput("-o", options.output, options.target)) return kExitUsage;
  std::unique_ptr<LoadedPathway> loaded =
      isPathwaySource(options.target) ? loadInterpreted(options.target, diag) : loadPathway(options.target, diag);
  if (!loaded) return kExitError;
  std::string text;
  try {
    text = std::string(loaded->library->questionnaire());
  } catch (const Error& e) {
    std::fprintf(stderr, "pathwayc: error: %s\n", e.what());
    return kExitError;
  }
  if (options.output.empty() || options.output == "-") {
    writeStdout(text);
    return kExitOk;
  }
  std::string error;
  if (!writeFileAtomically(options.output, text, error)) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return kExitError;
  }
  return kExitOk;
}

}  // namespace pathway::driver
