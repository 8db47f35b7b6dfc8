#include "driver/Report.h"

#include <unistd.h>

#include <cstdio>

#include "diag/Render.h"

namespace pathway::driver {

void printDiagnostics(const Compilation& c, const DiagnosticOptions& options) {
  if (options.json) {
    std::string out = diag::renderJson(c.diagnostics, c.path);
    std::fprintf(stderr, "%s\n", out.c_str());
    return;
  }
  bool color = options.color == "always" || (options.color == "auto" && ::isatty(STDERR_FILENO));
  std::string out = diag::renderText(c.diagnostics, c.path, diag::TextStyle{color});
  // With its length: a quoted source line may hold a NUL byte, and fputs
  // would drop every diagnostic after it.
  std::fwrite(out.data(), 1, out.size(), stderr);
}

std::unique_ptr<Compilation> frontend(const std::string& path, const DiagnosticOptions& options, Stage stopAfter,
                                      bool keepProperties) {
  FrontendOptions fo;
  fo.keepProperties = keepProperties;
  fo.stopAfter = stopAfter;
  fo.warningsAsErrors = options.warningsAsErrors;
  std::unique_ptr<Compilation> c = compileFile(path, fo);
  printDiagnostics(*c, options);
  if (!c->ok()) return nullptr;
  return c;
}

}  // namespace pathway::driver
