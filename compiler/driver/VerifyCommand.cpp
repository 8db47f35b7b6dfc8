// verify and diff: proofs about pathways (compiler/verify does the solving).
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <cstdio>
#include <filesystem>

#include "diag/Render.h"
#include "driver/Commands.h"
#include "driver/Files.h"
#include "driver/Report.h"
#include "driver/VerifyReport.h"
#include "verify/Verify.h"

namespace pathway::driver {
namespace {

// The front end's diagnostics and the verifier's, as one list (one JSON
// array per file with --error-format=json).
void printVerifyDiagnostics(const Compilation& c, std::vector<diag::Diagnostic> diagnostics,
                            const DiagnosticOptions& options) {
  diagnostics.insert(diagnostics.begin(), c.diagnostics.begin(), c.diagnostics.end());
  if (diagnostics.empty() && !options.json) return;
  if (options.json) {
    std::fprintf(stderr, "%s\n", diag::renderJson(diagnostics, c.path).c_str());
    return;
  }
  bool color = options.color == "always" || (options.color == "auto" && ::isatty(STDERR_FILENO));
  std::fputs(diag::renderText(diagnostics, c.path, diag::TextStyle{color}).c_str(), stderr);
}

}  // namespace

int verifyCommand(const VerifyOptions& options, const DiagnosticOptions& diag) {
  bool failed = false;
  nlohmann::ordered_json all = nlohmann::ordered_json::array();
  if (!options.counterexamples.empty()) {
    std::error_code ec;
    std::filesystem::create_directories(options.counterexamples, ec);
    if (ec) {
      std::fprintf(stderr, "pathwayc: cannot create '%s': %s\n", options.counterexamples.c_str(),
                   ec.message().c_str());
      return kExitError;
    }
  }
  for (const std::string& file : options.files) {
    FrontendOptions fo;
    fo.keepProperties = true;
    fo.warningsAsErrors = diag.warningsAsErrors;
    std::unique_ptr<Compilation> c = compileFile(file, fo);
    if (!c->ok()) {
      printDiagnostics(*c, diag);
      failed = true;
      continue;
    }
    VerifyOutcome outcome = verifyCompilation(*c, diag.warningsAsErrors);
    printVerifyDiagnostics(*c, outcome.diagnostics, diag);
    failed |= outcome.errors > 0;
    if (options.json) {
      all.push_back(nlohmann::ordered_json::parse(outcome.json));
    } else {
      std::string text;
      std::istringstream lines(outcome.summary);
      for (std::string line; std::getline(lines, line);) text += c->path + ": " + line + "\n";
      writeStdout(text);
    }
    for (const auto& [property, patient] : outcome.counterexamples) {
      std::string path = options.counterexamples.empty()
                             ? ""
                             : (std::filesystem::path(options.counterexamples) /
                                (c->program->meta.name + "." + property + ".json"))
                                   .string();
      if (path.empty()) continue;
      std::string error;
      if (!writeFileAtomically(path, patient + "\n", error)) {
        std::fprintf(stderr, "pathwayc: %s\n", error.c_str());
        failed = true;
      }
    }
  }
  if (options.json) std::printf("%s\n", all.dump(2).c_str());
  return failed ? kExitError : kExitOk;
}

int diffCommand(const DiffOptions& options, const DiagnosticOptions& diag) {
  std::unique_ptr<Compilation> oldC = frontend(options.oldFile, diag, Stage::Lower);
  std::unique_ptr<Compilation> newC = frontend(options.newFile, diag, Stage::Lower);
  if (!oldC || !newC) return kExitError;
  verify::DiffReport report = verify::diffPrograms(*oldC->program, *newC->program);

  // Thresholds: the named constants, compared by name (sema's values, in
  // the constant's own unit).
  std::vector<std::string> thresholds;
  auto constants = [](const Compilation& c) {
    std::map<std::string, std::string> out;
    for (const ast::DeclPtr& d : c.ast.decls) {
      if (d->kind() != ast::DeclKind::Const) continue;
      auto it = c.analysis.constValues.find(d.get());
      if (it == c.analysis.constValues.end()) continue;
      const auto& value = static_cast<const ast::ConstDecl&>(*d).value;
      std::string unit;
      if (value->kind() == ast::ExprKind::Number) unit = static_cast<const ast::NumberExpr&>(*value).unit;
      std::string text = !it->second.known ? "unknown" : fmt::format("{}", it->second.value);
      out[d->name.text] = unit.empty() ? text : text + (unit == "%" ? "" : " ") + unit;
    }
    return out;
  };
  std::map<std::string, std::string> oldConsts = constants(*oldC), newConsts = constants(*newC);
  for (const auto& [name, value] : newConsts) {
    auto it = oldConsts.find(name);
    if (it == oldConsts.end()) thresholds.push_back(fmt::format("{}: added ({})", name, value));
    else if (it->second != value) thresholds.push_back(fmt::format("{}: {} -> {}", name, it->second, value));
  }
  for (const auto& [name, value] : oldConsts) {
    if (!newConsts.count(name)) thresholds.push_back(fmt::format("{}: removed (was {})", name, value));
  }

  const ir::Program& oldP = *oldC->program;
  const ir::Program& newP = *newC->program;
  if (options.json) {
    nlohmann::ordered_json statuses = nlohmann::ordered_json::array();
    for (const verify::StatusDiff& s : report.statuses) {
      nlohmann::ordered_json j = {{"recommendation", s.recommendation},
                                  {"identical", s.identical}};
      if (s.undecided) j["undecided"] = true;
      if (s.oldPatient) {
        j["old_status"] = verify::statusName(s.oldStatus);
        j["new_status"] = verify::statusName(s.newStatus);
        j["old_patient"] = nlohmann::ordered_json::parse(verify::patientJson(oldP, *s.oldPatient));
        j["new_patient"] = nlohmann::ordered_json::parse(verify::patientJson(newP, *s.newPatient));
      }
      statuses.push_back(std::move(j));
    }
    nlohmann::ordered_json doc = {
        {"old", oldC->path},
        {"new", newC->path},
        {"identical", !report.anyDifferent()},
        {"recommendations", {{"added", report.addedRecommendations}, {"removed", report.removedRecommendations}}},
        {"inputs",
         {{"added", report.addedInputs}, {"removed", report.removedInputs}, {"changed", report.changedInputs}}},
        {"findings", {{"added", report.addedFindings}, {"removed", report.removedFindings}}},
        {"thresholds", thresholds},
        {"metadata", report.changedMetadata},
        {"statuses", std::move(statuses)}};
    std::printf("%s\n", doc.dump(2).c_str());
    return report.anyDifferent() ? kExitError : kExitOk;
  }
  std::string out;
  auto section = [&](const char* title, const std::vector<std::string>& items) {
    for (const std::string& item : items) out += fmt::format("{} {}\n", title, item);
  };
  section("added recommendation", report.addedRecommendations);
  section("removed recommendation", report.removedRecommendations);
  section("added input", report.addedInputs);
  section("removed input", report.removedInputs);
  section("changed input", report.changedInputs);
  section("added finding", report.addedFindings);
  section("removed finding", report.removedFindings);
  section("threshold", thresholds);
  section("metadata", report.changedMetadata);
  size_t differ = 0;
  for (const verify::StatusDiff& s : report.statuses) {
    if (s.identical) continue;
    ++differ;
    if (s.undecided) {
      out += fmt::format("status {}: undecided (the solver gave up)\n", s.recommendation);
      continue;
    }
    std::string oldJson = verify::patientJson(oldP, *s.oldPatient);
    std::string newJson = verify::patientJson(newP, *s.newPatient);
    out += fmt::format("status {}: differs: {} (old) vs {} (new) for {}", s.recommendation,
                       verify::statusName(s.oldStatus), verify::statusName(s.newStatus), oldJson);
    out += oldJson == newJson ? "\n" : fmt::format(" (new version's inputs: {})\n", newJson);
  }
  out += fmt::format("{} of {} common recommendations proved identical for every patient\n",
                     report.statuses.size() - differ, report.statuses.size());
  writeStdout(out);
  return report.anyDifferent() ? kExitError : kExitOk;
}

}  // namespace pathway::driver
