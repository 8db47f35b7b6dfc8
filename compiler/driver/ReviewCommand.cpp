// review: FILE.pw -> a static review page in DIR (index.html, the page's
// scripts and styles, the JS runtime, the pathway as WebAssembly and the
// review data). Opens from disk or any static server; needs no network.
#include <sys/stat.h>

#include <algorithm>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include "codegen/Codegen.h"
#include "driver/Chart.h"
#include "driver/Commands.h"
#include "driver/Files.h"
#include "driver/Load.h"
#include "link/Link.h"
#include "review/Assets.h"
#include "review/Review.h"

namespace pathway::driver {
namespace {

namespace fs = std::filesystem;

// The sample patients: every *.json in `dir`, by name, each checked to be a
// patient of this pathway (the runtime's own JSON rules).
bool readPatients(const LoadedPathway& loaded, const std::string& dir, std::vector<review::Patient>& out) {
  std::error_code ec;
  std::vector<fs::path> files;
  for (const fs::directory_entry& entry : fs::directory_iterator(dir, ec)) {
    if (entry.path().extension() == ".json") files.push_back(entry.path());
  }
  if (ec) {
    std::fprintf(stderr, "pathwayc: error: cannot read the patients directory %s: %s\n", dir.c_str(),
                 ec.message().c_str());
    return false;
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string error;
    std::optional<std::string> text = readWholeFile(file.string(), error);
    if (!text) {
      std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
      return false;
    }
    if (!loaded.readInput(file.string())) return false;  // prints why
    std::string id = file.stem().string();
    out.push_back({id, review::patientTitle(id), *text});
  }
  return true;
}

// An SVG document as an element for the page: no XML prolog, doctype or
// comments (dot writes one per node and edge).
std::string inlineSvg(const std::string& svg) {
  std::string out;
  size_t at = svg.find("<svg");
  if (at == std::string::npos) at = 0;
  while (at < svg.size()) {
    size_t comment = svg.find("<!--", at);
    if (comment == std::string::npos) break;
    out.append(svg, at, comment - at);
    size_t end = svg.find("-->", comment);
    if (end == std::string::npos) return out;
    at = end + 3;
    if (at < svg.size() && svg[at] == '\n') ++at;
  }
  if (at < svg.size()) out.append(svg, at, std::string::npos);
  return out;
}

// The flowchart: the whole pathway and, per recommendation, only what its
// condition reads (pathwayc graph --focus), uncoloured: the page colours
// them by the patient on screen. Without Graphviz the page has no chart,
// and a warning says why.
std::optional<review::Flowchart> flowchart(const Compilation& c) {
  graph::Stages stages = stagesOf(c);
  graph::ChartOptions chart;
  chart.stages = &stages;
  std::string error;
  std::optional<std::string> whole = renderSvg(graph::dotChart(*c.program, chart), error);
  review::Flowchart out;
  if (whole) {
    out.svg = inlineSvg(*whole);
    for (const ir::Recommendation& r : c.program->recommendations) {
      chart.focus = r.name;
      std::optional<std::string> focus = renderSvg(graph::dotChart(*c.program, chart), error);
      if (!focus) break;
      out.focus[r.name] = inlineSvg(*focus);
    }
  }
  if (!error.empty()) {
    std::fprintf(stderr, "pathwayc: warning: the review page has no flowchart: %s\n", error.c_str());
    return std::nullopt;
  }
  return out;
}

bool makeDirectories(const std::string& path) {
  std::error_code ec;
  fs::create_directories(path, ec);
  if (ec) {
    std::fprintf(stderr, "pathwayc: error: cannot create %s: %s\n", path.c_str(), ec.message().c_str());
    return false;
  }
  return true;
}

}  // namespace

int reviewCommand(const ReviewOptions& options, const DiagnosticOptions& diag) {
  if (!isPathwaySource(options.input)) {
    std::fprintf(stderr, "pathwayc: error: review needs the pathway source (.pw)\n");
    return kExitUsage;
  }
  // The sample patients: --patients, else NAME/patients beside NAME.pw when
  // it exists (pathways/pt_failure/patients for pathways/pt_failure.pw).
  std::string patientsDir = options.patients;
  if (patientsDir.empty()) {
    fs::path beside = fs::path(options.input).replace_extension("") / "patients";
    if (fs::is_directory(beside)) patientsDir = beside.string();
  } else if (!fs::is_directory(patientsDir)) {
    std::fprintf(stderr, "pathwayc: error: --patients %s is not a directory\n", patientsDir.c_str());
    return kExitUsage;
  }
  std::string sourceText;
  if (!options.sourceText.empty()) {
    std::string error;
    std::optional<std::string> text = readWholeFile(options.sourceText, error);
    if (!text) {
      std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
      return kExitError;
    }
    sourceText = std::move(*text);
  }

  std::unique_ptr<LoadedPathway> loaded = loadInterpreted(options.input, diag);
  if (!loaded) return kExitError;
  const Compilation& c = *loaded->compilation;
  review::ReviewInput input;
  input.source = c.source.get();
  input.ast = &c.ast;
  input.program = &*c.program;
  input.sourceText = sourceText;
  if (!patientsDir.empty() && !readPatients(*loaded, patientsDir, input.patients)) return kExitError;
  input.flowchart = flowchart(c);

  if (!makeDirectories(options.output) || !makeDirectories(options.output + "/runtime")) return kExitError;
  std::string error;
  codegen::CodegenOptions cg;
  cg.target = codegen::TargetKind::Wasm32;
  codegen::CodegenResult generated;
  std::string wasmPath = options.output + "/pathway.wasm";
  if (!codegen::generate(*c.program, cg, generated, error) ||
      !link::linkWasmModule(generated.objects, wasmPath, error)) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return kExitError;
  }
  std::optional<std::string> wasm = readWholeFile(wasmPath, error);
  if (!wasm) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return kExitError;
  }
  input.wasm = std::move(*wasm);

  if (!options.sourceText.empty()) {
    // A cited paragraph the source text lacks is worth knowing: the page
    // shows no text for it.
    std::vector<std::string> cited;
    for (const ir::Recommendation& r : c.program->recommendations) {
      for (const ir::Citation& citation : r.citations) cited.push_back(citation.paragraph);
    }
    std::map<std::string, std::string> found = review::paragraphs(sourceText, cited);
    std::sort(cited.begin(), cited.end());
    cited.erase(std::unique(cited.begin(), cited.end()), cited.end());
    for (const std::string& id : cited) {
      if (!found.count(id)) {
        std::fprintf(stderr, "pathwayc: warning: %s has no paragraph %s, which the pathway cites\n",
                     options.sourceText.c_str(), id.c_str());
      }
    }
  }

  for (const review::EmbeddedFile& file : review::embeddedFiles()) {
    if (!writeFileAtomically(options.output + "/" + std::string(file.name), file.data, error)) {
      std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
      return kExitError;
    }
  }
  // A classic script: ES modules cannot be loaded from file:// pages, so the
  // page's loader (loader.js) makes blob modules of PATHWAY_MODULES.
  std::string data = "window.PATHWAY_REVIEW = " + review::reviewJson(input) + ";\nwindow.PATHWAY_MODULES = " +
                     review::modulesJson(review::embeddedFiles()) + ";\n";
  if (!writeFileAtomically(options.output + "/review-data.js", data, error)) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return kExitError;
  }
  // The flowchart (1-2 MB of SVG for the PT pathway) is a script of its
  // own, which the page loads after its first result.
  std::string chartPath = options.output + "/" + review::kFlowchartScript;
  if (input.flowchart) {
    std::string chart = "window.PATHWAY_FLOWCHART = " + review::flowchartJson(*input.flowchart) + ";\n";
    if (!writeFileAtomically(chartPath, chart, error)) {
      std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
      return kExitError;
    }
  } else {
    std::error_code ec;
    fs::remove(chartPath, ec);  // a chart from an earlier run would not match this page
  }
  return kExitOk;
}

}  // namespace pathway::driver
