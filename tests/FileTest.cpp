#include "FileTest.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "ast/Dump.h"
#include "diag/Render.h"
#include "driver/Chart.h"
#include "driver/Pipeline.h"
#include "driver/VerifyReport.h"
#include "format/Format.h"
#include "graph/Graph.h"
#include "ir/Dump.h"

namespace pathway::testing {
namespace {

const char* kStdout = "// CHECK:STDOUT:";
const char* kStderr = "// CHECK:STDERR:";

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void collect(const std::string& text, std::string& input, std::string& out, std::string& err) {
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.rfind(kStdout, 0) == 0) {
      out += line.substr(std::min(line.size(), std::strlen(kStdout) + 1)) + "\n";
    } else if (line.rfind(kStderr, 0) == 0) {
      err += line.substr(std::min(line.size(), std::strlen(kStderr) + 1)) + "\n";
    } else {
      input += line + "\n";
    }
  }
}

std::string prefixed(const char* prefix, const std::string& text) {
  std::string out;
  std::istringstream lines(text);
  std::string line;
  while (std::getline(lines, line)) out += std::string(prefix) + (line.empty() ? "" : " " + line) + "\n";
  return out;
}

}  // namespace

std::filesystem::path fileTestRoot() { return PATHWAY_TEST_FILES_DIR; }

std::vector<std::string> fileTests() {
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(fileTestRoot())) {
    if (entry.is_regular_file() && entry.path().extension() == ".pw") {
      out.push_back(std::filesystem::relative(entry.path(), fileTestRoot()).string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

FileTestExpectation readFileTest(const std::string& relative) {
  FileTestExpectation e;
  std::filesystem::path path = fileTestRoot() / relative;
  std::filesystem::path sidecar = path;
  sidecar += ".expected";
  if (std::filesystem::exists(sidecar)) {
    e.sidecar = true;
    e.input = readText(path);
    std::string ignored;
    collect(readText(sidecar), ignored, e.expectedStdout, e.expectedStderr);
    return e;
  }
  collect(readText(path), e.input, e.expectedStdout, e.expectedStderr);
  return e;
}

FileTestResult runFileTest(const std::string& relative) {
  FileTestExpectation e = readFileTest(relative);
  std::string mode = relative.substr(0, relative.find('/'));
  driver::FrontendOptions options;
  options.stopAfter = mode == "ast" || mode == "fmt" ? driver::Stage::Parse : driver::Stage::Lower;
  options.keepProperties = mode == "ir" || mode == "verify";
  // Inputs are compiled without their CHECK lines, so that the positions
  // in the expectations do not depend on them.
  std::string input = e.input;
  if (!e.sidecar) {
    // Drop the blank line the expectations are separated by.
    while (input.size() >= 2 && input[input.size() - 1] == '\n' && input[input.size() - 2] == '\n') input.pop_back();
  }
  std::string name = std::filesystem::path(relative).filename().string();
  std::unique_ptr<driver::Compilation> c = driver::compileText(name, input, options);
  FileTestResult result;
  result.stderrText = diag::renderText(c->diagnostics, name);
  for (const diag::Diagnostic& d : c->diagnostics) {
    result.kinds.insert(d.kind);
    for (const diag::Note& n : d.notes) result.kinds.insert(n.kind);
  }
  if (c->ok() && mode == "ast") result.stdoutText = ast::dump(c->ast, *c->source);
  if (c->ok() && mode == "ir") result.stdoutText = ir::dump(*c->program);
  if (c->ok() && mode == "graph") {
    graph::Stages stages = driver::stagesOf(*c);
    graph::ChartOptions chart;
    chart.stages = &stages;
    result.stdoutText = graph::dotChart(*c->program, chart);
  }
  if (c->ok() && mode == "fmt") result.stdoutText = format::formatFile(c->ast, *c->source);
  if (c->ok() && mode == "verify") {
    driver::VerifyOutcome v = driver::verifyCompilation(*c, /*warningsAsErrors=*/false);
    result.stdoutText = v.summary;
    result.stderrText += diag::renderText(v.diagnostics, name);
    for (const diag::Diagnostic& d : v.diagnostics) {
      result.kinds.insert(d.kind);
      for (const diag::Note& n : d.notes) result.kinds.insert(n.kind);
    }
  }
  return result;
}

void writeExpectation(const std::string& relative, const FileTestResult& result) {
  FileTestExpectation e = readFileTest(relative);
  std::filesystem::path path = fileTestRoot() / relative;
  std::string expectations = prefixed(kStdout, result.stdoutText) + prefixed(kStderr, result.stderrText);
  if (e.sidecar) {
    std::filesystem::path sidecar = path;
    sidecar += ".expected";
    std::ofstream(sidecar, std::ios::binary) << expectations;
    return;
  }
  std::string input = e.input;
  while (!input.empty() && input.back() == '\n') input.pop_back();
  std::ofstream(path, std::ios::binary) << input << "\n\n" << expectations;
}

}  // namespace pathway::testing
