// File tests: a .pw input with its expected output written into the file
// itself, as trailing comment lines:
//   // CHECK:STDERR: <a line of diagnostics>
//   // CHECK:STDOUT: <a line of dump-ast / dump-ir output>
// The directory decides what runs: check/ (diagnostics only), ast/
// (dump-ast), ir/ (dump-ir), fmt/ (pathwayc fmt: STDOUT is the formatted
// input), verify/ (pathwayc verify: STDOUT is the summary, STDERR the
// front end's and the verifier's diagnostics), graph/ (pathwayc graph
// --format dot: STDOUT is the chart). An input whose trailing comments would not
// survive (an unterminated block comment) keeps its expectations in
// <name>.pw.expected instead. PATHWAY_AUTOUPDATE=1 rewrites expectations
// from the actual output, for intended changes (review the diff).
#ifndef PATHWAY_TESTS_FILETEST_H
#define PATHWAY_TESTS_FILETEST_H

#include <filesystem>
#include <set>
#include <string>
#include <vector>

#include "diag/Diagnostic.h"

namespace pathway::testing {

struct FileTestResult {
  std::string stdoutText;
  std::string stderrText;
  std::set<diag::Kind> kinds;  // every diagnostic kind produced, notes included
};

// All .pw files under tests/files, relative to it, sorted.
std::vector<std::string> fileTests();
std::filesystem::path fileTestRoot();

// Runs one file test's command in-process.
FileTestResult runFileTest(const std::string& relative);

// The input without its CHECK lines, and the expected output.
struct FileTestExpectation {
  std::string input;
  std::string expectedStdout;
  std::string expectedStderr;
  bool sidecar = false;
};
FileTestExpectation readFileTest(const std::string& relative);
void writeExpectation(const std::string& relative, const FileTestResult& result);

}  // namespace pathway::testing

#endif  // PATHWAY_TESTS_FILETEST_H
