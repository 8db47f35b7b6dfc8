// graph: the pathway as a flowchart (DOT, SVG through Graphviz's dot, or
// Mermaid), optionally overlaid with one patient's evaluation.
#include <spawn.h>
#include <sys/wait.h>

#include <cstdio>
#include <cstring>

#include "driver/Commands.h"
#include "driver/Load.h"
#include "graph/Graph.h"

extern char** environ;

namespace pathway::driver {
namespace {

// Runs Graphviz's dot on `dot` text and returns the SVG, or nullopt.
std::optional<std::string> renderSvg(const std::string& dot, std::string& error) {
  TempDir temp;
  if (!temp.ok()) {
    error = "cannot create a temporary directory";
    return std::nullopt;
  }
  std::string in = temp.path() + "/graph.dot";
  std::string out = temp.path() + "/graph.svg";
  if (!writeFileAtomically(in, dot, error)) return std::nullopt;
  const char* argv[] = {"dot", "-Tsvg", in.c_str(), "-o", out.c_str(), nullptr};
  pid_t pid = 0;
  if (posix_spawnp(&pid, "dot", nullptr, nullptr, const_cast<char* const*>(argv), environ) != 0) {
    error = "Graphviz 'dot' was not found; install the graphviz package or use --format dot";
    return std::nullopt;
  }
  int status = 0;
  waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    error = WIFEXITED(status) && WEXITSTATUS(status) == 127
                ? "Graphviz 'dot' was not found; install the graphviz package or use --format dot"
                : "Graphviz 'dot' failed to render the chart";
    return std::nullopt;
  }
  return readWholeFile(out, error);
}

}  // namespace

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

  std::optional<graph::Overlay> overlay;
  if (!options.input.empty()) {
    std::vector<double> values;
    overlay.emplace();
    if (!loaded->readPatient(options.input, values, overlay->known)) return kExitError;
    overlay->nodes = ir::interpretNodes(program, values.data(), overlay->known.data());
  }

  std::string out;
  if (options.format == "mermaid") {
    out = graph::toMermaid(program, overlay);
  } else {
    out = graph::toDot(program, overlay);
    if (options.format == "svg") {
      std::optional<std::string> svg = renderSvg(out, error);
      if (!svg) {
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
