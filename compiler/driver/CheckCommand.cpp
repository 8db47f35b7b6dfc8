// check, dump-ast, dump-ir: the front-end commands.
#include <cstdio>

#include "ast/Dump.h"
#include "diag/Render.h"
#include "driver/Commands.h"
#include "driver/Files.h"
#include "driver/Report.h"
#include "ir/Dump.h"

namespace pathway::driver {

int checkCommand(const std::vector<std::string>& files, const DiagnosticOptions& options) {
  bool failed = false;
  if (options.json) {
    // One JSON array for the whole run, so tools parse a single document.
    std::string all = "[";
    for (const std::string& file : files) {
      FrontendOptions fo;
      fo.stopAfter = Stage::Lower;
      fo.warningsAsErrors = options.warningsAsErrors;
      std::unique_ptr<Compilation> c = compileFile(file, fo);
      failed |= !c->ok();
      std::string one = diag::renderJson(c->diagnostics, c->path);
      if (one.size() > 2) all += (all.size() > 1 ? "," : "") + one.substr(1, one.size() - 2);
    }
    std::fprintf(stderr, "%s]\n", all.c_str());
    return failed ? kExitError : kExitOk;
  }
  for (const std::string& file : files) failed |= frontend(file, options, Stage::Lower) == nullptr;
  return failed ? kExitError : kExitOk;
}

int dumpAstCommand(const std::string& file, const DiagnosticOptions& options) {
  std::unique_ptr<Compilation> c = frontend(file, options, Stage::Parse);
  if (!c) return kExitError;
  writeStdout(ast::dump(c->ast, *c->source));
  return kExitOk;
}

int dumpIrCommand(const std::string& file, const DiagnosticOptions& options) {
  std::unique_ptr<Compilation> c = frontend(file, options, Stage::Lower, /*keepProperties=*/true);
  if (!c) return kExitError;
  writeStdout(ir::dump(*c->program));
  return kExitOk;
}

}  // namespace pathway::driver
