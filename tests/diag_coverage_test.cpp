// Every diagnostic kind in compiler/diag/Kinds.def is produced by at least
// one test: the file tests, plus the few conditions that need a file
// system or limits a file cannot express.
#include <gtest/gtest.h>

#include "FileTest.h"
#include "driver/Pipeline.h"

namespace pathway::testing {
namespace {

void add(std::set<diag::Kind>& kinds, const driver::Compilation& c) {
  for (const diag::Diagnostic& d : c.diagnostics) {
    kinds.insert(d.kind);
    for (const diag::Note& n : d.notes) kinds.insert(n.kind);
  }
}

TEST(DiagnosticCoverage, EveryKindIsProducedByATest) {
  std::set<diag::Kind> kinds;
  for (const std::string& file : fileTests()) {
    FileTestResult r = runFileTest(file);
    kinds.insert(r.kinds.begin(), r.kinds.end());
  }
  driver::FrontendOptions options;
  add(kinds, *driver::compileFile("/nonexistent/pathway.pw", options));

  driver::FrontendOptions small;
  small.limits.maxFileBytes = 16;
  add(kinds, *driver::compileText("big.pw", std::string(17, ' '), small));
  driver::FrontendOptions stream;  // not a regular file: the limit holds while reading
  stream.limits.maxFileBytes = 1 << 20;
  add(kinds, *driver::compileFile("/dev/zero", stream));

  driver::FrontendOptions fewDecls;
  fewDecls.limits.maxDeclarations = 2;
  add(kinds, *driver::compileText("decls.pw", "input a: bool; input b: bool; input c: bool;", fewDecls));

  std::vector<std::string> missing;
  for (size_t k = 0; k < diag::kKindCount; ++k) {
    auto kind = static_cast<diag::Kind>(k);
    if (!kinds.count(kind)) missing.emplace_back(diag::info(kind).id);
  }
  EXPECT_TRUE(missing.empty()) << "diagnostic kinds no test produces: " << ::testing::PrintToString(missing);
}

}  // namespace
}  // namespace pathway::testing
