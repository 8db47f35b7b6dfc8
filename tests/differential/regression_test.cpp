// Reproducers the differential campaign and the fuzzers found, replayed:
// each regressions/*.pw must compile, and the interpreter and the libraries
// at -O0 and -O2 must agree on generated patients.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "Runner.h"
#include "driver/Pipeline.h"

namespace pathway::differential {
namespace {

std::vector<std::filesystem::path> regressionFiles() {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(PATHWAY_REGRESSIONS_DIR)) {
    if (entry.path().extension() == ".pw") out.push_back(entry.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

TEST(DifferentialRegressions, EveryReproducerAgrees) {
  const auto files = regressionFiles();
  ASSERT_FALSE(files.empty());
  for (const auto& path : files) {
    SCOPED_TRACE(path.string());
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    std::vector<Patient> patients;
    const Outcome outcome = runSource(path.filename().string(), text.str(), 300, 1, patients);
    EXPECT_TRUE(outcome.ok()) << outcome.failure << "\n" << outcome.detail;
  }
}

}  // namespace
}  // namespace pathway::differential
