// test: runs scenario files (.pwtest) against a pathway, compiled and
// interpreted, and reports every difference from the expectations.
//
// A .pwtest file is JSON:
//   {"pathway": "relative/or/absolute.pw",
//    "cases": [{"name": "...", "inputs": {...patient...},
//               "expect": {"default": "no",
//                          "recommendations": {"code": "fire|no|undetermined"},
//                          "findings": {"name": true|false|null},
//                          "missing": {"code": ["input", ...]}}}]}
#include <fmt/format.h>

#include <cstdio>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "driver/Commands.h"
#include "driver/Load.h"
#include "explain/Interpreted.h"
#include "ir/Interpreter.h"

namespace pathway::driver {
namespace {

using nlohmann::json;

const char* statusName(pw_rec_status s) {
  return s == PW_FIRE ? "fire" : s == PW_NO ? "no" : "undetermined";
}

const char* triName(pw_tri t) { return t == PW_TRUE ? "true" : t == PW_FALSE ? "false" : "unknown"; }

std::string xmlEscape(const std::string& s) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      default: out.push_back(c);
    }
  }
  return out;
}

struct CaseResult {
  std::string name;
  std::vector<std::string> failures;
};

// A malformed scenario file is the author's error, reported with its place.
struct ScenarioError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

const json& member(const json& object, const char* key, const std::string& where) {
  if (!object.is_object() || !object.contains(key)) throw ScenarioError(where + ": missing \"" + key + "\"");
  return object.at(key);
}

class ScenarioRunner {
 public:
  ScenarioRunner(LoadedPathway& loaded) : loaded_(loaded), library_(*loaded.library), info_(library_.info()) {}

  CaseResult run(const json& c, const std::string& where) {
    CaseResult result;
    result.name = c.contains("name") && c["name"].is_string() ? c["name"].get<std::string>() : where;
    const json& inputs = member(c, "inputs", where);
    const json& expect = member(c, "expect", where);
    Input input(library_);
    Result compiled(library_);
    try {
      input.setJson(inputs.dump());
    } catch (const Error& e) {
      result.failures.push_back(std::string("inputs rejected: ") + e.what());
      return result;
    }
    evaluate(library_, input, compiled);
    values_.assign(info_.n_inputs, 0);
    known_.assign(info_.n_inputs, 0);
    for (uint32_t i = 0; i < info_.n_inputs; ++i) {
      auto [k, v] = input.get(i);
      known_[i] = k;
      values_[i] = v;
    }
    compareWithInterpreter(compiled, result);
    checkExpectations(expect, compiled, where, result);
    return result;
  }

 private:
  // The compiled library and the reference interpreter must agree exactly.
  void compareWithInterpreter(const Result& compiled, CaseResult& result) {
    const ir::Program& program = *loaded_.compilation->program;
    std::vector<uint8_t> state(program.slotCount());
    std::vector<double> numbers(program.slotCount());
    std::vector<uint64_t> missing(program.recommendations.size() * program.maskWords());
    ir::interpret(program, values_.data(), known_.data(), state.data(), numbers.data(), missing.data());
    for (uint32_t r = 0; r < info_.n_recommendations; ++r) {
      if (state[r] != compiled.status(r)) {
        result.failures.push_back(fmt::format("interpreter disagrees on '{}': compiled {}, interpreted {}",
                                              library_.recommendation(r).name, statusName(compiled.status(r)),
                                              statusName(static_cast<pw_rec_status>(state[r]))));
      }
    }
  }

  void checkExpectations(const json& expect, const Result& compiled, const std::string& where, CaseResult& result) {
    std::vector<bool> listed(info_.n_recommendations, false);
    if (expect.contains("recommendations")) {
      for (const auto& [code, status] : expect["recommendations"].items()) {
        uint32_t r = findRecommendation(code, where);
        listed[r] = true;
        checkStatus(r, parseStatus(status, where + ": recommendation \"" + code + "\""), compiled, result);
      }
    }
    if (expect.contains("default")) {
      pw_rec_status fallback = parseStatus(expect["default"], where + ": default");
      for (uint32_t r = 0; r < info_.n_recommendations; ++r) {
        if (!listed[r]) checkStatus(r, fallback, compiled, result);
      }
    }
    if (expect.contains("findings")) {
      for (const auto& [name, value] : expect["findings"].items()) {
        uint32_t f;
        try {
          f = library_.findFinding(name);
        } catch (const Error& e) {
          throw ScenarioError(where + ": " + e.what());
        }
        if (!value.is_null() && !value.is_boolean()) throw ScenarioError(where + ": finding \"" + name + "\" must be true, false or null");
        pw_tri want = value.is_null() ? PW_UNKNOWN : value.get<bool>() ? PW_TRUE : PW_FALSE;
        pw_tri got = compiled.finding(f);
        if (got != want) {
          result.failures.push_back(fmt::format("finding '{}': expected {}, got {}", name, triName(want), triName(got)));
        }
      }
    }
    if (expect.contains("missing")) {
      for (const auto& [code, names] : expect["missing"].items()) {
        uint32_t r = findRecommendation(code, where);
        std::vector<std::string> want;
        for (const json& n : names) want.push_back(n.get<std::string>());
        std::sort(want.begin(), want.end());
        std::vector<std::string> got;
        for (uint32_t i : compiled.missing(r)) got.push_back(library_.input(i).name);
        std::sort(got.begin(), got.end());
        if (want != got) {
          result.failures.push_back(fmt::format("missing inputs of '{}': expected [{}], got [{}]", code,
                                                fmt::join(want, ", "), fmt::join(got, ", ")));
        }
      }
    }
  }

