// The exported descriptor global (pw_descriptor in pathway/abi.h): the one
// symbol a compiled library exports.
#ifndef PATHWAY_CODEGEN_DESCRIPTOR_H
#define PATHWAY_CODEGEN_DESCRIPTOR_H

#include <string>

#include <llvm/IR/Function.h>
#include <llvm/IR/Module.h>

#include "codegen/Codegen.h"
#include "ir/IR.h"

namespace pathway::codegen {

struct EntryPoints {
  llvm::Function* evaluate = nullptr;
  llvm::Function* evaluateBatch = nullptr;
  llvm::Function* evaluateColumns = nullptr;  // may be null
  llvm::Function* evaluateTrace = nullptr;
};

// Emits PW_DESCRIPTOR_SYMBOL into `module`, whose data layout must be set;
// `traceNodes` is the size of the trace evaluateTrace writes. Returns false
// with `error` set if the layout of the generated struct does not match the
// runtime's pw_descriptor on the host, or the wasm32 layout of abi.h (a
// compiler bug).
bool emitDescriptor(const ir::Program& program, const EntryPoints& entryPoints,
                    uint64_t traceNodes, TargetKind target, llvm::Module& module, std::string& error);

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_DESCRIPTOR_H
