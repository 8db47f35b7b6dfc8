// Every cell of the Kleene tables for and, or and not, at -O0 and -O2, with
// the missing inputs of each undetermined cell.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <array>
#include <memory>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {

constexpr pw_tri F = PW_FALSE, T = PW_TRUE, U = PW_UNKNOWN;

struct Cell {
  pw_tri a, b, andValue, orValue;
};

// Rows of the Kleene truth tables.
constexpr Cell kCells[] = {
    {F, F, F, F}, {F, T, F, T}, {F, U, F, U},  //
    {T, F, F, T}, {T, T, T, T}, {T, U, U, T},  //
    {U, F, F, U}, {U, T, U, T}, {U, U, U, U},
};

class LogicTest : public ::testing::TestWithParam<int> {
 protected:
  static void SetUpTestSuite() {
    for (int level : {0, 2}) {
      TestProgram p;
      const uint32_t a = p.boolInput("a");
      const uint32_t b = p.boolInput("b");
      const ir::NodeId na = p.read(a);
      const ir::NodeId nb = p.read(b);
      const ir::NodeId both = p.op(ir::Op::And, {na, nb});
      const ir::NodeId either = p.op(ir::Op::Or, {na, nb});
      const ir::NodeId notA = p.op(ir::Op::Not, {na});
      p.definition("a_and_b", both);
      p.definition("a_or_b", either);
      p.definition("not_a", notA);
      p.recommendation("when_and", both);
      p.recommendation("when_or", either);
      p.recommendation("when_not", notA);
      libraries()[level] = std::make_unique<Library>(compileLibrary(p.program(), level));
    }
  }
  static void TearDownTestSuite() {
    for (auto& library : libraries()) library.reset();
  }
  static std::array<std::unique_ptr<Library>, 3>& libraries() {
    static std::array<std::unique_ptr<Library>, 3> all;
    return all;
  }
  const Library& library() const { return *libraries()[GetParam()]; }
};

std::vector<std::string> unknownNames(pw_tri a, pw_tri b) {
  std::vector<std::string> names;
  if (a == U) names.push_back("a");
  if (b == U) names.push_back("b");
  return names;
}

TEST_P(LogicTest, AndOrTables) {
  Input input(library());
  Result result(library());
  for (const Cell& cell : kCells) {
    SCOPED_TRACE(std::string("a=") + triName(cell.a) + " b=" + triName(cell.b));
    setTri(input, 0, cell.a);
    setTri(input, 1, cell.b);
    evaluate(library(), input, result);
    EXPECT_EQ(result.definition(0).first, cell.andValue);
    EXPECT_EQ(result.definition(1).first, cell.orValue);
    EXPECT_EQ(result.status(0), static_cast<pw_rec_status>(cell.andValue));
    EXPECT_EQ(result.status(1), static_cast<pw_rec_status>(cell.orValue));
    // An undetermined cell misses exactly its unknown operands; a decided
    // one (e.g. `false and unknown`) misses nothing.
    const std::vector<std::string> none;
    EXPECT_EQ(missingNames(library(), result, 0),
              cell.andValue == U ? unknownNames(cell.a, cell.b) : none);
    EXPECT_EQ(missingNames(library(), result, 1),
              cell.orValue == U ? unknownNames(cell.a, cell.b) : none);
  }
}

TEST_P(LogicTest, NotTable) {
  Input input(library());
  Result result(library());
  const std::pair<pw_tri, pw_tri> rows[] = {{F, T}, {T, F}, {U, U}};
  for (auto [a, expected] : rows) {
    SCOPED_TRACE(std::string("a=") + triName(a));
    setTri(input, 0, a);
    input.setBool(1, true);
    evaluate(library(), input, result);
    EXPECT_EQ(result.definition(2).first, expected);
    EXPECT_EQ(missingNames(library(), result, 2),
              expected == U ? std::vector<std::string>{"a"} : std::vector<std::string>{});
  }
}

INSTANTIATE_TEST_SUITE_P(OptLevels, LogicTest, ::testing::Values(0, 2),
                         [](const auto& param) { return "O" + std::to_string(param.param); });

}  // namespace
}  // namespace pathway::test
