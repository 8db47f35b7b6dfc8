#include "driver/Pipeline.h"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <sys/stat.h>

#include "diag/DiagnosticEngine.h"
#include "driver/Files.h"
#include "ir/Prune.h"
#include "lower/Lower.h"
#include "sema/Sema.h"

namespace pathway::driver {
namespace {

void finish(Compilation& c, const diag::DiagnosticEngine& diags) {
  c.diagnostics = diags.finish();
  c.errors = diags.errorCount();
  c.warnings = diags.warningCount();
}

}  // namespace

std::unique_ptr<Compilation> compileText(const std::string& path, std::string text, const FrontendOptions& options) {
  auto c = std::make_unique<Compilation>();
  c->path = path;
  c->source = std::make_unique<diag::SourceFile>(path, std::move(text));
  diag::DiagnosticEngine diags(c->source.get(), options.errorLimit);
  diags.setWarningsAsErrors(options.warningsAsErrors);

  // 1. Syntax: text -> tokens -> parse tree -> AST.       (dump-ast)
  //    The AST keeps the comments; compiler/format prints it back as
  //    canonical source (fmt).
  c->ast = syntax::parse(*c->source, diags, options.limits);
  if (diags.hasErrors() || options.stopAfter == Stage::Parse) return finish(*c, diags), std::move(c);

  // 2. Semantic analysis: names, types, units, ranges, cycles, citations.
  sema::check(c->ast, diags, c->analysis);
  c->checked = true;
  if (diags.hasErrors() || options.stopAfter == Stage::Check) return finish(*c, diags), std::move(c);

  // 3. Lowering: checked AST -> Pathway IR, folded and shared.  (dump-ir)
  c->program = lower::lower(c->ast, c->analysis);

  // 3b. Properties and allows (verify, dump-ir) live in the IR until here;
  //     every other back end gets the program without them, so they never
  //     change a library or its content hash.            (verify: compiler/verify)
  if (!options.keepProperties) ir::stripProperties(*c->program);

  // 4. Back ends read only the IR: codegen + link (build), the
  //    interpreter (run --interpret), metadata (describe).
  finish(*c, diags);
  return c;
}

std::unique_ptr<Compilation> compileFile(const std::string& path, const FrontendOptions& options) {
  auto fail = [&](diag::Kind kind, auto... args) {
    auto c = std::make_unique<Compilation>();
    c->path = path;
    diag::DiagnosticEngine diags(nullptr, options.errorLimit);
    diags.reportFile(kind, args...);
    finish(*c, diags);
    return c;
  };
  struct stat st {};
  if (::stat(path.c_str(), &st) != 0) return fail(diag::Kind::CannotOpenFile, path, std::strerror(errno));
  if (S_ISDIR(st.st_mode)) return fail(diag::Kind::CannotOpenFile, path, "is a directory");
  if (static_cast<size_t>(st.st_size) > options.limits.maxFileBytes) {
    return fail(diag::Kind::FileTooLarge, static_cast<size_t>(st.st_size), options.limits.maxFileBytes);
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return fail(diag::Kind::CannotOpenFile, path, std::strerror(errno));
  // The size checked above is that of a regular file; a pipe or a device
  // (/dev/zero) is held to the same limit while it is read.
  std::string text;
  switch (readBounded(in, options.limits.maxFileBytes, text)) {
    case ReadStatus::Ok: break;
    case ReadStatus::TooLarge:
      return fail(diag::Kind::StreamTooLarge, path, options.limits.maxFileBytes, options.limits.maxFileBytes);
    case ReadStatus::Error: return fail(diag::Kind::CannotOpenFile, path, "read error");
  }
  return compileText(path, std::move(text), options);
}

}  // namespace pathway::driver
