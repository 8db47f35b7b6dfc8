// The two evaluation entry points of a compiled library (pw_eval_fn and
// pw_eval_batch_fn in pathway/abi.h), both internal to the module: the
// descriptor is their only way out.
#ifndef PATHWAY_CODEGEN_ENTRYPOINTS_H
#define PATHWAY_CODEGEN_ENTRYPOINTS_H

#include <llvm/IR/Function.h>
#include <llvm/IR/Module.h>

#include "ir/IR.h"

namespace pathway::codegen {

// evaluate(values, known, state, numbers, missing) for one patient.
llvm::Function* emitEvaluate(const ir::Program& program, llvm::Module& module);

// evaluate_batch(count, values, known, state, numbers, missing): a loop over
// `count` patients calling `evaluate` (inlined) on row-major arrays.
llvm::Function* emitEvaluateBatch(const ir::Program& program, llvm::Module& module,
                                  llvm::Function* evaluate);

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_ENTRYPOINTS_H
