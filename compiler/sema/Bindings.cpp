// Code sets and FHIR bindings: the codes are checked (system, form, LOINC
// and SNOMED CT check digits, duplicates) and each `fhir` block is resolved
// against its input's type into a fhir::Binding (common/fhir/Binding.h).
// What each combination means is documented in docs/fhir.md.
#include <algorithm>
#include <map>
#include <set>

#include "sema/Checker.h"

namespace pathway::sema {

using diag::Kind;

namespace {

constexpr const char* kBindingFields =
    "observation, condition, procedure, within, value, interpretation, status, measure, select, absent";

std::string systemAliases() {
  std::string out;
  for (const fhir::SystemAlias& a : fhir::kSystemAliases) out += (out.empty() ? "" : ", ") + std::string(a.alias);
  return out;
}

// scheme ":" rest, with scheme = ALPHA *(ALPHA / DIGIT / "+" / "-" / ".").
bool absoluteUri(const std::string& uri) {
  size_t colon = uri.find(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == uri.size()) return false;
  auto alpha = [](char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
  if (!alpha(uri[0])) return false;
  for (size_t i = 1; i < colon; ++i) {
    char c = uri[i];
    if (!alpha(c) && !(c >= '0' && c <= '9') && c != '+' && c != '-' && c != '.') return false;
  }
  for (char c : uri) {
    if (static_cast<unsigned char>(c) <= ' ') return false;
  }
  return true;
}

char loincExpectedDigit(const std::string& code) {
  for (char d = '0'; d <= '9'; ++d) {
    std::string candidate = code.substr(0, code.size() - 1) + d;
    if (fhir::loincCheckDigitValid(candidate)) return d;
  }
  return '?';
}

std::string typeWords(const Type& t) { return describe(t); }

// "an input", "a recommendation", "a code set".
std::string withArticle(const char* word) {
  bool vowel = std::string_view("aeiou").find(word[0]) != std::string_view::npos;
  return std::string(vowel ? "an " : "a ") + word;
}

}  // namespace

void Checker::checkCodesets() {
  for (const ast::DeclPtr& decl : file_.decls) {
    if (decl->kind() != ast::DeclKind::Codeset) continue;
    const auto& c = static_cast<const ast::CodesetDecl&>(*decl);
    fhir::Codeset set;
    set.name = c.name.text;
    if (c.description) set.description = c.description->value;
    std::map<std::pair<std::string, std::string>, const ast::CodeEntry*> seen;
    for (const ast::CodeEntry& e : c.codes) {
      std::string system;
      std::string_view alias;
      if (e.systemIsUri) {
        if (!absoluteUri(e.system.text)) {
          diags_.report(Kind::InvalidSystemUri, e.system.range, e.system.text);
          continue;
        }
        system = e.system.text;
        for (const fhir::SystemAlias& a : fhir::kSystemAliases) {
          if (a.uri == system) alias = a.alias;
        }
      } else {
        for (const fhir::SystemAlias& a : fhir::kSystemAliases) {
          if (a.alias == e.system.text) {
            system = a.uri;
            alias = a.alias;
          }
        }
        if (system.empty()) {
          auto builder = diags_.report(Kind::UnknownCodeSystem, e.system.range, e.system.text, systemAliases());
          std::vector<std::string> candidates;
          for (const fhir::SystemAlias& a : fhir::kSystemAliases) candidates.emplace_back(a.alias);
          suggest(builder, e.system.range, e.system.text, candidates);
          continue;
        }
      }
      const std::string& code = e.code.value;
      bool blank = code.empty() || code.front() == ' ' || code.back() == ' ';
      for (char ch : code) blank = blank || static_cast<unsigned char>(ch) < ' ';
      if (blank) {
        diags_.report(Kind::MalformedCode, e.code.range, code, alias.empty() ? "FHIR" : std::string(alias),
                      "a code is not empty and has no leading, trailing or control whitespace");
        continue;
      }
      if (alias == "loinc") {
        size_t dash = code.find('-');
        bool digits = dash != std::string::npos && dash > 0 && dash <= 7 && dash + 2 == code.size();
        for (size_t i = 0; digits && i < code.size(); ++i) digits = i == dash || (code[i] >= '0' && code[i] <= '9');
        if (!digits) {
          diags_.report(Kind::MalformedCode, e.code.range, code, "LOINC",
                        "write up to 7 digits, a hyphen and the check digit, as in \"4537-7\"");
          continue;
        }
        if (!fhir::loincCheckDigitValid(code)) {
          diags_.report(Kind::LoincCheckDigit, e.code.range, code, loincExpectedDigit(code));
          continue;
        }
      } else if (alias == "snomed" && !fhir::snomedIdValid(code)) {
        diags_.report(Kind::MalformedCode, e.code.range, code, "SNOMED CT",
                      "a concept id is 6 to 18 digits, the last a Verhoeff check digit; check the code");
        continue;
      } else if (alias == "cpt" && !fhir::cptValid(code)) {
        diags_.report(Kind::MalformedCode, e.code.range, code, "CPT",
                      "write four digits and a digit, F, T or U, as in \"72148\"");
        continue;
      } else if ((alias == "icd10cm" || alias == "icd10") && !fhir::icd10Valid(code)) {
        diags_.report(Kind::MalformedCode, e.code.range, code, "ICD-10",
                      "write a letter, two characters and optionally a dot and up to four more, as in \"M54.50\"");
        continue;
      }
      auto [it, fresh] = seen.emplace(std::make_pair(system, code), &e);
      if (!fresh) {
        diags_.report(Kind::DuplicateCode, e.range, alias.empty() ? system : std::string(alias), code, c.name.text)
            .note(Kind::NotePrevious, it->second->range);
        continue;
      }
      set.codes.push_back({system, code});
    }
    if (c.codes.empty()) diags_.report(Kind::EmptyCodeset, c.name.range, c.name.text);
    codesetIndex_[&c] = static_cast<uint32_t>(analysis_.fhir.codesets.size());
    analysis_.fhir.codesets.push_back(std::move(set));
  }
}

const ast::CodesetDecl* Checker::codesetNamed(const ast::Name& name) {
  auto it = names_.find(name.text);
  if (it == names_.end()) {
    auto builder = diags_.report(Kind::UnknownCodeset, name.range, name.text);
    std::vector<std::string> candidates;
    for (const ast::DeclPtr& d : file_.decls) {
      if (d->kind() == ast::DeclKind::Codeset) candidates.push_back(d->name.text);
    }
    suggest(builder, name.range, name.text, candidates);
    return nullptr;
  }
  if (it->second->kind() != ast::DeclKind::Codeset) {
    diags_.report(Kind::NotACodeset, name.range, name.text, withArticle(ast::declKindName(it->second->kind())))
        .note(Kind::NoteDeclaredHere, it->second->name.range, name.text);
    return nullptr;
  }
  const auto* c = static_cast<const ast::CodesetDecl*>(it->second);
  usedCodesets_.insert(c);
  return c;
}

// `{ codeset: value, ... }` for an input of type `type`: each target a label
// of its enum, or true/false for a bool. Reports a code that two sets of the
// map send to different values.
bool Checker::bindingMap(const ast::FhirField& f, const ast::InputDecl& input, const Type& type,
                         std::vector<fhir::Mapping>& out) {
  bool ok = true;
  std::map<std::pair<std::string, std::string>, std::pair<size_t, int32_t>> codeValue;  // -> item, value
  for (size_t i = 0; i < f.map.size(); ++i) {
    const ast::FhirMapItem& item = f.map[i];
    const ast::CodesetDecl* set = codesetNamed(item.from);
    int32_t value = -1;
    if (type.kind == Type::Kind::Bool) {
      if (item.to.text == "true" || item.to.text == "false") value = item.to.text == "true";
    } else if (type.kind == Type::Kind::Enum) {
      for (size_t l = 0; l < type.enumDecl->labels.size(); ++l) {
        if (type.enumDecl->labels[l].name == item.to.text) value = static_cast<int32_t>(l);
      }
    }
    if (value < 0) {
      std::string expected = "true or false";
      std::vector<std::string> candidates = {"true", "false"};
      if (type.kind == Type::Kind::Enum) {
        candidates.clear();
        expected = "a label of enum '" + type.enumDecl->name.text + "'";
        for (const ast::Label& l : type.enumDecl->labels) candidates.push_back(l.name);
      }
      auto builder = diags_.report(Kind::BindingMapTarget, item.to.range, item.to.text, input.name.text, expected);
      suggest(builder, item.to.range, item.to.text, candidates);
      ok = false;
      continue;
    }
    if (!set) {
      ok = false;
      continue;
    }
    uint32_t index = codesetIndex_.at(set);
    for (const fhir::Code& code : analysis_.fhir.codesets[index].codes) {
      auto [it, fresh] = codeValue.emplace(std::make_pair(code.system, code.code), std::make_pair(i, value));
      if (!fresh && it->second.second != value) {
        const ast::FhirMapItem& first = f.map[it->second.first];
        diags_.report(Kind::CodeMapsTwice, item.range, code.system, code.code, first.from.text, item.from.text,
                      first.to.text, item.to.text)
            .note(Kind::NotePrevious, first.range);
        ok = false;
      }
    }
    out.push_back({index, value});
  }
  return ok;
}

void Checker::checkBinding(const ast::FhirDecl& decl) {
  auto named = names_.find(decl.name.text);
  if (named == names_.end()) {
    auto builder = diags_.report(Kind::UnknownBindingInput, decl.name.range, decl.name.text);
    std::vector<std::string> inputs;
    for (const ast::DeclPtr& d : file_.decls) {
      if (d->kind() == ast::DeclKind::Input) inputs.push_back(d->name.text);
    }
    suggest(builder, decl.name.range, decl.name.text, inputs);
    return;
  }
  if (named->second->kind() != ast::DeclKind::Input) {
    diags_.report(Kind::BindingNotInput, decl.name.range, decl.name.text,
                  withArticle(ast::declKindName(named->second->kind())))
        .note(Kind::NoteDeclaredHere, named->second->name.range, decl.name.text);
    return;
  }
  const auto& input = static_cast<const ast::InputDecl&>(*named->second);
  if (auto [prev, fresh] = boundInputs_.emplace(&input, &decl); !fresh) {
    diags_.report(Kind::DuplicateBinding, decl.name.range, decl.name.text)
        .note(Kind::NotePrevious, prev->second->name.range);
    return;
  }
  const Type type = analysis_.inputs[&input].type;

  // Keys first: unknown and repeated ones.
  static const std::vector<std::string> kKeys = {"observation", "condition", "procedure", "within", "value",
                                                 "interpretation", "status", "measure", "select", "absent"};
  std::map<std::string, const ast::FhirField*> fields;
  const ast::FhirField* record = nullptr;
  bool ok = true;
  for (const ast::FhirField& f : decl.fields) {
    bool known = false;
    for (const std::string& k : kKeys) known = known || k == f.key.text;
    if (!known) {
      auto builder = diags_.report(Kind::UnknownBindingField, f.key.range, f.key.text, kBindingFields);
      suggest(builder, f.key.range, f.key.text, kKeys);
      ok = false;
      continue;
    }
    bool isRecord = f.key.text == "observation" || f.key.text == "condition" || f.key.text == "procedure";
    if (isRecord && record) {
      diags_.report(Kind::BindingTwoRecords, f.key.range, f.key.text, record->key.text)
          .note(Kind::NotePrevious, record->range);
      ok = false;
      continue;
    }
    if (auto [prev, fresh] = fields.emplace(f.key.text, &f); !fresh) {
      diags_.report(Kind::DuplicateBindingField, f.key.range, f.key.text, decl.name.text)
          .note(Kind::NotePrevious, prev->second->range);
      ok = false;
      continue;
    }
    if (isRecord) record = &f;
  }
  if (!record) {
    if (ok) diags_.report(Kind::BindingNoRecord, decl.name.range, decl.name.text);
    return;
  }
  if (type.isError()) return;

  fhir::Binding b;
  b.resource = record->key.text == "observation" ? fhir::Resource::Observation
               : record->key.text == "condition" ? fhir::Resource::Condition
                                                 : fhir::Resource::Procedure;
  auto valueError = [&](const ast::FhirField& f, const char* expected) {
    diags_.report(Kind::BindingFieldValue, f.range, f.key.text, expected);
    ok = false;
  };
  auto word = [&](const char* key) -> const ast::FhirField* {
    auto it = fields.find(key);
    return it == fields.end() ? nullptr : it->second;
  };

  // The records: one code set, or a map from code sets to values.
  bool recordMap = false;
  if (record->value == ast::FhirField::Value::Word) {
    if (const ast::CodesetDecl* set = codesetNamed(record->word)) {
      b.codes.push_back({codesetIndex_.at(set), 0});
    } else {
      ok = false;
    }
  } else if (record->value == ast::FhirField::Value::Map) {
    recordMap = true;
    if (type.kind != Type::Kind::Bool && type.kind != Type::Kind::Enum) {
      diags_.report(Kind::BindingType, record->valueRange, input.name.text, typeWords(type),
                    "a map from codes to values gives a bool or an enum; name one code set");
      ok = false;
    } else {
      ok = bindingMap(*record, input, type, b.codes) && ok;
    }
  } else {
    valueError(*record, "a code set, or a map from code sets to values as in '{ large_herniation: large }'");
  }

  // The window.
  if (const ast::FhirField* f = word("within")) {
    const units::Unit* unit =
        f->value == ast::FhirField::Value::Literal ? units::find(f->number->unit) : nullptr;
    if (!unit || unit->dimension != "time" || f->number->value <= 0) {
      valueError(*f, "a positive time, as in 'within 90 days'");
    } else {
      b.withinDays = f->number->value * unit->factor;
    }
  }

  const ast::FhirField* valueField = word("value");
  const ast::FhirField* interpretation = word("interpretation");
  const ast::FhirField* measure = word("measure");
  for (const ast::FhirField* f : {valueField, interpretation}) {
    if (!f) continue;
    if (b.resource != fhir::Resource::Observation) {
      diags_.report(Kind::BindingFieldNotApplicable, f->key.range, f->key.text,
                    "only an Observation has a value or an interpretation");
      ok = false;
    } else if (f->value != ast::FhirField::Value::Map) {
      valueError(*f, "a map from code sets to values, as in '{ positive: true, negative: false }'");
    } else if (type.kind != Type::Kind::Bool && type.kind != Type::Kind::Enum) {
      diags_.report(Kind::BindingType, f->valueRange, input.name.text, typeWords(type),
                    "a map from codes to values gives a bool or an enum");
      ok = false;
    } else if (recordMap) {
      diags_.report(Kind::BindingFieldNotApplicable, f->key.range, f->key.text,
                    "the record's code already gives the value through the map on '" + record->key.text + "'");
      ok = false;
    }
  }
  if (valueField && interpretation) {
    diags_.report(Kind::BindingFieldNotApplicable, interpretation->key.range, "interpretation",
                  "'value' already says where the value comes from");
    ok = false;
  }
  if (!ok) return;

  // What the record gives, by resource and input type.
  auto needs = [&](const std::string& why) {
    diags_.report(Kind::BindingType, decl.name.range, input.name.text, typeWords(type), why);
    ok = false;
  };
  bool timeQuantity = type.kind == Type::Kind::Quantity && type.unit->dimension == "time";
  if (measure) {
    bool onset = measure->value == ast::FhirField::Value::Word && measure->word.text == "onset";
    bool span = measure->value == ast::FhirField::Value::Word && measure->word.text == "span";
    if (!onset && !span) {
      valueError(*measure, "'onset' (time since a Condition began) or 'span' (first to last Procedure)");
    } else if (onset && b.resource != fhir::Resource::Condition) {
      diags_.report(Kind::BindingFieldNotApplicable, measure->range, "measure onset",
                    "only a Condition has an onset");
      ok = false;
    } else if (span && b.resource != fhir::Resource::Procedure) {
      diags_.report(Kind::BindingFieldNotApplicable, measure->range, "measure span",
                    "only Procedures have a span");
      ok = false;
    } else if (!timeQuantity) {
      needs("a measured time needs an input in a unit of time, such as weeks or months");
    } else {
      b.value = onset ? fhir::Value::Onset : fhir::Value::Span;
    }
  } else if (b.resource == fhir::Resource::Observation) {
    if (recordMap) {
      b.value = fhir::Value::Code;
    } else if (valueField || interpretation) {
      b.value = valueField ? fhir::Value::Codeable : fhir::Value::Interpretation;
      ok = bindingMap(valueField ? *valueField : *interpretation, input, type, b.valueMap) && ok;
    } else if (type.kind == Type::Kind::Quantity) {
      b.value = fhir::Value::Quantity;
    } else if (type.isPlainNumber()) {
      b.value = fhir::Value::Integer;
    } else if (type.kind == Type::Kind::Bool) {
      b.value = fhir::Value::Boolean;
    } else {
      needs("say which coded values give which label with 'value { CODESET: label, ... }'");
    }
  } else if (recordMap) {
    b.value = fhir::Value::Code;
  } else if (type.kind == Type::Kind::Bool) {
    b.value = fhir::Value::Presence;
  } else if (type.kind == Type::Kind::Enum) {
    needs(std::string("say which codes give which label with '") + record->key.text + " { CODESET: label, ... }'");
  } else if (timeQuantity) {
    needs(std::string("say what to measure with 'measure ") +
          (b.resource == fhir::Resource::Condition ? "onset" : "span") + ";'");
  } else {
    needs(std::string("a ") + fhir::resourceName(b.resource) +
          " gives a bool (present or not), an enum through a map, or a time with 'measure'");
  }
  if (!ok) return;

  if (const ast::FhirField* f = word("status")) {
    bool presence = b.value == fhir::Value::Presence || b.value == fhir::Value::Code;
    if (b.resource != fhir::Resource::Condition || !presence) {
      diags_.report(Kind::BindingFieldNotApplicable, f->key.range, "status",
                    "'status' chooses which Conditions count for a bool or enum Condition binding");
      ok = false;
    } else if (f->value == ast::FhirField::Value::Word && (f->word.text == "active" || f->word.text == "history")) {
      b.scope = f->word.text == "active" ? fhir::ConditionScope::Active : fhir::ConditionScope::History;
    } else {
      valueError(*f, "'active' (the default: current conditions) or 'history' (resolved ones count too)");
    }
  }
  if (const ast::FhirField* f = word("select")) {
    if (f->value == ast::FhirField::Value::Word && f->word.text == "latest") {
      b.select = fhir::Select::Latest;
    } else if (f->value == ast::FhirField::Value::Word && f->word.text == "highest") {
      if (type.kind != Type::Kind::Enum) {
        diags_.report(Kind::BindingFieldNotApplicable, f->range, "select highest",
                      "'highest' picks the last label of an enum among the records");
        ok = false;
      }
      b.select = fhir::Select::Highest;
    } else {
      valueError(*f, "'latest' (the default) or 'highest' (the enum label declared last)");
    }
  }
  if (const ast::FhirField* f = word("absent")) {
    int32_t value = -1;
    if (f->value == ast::FhirField::Value::Word) {
      if (type.kind == Type::Kind::Bool && (f->word.text == "true" || f->word.text == "false")) {
        value = f->word.text == "true";
      } else if (type.kind == Type::Kind::Enum) {
        for (size_t l = 0; l < type.enumDecl->labels.size(); ++l) {
          if (type.enumDecl->labels[l].name == f->word.text) value = static_cast<int32_t>(l);
        }
      }
    }
    if (type.kind != Type::Kind::Bool && type.kind != Type::Kind::Enum) {
      diags_.report(Kind::BindingFieldNotApplicable, f->key.range, "absent",
                    "a missing measurement or time stays unknown; 'absent' gives a bool or enum value");
      ok = false;
    } else if (value < 0) {
      valueError(*f, type.kind == Type::Kind::Bool ? "true or false" : "a label of the input's enum");
    } else {
      b.absent = value;
    }
  }
  if (!ok) return;
  analysis_.fhirInputs.push_back(&input);
  analysis_.fhir.bindings.push_back(std::move(b));
}

// A code set a binding names is used, even when that binding has an error
// of its own: one mistake, one diagnostic.
void Checker::mentionCodesets(const ast::FhirDecl& decl) {
  auto mention = [&](const ast::Name& name) {
    auto it = names_.find(name.text);
    if (it != names_.end() && it->second->kind() == ast::DeclKind::Codeset) {
      usedCodesets_.insert(static_cast<const ast::CodesetDecl*>(it->second));
    }
  };
  for (const ast::FhirField& f : decl.fields) {
    if (f.value == ast::FhirField::Value::Word) mention(f.word);
    for (const ast::FhirMapItem& item : f.map) mention(item.from);
  }
}

void Checker::checkBindings() {
  checkCodesets();
  for (const ast::DeclPtr& decl : file_.decls) {
    if (decl->kind() != ast::DeclKind::Fhir) continue;
    const auto& binding = static_cast<const ast::FhirDecl&>(*decl);
    mentionCodesets(binding);
    checkBinding(binding);
  }
  // `orders a, b;` on a recommendation: the code sets of the orders (MRI,
  // ESR...) it recommends, for CDS Hooks order-select.
  for (const ast::DeclPtr& decl : file_.decls) {
    if (decl->kind() != ast::DeclKind::Recommendation) continue;
    const auto& rec = static_cast<const ast::RecommendationDecl&>(*decl);
    const ast::Field* orders = rec.field(ast::FieldKind::Orders);
    if (!orders) continue;
    std::vector<uint32_t>& out = analysis_.blocks[&rec].orders;
    for (const ast::Name& n : orders->names) {
      const ast::CodesetDecl* set = codesetNamed(n);
      if (!set) continue;
      uint32_t index = codesetIndex_.at(set);
      if (std::find(out.begin(), out.end(), index) != out.end()) {
        diags_.report(Kind::DuplicateOrder, n.range, n.text, rec.name.text);
        continue;
      }
      out.push_back(index);
    }
  }
  for (const ast::DeclPtr& decl : file_.decls) {
    if (decl->kind() != ast::DeclKind::Codeset) continue;
    const auto* c = static_cast<const ast::CodesetDecl*>(decl.get());
    if (!usedCodesets_.count(c)) diags_.report(Kind::UnusedCodeset, c->name.range, c->name.text);
  }
}

}  // namespace pathway::sema
