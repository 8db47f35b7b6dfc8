// The embedding examples (C and C++) on a compiled library: same output,
// errors reported with the runtime's message and a nonzero exit.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <sys/wait.h>

#include <array>
#include <cstdio>
#include <fstream>

#include "Compile.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {

using ::testing::HasSubstr;
using ir::Op;

struct Process {
  int exitCode;
  std::string output;  // stdout and stderr
};

Process run(const std::string& command) {
  Process result{-1, {}};
  FILE* pipe = ::popen((command + " 2>&1").c_str(), "r");
  if (pipe == nullptr) return result;
  std::array<char, 4096> buffer;
  size_t n = 0;
  while ((n = std::fread(buffer.data(), 1, buffer.size(), pipe)) > 0) {
    result.output.append(buffer.data(), n);
  }
  const int status = ::pclose(pipe);
  result.exitCode = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return result;
}

std::string writePatient(const std::string& name, const std::string& json) {
  const std::string path = tempDirectory() + "/" + name;
  std::ofstream(path) << json;
  return path;
}

class ExamplesTest : public ::testing::TestWithParam<const char*> {
 protected:
  static void SetUpTestSuite() {
    TestProgram p("example", "1.0.0");
    const ir::NodeId redFlag = p.read(p.boolInput("red_flag"));
    const ir::NodeId weeks = p.read(p.quantityInput("pt_weeks", "weeks", "time", 0, 520));
    p.recommendation("continue_pt", p.op(Op::Lt, {weeks, p.number(6)}));
    p.recommendation("urgent_eval", redFlag, {0}, "immediate");
    p.recommendation("never", p.boolean(false));
    library_ = new std::string(compileLibrary(p.program()));
  }
  static void TearDownTestSuite() {
    delete library_;
    library_ = nullptr;
  }
  static std::string* library_;
};

std::string* ExamplesTest::library_ = nullptr;

TEST_P(ExamplesTest, PrintsFiringAndUndeterminedRecommendations) {
  const std::string first = writePatient("first.json", R"({"pt_weeks": "3 weeks"})");
  const std::string second = writePatient("second.json", R"({"red_flag": true})");
  const Process result = run(std::string(GetParam()) + " " + *library_ + " " + first + " " + second);
  EXPECT_EQ(result.exitCode, 0) << result.output;
  EXPECT_EQ(result.output, "example 1.0.0: A test pathway\n"
                           "\n" + first + "\n"
                           // continue_pt holds, but the unknown red flag
                           // could still supersede it.
                           "  UNDETERMINED continue_pt [routine] Do continue_pt\n"
                           "      citations: S1.P1, S1.P2\n"
                           "      missing: red_flag\n"
                           "  UNDETERMINED urgent_eval [immediate] Do urgent_eval\n"
                           "      citations: S1.P1, S1.P2\n"
                           "      missing: red_flag\n"
                           "  1 recommendation(s) do not fire\n"
                           "\n" + second + "\n"
                           "  FIRE         urgent_eval [immediate] Do urgent_eval\n"
                           "      citations: S1.P1, S1.P2\n"
                           "  2 recommendation(s) do not fire\n");
}

TEST_P(ExamplesTest, ReportsErrors) {
  const Process missing = run(std::string(GetParam()) + " " + tempDirectory() + "/none.so x.json");
  EXPECT_EQ(missing.exitCode, 1);
  EXPECT_THAT(missing.output, HasSubstr("error: cannot load '" + tempDirectory() +
                                        "/none.so': No such file or directory"));
  const std::string bad = writePatient("bad.json", R"({"red_flga": true})");
  const Process badPatient = run(std::string(GetParam()) + " " + *library_ + " " + bad);
  EXPECT_EQ(badPatient.exitCode, 1);
  EXPECT_THAT(badPatient.output, HasSubstr("error: " + bad +
                                           ": no input named 'red_flga' (did you mean "
                                           "'red_flag'?)"));
  const Process usage = run(GetParam());
  EXPECT_EQ(usage.exitCode, 2);
  EXPECT_THAT(usage.output, HasSubstr("usage: "));
}

TEST(ExamplesExplain, CppExampleExplainsARecommendation) {
  TestProgram p("example", "1.0.0");
  const ir::NodeId redFlag = p.read(p.boolInput("red_flag"));
  p.recommendation("urgent_eval", p.op(Op::Not, {redFlag}));
  const std::string library = compileLibrary(p.program());
  const std::string patient = writePatient("explained.json", R"({"red_flag": false})");
  const Process result = run(std::string(PATHWAY_EXAMPLE_CPP) + " " + library + " --explain urgent_eval " + patient);
  EXPECT_EQ(result.exitCode, 0) << result.output;
  EXPECT_THAT(result.output, HasSubstr("  why:\n"
                                       "    urgent_eval [fire] execution: Do urgent_eval (routine, guide:S1.P1, guide:S1.P2)\n"
                                       "      condition:\n"
                                       "        not = true\n"
                                       "          red_flag = false   [red_flag = false]\n"));
  const Process unknown = run(std::string(PATHWAY_EXAMPLE_CPP) + " " + library + " --explain urgent_evl " + patient);
  EXPECT_EQ(unknown.exitCode, 1);
  EXPECT_THAT(unknown.output, HasSubstr("no recommendation named 'urgent_evl' (did you mean 'urgent_eval'?)"));
}

INSTANTIATE_TEST_SUITE_P(Languages, ExamplesTest,
                         ::testing::Values(PATHWAY_EXAMPLE_C, PATHWAY_EXAMPLE_CPP),
                         [](const auto& param) {
                           return std::string(param.index == 0 ? "C" : "Cpp");
                         });

}  // namespace
}  // namespace pathway::test
