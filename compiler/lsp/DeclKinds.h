// How each kind of declaration appears in an editor: outline section,
// symbol and completion kinds, semantic token type, words for hovers. The
// one table the server consults per declaration kind (DeclKinds.cpp), so a
// new construct in PATHWAY_AST_DECL_KINDS is a compile error here until it
// gets its row, and then works in every feature.
#ifndef PATHWAY_LSP_DECLKINDS_H
#define PATHWAY_LSP_DECLKINDS_H

#include <string_view>

#include "ast/Decl.h"

namespace pathway::lsp {

struct DeclKindInfo {
  std::string_view section;  // outline group: "enums", "inputs", ...
  int symbolKind;            // LSP SymbolKind
  int completionKind;        // LSP CompletionItemKind
  std::string_view tokenType;  // semantic token type (a member of tokenTypes())
  bool isValue;              // may be named in an expression
  bool isKnowable;           // may be the argument of known()/unknown()
};

const DeclKindInfo& kindInfo(ast::DeclKind kind);

// The semantic token legend: types and modifiers, in legend order.
const std::vector<std::string_view>& tokenTypes();
const std::vector<std::string_view>& tokenModifiers();
int tokenTypeIndex(std::string_view type);

}  // namespace pathway::lsp

#endif  // PATHWAY_LSP_DECLKINDS_H
