// The order in which sema checks consts, defines and findings: every
// declaration after the ones it uses, found by a depth-first search with an
// explicit stack, so that checking never recurses along a chain of
// definitions (a file may hold a chain as long as the declaration limit).
// A use that closes a cycle is reported here, once, where the cycle closes,
// and remembered so that checking does not follow it.
#include "sema/Checker.h"

namespace pathway::sema {

using diag::Kind;

namespace {

const ast::Expr* valueOf(const ast::Decl& decl) {
  switch (decl.kind()) {
    case ast::DeclKind::Const: return static_cast<const ast::ConstDecl&>(decl).value.get();
    case ast::DeclKind::Define: return static_cast<const ast::DefineDecl&>(decl).value.get();
    case ast::DeclKind::Finding: {
      const ast::Field* when = static_cast<const ast::FindingDecl&>(decl).field(ast::FieldKind::When);
      return when ? when->when.get() : nullptr;
    }
    default: return nullptr;
  }
}

bool isValueDecl(const ast::Decl& decl) {
  return decl.kind() == ast::DeclKind::Const || decl.kind() == ast::DeclKind::Define ||
         decl.kind() == ast::DeclKind::Finding;
}

}  // namespace

std::vector<Checker::Use> Checker::usesOf(const ast::Decl& decl) const {
  std::vector<Use> uses;
  std::vector<const ast::Expr*> work;
  if (const ast::Expr* value = valueOf(decl)) work.push_back(value);
  auto use = [&](const ast::Expr* e, const std::string& name, diag::Range range) {
    auto it = names_.find(name);
    if (it != names_.end() && isValueDecl(*it->second)) uses.push_back({it->second, range, e});
  };
  // Left to right, as checking visits them.
  while (!work.empty()) {
    const ast::Expr* e = work.back();
    work.pop_back();
    switch (e->kind()) {
      case ast::ExprKind::Name: {
        const auto* name = static_cast<const ast::NameExpr*>(e);
        if (name->qualifier.empty()) use(e, name->name, e->range());
        break;
      }
      case ast::ExprKind::Known: {
        const auto* known = static_cast<const ast::KnownExpr*>(e);
        use(e, known->name, known->nameRange);
        break;
      }
      case ast::ExprKind::Unary: work.push_back(static_cast<const ast::UnaryExpr*>(e)->operand.get()); break;
      case ast::ExprKind::Binary:
        work.push_back(static_cast<const ast::BinaryExpr*>(e)->rhs.get());
        work.push_back(static_cast<const ast::BinaryExpr*>(e)->lhs.get());
        break;
      case ast::ExprKind::In: work.push_back(static_cast<const ast::InExpr*>(e)->operand.get()); break;
      case ast::ExprKind::Number:
      case ast::ExprKind::Bool:
      case ast::ExprKind::Status: break;  // names a recommendation, not a value
    }
  }
  return uses;
}

std::vector<const ast::Decl*> Checker::checkOrder() {
  struct Frame {
    const ast::Decl* decl;
    diag::Range via;  // the use that entered it
    std::vector<Use> uses;
    size_t next = 0;
  };
  enum class Mark : uint8_t { Visiting, Done };
  std::unordered_map<const ast::Decl*, Mark> marks;
  std::vector<Frame> stack;
  std::vector<const ast::Decl*> order;
  for (const ast::DeclPtr& root : file_.decls) {
    // A redeclaration is not in scope: names_ holds the first one only.
    if (!isValueDecl(*root) || marks.count(root.get())) continue;
    marks[root.get()] = Mark::Visiting;
    stack.push_back({root.get(), root->name.range, usesOf(*root)});
    while (!stack.empty()) {
      Frame& top = stack.back();
      if (top.next == top.uses.size()) {
        marks[top.decl] = Mark::Done;
        order.push_back(top.decl);
        stack.pop_back();
        continue;
      }
      const Use use = top.uses[top.next++];
      auto mark = marks.find(use.decl);
      if (mark == marks.end()) {
        marks[use.decl] = Mark::Visiting;
        stack.push_back({use.decl, use.range, usesOf(*use.decl)});
      } else if (mark->second == Mark::Visiting) {
        cycleUses_.insert(use.expr);
        size_t start = 0;
        while (stack[start].decl != use.decl) ++start;
        std::string path;
        for (size_t i = start; i < stack.size(); ++i) path += stack[i].decl->name.text + " -> ";
        path += use.decl->name.text;
        auto builder = diags_.report(Kind::DefinitionCycle, use.decl->name.range, path);
        for (size_t i = start; i < stack.size(); ++i) {
          const ast::Decl* user = stack[i].decl;
          const ast::Decl* used = i + 1 < stack.size() ? stack[i + 1].decl : use.decl;
          diag::Range at = i + 1 < stack.size() ? stack[i + 1].via : use.range;
          builder.note(Kind::NoteCycleStep, at, user->name.text, used->name.text);
        }
      }
    }
  }
  return order;
}

}  // namespace pathway::sema
