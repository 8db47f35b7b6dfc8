// IR -> native object: the LLVM back end. Generates one module holding the
// evaluation entry points and the exported descriptor (see pathway/abi.h),
// optimises it with the new pass manager and emits a PIC object for the host.
// No LLVM type appears in this header.
#ifndef PATHWAY_CODEGEN_CODEGEN_H
#define PATHWAY_CODEGEN_CODEGEN_H

#include <string>
#include <vector>

#include "ir/IR.h"

namespace pathway::codegen {

struct CodegenOptions {
  // 0: no IR passes, fast instruction selection and register allocation;
  // 1: a few IR passes (Target.cpp), fast instruction selection; 2: the same
  // passes, full instruction selection; 3: LLVM's O3 pipeline.
  int optLevel = 2;
  bool emitLlvmText = false;  // also fill CodegenResult::llvmText (after optimisation)
  // Also emit the column entry point (64 patients per word, pw_evaluate_columns).
  // Off by default: it multiplies code size and compile time (docs/performance.md).
  bool columns = false;
};

struct CodegenResult {
  std::string llvmText;     // textual LLVM IR when requested
  std::vector<char> object; // relocatable ELF object
};

// Returns false with `error` set when the options are invalid, the host target
// is unavailable, or the generated module fails verification (a compiler bug).
bool generate(const ir::Program& program, const CodegenOptions& options,
              CodegenResult& result, std::string& error);

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_CODEGEN_H
