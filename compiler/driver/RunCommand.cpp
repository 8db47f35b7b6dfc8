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

int runCommand(const RunOptions& options, const DiagnosticOptions& diag) {
  std::unique_ptr<LoadedPathway> loaded =
      options.interpret ? loadInterpreted(options.target, diag) : loadPathway(options.target, diag);
  if (!loaded) return kExitError;
  Library& library = *loaded->library;
  std::string error;
  std::optional<std::string> text = readWholeFile(options.input, error);
  if (!text) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return kExitError;
  }
  Input input(library);
  Result result(library);
  std::optional<BriefWriter> brief;
  if (options.ndjson && !options.full) brief.emplace(library);
  auto evaluateOne = [&](std::string_view json) -> std::optional<std::string> {
    try {
      input.setJson(json);
      loaded->evaluate(input, result);
      if (brief) {
        std::string line;
        brief->write(result, line);
        return line;
      }
      return result.toJson();
    } catch (const Error& e) {
      error = e.what();
      return std::nullopt;
    }
  };

  if (!options.ndjson) {
    std::optional<std::string> out = evaluateOne(*text);
    if (!out) {
      std::fprintf(stderr, "pathwayc: error: %s: %s\n", options.input.c_str(), error.c_str());
      return kExitError;
    }
    if (options.pretty) *out = nlohmann::ordered_json::parse(*out).dump(2);
    std::fwrite(out->data(), 1, out->size(), stdout);
    std::fputc('\n', stdout);
    return kExitOk;
  }

  // One patient per line, one result per line. A bad line yields an error
  // object in its place (so line N of the output is patient N) and exit 1.
  bool failed = false;
  size_t lineNumber = 0;
  std::string out;
  size_t pos = 0;
  while (pos < text->size()) {
    size_t end = text->find('\n', pos);
    if (end == std::string::npos) end = text->size();
    std::string_view line(text->data() + pos, end - pos);
    pos = end + 1;
    ++lineNumber;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (std::optional<std::string> json = evaluateOne(line)) {
      out += *json;
    } else {
      failed = true;
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
  return failed ? kExitError : kExitOk;
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
