// run and describe: evaluate or inspect a compiled pathway through the
// runtime, exactly as an embedding app would. A .pw target is compiled to a
// temporary library first.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <nlohmann/json.hpp>
#include <optional>
#include <pathway/pathway.hpp>

#include "driver/Commands.h"
#include "driver/Files.h"
#include "driver/BriefResult.h"
#include "driver/Load.h"

namespace pathway::driver {
namespace {

// Evaluates one patient at a time, appending its result to a buffer.
class Evaluator {
 public:
  Evaluator(const LoadedPathway& loaded, bool brief)
      : loaded_(loaded), input_(*loaded.library), result_(*loaded.library) {
    if (brief) brief_.emplace(*loaded.library);
  }

  // Appends the result for the patient `json` to `out` (a brief line or the
  // whole result object); false with error() set.
  bool evaluate(std::string_view json, std::string& out) {
    try {
      input_.setJson(json);
      loaded_.evaluate(input_, result_);
      if (brief_) {
        brief_->write(result_, out);
      } else {
        out += result_.toJson();
      }
      return true;
    } catch (const Error& e) {
      error_ = e.what();
      return false;
    }
  }
  const std::string& error() const { return error_; }

 private:
  const LoadedPathway& loaded_;
  Input input_;
  Result result_;
  std::optional<BriefWriter> brief_;
  std::string error_;
};

int runOne(const RunOptions& options, const LoadedPathway& loaded) {
  std::string error;
  std::optional<std::string> text = readWholeFile(options.input, error);
  if (!text) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return kExitError;
  }
  Evaluator evaluator(loaded, false);
  std::string out;
  if (!evaluator.evaluate(*text, out)) {
    std::fprintf(stderr, "pathwayc: error: %s: %s\n", options.input.c_str(), evaluator.error().c_str());
    return kExitError;
  }
  if (options.pretty) out = nlohmann::ordered_json::parse(out).dump(2);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fputc('\n', stdout);
  return kExitOk;
}

// One patient per line, one result per line. A bad line yields an error
// object in its place (so line N of the output is patient N) and exit 1.
int runNdjson(const RunOptions& options, const LoadedPathway& loaded) {
  LineReader lines;
  std::string readError;
  if (!lines.open(options.input, readError)) {
    std::fprintf(stderr, "pathwayc: error: %s\n", readError.c_str());
    return kExitError;
  }
  Evaluator evaluator(loaded, !options.full);
  bool failed = false;
  size_t lineNumber = 0;
  std::string out;
  std::string_view line;
  while (lines.next(line, readError)) {
    ++lineNumber;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (!evaluator.evaluate(line, out)) {
      failed = true;
      const std::string& error = evaluator.error();
      std::fprintf(stderr, "pathwayc: error: %s:%zu: %s\n", options.input.c_str(), lineNumber, error.c_str());
      out += nlohmann::json{{"error", error}, {"line", lineNumber}}.dump();
    }
    out.push_back('\n');
    if (out.size() > (1u << 20)) {
      std::fwrite(out.data(), 1, out.size(), stdout);
      out.clear();
    }
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (!readError.empty()) {
    std::fprintf(stderr, "pathwayc: error: %s\n", readError.c_str());
    return kExitError;
  }
  return failed ? kExitError : kExitOk;
}

}  // namespace

int runCommand(const RunOptions& options, const DiagnosticOptions& diag) {
  std::unique_ptr<LoadedPathway> loaded =
      options.interpret ? loadInterpreted(options.target, diag) : loadPathway(options.target, diag);
  if (!loaded) return kExitError;
  return options.ndjson ? runNdjson(options, *loaded) : runOne(options, *loaded);
}

int describeCommand(const std::string& target, bool json, const DiagnosticOptions& diag) {
  std::unique_ptr<LoadedPathway> loaded = loadPathway(target, diag);
  if (!loaded) return kExitError;
  const Library* library = &*loaded->library;
  pw_library_info info = library->info();
  if (json) {
    nlohmann::json j = nlohmann::json::parse(std::string_view(info.metadata_json, info.metadata_size));
    j["abi_version"] = info.abi_version;
    j["content_hash"] = fmt::format("{:016x}", info.content_hash);
    std::puts(j.dump(2).c_str());
    return kExitOk;
  }
  std::string out = fmt::format("pathway {} {}\n  {}\n  content hash {:016x}, ABI {}\n", info.name, info.version,
                                info.title, info.content_hash, info.abi_version);
  for (uint32_t a = 0; a < info.n_authors; ++a) out += fmt::format("  author: {}\n", info.authors[a]);
  for (uint32_t s = 0; s < info.n_sources; ++s) {
    pw_source_info src = library->source(s);
    out += fmt::format("  source {}: {} ({} paragraphs)\n", src.name, src.title, src.n_paragraphs);
  }
  auto cites = [](const pw_citation* c, uint32_t n) {
    std::string s;
    for (uint32_t i = 0; i < n; ++i) s += (i ? ", " : "") + std::string(c[i].paragraph);
    return s;
  };
  out += fmt::format("\ninputs ({}):\n", info.n_inputs);
  static const char* kKinds[] = {"bool", "int", "number", "enum", "quantity"};
  for (uint32_t i = 0; i < info.n_inputs; ++i) {
    pw_input_info in = library->input(i);
    std::string type = kKinds[in.kind];
    if (in.kind == PW_INPUT_QUANTITY) type = in.unit;
    if (in.kind == PW_INPUT_ENUM) {
      type = std::string(in.enum_name) + " {";
      for (uint32_t l = 0; l < in.n_labels; ++l) type += (l ? ", " : "") + std::string(in.labels[l]);
      type += "}";
    }
    if (in.has_min || in.has_max) {
      type += fmt::format(" in {}..{}", in.has_min ? fmt::format("{}", in.min) : "",
                          in.has_max ? fmt::format("{}", in.max) : "");
    }
    out += fmt::format("  {:<32} {}\n", in.name, type);
    if (*in.description) out += fmt::format("  {:<32} {}\n", "", in.description);
  }
  out += fmt::format("\nfindings ({}):\n", info.n_findings);
  for (uint32_t f = 0; f < info.n_findings; ++f) {
    pw_finding_info fi = library->finding(f);
    out += fmt::format("  {:<32} {} [{}]\n", fi.name, fi.label, cites(fi.citations, fi.n_citations));
  }
  out += fmt::format("\nrecommendations ({}):\n", info.n_recommendations);
  size_t width = 0;
  for (uint32_t r = 0; r < info.n_recommendations; ++r) {
    width = std::max(width, std::strlen(library->recommendation(r).name));
  }
  for (uint32_t r = 0; r < info.n_recommendations; ++r) {
    pw_recommendation_info ri = library->recommendation(r);
    out += fmt::format("  {:<{}} {:<18} {:<9} {} [{}]\n", ri.name, width, ri.category, ri.urgency, ri.label,
                       cites(ri.citations, ri.n_citations));
    for (uint32_t s = 0; s < ri.n_supersedes; ++s) {
      out += fmt::format("  {:<{}} supersedes {}\n", "", width, library->recommendation(ri.supersedes[s]).name);
    }
  }
  std::fputs(out.c_str(), stdout);
  return kExitOk;
}

}  // namespace pathway::driver
