// The row evaluation entry points of a compiled library (pw_eval_fn,
// pw_eval_trace_fn and pw_eval_batch_fn in pathway/abi.h), all internal to
// the module: the descriptor is their only way out.
#ifndef PATHWAY_CODEGEN_ENTRYPOINTS_H
#define PATHWAY_CODEGEN_ENTRYPOINTS_H

#include <llvm/IR/Function.h>
#include <llvm/IR/Module.h>

#include "ir/IR.h"

namespace pathway::codegen {

struct EvaluateFunctions {
  llvm::Function* evaluate;  // evaluate(values, known, state, numbers, missing)
  llvm::Function* traced;    // evaluate_trace(values, known, state, numbers, missing, trace)
  size_t parts;              // functions the evaluation is split into (1: not split)
};

// The evaluation of one patient. `traceNodes` are the IR nodes (bool) whose
// values evaluate_trace records, trace[i] for traceNodes[i], when its trace
// argument is not null. `evaluate` is a tail call of it without a trace.
EvaluateFunctions emitEvaluate(const ir::Program& program, const std::vector<ir::NodeId>& traceNodes,
                               llvm::Module& module);

// evaluate_batch(count, values, known, state, numbers, missing): a loop over
// `count` patients calling `traced` (without a trace) on row-major arrays.
llvm::Function* emitEvaluateBatch(const ir::Program& program, llvm::Module& module,
                                  llvm::Function* traced);

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_ENTRYPOINTS_H
