// Source text -> AST. The only entry point of the syntax phase; ANTLR types
// never leave this folder.
#ifndef PATHWAY_SYNTAX_PARSER_H
#define PATHWAY_SYNTAX_PARSER_H

#include <cstddef>

#include "ast/Decl.h"
#include "diag/DiagnosticEngine.h"

namespace pathway::syntax {

// Limits that keep the compiler's time, memory and stack bounded on any
// input. docs/language.md#limits documents them.
struct Limits {
  size_t maxFileBytes = 64u << 20;   // 64 MiB
  size_t maxNesting = 256;           // parentheses and prefix operators
  size_t maxExprDepth = 2000;        // operators in one expression tree
  size_t maxDeclarations = 1000000;
  size_t maxNameLength = 256;
};

// Parses the file. Syntax errors are reported to `diags` (all of them,
// thanks to error recovery); the returned AST is only meaningful when no
// error was reported.
ast::File parse(const diag::SourceFile& source, diag::DiagnosticEngine& diags,
                const Limits& limits = {});

}  // namespace pathway::syntax

#endif  // PATHWAY_SYNTAX_PARSER_H
