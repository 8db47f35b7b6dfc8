// The stable text form of the AST printed by `pathwayc dump-ast`.
#ifndef PATHWAY_AST_DUMP_H
#define PATHWAY_AST_DUMP_H

#include <string>

#include "ast/Decl.h"

namespace pathway::ast {

std::string dump(const File& file, const diag::SourceFile& source);

}  // namespace pathway::ast

#endif  // PATHWAY_AST_DUMP_H
