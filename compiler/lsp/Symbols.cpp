#include "lsp/Symbols.h"

#include <algorithm>

namespace pathway::lsp {
namespace {

bool contains(diag::Range r, uint32_t offset) { return r.begin <= offset && offset <= r.end; }

const ast::Source* findSource(const ast::Header& header, const std::string& name) {
  if (name.empty()) return header.sources.size() == 1 ? &header.sources[0] : nullptr;
  for (const ast::Source& s : header.sources) {
    if (s.name.text == name) return &s;
  }
  return nullptr;
}

}  // namespace

const std::string& Symbol::name() const {
  if (label >= 0) return static_cast<const ast::EnumDecl*>(decl)->labels[static_cast<size_t>(label)].name;
  return decl->name.text;
}

const sema::Use* useAt(const driver::Compilation& c, uint32_t offset) {
  const std::vector<sema::Use>& uses = c.analysis.uses;
  // The last use starting at or before the offset.
  auto it = std::upper_bound(uses.begin(), uses.end(), offset,
                             [](uint32_t off, const sema::Use& u) { return off < u.range.begin; });
  if (it == uses.begin()) return nullptr;
  const sema::Use& use = *std::prev(it);
  return contains(use.range, offset) ? &use : nullptr;
}

Symbol symbolOf(const sema::Use& use) { return Symbol{use.decl, use.label}; }

std::vector<const sema::Use*> occurrences(const driver::Compilation& c, Symbol symbol) {
  std::vector<const sema::Use*> out;
  for (const sema::Use& use : c.analysis.uses) {
    if (symbolOf(use) == symbol) out.push_back(&use);
  }
  return out;
}

const sema::Use* declarationOf(const driver::Compilation& c, Symbol symbol) {
  for (const sema::Use* use : occurrences(c, symbol)) {
    if (use->declaration) return use;
  }
  return nullptr;
}

CitationAt citationAt(const driver::Compilation& c, uint32_t offset) {
  CitationAt at;
  if (!c.ast.header) return at;
  const ast::Header& header = *c.ast.header;
  for (const ast::Source& source : header.sources) {
    for (const ast::ParagraphRef& p : source.paragraphs) {
      if (contains(p.range, offset)) return CitationAt{&p, &source, &p};
    }
  }
  for (const ast::DeclPtr& decl : c.ast.decls) {
    const auto* block = dynamic_cast<const ast::BlockDecl*>(decl.get());
    if (!block || !contains(decl->range(), offset)) continue;
    for (const ast::Field& field : block->fields) {
      for (const ast::ParagraphRef& ref : field.cites) {
        if (!contains(ref.range, offset)) continue;
        at.ref = &ref;
        at.source = findSource(header, ref.source);
        if (at.source) {
          for (const ast::ParagraphRef& p : at.source->paragraphs) {
            if (p.id == ref.id) at.paragraph = &p;
          }
        }
        return at;
      }
    }
  }
  return at;
}

std::vector<const ast::ParagraphRef*> citationsOf(const driver::Compilation& c, const ast::Source& source,
                                                  const ast::ParagraphRef& paragraph) {
  std::vector<const ast::ParagraphRef*> out = {&paragraph};
  for (const ast::DeclPtr& decl : c.ast.decls) {
    const auto* block = dynamic_cast<const ast::BlockDecl*>(decl.get());
    if (!block) continue;
    for (const ast::Field& field : block->fields) {
      for (const ast::ParagraphRef& ref : field.cites) {
        if (ref.id == paragraph.id && findSource(*c.ast.header, ref.source) == &source) out.push_back(&ref);
      }
    }
  }
  return out;
}

std::vector<const ast::Decl*> declarations(const driver::Compilation& c) {
  std::vector<const ast::Decl*> out;
  for (const ast::DeclPtr& d : c.ast.decls) out.push_back(d.get());
  return out;
}

}  // namespace pathway::lsp
