// build: .pw -> native shared library or WebAssembly module (plus optional
// header, LLVM IR, object).
#include <cstdio>

#include "codegen/Codegen.h"
#include "driver/Commands.h"
#include "driver/Files.h"
#include "driver/Report.h"
#include "emit/CHeader.h"
#include "link/Link.h"

namespace pathway::driver {

int buildCommand(const BuildOptions& options, const DiagnosticOptions& diag) {
  if (options.optLevel < 0 || options.optLevel > 3) {
    std::fprintf(stderr, "pathwayc: error: optimisation level must be 0 to 3, not %d\n", options.optLevel);
    return kExitUsage;
  }
  const bool wasm = options.target == "wasm32";
  if (wasm && options.columns) {
    std::fprintf(stderr, "pathwayc: error: --columns is not available with --target wasm32\n");
    return kExitUsage;
  }
  // Checked before anything is written: an output naming the source (by
  // any path) would replace it.
  if (!outputSparesInput("-o", options.output, options.input) ||
      !outputSparesInput("--emit-header", options.emitHeader, options.input) ||
      !outputSparesInput("--emit-llvm", options.emitLlvm, options.input) ||
      !outputSparesInput("--emit-obj", options.emitObj, options.input)) {
    return kExitUsage;
  }
  std::unique_ptr<Compilation> c = frontend(options.input, diag, Stage::Lower);
  if (!c) return kExitError;

  codegen::CodegenOptions cg;
  cg.target = wasm ? codegen::TargetKind::Wasm32 : codegen::TargetKind::Host;
  cg.optLevel = options.optLevel;
  cg.columns = options.columns;
  cg.emitLlvmText = !options.emitLlvm.empty();
  if (!options.emitObj.empty()) cg.maxObjects = 1;  // --emit-obj writes one object
  codegen::CodegenResult generated;
  std::string error;
  if (!codegen::generate(*c->program, cg, generated, error)) {
    std::fprintf(stderr, "pathwayc: error: code generation failed: %s\n", error.c_str());
    return kExitError;
  }
  auto write = [&](const std::string& path, std::string_view data) {
    if (path.empty() || writeFileAtomically(path, data, error)) return true;
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return false;
  };
  if (!write(options.emitLlvm, generated.llvmText) ||
      !write(options.emitObj, std::string_view(generated.objects[0].data(), generated.objects[0].size())) ||
      !write(options.emitHeader, emit::cHeader(*c->program))) {
    return kExitError;
  }
  if (!(wasm ? link::linkWasmModule(generated.objects, options.output, error)
             : link::linkSharedLibrary(generated.objects, options.output, error))) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return kExitError;
  }
  return kExitOk;
}

}  // namespace pathway::driver
