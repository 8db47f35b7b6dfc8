// The column entry point of a compiled library (pw_eval_columns_fn in
// pathway/abi.h): a loop over blocks of 64 patients, each block evaluated
// bit-sliced by ColumnLowering. Internal to the module, like the others.
#ifndef PATHWAY_CODEGEN_COLUMNENTRYPOINT_H
#define PATHWAY_CODEGEN_COLUMNENTRYPOINT_H

#include <llvm/IR/Function.h>
#include <llvm/IR/Module.h>

#include "ir/IR.h"

namespace pathway::codegen {

// evaluate_columns(count, values, known, truth, unknown, numbers, missing).
llvm::Function* emitEvaluateColumns(const ir::Program& program, llvm::Module& module);

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_COLUMNENTRYPOINT_H
