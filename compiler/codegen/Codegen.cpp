#include "codegen/Codegen.h"

#include <algorithm>

#include <llvm/IR/LLVMContext.h>
#include <llvm/IR/Module.h>
#include <llvm/IR/Verifier.h>
#include <llvm/Support/raw_ostream.h>

#include "codegen/CheckProgram.h"
#include "codegen/ColumnEntryPoint.h"
#include "codegen/Descriptor.h"
#include "codegen/EntryPoints.h"
#include "codegen/Target.h"
#include "ir/ExplainGraph.h"

namespace pathway::codegen {

bool generate(const ir::Program& program, const CodegenOptions& options,
              CodegenResult& result, std::string& error) {
  if (options.optLevel < 0 || options.optLevel > 3) {
    error = "optimization level must be 0..3, got " + std::to_string(options.optLevel);
    return false;
  }
  if (!checkProgram(program, error)) {
    error = "internal error: malformed IR: " + error;
    return false;
  }
  if (options.columns && options.target == TargetKind::Wasm32) {
    error = "the column entry point is not available for wasm32";
    return false;
  }
  std::unique_ptr<llvm::TargetMachine> machine = createMachine(options.target, options.optLevel, error);
  if (!machine) return false;

  llvm::LLVMContext context;
  llvm::Module module(program.meta.name.empty() ? "pathway" : program.meta.name, context);
  module.setTargetTriple(machine->getTargetTriple().str());
  module.setDataLayout(machine->createDataLayout());

  const std::vector<ir::NodeId> traceNodes = ir::explainGraph(program).irNodes;
  EvaluateFunctions evaluate = emitEvaluate(program, traceNodes, module);
  EntryPoints entryPoints;
  entryPoints.evaluate = evaluate.evaluate;
  entryPoints.evaluateTrace = evaluate.traced;
  entryPoints.evaluateBatch = emitEvaluateBatch(program, module, evaluate.traced);
  if (options.columns) entryPoints.evaluateColumns = emitEvaluateColumns(program, module);
  if (!emitDescriptor(program, entryPoints, traceNodes.size(), options.target, module, error)) return false;

  std::string problems;
  llvm::raw_string_ostream problemStream(problems);
  if (llvm::verifyModule(module, &problemStream)) {
    error = "internal error: generated LLVM module does not verify:\n" + problemStream.str();
    return false;
  }

  optimize(module, *machine, options.optLevel);
  if (options.emitLlvmText) {
    result.llvmText.clear();
    llvm::raw_string_ostream text(result.llvmText);
    module.print(text, nullptr);
  }
  // The functions worth generating in parallel: the evaluation's parts and
  // the column entry point.
  const size_t heavy = evaluate.parts + (options.columns ? 1 : 0);
  const unsigned partitions =
      static_cast<unsigned>(std::min<size_t>(heavy, std::max(1u, options.maxObjects)));
  return emitObjects(module, *machine, options.target, options.optLevel, partitions, result.objects, error);
}

}  // namespace pathway::codegen
