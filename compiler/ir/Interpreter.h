// The reference interpreter: evaluates a Program directly, node by node,
// written for clarity rather than speed. It shares no code with the LLVM
// back end and is the oracle the compiled libraries are tested against.
// Same memory contract as the compiled entry point (pathway/abi.h).
#ifndef PATHWAY_IR_INTERPRETER_H
#define PATHWAY_IR_INTERPRETER_H

#include <cstdint>

#include "ir/IR.h"

namespace pathway::ir {

void interpret(const Program& program, const double* values, const uint8_t* known, uint8_t* state,
               double* numbers, uint64_t* missing);

}  // namespace pathway::ir

#endif  // PATHWAY_IR_INTERPRETER_H
