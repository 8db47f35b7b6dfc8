// fmt: rewrite pathway files in the canonical layout (compiler/format).
#include <sys/stat.h>

#include <cstdio>
#include <filesystem>

#include "ast/Dump.h"
#include "driver/Commands.h"
#include "driver/Files.h"
#include "driver/Report.h"
#include "format/Format.h"

namespace pathway::driver {
namespace {

// Parses `path` (or standard input for "-"), printing its diagnostics.
// Null on syntax errors: such a file is never formatted.
std::unique_ptr<Compilation> parse(const std::string& path, const DiagnosticOptions& diag) {
  if (path != "-") return frontend(path, diag, Stage::Parse);
  std::string error;
  std::optional<std::string> text = readWholeFile(path, error);
  if (!text) {
    std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
    return nullptr;
  }
  FrontendOptions fo;
  fo.stopAfter = Stage::Parse;
  fo.warningsAsErrors = diag.warningsAsErrors;
  std::unique_ptr<Compilation> c = compileText("<stdin>", std::move(*text), fo);
  printDiagnostics(*c, diag);
  return c->ok() ? std::move(c) : nullptr;
}

// The formatter's promise, checked before anything is written: the output
// parses to the same tree and keeps every comment.
bool preservesMeaning(const Compilation& original, const std::string& formatted) {
  FrontendOptions fo;
  fo.stopAfter = Stage::Parse;
  std::unique_ptr<Compilation> again = compileText(original.path, formatted, fo);
  return again->ok() && again->ast.comments.size() == original.ast.comments.size() &&
         ast::dumpShape(again->ast) == ast::dumpShape(original.ast);
}

}  // namespace

int fmtCommand(const FmtOptions& options, const DiagnosticOptions& diag) {
  if (options.check && options.inPlace) {
    std::fprintf(stderr, "pathwayc: error: --check and -i cannot be combined\n");
    return kExitUsage;
  }
  bool failed = false;
  for (const std::string& file : options.files) {
    if (file == "-" && options.inPlace) {
      std::fprintf(stderr, "pathwayc: error: -i needs a file, not standard input\n");
      return kExitUsage;
    }
    std::unique_ptr<Compilation> c = parse(file, diag);
    if (!c) {
      failed = true;
      continue;
    }
    std::string formatted = format::formatFile(c->ast, *c->source);
    if (!preservesMeaning(*c, formatted)) {
      std::fprintf(stderr, "pathwayc: internal error: formatting %s would change its meaning; left as is\n",
                   file.c_str());
      failed = true;
      continue;
    }
    // The canonical layout has no byte order mark: a file with one counts
    // as changed, and -i writes it without.
    bool changed = c->source->hadByteOrderMark() || formatted != c->source->text();
    if (options.check) {
      if (changed) std::printf("%s\n", file.c_str());
      failed |= changed;
    } else if (options.inPlace) {
      if (!changed) continue;
      // Through a symlink, rewrite its target; keep the file's permissions.
      std::error_code ec;
      std::filesystem::path target = std::filesystem::canonical(file, ec);
      std::string path = ec ? file : target.string();
      struct stat st {};
      bool hadMode = ::stat(path.c_str(), &st) == 0;
      std::string error;
      if (!writeFileAtomically(path, formatted, error)) {
        std::fprintf(stderr, "pathwayc: error: %s\n", error.c_str());
        failed = true;
        continue;
      }
      if (hadMode) ::chmod(path.c_str(), st.st_mode & 07777);
    } else {
      writeStdout(formatted);
    }
  }
  return failed ? kExitError : kExitOk;
}

}  // namespace pathway::driver
