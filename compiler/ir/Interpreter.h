// The reference interpreter: evaluates a Program directly, node by node,
// written for clarity rather than speed. It shares no code with the LLVM
// back end and is the oracle the compiled libraries are tested against.
// Same memory contract as the compiled entry point (pathway/abi.h).
#ifndef PATHWAY_IR_INTERPRETER_H
#define PATHWAY_IR_INTERPRETER_H

#include <cstdint>
#include <set>
#include <vector>

#include "ir/IR.h"

namespace pathway::ir {

// A node's three-valued value with the inputs that could still decide it.
struct NodeValue {
  bool known = true;
  double value = 0;            // bools are 0/1; 0 when unknown
  std::set<uint32_t> missing;  // empty when known
};

// The value of every node, in node order (for explanations).
std::vector<NodeValue> interpretNodes(const Program& program, const double* values, const uint8_t* known);

void interpret(const Program& program, const double* values, const uint8_t* known, uint8_t* state,
               double* numbers, uint64_t* missing);

}  // namespace pathway::ir

#endif  // PATHWAY_IR_INTERPRETER_H
