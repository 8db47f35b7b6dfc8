// Sema for the header, sources, names, enums, inputs and block fields.
#include <algorithm>
#include <map>
#include <set>
#include <string_view>

#include "diag/Suggest.h"
#include "sema/Checker.h"
#include "sema/Forms.h"
#include "sema/Sema.h"
#include "sema/Uses.h"

namespace pathway::sema {

using diag::Kind;

const std::vector<std::string>& categories() {
  static const std::vector<std::string> kCategories = {
      "execution", "urgent", "reevaluation", "imaging", "labs", "electrodiagnostics", "intervention", "surgery"};
  return kCategories;
}

const std::vector<std::string>& urgencies() {
  static const std::vector<std::string> kUrgencies = {"routine", "soon", "immediate"};
  return kUrgencies;
}

void check(const ast::File& file, diag::DiagnosticEngine& diags, Analysis& analysis) {
  Checker(file, diags, analysis).run();
}

void Checker::run() {
  checkHeader();
  declareNames();
  checkLabelNames();
  for (const ast::DeclPtr& decl : file_.decls) {
    switch (decl->kind()) {
      case ast::DeclKind::Enum: checkEnum(static_cast<const ast::EnumDecl&>(*decl)); break;
      case ast::DeclKind::Input: checkInput(static_cast<const ast::InputDecl&>(*decl)); break;
      default: break;
    }
  }
  for (const ast::Decl* decl : checkOrder()) checkValueDecl(*decl);
  for (const ast::DeclPtr& decl : file_.decls) {
    switch (decl->kind()) {
      case ast::DeclKind::Const:
      case ast::DeclKind::Define:
      case ast::DeclKind::Finding:
        checkValueDecl(*decl);
        break;
      default: break;
    }
    if (decl->kind() == ast::DeclKind::Finding || decl->kind() == ast::DeclKind::Recommendation) {
      checkBlock(static_cast<const ast::BlockDecl&>(*decl));
    }
  }
  checkSupersedes();
  checkBindings();
  for (const ast::DeclPtr& decl : file_.decls) {
    if (decl->kind() == ast::DeclKind::Property) checkProperty(static_cast<const ast::PropertyDecl&>(*decl));
    if (decl->kind() == ast::DeclKind::Allow) checkAllow(static_cast<const ast::AllowDecl&>(*decl));
  }
  checkUnused();
  checkConstantConditions();
  checkUncited();
  collectUses(file_, analysis_);
}

void Checker::suggest(diag::DiagnosticBuilder& builder, diag::Range range, const std::string& word,
                      const std::vector<std::string>& candidates) {
  if (diags_.saturated()) return;
  if (std::optional<std::string> best = diag::closest(word, candidates)) {
    builder.suggestion(range, *best);
  }
}

void Checker::checkHeader() {
  if (!file_.header) {
    diags_.report(Kind::MissingHeader, diag::Range{0, 0});
    return;
  }
  const ast::Header& h = *file_.header;
  auto single = [&](const std::vector<ast::StringField>& fields, const char* what) {
    if (fields.empty()) {
      diags_.report(Kind::MissingHeaderField, diag::Range{h.name.range.begin, h.name.range.end}, what);
    }
    for (size_t i = 1; i < fields.size(); ++i) {
      diags_.report(Kind::DuplicateHeaderField, fields[i].range, what).note(Kind::NotePrevious, fields[0].range);
    }
  };
  single(h.titles, "title");
  single(h.versions, "version");
  if (!h.versions.empty() && !isSemanticVersion(h.versions[0].value)) {
    diags_.report(Kind::InvalidVersion, h.versions[0].range, h.versions[0].value);
  }
  for (const ast::Source& source : h.sources) {
    auto [it, inserted] = sources_.emplace(source.name.text, &source);
    if (!inserted) {
      diags_.report(Kind::DuplicateSource, source.name.range, source.name.text)
          .note(Kind::NotePrevious, it->second->name.range);
      continue;
    }
    std::map<std::string, diag::Range> seen;
    for (const ast::ParagraphRef& p : source.paragraphs) {
      if (!isParagraphId(p.id)) {
        diags_.report(Kind::InvalidParagraphId, p.range, p.id);
      } else if (auto [prev, fresh] = seen.emplace(p.id, p.range); !fresh) {
        diags_.report(Kind::DuplicateParagraph, p.range, p.id, source.name.text)
            .note(Kind::NotePrevious, prev->second);
      }
    }
  }
}

void Checker::declareNames() {
  for (const ast::DeclPtr& decl : file_.decls) {
    switch (decl->kind()) {
      case ast::DeclKind::Enum: enumNames_.push_back(decl->name.text); break;
      case ast::DeclKind::Recommendation: recNames_.push_back(decl->name.text); break;
      case ast::DeclKind::Const: valueNames_.push_back(decl->name.text); break;
      case ast::DeclKind::Property: break;
      case ast::DeclKind::Allow: continue;  // names an analysis, declares nothing
      case ast::DeclKind::Fhir: continue;   // names the input it binds
      case ast::DeclKind::Codeset: break;   // not a value
      default:
        valueNames_.push_back(decl->name.text);
        knownNames_.push_back(decl->name.text);
        break;
    }
    auto [it, inserted] = names_.emplace(decl->name.text, decl.get());
    if (!inserted) {
      diags_.report(Kind::Redefinition, decl->name.range, decl->name.text)
          .note(Kind::NotePrevious, it->second->name.range);
    }
  }
}

void Checker::checkLabelNames() {
  // Label -> (enum, label) for each enum that has it, once: a pathway may
  // hold many enums and many declarations.
  std::multimap<std::string_view, std::pair<const ast::EnumDecl*, const ast::Label*>> labels;
  for (const ast::DeclPtr& decl : file_.decls) {
    if (decl->kind() != ast::DeclKind::Enum) continue;
    const auto& enumDecl = static_cast<const ast::EnumDecl&>(*decl);
    std::set<std::string_view> seen;  // duplicate labels are reported on their own
    for (const ast::Label& label : enumDecl.labels) {
      if (seen.insert(label.name).second) labels.emplace(label.name, std::make_pair(&enumDecl, &label));
    }
  }
  if (labels.empty()) return;
  for (const ast::DeclPtr& decl : file_.decls) {
    switch (decl->kind()) {
      case ast::DeclKind::Input:
      case ast::DeclKind::Const:
      case ast::DeclKind::Define:
      case ast::DeclKind::Finding: break;
      default: continue;
    }
    const std::string& name = decl->name.text;
    const char* what = ast::declKindName(decl->kind());
    auto [begin, end] = labels.equal_range(name);
    for (auto it = begin; it != end; ++it) {
      const auto [enumDecl, label] = it->second;
      const std::string& enumName = enumDecl->name.text;
      diags_.report(Kind::NameLikeEnumLabel, decl->name.range, what, name, enumName, enumName, name, what, what)
          .note(Kind::NoteDeclaredHere, label->range, label->name);
    }
  }
}

void Checker::checkEnum(const ast::EnumDecl& decl) {
  std::map<std::string, diag::Range> seen;
  for (const ast::Label& label : decl.labels) {
    if (auto [prev, fresh] = seen.emplace(label.name, label.range); !fresh) {
      diags_.report(Kind::DuplicateEnumLabel, label.range, label.name, decl.name.text)
          .note(Kind::NotePrevious, prev->second);
    }
  }
}

void Checker::checkInput(const ast::InputDecl& decl) {
  InputInfo info;
  const std::string& type = decl.type.text;
  if (type == "bool") {
    info.type = Type::boolean();
  } else if (type == "int") {
    info.type = Type::integer();
  } else if (type == "number") {
    info.type = Type::number();
  } else if (const units::Unit* unit = units::find(type)) {
    info.type = Type::quantity(units::find(unit->canonical));
  } else if (auto it = names_.find(type); it != names_.end() && it->second->kind() == ast::DeclKind::Enum) {
    info.type = Type::enumeration(static_cast<const ast::EnumDecl*>(it->second));
  } else {
    std::vector<std::string> candidates = {"bool", "int", "number"};
    for (const units::Unit& u : units::all()) candidates.emplace_back(u.spelling);
    candidates.insert(candidates.end(), enumNames_.begin(), enumNames_.end());
    auto builder = diags_.report(Kind::UnknownType, decl.type.range, type);
    suggest(builder, decl.type.range, type, candidates);
  }

  if (decl.valueRange && !info.type.isError()) {
    const ast::RangeSpec& range = *decl.valueRange;
    if (!info.type.isNumeric()) {
      diags_.report(Kind::RangeNotAllowed, range.range, type);
    } else {
      info.min = rangeBound(decl, info.type, *range.lo, range.loNegative);
      info.max = rangeBound(decl, info.type, *range.hi, range.hiNegative);
      if (info.min && info.max && *info.min > *info.max) {
        diags_.report(Kind::EmptyRange, range.range, *info.min, *info.max);
        info.min = info.max = std::nullopt;  // reported once, not at every use
      }
    }
  }
  analysis_.inputs[&decl] = info;
}

std::optional<double> Checker::rangeBound(const ast::InputDecl&, const Type& type, const ast::NumberExpr& bound,
                                          bool negative) {
  double value = negative ? -bound.value : bound.value;
  if (!bound.unit.empty()) {
    const units::Unit* unit = units::find(bound.unit);
    if (!unit) {
      std::vector<std::string> candidates;
      for (const units::Unit& u : units::all()) candidates.emplace_back(u.spelling);
      auto builder = diags_.report(Kind::UnknownUnit, bound.unitRange, bound.unit);
      suggest(builder, bound.unitRange, bound.unit, candidates);
      return std::nullopt;
    }
    if (type.kind != Type::Kind::Quantity || unit->dimension != type.unit->dimension) {
      std::string inputUnit = type.kind == Type::Kind::Quantity ? std::string(type.unit->canonical) : "(none)";
      diags_.report(Kind::RangeUnitMismatch, bound.unitRange, unit->canonical, inputUnit);
      return std::nullopt;
    }
    value = units::convert(value, *unit, *type.unit);
  }
  if (type.kind == Type::Kind::Int && value != static_cast<double>(static_cast<long long>(value))) {
    diags_.report(Kind::NonIntegerBound, bound.range(), bound.text);
    return std::nullopt;
  }
  return value;
}

void Checker::checkBlock(const ast::BlockDecl& decl) {
  bool finding = decl.kind() == ast::DeclKind::Finding;
  const char* what = finding ? "finding" : "recommendation";
  BlockInfo& info = analysis_.blocks[&decl];
  std::map<ast::FieldKind, const ast::Field*> seen;
  for (const ast::Field& field : decl.fields) {
    if (auto [prev, fresh] = seen.emplace(field.kind, &field); !fresh) {
      diags_.report(Kind::DuplicateField, field.range, ast::fieldName(field.kind), what, decl.name.text)
          .note(Kind::NotePrevious, prev->second->range);
      continue;
    }
    bool findingField = field.kind == ast::FieldKind::Label || field.kind == ast::FieldKind::When ||
                        field.kind == ast::FieldKind::Cite;
    if (finding && !findingField) {
      diags_.report(Kind::FieldNotAllowed, field.range, ast::fieldName(field.kind));
      continue;
    }
    switch (field.kind) {
      case ast::FieldKind::Category:
        if (std::find(categories().begin(), categories().end(), field.word.text) == categories().end()) {
          std::string list;
          for (const std::string& c : categories()) list += (list.empty() ? "" : ", ") + c;
          auto builder = diags_.report(Kind::UnknownCategory, field.word.range, field.word.text, list);
          suggest(builder, field.word.range, field.word.text, categories());
        }
        break;
      case ast::FieldKind::Urgency:
        if (std::find(urgencies().begin(), urgencies().end(), field.word.text) == urgencies().end()) {
          auto builder = diags_.report(Kind::UnknownUrgency, field.word.range, field.word.text);
          suggest(builder, field.word.range, field.word.text, urgencies());
        }
        break;
      case ast::FieldKind::Cite:
        for (const ast::ParagraphRef& ref : field.cites) checkCitation(ref, info);
        break;
      case ast::FieldKind::When: {
        // Recommendations' conditions are checked here; findings' were
        // checked as value declarations (they can be referenced).
        if (!finding) {
          current_ = &decl;
          requireBool(*field.when, "condition of recommendation '" + decl.name.text + "'");
          current_ = nullptr;
        }
        break;
      }
      default: break;
    }
  }
  std::vector<ast::FieldKind> required = {ast::FieldKind::Label, ast::FieldKind::When};
  if (!finding) {
    required.insert(required.end(), {ast::FieldKind::Category, ast::FieldKind::Urgency,
                                     ast::FieldKind::Rationale, ast::FieldKind::Cite});
  }
  for (ast::FieldKind kind : required) {
    if (!seen.count(kind)) diags_.report(Kind::MissingField, decl.name.range, what, decl.name.text, ast::fieldName(kind));
  }
}

void Checker::checkCitation(const ast::ParagraphRef& ref, BlockInfo& info) {
  const ast::Source* source = nullptr;
  if (ref.source.empty()) {
    if (sources_.empty()) {
      diags_.report(Kind::NoSourceDeclared, ref.range, ref.id);
      return;
    }
    if (sources_.size() > 1) {
      diags_.report(Kind::AmbiguousCitation, ref.range, ref.id, sources_.begin()->first, ref.id, sources_.size());
      return;
    }
    source = sources_.begin()->second;
  } else {
    auto it = sources_.find(ref.source);
    if (it == sources_.end()) {
      std::vector<std::string> names;
      for (const auto& [n, s] : sources_) names.push_back(n);
      auto builder = diags_.report(Kind::UnknownSource, ref.sourceRange, ref.source);
      suggest(builder, ref.sourceRange, ref.source, names);
      return;
    }
    source = it->second;
  }
  if (!isParagraphId(ref.id)) {
    diags_.report(Kind::InvalidParagraphId, ref.range, ref.id);
    return;
  }
  std::vector<std::string> ids;
  for (const ast::ParagraphRef& p : source->paragraphs) ids.push_back(p.id);
  if (std::find(ids.begin(), ids.end(), ref.id) == ids.end()) {
    auto builder = diags_.report(Kind::UndeclaredParagraph, ref.range, ref.id, source->name.text);
    suggest(builder, ref.range, ref.id, ids);
    return;
  }
  cited_.emplace(source->name.text, ref.id);
  info.citations.push_back({source->name.text, ref.id});
}

}  // namespace pathway::sema
