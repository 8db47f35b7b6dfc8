#include "driver/Build.h"

#include "codegen/Codegen.h"
#include "diag/Render.h"
#include "driver/Pipeline.h"
#include "link/Link.h"

namespace pathway::driver {

void buildLibrary(LibraryBuild& build) {
  build.ok = false;
  if (build.optLevel < 0 || build.optLevel > 3) {
    build.error = "optimisation level must be 0 to 3, not " + std::to_string(build.optLevel);
    return;
  }
  FrontendOptions options;
  options.warningsAsErrors = build.warningsAsErrors;
  std::unique_ptr<Compilation> c = build.fromText ? compileText(build.path, build.text, options)
                                                  : compileFile(build.path, options);
  build.diagnosticsText = diag::renderText(c->diagnostics, c->path);
  build.diagnosticsJson = diag::renderJson(c->diagnostics, c->path);
  if (!c->ok()) return;
  codegen::CodegenOptions cg;
  cg.optLevel = build.optLevel;
  cg.columns = build.columns;
  codegen::CodegenResult generated;
  if (!codegen::generate(*c->program, cg, generated, build.error)) {
    build.error = "code generation failed: " + build.error;
    return;
  }
  build.ok = link::linkSharedLibrary(generated.objects, build.output, build.error);
}

}  // namespace pathway::driver
