// Semantic analysis: names, types, units, ranges, definition and supersedes
// cycles, citations, and whole-pathway warnings.
#ifndef PATHWAY_SEMA_SEMA_H
#define PATHWAY_SEMA_SEMA_H

#include "ast/Decl.h"
#include "diag/DiagnosticEngine.h"
#include "sema/Analysis.h"

namespace pathway::sema {

// The recommendation categories and urgencies the language knows.
const std::vector<std::string>& categories();
const std::vector<std::string>& urgencies();

// Checks `file`, reporting every problem to `diags`. `analysis` is complete
// and consistent only when no error was reported.
void check(const ast::File& file, diag::DiagnosticEngine& diags, Analysis& analysis);

}  // namespace pathway::sema

#endif  // PATHWAY_SEMA_SEMA_H
