// The whole compiler pipeline, phase by phase. Read Pipeline.cpp first: it
// lists every phase in order, with the dump hook each one offers.
#ifndef PATHWAY_DRIVER_PIPELINE_H
#define PATHWAY_DRIVER_PIPELINE_H

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "ast/Decl.h"
#include "diag/Diagnostic.h"
#include "diag/SourceFile.h"
#include "ir/IR.h"
#include "sema/Analysis.h"
#include "syntax/Parser.h"

namespace pathway::driver {

enum class Stage { Parse, Check, Lower };

struct FrontendOptions {
  Stage stopAfter = Stage::Lower;
  bool warningsAsErrors = false;
  size_t errorLimit = 50;
  // Keep properties and allows in the IR (verify, dump-ir); otherwise they
  // are stripped before any back end sees the program.
  bool keepProperties = false;
  syntax::Limits limits;
};

// Everything the front end produced for one file. The source outlives the
// diagnostics that point into it.
struct Compilation {
  std::unique_ptr<diag::SourceFile> source;  // null when the file could not be read
  std::string path;
  ast::File ast;
  sema::Analysis analysis;
  std::optional<ir::Program> program;  // set when lowering ran
  std::vector<diag::Diagnostic> diagnostics;
  size_t errors = 0;
  size_t warnings = 0;
  bool checked = false;  // sema ran: the file had no syntax errors (ast and analysis are usable)

  bool ok() const { return errors == 0; }
};

// Reads and compiles `path` up to `options.stopAfter`. Never throws for bad
// input: every problem is a diagnostic.
std::unique_ptr<Compilation> compileFile(const std::string& path, const FrontendOptions& options);

// The same for text already in memory (tests, fuzzers, stdin).
std::unique_ptr<Compilation> compileText(const std::string& path, std::string text, const FrontendOptions& options);

}  // namespace pathway::driver

#endif  // PATHWAY_DRIVER_PIPELINE_H
