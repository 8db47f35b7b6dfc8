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
  std::string error;
  std::optional<std::string> text = readWholeFile(options.input, error);
  if (!text) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return kExitError;
  }
  Input input(*loaded->library);
  try {
    input.setJson(*text);
  } catch (const Error& e) {
    std::fprintf(stderr, "pathwayc: error: %s: %s\n", options.input.c_str(), e.what());
    return kExitError;
  }
  const ir::Program& program = *loaded->compilation->program;
  std::vector<double> values(program.inputs.size());
  std::vector<uint8_t> known(program.inputs.size());
  for (uint32_t i = 0; i < program.inputs.size(); ++i) {
    auto [k, v] = input.get(i);
    known[i] = k;
    values[i] = v;
  }
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
