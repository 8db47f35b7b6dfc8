// The formatter behind `pathwayc fmt`: a parsed file (AST, its comments and
// the source they came from) -> the file in the one canonical layout.
//
// The output parses to the same AST (up to source positions), so it checks
// and compiles to a program with the same content hash; comments survive in
// order; formatting is idempotent. docs/language.md#formatting describes the
// layout.
#ifndef PATHWAY_FORMAT_FORMAT_H
#define PATHWAY_FORMAT_FORMAT_H

#include <cstddef>
#include <string>

#include "ast/Decl.h"
#include "diag/SourceFile.h"

namespace pathway::format {

struct FormatOptions {
  size_t width = 100;  // longer `when`, define, const, cite, supersedes, author lines are broken
};

// `file` must be the syntax phase's AST of `source` with no syntax errors.
std::string formatFile(const ast::File& file, const diag::SourceFile& source, const FormatOptions& options = {});

// One expression on one line, with the fewest parentheses that parse back to
// the same tree.
std::string formatExpr(const ast::Expr& expr);

}  // namespace pathway::format

#endif  // PATHWAY_FORMAT_FORMAT_H
