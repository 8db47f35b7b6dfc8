#include "codegen/Target.h"

#include <mutex>

#include <llvm/ADT/SmallVector.h>
#include <llvm/CodeGen/ParallelCG.h>
#include <llvm/IR/LegacyPassManager.h>
#include <llvm/MC/TargetRegistry.h>
#include <llvm/Passes/PassBuilder.h>
#include <llvm/Support/TargetSelect.h>
#include <llvm/Support/raw_ostream.h>
#include <llvm/Target/TargetOptions.h>
#include <llvm/Transforms/Scalar/ADCE.h>
#include <llvm/Transforms/Scalar/EarlyCSE.h>
#include <llvm/Transforms/Scalar/SimplifyCFG.h>
#include <llvm/Transforms/Scalar/InstSimplifyPass.h>
#include <llvm/TargetParser/Host.h>

namespace pathway::codegen {
namespace {

void initializeTargets() {
  static std::once_flag once;
  std::call_once(once, [] {
    llvm::InitializeNativeTarget();
    llvm::InitializeNativeTargetAsmPrinter();
    LLVMInitializeWebAssemblyTargetInfo();
    LLVMInitializeWebAssemblyTarget();
    LLVMInitializeWebAssemblyTargetMC();
    LLVMInitializeWebAssemblyAsmPrinter();
  });
}

llvm::CodeGenOpt::Level codegenLevel(int optLevel) {
  switch (optLevel) {
    case 0: return llvm::CodeGenOpt::None;
    case 1: return llvm::CodeGenOpt::Less;
    case 3: return llvm::CodeGenOpt::Aggressive;
    default: return llvm::CodeGenOpt::Default;
  }
}

// The passes -O1 and -O2 run. The generated code is straight-line value
// and known planes over an IR that is already folded and hash-consed, so
// LLVM's general pipelines find almost nothing to do, and their
// instruction combiner is most of the build time (it revisits long and/or
// chains of i1 values): on the PT pathway the evaluation is as fast with
// these passes, and a 1,000-recommendation pathway builds several times
// faster (docs/performance.md). -O3 runs LLVM's full O3 pipeline.
llvm::FunctionPassManager straightLinePasses() {
  llvm::FunctionPassManager passes;
  passes.addPass(llvm::EarlyCSEPass());     // the value/known planes share subexpressions
  passes.addPass(llvm::InstSimplifyPass()); // and i1 x, true; select c, x, x; constant lanes
  passes.addPass(llvm::SimplifyCFGPass());  // the empty trace and mask blocks of parts
  passes.addPass(llvm::ADCEPass());         // what the above left unused
  return passes;
}

}  // namespace

const char* targetName(TargetKind target) {
  return target == TargetKind::Wasm32 ? "wasm32" : "host";
}

std::unique_ptr<llvm::TargetMachine> createMachine(TargetKind target, int optLevel, std::string& error) {
  initializeTargets();
  const bool wasm = target == TargetKind::Wasm32;
  const std::string triple = wasm ? std::string(kWasmTriple) : llvm::sys::getDefaultTargetTriple();
  std::string lookupError;
  const llvm::Target* llvmTarget = llvm::TargetRegistry::lookupTarget(triple, lookupError);
  if (llvmTarget == nullptr) {
    error = "no LLVM target for triple '" + triple + "': " + lookupError;
    return nullptr;
  }
  llvm::TargetOptions options;
  // WebAssembly: the MVP plus the features every current browser and Node
  // 16+ have; sign extension and non-trapping float-to-int conversions give
  // shorter code, bulk memory lets LLVM copy without a libc memcpy (the
  // module imports nothing).
  std::unique_ptr<llvm::TargetMachine> machine(llvmTarget->createTargetMachine(
      triple, "generic", wasm ? kWasmFeatures : "", options, wasm ? llvm::Reloc::Static : llvm::Reloc::PIC_,
      std::nullopt, codegenLevel(optLevel)));
  if (!machine) {
    error = "cannot create a target machine for '" + triple + "'";
    return nullptr;
  }
  // -O1 trades some evaluation speed for build time: the fast instruction
  // selector (as at -O0, which also allocates registers the fast way) with
  // the greedy register allocator.
  if (optLevel == 1) machine->setFastISel(true);
  return machine;
}

void optimize(llvm::Module& module, llvm::TargetMachine& machine, int optLevel) {
  llvm::LoopAnalysisManager loops;
  llvm::FunctionAnalysisManager functions;
  llvm::CGSCCAnalysisManager sccs;
  llvm::ModuleAnalysisManager modules;
  llvm::PassBuilder builder(&machine);
  builder.registerModuleAnalyses(modules);
  builder.registerCGSCCAnalyses(sccs);
  builder.registerFunctionAnalyses(functions);
  builder.registerLoopAnalyses(loops);
  builder.crossRegisterProxies(loops, functions, sccs, modules);
  llvm::ModulePassManager passes;
  if (optLevel == 0) {
    passes = builder.buildO0DefaultPipeline(llvm::OptimizationLevel::O0);
  } else if (optLevel == 3) {
    passes = builder.buildPerModuleDefaultPipeline(llvm::OptimizationLevel::O3);
  } else {
    passes.addPass(llvm::createModuleToFunctionPassAdaptor(straightLinePasses()));
  }
  passes.run(module, modules);
}

bool emitObjects(llvm::Module& module, llvm::TargetMachine& machine, TargetKind target, int optLevel,
                 unsigned partitions, std::vector<std::vector<char>>& objects, std::string& error) {
  objects.clear();
  if (partitions <= 1) {
    llvm::SmallVector<char, 0> buffer;
    llvm::raw_svector_ostream stream(buffer);
    llvm::legacy::PassManager passes;
    if (machine.addPassesToEmitFile(passes, stream, nullptr, llvm::CGFT_ObjectFile)) {
      error = std::string("the ") + targetName(target) + " target cannot emit object files";
      return false;
    }
    passes.run(module);
    objects.emplace_back(buffer.begin(), buffer.end());
    return true;
  }
  std::vector<llvm::SmallVector<char, 0>> buffers(partitions);
  std::vector<std::unique_ptr<llvm::raw_svector_ostream>> streams;
  std::vector<llvm::raw_pwrite_stream*> outputs;
  for (auto& buffer : buffers) {
    streams.push_back(std::make_unique<llvm::raw_svector_ostream>(buffer));
    outputs.push_back(streams.back().get());
  }
  // Each thread needs a machine of its own, made as `machine` was (which
  // succeeded, so this cannot fail).
  llvm::splitCodeGen(module, outputs, {}, [target, optLevel] {
    std::string ignored;
    return createMachine(target, optLevel, ignored);
  });
  for (const auto& buffer : buffers) {
    // A partition can be empty when the module has fewer functions than
    // partitions; an empty buffer is not an object.
    if (!buffer.empty()) objects.emplace_back(buffer.begin(), buffer.end());
  }
  return true;
}

}  // namespace pathway::codegen
