// Analysis::uses: every place a declaration or enum label is named.
#include "sema/Uses.h"

#include <algorithm>
#include <map>

namespace pathway::sema {
namespace {

class UseCollector {
 public:
  UseCollector(const ast::File& file, Analysis& analysis) : file_(file), analysis_(analysis) {
    for (const ast::DeclPtr& decl : file.decls) {
      if (decl->kind() != ast::DeclKind::Fhir) names_.emplace(decl->name.text, decl.get());
    }
  }

  void run() {
    for (const ast::DeclPtr& decl : file_.decls) declaration(*decl);
    std::stable_sort(analysis_.uses.begin(), analysis_.uses.end(),
                     [](const Use& a, const Use& b) { return a.range.begin < b.range.begin; });
  }

 private:
  void add(diag::Range range, const ast::Decl* decl, int label = -1, bool declaration = false) {
    analysis_.uses.push_back(Use{range, decl, label, declaration});
  }

  const ast::Decl* lookup(const std::string& name, ast::DeclKind kind) const {
    auto it = names_.find(name);
    return it != names_.end() && it->second->kind() == kind ? it->second : nullptr;
  }

  const ExprInfo* info(const ast::Expr& e) const {
    auto it = analysis_.exprs.find(&e);
    return it == analysis_.exprs.end() ? nullptr : &it->second;
  }

  void declaration(const ast::Decl& decl) {
    if (decl.kind() == ast::DeclKind::Fhir) return binding(static_cast<const ast::FhirDecl&>(decl));
    add(decl.name.range, &decl, -1, /*declaration=*/true);
    switch (decl.kind()) {
      case ast::DeclKind::Enum: {
        const auto& e = static_cast<const ast::EnumDecl&>(decl);
        for (size_t i = 0; i < e.labels.size(); ++i) add(e.labels[i].range, &decl, static_cast<int>(i), true);
        break;
      }
      case ast::DeclKind::Input: {
        const auto& input = static_cast<const ast::InputDecl&>(decl);
        if (const ast::Decl* type = lookup(input.type.text, ast::DeclKind::Enum)) add(input.type.range, type);
        break;
      }
      case ast::DeclKind::Const: expr(*static_cast<const ast::ConstDecl&>(decl).value); break;
      case ast::DeclKind::Define: expr(*static_cast<const ast::DefineDecl&>(decl).value); break;
      case ast::DeclKind::Allow:
        // The subjects of `allow CHECK a, b "reason";` are declarations.
        for (const ast::Name& subject : static_cast<const ast::AllowDecl&>(decl).subjects) {
          if (auto it = names_.find(subject.text); it != names_.end()) add(subject.range, it->second);
        }
        break;
      default: break;  // blocks below; a kind with expressions of its own needs a case
    }
    // Findings, recommendations and any other block of fields.
    if (const auto* block = dynamic_cast<const ast::BlockDecl*>(&decl)) {
      for (const ast::Field& field : block->fields) {
        if (field.when) expr(*field.when);
        if (field.kind == ast::FieldKind::Orders) {
          for (const ast::Name& n : field.names) {
            if (const ast::Decl* set = lookup(n.text, ast::DeclKind::Codeset)) add(n.range, set);
          }
          continue;
        }
        if (field.kind != ast::FieldKind::Supersedes) continue;
        for (const ast::SupersedesTarget& target : field.targets) {
          if (target.category) continue;  // a category, not a declaration
          if (const ast::Decl* rec = lookup(target.name.text, ast::DeclKind::Recommendation)) {
            add(target.name.range, rec);
          }
        }
      }
    }
  }

  // `fhir esr { observation esr_codes; value { positive: true }; }`: the
  // input, the code sets and the enum labels of its maps are uses.
  void binding(const ast::FhirDecl& decl) {
    const ast::Decl* input = lookup(decl.name.text, ast::DeclKind::Input);
    if (input) add(decl.name.range, input);
    const ast::EnumDecl* enumDecl = nullptr;
    if (input) {
      const std::string& type = static_cast<const ast::InputDecl*>(input)->type.text;
      enumDecl = static_cast<const ast::EnumDecl*>(lookup(type, ast::DeclKind::Enum));
    }
    auto label = [&](const ast::Name& name) {
      if (!enumDecl) return;
      for (size_t l = 0; l < enumDecl->labels.size(); ++l) {
        if (enumDecl->labels[l].name == name.text) add(name.range, enumDecl, static_cast<int>(l));
      }
    };
    for (const ast::FhirField& f : decl.fields) {
      if (f.value == ast::FhirField::Value::Word) {
        if (const ast::Decl* set = lookup(f.word.text, ast::DeclKind::Codeset)) add(f.word.range, set);
        if (f.key.text == "absent") label(f.word);
      }
      for (const ast::FhirMapItem& item : f.map) {
        if (const ast::Decl* set = lookup(item.from.text, ast::DeclKind::Codeset)) add(item.from.range, set);
        label(item.to);
      }
    }
  }

  void expr(const ast::Expr& e) {
    const ExprInfo* i = info(e);
    switch (e.kind()) {
      case ast::ExprKind::Number:
      case ast::ExprKind::Bool: break;
      case ast::ExprKind::Name: {
        if (!i) break;
        const auto& n = static_cast<const ast::NameExpr&>(e);
        if (i->decl) {
          add(e.range(), i->decl);
        } else if (i->label >= 0 && i->type.kind == Type::Kind::Enum) {
          const ast::Decl* enumDecl = i->type.enumDecl;
          if (n.qualifier.empty()) {
            add(e.range(), enumDecl, i->label);
          } else {
            // `Quality.sharp`: the enum at the start, the label at the end.
            diag::Range r = e.range();
            add({r.begin, r.begin + static_cast<uint32_t>(n.qualifier.size())}, enumDecl);
            add({r.end - static_cast<uint32_t>(n.name.size()), r.end}, enumDecl, i->label);
          }
        }
        break;
      }
      case ast::ExprKind::Status: {
        const auto& s = static_cast<const ast::StatusExpr&>(e);
        if (const ast::Decl* rec = lookup(s.name, ast::DeclKind::Recommendation)) add(s.nameRange, rec);
        break;
      }
      case ast::ExprKind::Known: {
        const auto& k = static_cast<const ast::KnownExpr&>(e);
        if (i && i->decl) add(k.nameRange, i->decl);
        break;
      }
      case ast::ExprKind::Unary: expr(*static_cast<const ast::UnaryExpr&>(e).operand); break;
      case ast::ExprKind::Binary: {
        const auto& b = static_cast<const ast::BinaryExpr&>(e);
        expr(*b.lhs);
        expr(*b.rhs);
        break;
      }
      case ast::ExprKind::In: {
        const auto& in = static_cast<const ast::InExpr&>(e);
        expr(*in.operand);
        const ExprInfo* operand = info(*in.operand);
        if (!operand || operand->type.kind != Type::Kind::Enum) break;
        const ast::EnumDecl* enumDecl = operand->type.enumDecl;
        for (const ast::Label& label : in.labels) {
          for (size_t l = 0; l < enumDecl->labels.size(); ++l) {
            if (enumDecl->labels[l].name == label.name) add(label.range, enumDecl, static_cast<int>(l));
          }
        }
        break;
      }
    }
  }

  const ast::File& file_;
  Analysis& analysis_;
  std::map<std::string, const ast::Decl*> names_;  // the first declaration of a name, as sema resolves it
};

}  // namespace

void collectUses(const ast::File& file, Analysis& analysis) { UseCollector(file, analysis).run(); }

}  // namespace pathway::sema
