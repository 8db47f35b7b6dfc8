#include "driver/VerifyReport.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "diag/DiagnosticEngine.h"
#include "verify/Verify.h"

namespace pathway::driver {
namespace {

const ast::Decl* findDecl(const ast::File& file, const std::string& name, ast::DeclKind kind) {
  for (const ast::DeclPtr& d : file.decls) {
    if (d->kind() == kind && d->name.text == name) return d.get();
  }
  return nullptr;
}

ast::DeclKind subjectKind(diag::Kind kind) {
  switch (kind) {
    case diag::Kind::FindingConstant: return ast::DeclKind::Finding;
    case diag::Kind::InputNoEffect: return ast::DeclKind::Input;
    default: return ast::DeclKind::Recommendation;
  }
}

// Where a warning points: the first subject's name; for a supersedes, the
// target's name in the superseder's supersedes list (or the whole list when
// a `category` target reaches it).
diag::Range warningRange(const ast::File& file, const verify::Warning& w) {
  const ast::Decl* d = findDecl(file, w.subjects[0], subjectKind(w.kind));
  if (!d) return {0, 0};
  if (w.kind == diag::Kind::SupersedesNoEffect) {
    if (const ast::Field* f = static_cast<const ast::BlockDecl*>(d)->field(ast::FieldKind::Supersedes)) {
      for (const ast::SupersedesTarget& t : f->targets) {
        if (!t.category && t.name.text == w.subjects[1]) return t.name.range;
      }
      return f->range;  // reached through a `category` target
    }
  }
  return d->name.range;
}

diag::DiagnosticBuilder reportArgs(diag::DiagnosticEngine& diags, diag::Kind kind, diag::Range range,
                                   const std::vector<std::string>& a) {
  if (a.size() == 1) return diags.report(kind, range, a[0]);
  return diags.report(kind, range, a[0], a[1]);
}

}  // namespace

VerifyOutcome verifyCompilation(const Compilation& c, bool warningsAsErrors) {
  const ir::Program& program = *c.program;
  verify::Report report = verify::verifyProgram(program);
  diag::DiagnosticEngine diags(c.source.get(), 1000);
  diags.setWarningsAsErrors(warningsAsErrors);
  VerifyOutcome out;
  nlohmann::ordered_json properties = nlohmann::ordered_json::array();
  size_t proved = 0;
  for (const verify::PropertyResult& r : report.properties) {
    const ast::Decl* d = findDecl(c.ast, r.name, ast::DeclKind::Property);
    diag::Range range = d ? d->name.range : diag::Range{0, 0};
    nlohmann::ordered_json j = {{"name", r.name}};
    switch (r.outcome) {
      case verify::Outcome::Proved:
        ++proved;
        j["status"] = "proved";
        out.summary += fmt::format("property {}: proved\n", r.name);
        break;
      case verify::Outcome::Fails: {
        std::string patient = verify::patientJson(program, *r.counterexample);
        std::string why = "its claim is " + r.claimValue + " for a patient";
        diags.report(diag::Kind::PropertyFails, range, r.name, why).noteNoRange(diag::Kind::NoteWitness, patient);
        j["status"] = "fails";
        j["claim"] = r.claimValue;
        j["counterexample"] = nlohmann::ordered_json::parse(patient);
        out.summary += fmt::format("property {}: FAILS ({}) for {}\n", r.name, r.claimValue, patient);
        out.counterexamples.emplace_back(r.name, patient);
        break;
      }
      case verify::Outcome::Undecided:
        diags.report(diag::Kind::PropertyUndecided, range, r.name, r.reason);
        j["status"] = "undecided";
        j["reason"] = r.reason;
        out.summary += fmt::format("property {}: undecided ({})\n", r.name, r.reason);
        break;
    }
    properties.push_back(std::move(j));
  }
  nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
  size_t shown = 0, silenced = 0;
  for (const verify::Warning& w : report.warnings) {
    nlohmann::ordered_json j = {{"id", std::string(diag::info(w.kind).id)},
                                {"subjects", w.subjects},
                                {"message", w.args.size() == 1
                                                ? diag::DiagnosticEngine::format(w.kind, w.args[0])
                                                : diag::DiagnosticEngine::format(w.kind, w.args[0], w.args[1])},
                                {"silenced", w.silenced}};
    if (w.witness) j["witness"] = nlohmann::ordered_json::parse(verify::patientJson(program, *w.witness));
    warnings.push_back(std::move(j));
    if (w.silenced) {
      ++silenced;
      continue;
    }
    ++shown;
    auto builder = reportArgs(diags, w.kind, warningRange(c.ast, w), w.args);
    if (w.witness) builder.noteNoRange(diag::Kind::NoteWitness, verify::patientJson(program, *w.witness));
    else builder.noteNoRange(diag::Kind::NoteProved);
    std::string subjects;
    for (const std::string& s : w.subjects) subjects += (subjects.empty() ? "" : ", ") + s;
    builder.noteNoRange(diag::Kind::NoteSilence, w.check, subjects);
  }
  for (size_t a : report.unusedAllows) {
    const ir::Allow& allow = program.allows[a];
    diag::Range range{0, 0};
    for (const ast::DeclPtr& d : c.ast.decls) {
      if (d->kind() != ast::DeclKind::Allow || d->name.text != allow.check) continue;
      const auto& decl = static_cast<const ast::AllowDecl&>(*d);
      std::vector<std::string> names;
      for (const ast::Name& n : decl.subjects) names.push_back(n.text);
      if (names == allow.subjects) range = decl.range();
    }
    std::string subjects;
    for (const std::string& s : allow.subjects) subjects += (subjects.empty() ? "" : ", ") + s;
    diags.report(diag::Kind::UnusedAllow, range, allow.check + " " + subjects);
  }
  for (const std::string& u : report.undecided) out.summary += fmt::format("analysis undecided: {}\n", u);
  out.summary += fmt::format("{} of {} properties proved; {} analysis warnings ({} silenced)\n", proved,
                             report.properties.size(), shown, silenced);
  out.diagnostics = diags.finish();
  out.errors = diags.errorCount();
  nlohmann::ordered_json doc = {{"file", c.path},
                                {"pathway", program.meta.name},
                                {"properties", std::move(properties)},
                                {"warnings", std::move(warnings)},
                                {"undecided", report.undecided}};
  out.json = doc.dump();
  return out;
}

}  // namespace pathway::driver
