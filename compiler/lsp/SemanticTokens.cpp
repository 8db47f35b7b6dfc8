// Semantic tokens: what each name is, from sema (an input, a definition, a
// finding, an enum label...), and units, which TextMate cannot tell apart
// from names.
#include <algorithm>

#include "lsp/DeclKinds.h"
#include "lsp/Features.h"
#include "units/Units.h"

namespace pathway::lsp {
namespace {

struct Token {
  diag::Range range;
  int type;
  int modifiers;
};

void unitTokens(const ast::Expr& e, std::vector<Token>& out) {
  int unitType = tokenTypeIndex("type");
  switch (e.kind()) {
    case ast::ExprKind::Number: {
      const auto& n = static_cast<const ast::NumberExpr&>(e);
      if (!n.unit.empty()) out.push_back({n.unitRange, unitType, 0});
      break;
    }
    case ast::ExprKind::Unary: unitTokens(*static_cast<const ast::UnaryExpr&>(e).operand, out); break;
    case ast::ExprKind::Binary:
      unitTokens(*static_cast<const ast::BinaryExpr&>(e).lhs, out);
      unitTokens(*static_cast<const ast::BinaryExpr&>(e).rhs, out);
      break;
    case ast::ExprKind::In: unitTokens(*static_cast<const ast::InExpr&>(e).operand, out); break;
    case ast::ExprKind::Bool:
    case ast::ExprKind::Name:
    case ast::ExprKind::Known:
    case ast::ExprKind::Status: break;
  }
}

}  // namespace

json semanticTokensLegend() {
  json types = json::array(), modifiers = json::array();
  for (std::string_view t : tokenTypes()) types.push_back(std::string(t));
  for (std::string_view m : tokenModifiers()) modifiers.push_back(std::string(m));
  return {{"tokenTypes", types}, {"tokenModifiers", modifiers}};
}

json semanticTokens(Document& doc, const json&) {
  const Snapshot& s = doc.current();
  json data = json::array();
  if (!s.c().checked) return {{"data", data}};
  const driver::Compilation& c = s.c();
  std::vector<Token> tokens;
  constexpr int kDeclaration = 1, kReadonly = 2;
  for (const sema::Use& use : c.analysis.uses) {
    int type = use.label >= 0 ? tokenTypeIndex("enumMember") : tokenTypeIndex(kindInfo(use.decl->kind()).tokenType);
    int modifiers = (use.declaration ? kDeclaration : 0) |
                    (use.label >= 0 || use.decl->kind() == ast::DeclKind::Const ? kReadonly : 0);
    tokens.push_back({use.range, type, modifiers});
  }
  for (const ast::DeclPtr& d : c.ast.decls) {
    if (d->kind() == ast::DeclKind::Input) {
      const auto& input = static_cast<const ast::InputDecl&>(*d);
      if (units::find(input.type.text)) tokens.push_back({input.type.range, tokenTypeIndex("type"), 0});
      if (input.valueRange) {
        unitTokens(*input.valueRange->lo, tokens);
        unitTokens(*input.valueRange->hi, tokens);
      }
    }
    if (d->kind() == ast::DeclKind::Const) unitTokens(*static_cast<const ast::ConstDecl&>(*d).value, tokens);
    if (d->kind() == ast::DeclKind::Define) unitTokens(*static_cast<const ast::DefineDecl&>(*d).value, tokens);
    if (d->kind() == ast::DeclKind::Finding || d->kind() == ast::DeclKind::Recommendation) {
      for (const ast::Field& f : static_cast<const ast::BlockDecl&>(*d).fields) {
        if (f.when) unitTokens(*f.when, tokens);
      }
    }
  }
  if (c.ast.header) {
    for (const ast::Source& src : c.ast.header->sources) {
      tokens.push_back({src.name.range, tokenTypeIndex("namespace"), kDeclaration});
    }
  }
  std::sort(tokens.begin(), tokens.end(), [](const Token& a, const Token& b) { return a.range.begin < b.range.begin; });
  uint32_t lastLine = 0, lastStart = 0;
  uint32_t previousEnd = 0;
  for (const Token& tok : tokens) {
    if (tok.range.end <= tok.range.begin || tok.range.begin < previousEnd) continue;  // empty or overlapping
    uint32_t line = s.lines.lineOf(tok.range.begin);
    if (s.lines.lineOf(tok.range.end - 1) != line) continue;  // tokens are single-line
    uint32_t start = s.lines.units(s.lines.lineStart(line), tok.range.begin);
    data.push_back(line - lastLine);
    data.push_back(line == lastLine ? start - lastStart : start);
    data.push_back(s.lines.units(tok.range.begin, tok.range.end));
    data.push_back(tok.type);
    data.push_back(tok.modifiers);
    lastLine = line;
    lastStart = start;
    previousEnd = tok.range.end;
  }
  return {{"data", data}};
}

}  // namespace pathway::lsp
