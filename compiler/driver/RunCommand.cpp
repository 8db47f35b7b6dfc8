// run and describe: evaluate or inspect a compiled pathway through the
// runtime, exactly as an embedding app would. A .pw target is compiled to a
// temporary library first.
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <nlohmann/json.hpp>
#include <memory>
#include <optional>
#include <thread>
#include <vector>
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
  std::string out;
  if (!options.fhir.empty()) {
    std::optional<Input> input = loaded.readInput(options.input, options.fhir, options.now);
    if (!input) return kExitError;
    try {
      Result result(*loaded.library);
      loaded.evaluate(*input, result);
      out = result.toJson();
    } catch (const Error& e) {
      std::fprintf(stderr, "pathwayc: error: %s\n", e.what());
      return kExitError;
    }
  } else {
    std::string error;
    std::optional<std::string> text = readWholeFile(options.input, error);
    if (!text) {
      std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
      return kExitError;
    }
    Evaluator evaluator(loaded, false);
    if (!evaluator.evaluate(*text, out)) {
      std::fprintf(stderr, "pathwayc: error: %s: %s\n", options.input.c_str(), evaluator.error().c_str());
      return kExitError;
    }
  }
  if (options.pretty) out = nlohmann::ordered_json::parse(out).dump(2);
  std::fwrite(out.data(), 1, out.size(), stdout);
  std::fputc('\n', stdout);
  return kExitOk;
}

// Lines of an NDJSON input, copied out of the reader, for one worker.
struct Chunk {
  std::string text;
  struct Line {
    size_t offset, length, number;
    bool tooLong;  // skipped by the reader, answered with an error
  };
  std::vector<Line> lines;
  // Filled by the worker: the result lines, and the error messages of bad
  // lines in order.
  std::string out;
  std::vector<std::string> errors;
  bool failed = false;

  void clear() {
    text.clear();
    lines.clear();
    out.clear();
    errors.clear();
    failed = false;
  }
};

// Lines per chunk: large enough that starting a thread per chunk costs
// nothing measurable, small enough to keep both cores busy on short inputs.
constexpr size_t kChunkLines = 2048;

// Evaluates every line of `chunk` into chunk.out. A bad line yields an error
// object in its place (so line N of the output is patient N).
void evaluateChunk(const std::string& inputName, Evaluator& evaluator, Chunk& chunk) {
  for (const Chunk::Line& line : chunk.lines) {
    if (line.tooLong ||
        !evaluator.evaluate(std::string_view(chunk.text).substr(line.offset, line.length), chunk.out)) {
      chunk.failed = true;
      const std::string error =
          line.tooLong ? fmt::format("the line is longer than the limit of {} bytes", kMaxInputFileBytes)
                       : evaluator.error();
      chunk.errors.push_back(fmt::format("pathwayc: error: {}:{}: {}\n", inputName, line.number, error));
      // The runtime's messages are well-formed UTF-8; replacing is a second
      // guard, so that no message can stop a population run.
      chunk.out += nlohmann::json{{"error", error}, {"line", line.number}}.dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace);
    }
    chunk.out.push_back('\n');
  }
}

// One patient per line, one result per line, in input order; blank lines are
// skipped. Chunks of lines are evaluated by `jobs` threads at once, and
// written (results to stdout, messages of bad lines to stderr) in order, so
// the output does not depend on the number of jobs. Exit 1 if any line was
// bad or the input could not be read.
int runNdjson(const RunOptions& options, const LoadedPathway& loaded) {
  LineReader reader;
  std::string readError;
  if (!reader.open(options.input, readError)) {
    std::fprintf(stderr, "pathwayc: error: %s\n", readError.c_str());
    return kExitError;
  }
  const size_t jobs = std::max<size_t>(1, options.jobs);
  std::vector<std::unique_ptr<Evaluator>> evaluators;
  std::vector<Chunk> chunks(jobs);
  for (size_t j = 0; j < jobs; ++j) evaluators.push_back(std::make_unique<Evaluator>(loaded, !options.full));
  bool failed = false;
  bool more = true;
  size_t lineNumber = 0;
  std::string_view line;
  while (more) {
    // Read up to `jobs` chunks, then evaluate them at once.
    size_t filled = 0;
    for (; filled < jobs && more; ++filled) {
      Chunk& chunk = chunks[filled];
      chunk.clear();
      while (chunk.lines.size() < kChunkLines && (more = reader.next(line, readError))) {
        ++lineNumber;
        if (reader.tooLong()) {
          chunk.lines.push_back({chunk.text.size(), 0, lineNumber, true});
          continue;
        }
        if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
        chunk.lines.push_back({chunk.text.size(), line.size(), lineNumber, false});
        chunk.text.append(line);
      }
    }
    std::vector<std::thread> workers;
    for (size_t j = 1; j < filled; ++j) {
      workers.emplace_back(evaluateChunk, std::cref(options.input), std::ref(*evaluators[j]), std::ref(chunks[j]));
    }
    if (filled > 0) evaluateChunk(options.input, *evaluators[0], chunks[0]);
    for (std::thread& worker : workers) worker.join();
    for (size_t j = 0; j < filled; ++j) {
      for (const std::string& error : chunks[j].errors) std::fputs(error.c_str(), stderr);
      std::fwrite(chunks[j].out.data(), 1, chunks[j].out.size(), stdout);
      failed = failed || chunks[j].failed;
    }
  }
  if (!readError.empty()) {
    std::fprintf(stderr, "pathwayc: error: %s\n", readError.c_str());
    return kExitError;
  }
  return failed ? kExitError : kExitOk;
}

}  // namespace

int runCommand(const RunOptions& options, const DiagnosticOptions& diag) {
  if (options.input.empty() && options.fhir.empty()) {
    std::fputs("pathwayc: error: run needs --input (patient JSON) or --fhir (a FHIR Bundle), or both\n", stderr);
    return kExitUsage;
  }
  if (!options.fhir.empty() && options.ndjson) {
    std::fputs("pathwayc: error: --fhir reads one Bundle; --ndjson is for lines of flat patient JSON\n", stderr);
    return kExitUsage;
  }
  if (options.input.empty() && options.ndjson) {
    std::fputs("pathwayc: error: --ndjson needs --input\n", stderr);
    return kExitUsage;
  }
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
  writeStdout(out);
  return kExitOk;
}

}  // namespace pathway::driver
