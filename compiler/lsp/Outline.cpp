// Document symbols: the header, then one section per declaration kind
// (enums, inputs, constants, definitions, findings, recommendations, in the
// order they first appear), each with its declarations.
#include <map>

#include "format/Format.h"
#include "lsp/DeclKinds.h"
#include "lsp/Features.h"
#include "lsp/Protocol.h"

namespace pathway::lsp {
namespace {

std::string detail(const ast::Decl& decl) {
  switch (decl.kind()) {
    case ast::DeclKind::Input: return static_cast<const ast::InputDecl&>(decl).type.text;
    case ast::DeclKind::Const: return format::formatExpr(*static_cast<const ast::ConstDecl&>(decl).value);
    case ast::DeclKind::Define: return format::formatExpr(*static_cast<const ast::DefineDecl&>(decl).value);
    default: break;
  }
  // Findings, recommendations and any other block: the label.
  if (const auto* block = dynamic_cast<const ast::BlockDecl*>(&decl)) {
    const ast::Field* label = block->field(ast::FieldKind::Label);
    return label ? label->text : "";
  }
  return "";
}

}  // namespace

json documentSymbols(Document& doc, const json&) {
  const Snapshot* s = doc.lastChecked();
  json out = json::array();
  if (!s) return out;
  const driver::Compilation& c = s->c();
  const LineIndex& lines = s->lines;
  if (c.ast.header) {
    const ast::Header& h = *c.ast.header;
    json sources = json::array();
    for (const ast::Source& src : h.sources) {
      sources.push_back({{"name", src.name.text}, {"detail", src.title}, {"kind", symbol_kind::Package},
                         {"range", lines.range(src.range)}, {"selectionRange", lines.range(src.name.range)}});
    }
    out.push_back({{"name", "pathway " + h.name.text},
                   {"detail", h.titles.empty() ? "" : h.titles[0].value},
                   {"kind", symbol_kind::Module},
                   {"range", lines.range(h.range)},
                   {"selectionRange", lines.range(h.name.range)},
                   {"children", std::move(sources)}});
  }
  std::vector<ast::DeclKind> order;
  std::map<ast::DeclKind, std::vector<const ast::Decl*>> groups;
  for (const ast::DeclPtr& d : c.ast.decls) {
    if (!groups.count(d->kind())) order.push_back(d->kind());
    groups[d->kind()].push_back(d.get());
  }
  for (ast::DeclKind kind : order) {
    const std::vector<const ast::Decl*>& decls = groups[kind];
    json children = json::array();
    for (const ast::Decl* d : decls) {
      json symbol = {{"name", d->name.text},
                     {"detail", detail(*d)},
                     {"kind", kindInfo(kind).symbolKind},
                     {"range", lines.range(d->range())},
                     {"selectionRange", lines.range(d->name.range)}};
      if (kind == ast::DeclKind::Enum) {
        json labels = json::array();
        for (const ast::Label& l : static_cast<const ast::EnumDecl*>(d)->labels) {
          labels.push_back({{"name", l.name}, {"kind", symbol_kind::EnumMember}, {"range", lines.range(l.range)},
                            {"selectionRange", lines.range(l.range)}});
        }
        symbol["children"] = std::move(labels);
      }
      children.push_back(std::move(symbol));
    }
    diag::Range all{decls.front()->range().begin, decls.back()->range().end};
    out.push_back({{"name", std::string(kindInfo(kind).section)},
                   {"kind", symbol_kind::Namespace},
                   {"range", lines.range(all)},
                   {"selectionRange", lines.range(decls.front()->name.range)},
                   {"children", std::move(children)}});
  }
  return out;
}

}  // namespace pathway::lsp

