// The stable text form of the AST printed by `pathwayc dump-ast`.
#ifndef PATHWAY_AST_DUMP_H
#define PATHWAY_AST_DUMP_H

#include <string>

#include "ast/Decl.h"

namespace pathway::ast {

std::string dump(const File& file, const diag::SourceFile& source);

// The same without source positions, and with block fields in their fixed
// order: equal for two files that differ only in layout, parentheses, field
// order and comments (what `pathwayc fmt` may change).
std::string dumpShape(const File& file);

}  // namespace pathway::ast

#endif  // PATHWAY_AST_DUMP_H
