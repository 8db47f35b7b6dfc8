// graph: the pathway as a flowchart (DOT, SVG through Graphviz's dot, or
// Mermaid), optionally overlaid with one patient's evaluation.
#include <algorithm>
#include <cstdio>

#include "driver/Chart.h"
#include "driver/Commands.h"
#include "driver/Load.h"
#include "diag/Suggest.h"

namespace pathway::driver {

int graphCommand(const GraphOptions& options, const DiagnosticOptions& diag) {
  if (!isPathwaySource(options.target)) {
    std::fprintf(stderr, "pathwayc: error: graph needs the pathway source (.pw)\n");
    return kExitUsage;
  }
  if (!outputSparesInput("-o", options.output, options.target) ||
      !outputSparesInput("-o", options.output, options.input)) {
    return kExitUsage;
  }
  std::unique_ptr<LoadedPathway> loaded = loadPathway(options.target, diag);
  if (!loaded) return kExitError;
  const ir::Program& program = *loaded->compilation->program;
  std::string error;

  graph::Stages stages = stagesOf(*loaded->compilation);
  graph::ChartOptions chart;
  chart.stages = &stages;
  graph::Overlay overlay;
  if (!options.input.empty()) {
    std::vector<double> values;
    if (!loaded->readPatient(options.input, values, overlay.known)) return kExitError;
    overlay.nodes = ir::interpretNodes(program, values.data(), overlay.known.data());
    chart.overlay = &overlay;
  }
  if (!options.focus.empty()) {
    std::vector<std::string> names;
    for (const ir::Recommendation& r : program.recommendations) names.push_back(r.name);
    if (std::find(names.begin(), names.end(), options.focus) == names.end()) {
      std::optional<std::string> near = diag::closest(options.focus, names);
      std::string hint = near ? " (did you mean '" + *near + "'?)" : "";
      std::fprintf(stderr, "pathwayc: error: --focus %s: the pathway has no recommendation of that name%s\n",
                   options.focus.c_str(), hint.c_str());
      return kExitUsage;
    }
    chart.focus = options.focus;
  }

  std::string out;
  if (options.format == "mermaid") {
    out = graph::mermaidChart(program, chart);
  } else {
    out = graph::dotChart(program, chart);
    if (options.format == "svg") {
      std::optional<std::string> svg = renderSvg(out, error);
      if (!svg) {
        if (error == kDotNotFound) error += " (--format dot and --format mermaid need no Graphviz)";
        std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
        return kExitError;
      }
      out = std::move(*svg);
    }
  }
  if (options.output.empty() || options.output == "-") {
    std::fwrite(out.data(), 1, out.size(), stdout);
    return kExitOk;
  }
  if (!writeFileAtomically(options.output, out, error)) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return kExitError;
  }
  return kExitOk;
}

}  // namespace pathway::driver
