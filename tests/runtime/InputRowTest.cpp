// pw_input_set_row: a row of values (with known flags, or NaN for unknown)
// sets exactly what the setters set, refuses what they refuse, naming the
// value and its input, and changes nothing on an error.
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// flag: bool, count: int 0..10, score: number 0..100, level: enum low/mid/high,
// weeks: quantity in days, at least 0.
struct RowFixture {
  RowFixture() : library(compileLibrary(program())) {}
  static ir::Program program() {
    TestProgram p("rows");
    const ir::NodeId flag = p.read(p.boolInput("flag"));
    const ir::NodeId count = p.read(p.intInput("count", 0, 10));
    const ir::NodeId score = p.read(p.numberInput("score", 0, 100));
    const ir::NodeId level = p.read(p.enumInput("level", "Level", {"low", "mid", "high"}));
    const ir::NodeId weeks = p.read(p.quantityInput("weeks", "days", "time", 0));
    const ir::NodeId left = p.op(ir::Op::And, {flag, p.op(ir::Op::Gt, {count, score})});
    const ir::NodeId right =
        p.op(ir::Op::And, {p.inSet(level, {1}), p.op(ir::Op::Gt, {weeks, p.number(3)})});
    p.recommendation("r", p.op(ir::Op::And, {left, right}));
    return p.program();
  }
  Library library;
};

std::vector<std::pair<bool, double>> contents(const Input& input, uint32_t inputs) {
  std::vector<std::pair<bool, double>> out;
  for (uint32_t i = 0; i < inputs; ++i) {
    const auto [known, value] = input.get(i);
    out.emplace_back(known, value);
  }
  return out;
}

TEST(InputRow, SetsWhatTheSettersSet) {
  RowFixture f;
  Input bySetters(f.library);
  bySetters.setBool(0, true).setInt(1, 7).setNumber(2, 42.5).setEnumIndex(3, 2);
  Input byRow(f.library);
  const double values[] = {1, 7, 42.5, 2, 99};
  const uint8_t known[] = {1, 1, 1, 1, 0};
  byRow.setRow(values, known);
  EXPECT_EQ(contents(byRow, 5), contents(bySetters, 5));
  // NaN is unknown without flags.
  const double nanRow[] = {1, 7, 42.5, 2, kNaN};
  Input byNan(f.library);
  byNan.setRow(nanRow);
  EXPECT_EQ(contents(byNan, 5), contents(bySetters, 5));
  // A row replaces everything: all unknown.
  const double none[] = {kNaN, kNaN, kNaN, kNaN, kNaN};
  byNan.setRow(none);
  Input empty(f.library);
  EXPECT_EQ(contents(byNan, 5), contents(empty, 5));
}

struct BadRow {
  double values[5];
  const char* message;
};

TEST(InputRow, RefusesWhatTheSettersRefuseAndChangesNothing) {
  RowFixture f;
  const BadRow cases[] = {
      {{0.5, 1, 1, 0, 1}, "values[0] (input 'flag', a bool) is 0.5; a bool is 0 or 1"},
      {{1, 2.5, 1, 0, 1}, "values[1] (input 'count', an int) is 2.5; not an integer"},
      {{1, 11, 1, 0, 1}, "values[1] (input 'count', an int) is 11; it must be in 0..10"},
      {{1, 1, -1, 0, 1}, "values[2] (input 'score', a number) is -1; it must be in 0..100"},
      {{1, 1, 1, 3, 1},
       "values[3] (input 'level', an enum) is 3; an enum value is a label index, 0 to 2 (Level)"},
      {{1, 1, 1, 0.5, 1},
       "values[3] (input 'level', an enum) is 0.5; an enum value is a label index, 0 to 2 (Level)"},
      {{1, 1, 1, 0, -2}, "values[4] (input 'weeks', a quantity) is -2; it must be in 0.. days"},
      {{1, 1, 1, 0, std::numeric_limits<double>::infinity()},
       "values[4] (input 'weeks', a quantity) is inf; a known value must be finite"},
  };
  Input input(f.library);
  input.setBool(0, false).setInt(1, 3);
  const auto before = contents(input, 5);
  for (const BadRow& bad : cases) {
    const Failure failure = lastFailure(pw_input_set_row(input.get(), bad.values, nullptr));
    EXPECT_EQ(failure.status, PW_ERR_RANGE) << bad.message;
    EXPECT_EQ(failure.message, bad.message);
    EXPECT_EQ(contents(input, 5), before) << bad.message;
  }
  // With flags, a NaN marked known is refused; an unknown value is not checked.
  const double values[] = {kNaN, 1, 1, 0, 1};
  const uint8_t known[] = {1, 1, 1, 1, 1};
  EXPECT_EQ(lastFailure(pw_input_set_row(input.get(), values, known)).message,
            "values[0] (input 'flag', a bool) is nan; a known value must be finite");
  const uint8_t flagUnknown[] = {0, 1, 1, 1, 1};
  EXPECT_EQ(pw_input_set_row(input.get(), values, flagUnknown), PW_OK);
  EXPECT_EQ(input.get(0), std::make_pair(false, 0.0));
  EXPECT_EQ(pw_input_set_row(nullptr, values, known), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "input is NULL");
  EXPECT_EQ(pw_input_set_row(input.get(), nullptr, known), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "values is NULL");
}

}  // namespace
}  // namespace pathway::test
