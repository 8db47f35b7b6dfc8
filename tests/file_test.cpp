// Runs every file test under tests/files (see FileTest.h).
#include <gtest/gtest.h>

#include <cstdlib>

#include "FileTest.h"

namespace pathway::testing {
namespace {

class FileTest : public ::testing::TestWithParam<std::string> {};

TEST_P(FileTest, MatchesExpectations) {
  const std::string& relative = GetParam();
  FileTestResult actual = runFileTest(relative);
  const char* update = std::getenv("PATHWAY_AUTOUPDATE");
  if (update && *update && std::string(update) != "0") {
    writeExpectation(relative, actual);
    return;
  }
  FileTestExpectation expected = readFileTest(relative);
  EXPECT_EQ(expected.expectedStderr, actual.stderrText) << "diagnostics of " << relative;
  EXPECT_EQ(expected.expectedStdout, actual.stdoutText) << "output of " << relative;
  // A negative test is named for what it rejects and must reject it.
  bool negative = relative.find("/fail_") != std::string::npos;
  bool hasError = actual.stderrText.find(": error: ") != std::string::npos;
  EXPECT_EQ(negative, hasError) << relative << (negative ? " is named fail_ but compiles" : " reports an error");
}

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Files, FileTest, ::testing::ValuesIn(fileTests()), testName);

}  // namespace
}  // namespace pathway::testing
