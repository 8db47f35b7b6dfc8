// Checked AST -> Pathway IR. Runs only when sema reported no error.
#ifndef PATHWAY_LOWER_LOWER_H
#define PATHWAY_LOWER_LOWER_H

#include "ast/Decl.h"
#include "ir/IR.h"
#include "sema/Analysis.h"

namespace pathway::lower {

ir::Program lower(const ast::File& file, const sema::Analysis& analysis);

}  // namespace pathway::lower

#endif  // PATHWAY_LOWER_LOWER_H
