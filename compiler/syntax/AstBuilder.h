// Parse tree -> AST. Runs only on trees without syntax errors, so every
// child the grammar requires is present.
#ifndef PATHWAY_SYNTAX_ASTBUILDER_H
#define PATHWAY_SYNTAX_ASTBUILDER_H

#include "PathwayParser.h"
#include "ast/Decl.h"
#include "syntax/TokenScan.h"

namespace pathway::syntax {

ast::File buildAst(gen::PathwayParser::FileContext* tree, const OffsetMap& offsets,
                   diag::DiagnosticEngine& diags, const Limits& limits);

}  // namespace pathway::syntax

#endif  // PATHWAY_SYNTAX_ASTBUILDER_H
