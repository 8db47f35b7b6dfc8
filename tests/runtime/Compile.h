// Compiles a program to a shared library under a per-process temporary
// directory, through the real code generator and in-process linker.
#ifndef PATHWAY_TESTS_RUNTIME_COMPILE_H
#define PATHWAY_TESTS_RUNTIME_COMPILE_H

#include <string>

#include "ir/IR.h"

namespace pathway::test {

// The directory (created on first use, removed at exit).
const std::string& tempDirectory();

// The path of the new library; throws std::runtime_error on failure.
// `columns`: also emit the column entry point (pw_evaluate_columns).
std::string compileLibrary(const ir::Program& program, int optLevel = 2, bool columns = false);

}  // namespace pathway::test

#endif  // PATHWAY_TESTS_RUNTIME_COMPILE_H
