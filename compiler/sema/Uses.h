// The table of name uses (Analysis::uses), built from the AST and the
// resolved names sema recorded in Analysis::exprs. Internal to compiler/sema.
#ifndef PATHWAY_SEMA_USES_H
#define PATHWAY_SEMA_USES_H

#include "ast/Decl.h"
#include "sema/Analysis.h"

namespace pathway::sema {

// Fills `analysis.uses`, sorted by position. Runs after the checks, so it
// sees every resolved name; unresolved ones are left out.
void collectUses(const ast::File& file, Analysis& analysis);

}  // namespace pathway::sema

#endif  // PATHWAY_SEMA_USES_H