  uint32_t findRecommendation(const std::string& code, const std::string& where) {
    try {
      return library_.findRecommendation(code);
    } catch (const Error& e) {
      throw ScenarioError(where + ": " + e.what());
    }
  }

  static pw_rec_status parseStatus(const json& value, const std::string& where) {
    if (value == "fire") return PW_FIRE;
    if (value == "no") return PW_NO;
    if (value == "undetermined") return PW_UNDETERMINED;
    throw ScenarioError(where + ": status must be \"fire\", \"no\" or \"undetermined\", not " + value.dump());
  }

  // A status mismatch, with what explains it: the condition, what
  // superseded it, what is missing, and the citations to read.
  void checkStatus(uint32_t r, pw_rec_status want, const Result& compiled, CaseResult& result) {
    pw_rec_status got = compiled.status(r);
    if (got == want) return;
    pw_recommendation_info rec = library_.recommendation(r);
    std::string why = fmt::format("condition {}", triName(compiled.condition(r)));
    std::vector<std::string> by;
    for (uint32_t s : compiled.supersededBy(r)) by.push_back(library_.recommendation(s).name);
    if (!by.empty()) why += fmt::format(", superseded by {}", fmt::join(by, ", "));
    std::vector<std::string> missing;
    for (uint32_t i : compiled.missing(r)) missing.push_back(library_.input(i).name);
    if (!missing.empty()) why += fmt::format(", missing {}", fmt::join(missing, ", "));
    std::vector<std::string> cites;
    for (uint32_t c = 0; c < rec.n_citations; ++c) cites.push_back(rec.citations[c].paragraph);
    std::string failure = fmt::format("recommendation '{}': expected {}, got {} ({}; cites {})", rec.name,
                                      statusName(want), statusName(got), why, fmt::join(cites, ", "));
    // The explanation of the failing recommendation, indented under it.
    explain::InterpretedEvaluation evaluation(*loaded_.compilation->program, values_.data(), known_.data());
    std::string tree = explain::text(evaluation, explain::explain(evaluation, r));
    for (size_t at = 0; (at = tree.find('\n', at)) != std::string::npos && at + 1 < tree.size(); at += 9) {
      tree.insert(at + 1, "         ");
    }
    failure += "\n         " + tree.substr(0, tree.size() - 1);
    result.failures.push_back(failure);
  }

  LoadedPathway& loaded_;
  Library& library_;
  pw_library_info info_;
  std::vector<double> values_;  // the current case's inputs, for the
  std::vector<uint8_t> known_;  // interpreter and explanations
};

}  // namespace

int testCommand(const TestOptions& options, const DiagnosticOptions& diag) {
  size_t passed = 0;
  size_t failed = 0;
  std::string junit;
  for (const std::string& file : options.files) {
    std::string error;
    std::optional<std::string> text = readWholeFile(file, error);
    json doc;
    try {
      if (!text) throw ScenarioError(error);
      doc = json::parse(*text);
      std::filesystem::path pathway = member(doc, "pathway", file).get<std::string>();
      if (pathway.is_relative()) pathway = std::filesystem::path(file).parent_path() / pathway;
      std::unique_ptr<LoadedPathway> loaded = loadPathway(pathway.string(), diag);
      if (!loaded) return kExitError;
      ScenarioRunner runner(*loaded);
      const json& cases = member(doc, "cases", file);
      if (!cases.is_array()) throw ScenarioError(file + ": \"cases\" must be an array");
      std::string suite;
      size_t suiteFailures = 0;
      for (size_t i = 0; i < cases.size(); ++i) {
        CaseResult r = runner.run(cases[i], fmt::format("{}: case {}", file, i + 1));
        bool ok = r.failures.empty();
        (ok ? passed : failed)++;
        if (!options.quiet || !ok) std::printf("%s %s\n", ok ? "ok  " : "FAIL", r.name.c_str());
        for (const std::string& f : r.failures) std::printf("       %s\n", f.c_str());
        suite += fmt::format("    <testcase classname=\"{}\" name=\"{}\">", xmlEscape(file), xmlEscape(r.name));
        if (!ok) {
          ++suiteFailures;
          std::string all;
          for (const std::string& f : r.failures) all += f + "\n";
          suite += fmt::format("<failure message=\"{}\">{}</failure>", xmlEscape(r.failures.front()), xmlEscape(all));
        }
        suite += "</testcase>\n";
      }
      junit += fmt::format("  <testsuite name=\"{}\" tests=\"{}\" failures=\"{}\">\n{}  </testsuite>\n",
                           xmlEscape(file), cases.size(), suiteFailures, suite);
    } catch (const json::exception& e) {
      std::fprintf(stderr, "pathwayc: error: %s: invalid scenario file: %s\n", file.c_str(), e.what());
      return kExitError;
    } catch (const ScenarioError& e) {
      std::fprintf(stderr, "pathwayc: error: %s\n", e.what());
      return kExitError;
    }
  }
  std::printf("%zu passed, %zu failed\n", passed, failed);
  if (!options.junit.empty()) {
    std::string xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites>\n" + junit + "</testsuites>\n";
    std::string error;
    if (!writeFileAtomically(options.junit, xml, error)) {
      std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
      return kExitError;
    }
  }
  return failed == 0 ? kExitOk : kExitError;
}

}  // namespace pathway::driver
