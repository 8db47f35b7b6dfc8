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

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <set>
#include <vector>

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

// Text for XML 1.0 attributes and content. XML 1.0 cannot carry C0 control
// characters other than tab, newline and carriage return, not even as
// character references, nor U+FFFE and U+FFFF: those are written visibly
// as the text \xNN or \uFFFE, so the report stays well-formed.
std::string xmlEscape(const std::string& s) {
  std::string out;
  for (size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '&': out += "&amp;"; break;
      case '"': out += "&quot;"; break;
      case '\t':
      case '\n':
      case '\r': out.push_back(c); break;
      default:
        if (static_cast<unsigned char>(c) < 0x20) {
          out += fmt::format("\\x{:02X}", static_cast<unsigned char>(c));
        } else if (s.compare(i, 2, "\xEF\xBF") == 0 && i + 2 < s.size() &&
                   (s[i + 2] == '\xBE' || s[i + 2] == '\xBF')) {
          out += s[i + 2] == '\xBE' ? "\\uFFFE" : "\\uFFFF";
          i += 2;
        } else {
          out.push_back(c);
        }
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

// A key that is not one of `allowed` is a misspelling: without this check
// its expectations would be skipped and the case pass checking nothing.
void onlyKeys(const json& object, std::initializer_list<const char*> allowed, const std::string& where) {
  for (const auto& item : object.items()) {
    const std::string& key = item.key();
    if (std::none_of(allowed.begin(), allowed.end(), [&](const char* a) { return key == a; })) {
      std::vector<std::string> names(allowed.begin(), allowed.end());
      throw ScenarioError(fmt::format("{}: unknown key \"{}\" (expected {})", where, key, fmt::join(names, ", ")));
    }
  }
}

void mustBeObject(const json& value, const std::string& where) {
  if (!value.is_object()) throw ScenarioError(where + " must be an object, not " + std::string(value.type_name()));
}

// Parses a scenario file, refusing a key given twice in one object (the
// JSON library would keep only the last, silently dropping expectations).
// The error names the case the key is in.
json parseScenario(const std::string& text, const std::string& file) {
  struct Frame {
    bool array = false;
    size_t elements = 0;       // arrays: children begun so far
    std::string key;           // objects: the key being read
    std::set<std::string> keys;
  };
  std::vector<Frame> stack;
  auto place = [&] {
    // "case N" when inside cases[N-1], then the keys below it.
    std::string where = file;
    size_t from = 0;
    if (stack.size() >= 2 && !stack[0].array && stack[0].key == "cases" && stack[1].array) {
      where += fmt::format(": case {}", stack[1].elements);
      from = 2;
    }
    std::string path;
    for (size_t i = from; i + 1 < stack.size(); ++i) {
      if (!stack[i].array) path += (path.empty() ? "" : ".") + stack[i].key;
    }
    return path.empty() ? where : where + ": in \"" + path + "\"";
  };
  auto beginChild = [&] {
    if (!stack.empty() && stack.back().array) ++stack.back().elements;
  };
  json::parser_callback_t callback = [&](int, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        beginChild();
        stack.push_back(Frame{event == json::parse_event_t::array_start, 0, {}, {}});
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        stack.pop_back();
        break;
      case json::parse_event_t::key: {
        Frame& top = stack.back();
        top.key = parsed.get<std::string>();
        if (!top.keys.insert(top.key).second) {
          throw ScenarioError(fmt::format("{}: duplicate key \"{}\": give each key once", place(), top.key));
        }
        break;
      }
      case json::parse_event_t::value:
        beginChild();
        break;
    }
    return true;
  };
  return json::parse(text, callback);
}

class ScenarioRunner {
 public:
  ScenarioRunner(LoadedPathway& loaded) : loaded_(loaded), library_(*loaded.library), info_(library_.info()) {}

  // The case's form, before any case runs: a misspelt or mistyped key, or
  // an "expect" that checks nothing, would otherwise pass vacuously.
  void validate(const json& c, const std::string& where) const {
    mustBeObject(c, where);
    onlyKeys(c, {"name", "inputs", "expect"}, where);
    member(c, "inputs", where);
    checkExpectShape(member(c, "expect", where), where);
  }

  // Runs a case that passed validate().
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
  // A case whose "expect" checks nothing would pass vacuously: an error.
  void checkExpectShape(const json& expect, const std::string& where) const {
    mustBeObject(expect, where + ": \"expect\"");
    onlyKeys(expect, {"default", "recommendations", "findings", "missing"}, where + ": \"expect\"");
    size_t checks = 0;
    for (const char* key : {"recommendations", "findings", "missing"}) {
      if (!expect.contains(key)) continue;
      mustBeObject(expect[key], fmt::format("{}: \"expect\".\"{}\"", where, key));
      checks += expect[key].size();
    }
    if (expect.contains("missing")) {
      for (const auto& [code, names] : expect["missing"].items()) {
        if (!names.is_array() || !std::all_of(names.begin(), names.end(), [](const json& n) { return n.is_string(); })) {
          throw ScenarioError(fmt::format("{}: missing inputs of \"{}\" must be an array of input names", where, code));
        }
      }
    }
    if (expect.contains("default")) {
      const size_t listed = expect.contains("recommendations") ? expect["recommendations"].size() : 0;
      checks += info_.n_recommendations > listed ? info_.n_recommendations - listed : 0;
    }
    if (checks == 0) {
      throw ScenarioError(where + ": \"expect\" checks nothing: give \"default\", \"recommendations\", "
                          "\"findings\" or \"missing\"");
    }
  }

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
  for (const std::string& file : options.files) {
    if (!outputSparesInput("--junit", options.junit, file)) return kExitUsage;
  }
  size_t passed = 0;
  size_t failed = 0;
  std::string junit;
  for (const std::string& file : options.files) {
    std::string error;
    std::optional<std::string> text = readWholeFile(file, error);
    json doc;
    try {
      if (!text) throw ScenarioError(error);
      doc = parseScenario(*text, file);
      mustBeObject(doc, file + ": the scenario file");
      onlyKeys(doc, {"pathway", "cases"}, file);
      const json& pathwayName = member(doc, "pathway", file);
      if (!pathwayName.is_string()) throw ScenarioError(file + ": \"pathway\" must be a string");
      std::filesystem::path pathway = pathwayName.get<std::string>();
      if (!isPathwaySource(pathway.string())) {
        // Every case is cross-checked by the reference interpreter, which
        // needs the pathway's IR: a compiled library has none.
        throw ScenarioError(file + ": \"pathway\" must be a pathway source (.pw), not '" + pathway.string() +
                            "': each case is also run by the interpreter, which needs the source");
      }
      if (pathway.is_relative()) pathway = std::filesystem::path(file).parent_path() / pathway;
      std::unique_ptr<LoadedPathway> loaded = loadPathway(pathway.string(), diag);
      if (!loaded) return kExitError;
      ScenarioRunner runner(*loaded);
      const json& cases = member(doc, "cases", file);
      if (!cases.is_array()) throw ScenarioError(file + ": \"cases\" must be an array");
      std::string suite;
      size_t suiteFailures = 0;
      for (size_t i = 0; i < cases.size(); ++i) runner.validate(cases[i], fmt::format("{}: case {}", file, i + 1));
      for (size_t i = 0; i < cases.size(); ++i) {
        CaseResult r = runner.run(cases[i], fmt::format("{}: case {}", file, i + 1));
        bool ok = r.failures.empty();
        (ok ? passed : failed)++;
        if (!options.quiet || !ok) writeStdout(fmt::format("{} {}\n", ok ? "ok  " : "FAIL", r.name));
        for (const std::string& f : r.failures) writeStdout(fmt::format("       {}\n", f));
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
