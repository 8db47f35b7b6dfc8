// The targets (the host, and wasm32 for browsers and Node): their machines,
// the optimisation pipeline and object emission.
#ifndef PATHWAY_CODEGEN_TARGET_H
#define PATHWAY_CODEGEN_TARGET_H

#include <memory>
#include <string>
#include <vector>

#include <llvm/IR/Module.h>
#include <llvm/Target/TargetMachine.h>

#include "codegen/Codegen.h"

namespace pathway::codegen {

inline constexpr const char* kWasmTriple = "wasm32-unknown-unknown";
inline constexpr const char* kWasmFeatures = "+bulk-memory,+mutable-globals,+nontrapping-fptoint,+sign-ext";

// "host" or "wasm32".
const char* targetName(TargetKind target);

// A target machine, or null with `error` set: for the host, PIC code for
// the host triple (generic CPU, so a library runs on any machine of the
// same architecture); for wasm32, kWasmTriple with kWasmFeatures.
std::unique_ptr<llvm::TargetMachine> createMachine(TargetKind target, int optLevel, std::string& error);

// Runs the pass pipeline of -O<optLevel> (Target.cpp says which).
void optimize(llvm::Module& module, llvm::TargetMachine& machine, int optLevel);

// The relocatable objects for `module`: one, or with `partitions` > 1 the
// module split into that many parts (locals become hidden globals, so they
// link together and stay unexported), generated in parallel by up to one
// thread per core. Consumes the module.
bool emitObjects(llvm::Module& module, llvm::TargetMachine& machine, TargetKind target, int optLevel,
                 unsigned partitions, std::vector<std::vector<char>>& objects, std::string& error);

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_TARGET_H
