// What is at a position of a checked document: a name (through sema's use
// table, Analysis::uses) or a citation; and every occurrence of a symbol.
#ifndef PATHWAY_LSP_SYMBOLS_H
#define PATHWAY_LSP_SYMBOLS_H

#include <string>
#include <vector>

#include "driver/Pipeline.h"

namespace pathway::lsp {

// A declaration, or one label of an enum.
struct Symbol {
  const ast::Decl* decl = nullptr;
  int label = -1;

  bool operator==(const Symbol& o) const { return decl == o.decl && label == o.label; }
  explicit operator bool() const { return decl != nullptr; }
  const std::string& name() const;
};

// The use whose range holds `offset` (its end included, so a cursor just
// after a name finds it), or null.
const sema::Use* useAt(const driver::Compilation& c, uint32_t offset);
Symbol symbolOf(const sema::Use& use);

// Every use of `symbol`, in source order (its declaration included).
std::vector<const sema::Use*> occurrences(const driver::Compilation& c, Symbol symbol);
// The declaring occurrence of `symbol`, or null.
const sema::Use* declarationOf(const driver::Compilation& c, Symbol symbol);

// A citation at `offset`: in a `cite` field, with the paragraph it names in
// the header (null when it resolves to none); or a paragraph in the header.
struct CitationAt {
  const ast::ParagraphRef* ref = nullptr;      // the citation under the cursor
  const ast::Source* source = nullptr;         // the source it cites
  const ast::ParagraphRef* paragraph = nullptr;  // the declared paragraph
};
CitationAt citationAt(const driver::Compilation& c, uint32_t offset);
// The paragraph `paragraph` of `source` as listed in the header, then every
// citation of it, in source order.
std::vector<const ast::ParagraphRef*> citationsOf(const driver::Compilation& c, const ast::Source& source,
                                                  const ast::ParagraphRef& paragraph);

// Every declaration, in source order, whatever its kind.
std::vector<const ast::Decl*> declarations(const driver::Compilation& c);

}  // namespace pathway::lsp

#endif  // PATHWAY_LSP_SYMBOLS_H
