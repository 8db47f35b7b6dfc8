// The LLVM IR builder of every lowering. It simplifies each instruction as it
// is created (and i1 x, true -> x; select c, x, x -> x; or i64 x, 0 -> x),
// so the trivially redundant instructions that lowering node by node
// produces never reach the optimiser or instruction selection.
//
// Only for straight-line code: simplification looks through PHI nodes, and a
// loop's PHI has only its first incoming value while the body is built, so
// every use of it would fold to that value. Loops use llvm::IRBuilder<>.
#ifndef PATHWAY_CODEGEN_BUILDER_H
#define PATHWAY_CODEGEN_BUILDER_H

#include <llvm/Analysis/InstSimplifyFolder.h>
#include <llvm/IR/IRBuilder.h>
#include <llvm/IR/Module.h>

namespace pathway::codegen {

class Builder : public llvm::IRBuilder<llvm::InstSimplifyFolder> {
 public:
  // Appends to `block`, whose function must be in a module with its data
  // layout set.
  explicit Builder(llvm::BasicBlock* block)
      : IRBuilder(block, llvm::InstSimplifyFolder(block->getModule()->getDataLayout())) {}
};

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_BUILDER_H
