// explain: why each recommendation fired or is undetermined for a patient.
#include <cstdio>

#include "driver/Commands.h"
#include "driver/Load.h"
#include "explain/Explain.h"

namespace pathway::driver {

int explainCommand(const ExplainOptions& options, const DiagnosticOptions& diag) {
  if (!isPathwaySource(options.target)) {
    std::fprintf(stderr,
                 "pathwayc: error: explain needs the pathway source (.pw); a compiled library carries no "
                 "expression graph\n");
    return kExitUsage;
  }
  std::unique_ptr<LoadedPathway> loaded = loadPathway(options.target, diag);
  if (!loaded) return kExitError;
  const ir::Program& program = *loaded->compilation->program;
  std::vector<double> values;
  std::vector<uint8_t> known;
  if (!loaded->readPatient(options.input, values, known)) return kExitError;
  explain::Explainer explainer(program, values.data(), known.data());
  explain::Options eo;
  eo.all = options.all;
  if (options.json) {
    std::puts(explainer.json(eo).dump(2).c_str());
  } else {
    std::fputs(explainer.text(eo).c_str(), stdout);
  }
  return kExitOk;
}

}  // namespace pathway::driver
