// The structural invariants code generation relies on: operands precede
// their users, arities and types match each op, input, slot and supersedes
// references are in range. A violation is a compiler bug upstream, reported
// as an internal error rather than lowered into a broken module.
#ifndef PATHWAY_CODEGEN_CHECKPROGRAM_H
#define PATHWAY_CODEGEN_CHECKPROGRAM_H

#include <string>

#include "ir/IR.h"

namespace pathway::codegen {

// Returns false with `error` describing the first violation.
bool checkProgram(const ir::Program& program, std::string& error);

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_CHECKPROGRAM_H
