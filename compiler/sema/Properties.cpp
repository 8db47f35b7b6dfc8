// Sema for verification declarations: properties (their fields, status
// predicates and implication) and `allow`, which silences one built-in
// analysis of `pathwayc verify` for named declarations.
#include <algorithm>

#include "diag/Suggest.h"
#include "sema/Checker.h"
#include "sema/Forms.h"

namespace pathway::sema {

using diag::Kind;

namespace {

struct AnalysisInfo {
  const char* id;
  ast::DeclKind subject;
  size_t subjects;
};

const std::vector<AnalysisInfo>& analyses() {
  static const std::vector<AnalysisInfo> kAnalyses = {
#define PATHWAY_ANALYSIS(name, id, kind, subject, count) {id, ast::DeclKind::subject, count},
#include "diag/Analyses.def"
#undef PATHWAY_ANALYSIS
  };
  return kAnalyses;
}

std::string withArticle(const std::string& word) {
  bool vowel = !word.empty() && std::string("aeiou").find(word[0]) != std::string::npos;
  return (vowel ? "an " : "a ") + word;
}

const std::vector<std::string>& statusFunctions() {
  static const std::vector<std::string> kFunctions = {"fire", "no", "undetermined", "superseded"};
  return kFunctions;
}

}  // namespace

void Checker::checkProperty(const ast::PropertyDecl& decl) {
  BlockInfo& info = analysis_.blocks[&decl];
  std::map<ast::FieldKind, const ast::Field*> seen;
  inProperty_ = true;
  for (const ast::Field& field : decl.fields) {
    if (auto [prev, fresh] = seen.emplace(field.kind, &field); !fresh) {
      diags_.report(Kind::DuplicateField, field.range, ast::fieldName(field.kind), "property", decl.name.text)
          .note(Kind::NotePrevious, prev->second->range);
      continue;
    }
    switch (field.kind) {
      case ast::FieldKind::Label: break;
      case ast::FieldKind::Cite:
        for (const ast::ParagraphRef& ref : field.cites) checkCitation(ref, info);
        break;
      case ast::FieldKind::Assume:
        requireBool(*field.when, "premise of property '" + decl.name.text + "'");
        break;
      case ast::FieldKind::Holds:
        requireBool(*field.when, "claim of property '" + decl.name.text + "'");
        break;
      default:
        diags_.report(Kind::PropertyFieldNotAllowed, field.range, ast::fieldName(field.kind));
        break;
    }
  }
  inProperty_ = false;
  for (ast::FieldKind kind : {ast::FieldKind::Holds, ast::FieldKind::Cite}) {
    if (!seen.count(kind)) {
      diags_.report(Kind::MissingField, decl.name.range, "property", decl.name.text, ast::fieldName(kind));
    }
  }
}

ExprInfo Checker::status(const ast::StatusExpr& e) {
  ExprInfo info;
  const std::vector<std::string>& functions = statusFunctions();
  if (std::find(functions.begin(), functions.end(), e.function) == functions.end()) {
    auto builder = diags_.report(Kind::UnknownFunction, e.functionRange, e.function);
    suggest(builder, e.functionRange, e.function, functions);
    return info;
  }
  if (!inProperty_) {
    diags_.report(Kind::StatusOutsideProperty, e.range(), e.function);
    return info;
  }
  auto it = names_.find(e.name);
  if (it == names_.end()) {
    auto builder = diags_.report(Kind::UnknownName, e.nameRange, e.name);
    suggest(builder, e.nameRange, e.name, recNames_);
    return info;
  }
  const ast::Decl& decl = *it->second;
  if (decl.kind() != ast::DeclKind::Recommendation) {
    diags_.report(Kind::StatusNeedsRecommendation, e.nameRange, e.function, withArticle(ast::declKindName(decl.kind())),
                  e.name)
        .note(Kind::NoteDeclaredHere, decl.name.range, e.name);
    return info;
  }
  info.type = Type::boolean();
  info.decl = &decl;
  return info;
}

void Checker::checkAllow(const ast::AllowDecl& decl) {
  const std::vector<AnalysisInfo>& all = analyses();
  auto analysis = std::find_if(all.begin(), all.end(), [&](const AnalysisInfo& a) { return decl.name.text == a.id; });
  if (analysis == all.end()) {
    std::vector<std::string> ids;
    std::string list;
    for (const AnalysisInfo& a : all) {
      ids.emplace_back(a.id);
      list += (list.empty() ? "" : ", ") + std::string(a.id);
    }
    auto builder = diags_.report(Kind::UnknownAnalysis, decl.name.range, decl.name.text, list);
    suggest(builder, decl.name.range, decl.name.text, ids);
    return;
  }
  std::string subjectWord = ast::declKindName(analysis->subject);
  if (decl.subjects.size() != analysis->subjects) {
    diags_.report(Kind::AllowSubjectCount, decl.range(), decl.name.text, decl.subjects.size(), analysis->subjects);
  }
  for (const ast::Name& subject : decl.subjects) {
    auto it = names_.find(subject.text);
    if (it == names_.end()) {
      std::vector<std::string> candidates;
      for (const auto& [n, d] : names_) {
        if (d->kind() == analysis->subject) candidates.push_back(n);
      }
      auto builder = diags_.report(Kind::UnknownName, subject.range, subject.text);
      suggest(builder, subject.range, subject.text, candidates);
      continue;
    }
    if (it->second->kind() != analysis->subject) {
      diags_.report(Kind::AllowSubjectKind, subject.range, decl.name.text, withArticle(subjectWord),
                    withArticle(ast::declKindName(it->second->kind())), subject.text)
          .note(Kind::NoteDeclaredHere, it->second->name.range, subject.text);
    }
  }
  bool blank = std::all_of(decl.reason.value.begin(), decl.reason.value.end(),
                           [](char c) { return c == ' ' || c == '\t' || c == '\n'; });
  if (blank) diags_.report(Kind::AllowEmptyReason, decl.reason.range, decl.name.text);
}

}  // namespace pathway::sema
