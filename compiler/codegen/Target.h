// The host target: its machine, the optimisation pipeline and object
// emission.
#ifndef PATHWAY_CODEGEN_TARGET_H
#define PATHWAY_CODEGEN_TARGET_H

#include <memory>
#include <string>
#include <vector>

#include <llvm/IR/Module.h>
#include <llvm/Target/TargetMachine.h>

namespace pathway::codegen {

// A PIC target machine for the host triple (generic CPU, so a library runs on
// any machine of the same architecture), or null with `error` set.
std::unique_ptr<llvm::TargetMachine> createHostMachine(int optLevel, std::string& error);

// Runs the new pass manager's default pipeline for -O<optLevel>.
void optimize(llvm::Module& module, llvm::TargetMachine& machine, int optLevel);

// Appends the relocatable object for `module` to `object`.
bool emitObject(llvm::Module& module, llvm::TargetMachine& machine, std::vector<char>& object,
                std::string& error);

}  // namespace pathway::codegen

#endif  // PATHWAY_CODEGEN_TARGET_H
