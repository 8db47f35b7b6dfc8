// Comparisons, arithmetic, membership and known() with unknown operands;
// division by zero and overflow are unknown, never a trap or infinity.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <functional>
#include <array>
#include <memory>
#include <optional>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {

using ir::Op;
using Number = std::optional<double>;

struct NumericOp {
  Op op;
  const char* name;
  std::function<double(double, double)> apply;
};

const NumericOp kArith[] = {
    {Op::Add, "add", [](double x, double y) { return x + y; }},
    {Op::Sub, "sub", [](double x, double y) { return x - y; }},
    {Op::Mul, "mul", [](double x, double y) { return x * y; }},
    {Op::Div, "div", [](double x, double y) { return x / y; }},
};

const NumericOp kCompare[] = {
    {Op::Lt, "lt", [](double x, double y) { return double(x < y); }},
    {Op::Le, "le", [](double x, double y) { return double(x <= y); }},
    {Op::Gt, "gt", [](double x, double y) { return double(x > y); }},
    {Op::Ge, "ge", [](double x, double y) { return double(x >= y); }},
    {Op::Eq, "eq", [](double x, double y) { return double(x == y); }},
    {Op::Ne, "ne", [](double x, double y) { return double(x != y); }},
};

class ArithmeticTest : public ::testing::TestWithParam<int> {
 protected:
  static void SetUpTestSuite() {
    for (int level : {0, 2}) {
      TestProgram p;
      const ir::NodeId x = p.read(p.numberInput("x"));
      const ir::NodeId y = p.read(p.numberInput("y"));
      const ir::NodeId color = p.read(p.enumInput("color", "Color", {"red", "green", "blue"}));
      // Definitions 0..3: arithmetic; 4: neg x; 5..10: comparisons;
      // 11: color in {red, blue}; 12: known(x); 13: known(color);
      // 14: x + unknown constant; 15: known(unknown constant).
      for (const NumericOp& op : kArith) p.definition(op.name, p.op(op.op, {x, y}));
      p.definition("neg", p.op(Op::Neg, {x}));
      for (const NumericOp& op : kCompare) p.definition(op.name, p.op(op.op, {x, y}));
      const ir::NodeId redOrBlue = p.inSet(color, {0, 2});
      p.definition("red_or_blue", redOrBlue);
      p.definition("known_x", p.op(Op::IsKnown, {x}));
      p.definition("known_color", p.op(Op::IsKnown, {color}));
      const ir::NodeId none = p.unknown(ir::Type::Number);
      p.definition("x_plus_unknown", p.op(Op::Add, {x, none}));
      p.definition("known_unknown", p.op(Op::IsKnown, {none}));
      // Recommendations: 0 when x < y; 1 when x / y > 1; 2 when the color is
      // red or blue; 3 when x + (unknown constant) > 0.
      p.recommendation("when_lt", p.op(Op::Lt, {x, y}));
      p.recommendation("when_ratio", p.op(Op::Gt, {p.op(Op::Div, {x, y}), p.number(1)}));
      p.recommendation("when_color", redOrBlue);
      p.recommendation("when_unknown_const",
                       p.op(Op::Gt, {p.op(Op::Add, {x, none}), p.number(0)}));
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

  void set(Input& input, uint32_t index, Number value) {
    if (value) {
      input.setNumber(index, *value);
    } else {
      input.setUnknown(index);
    }
  }
};

TEST_P(ArithmeticTest, ArithmeticAndComparisonsPropagateUnknown) {
  const std::pair<Number, Number> cases[] = {
      {3, 4}, {4, 3}, {3, 3}, {-2.5, 0.5}, {std::nullopt, 4}, {3, std::nullopt},
      {std::nullopt, std::nullopt}, {5, 0}, {0, 0}, {std::nullopt, 0},
      // Overflow: x * y, x + y, x / y beyond the largest double are unknown.
      {1e300, 1e300}, {1.7e308, 1.7e308}, {-1.7e308, 1.7e308}, {1e300, 1e-300}, {1e-300, 1e-300}};
  Input input(library());
  Result result(library());
  for (auto [x, y] : cases) {
    SCOPED_TRACE("x=" + (x ? std::to_string(*x) : "?") + " y=" + (y ? std::to_string(*y) : "?"));
    set(input, 0, x);
    set(input, 1, y);
    evaluate(library(), input, result);
    uint32_t def = 0;
    for (const NumericOp& op : kArith) {
      SCOPED_TRACE(op.name);
      const bool known = x && y && !(op.op == Op::Div && *y == 0) && std::isfinite(op.apply(*x, *y));
      auto [state, number] = result.definition(def++);
      EXPECT_EQ(state, known ? PW_TRUE : PW_UNKNOWN);
      EXPECT_EQ(number, known ? op.apply(*x, *y) : 0.0);  // canonical 0 when unknown
    }
    auto [negState, neg] = result.definition(def++);
    EXPECT_EQ(negState, x ? PW_TRUE : PW_UNKNOWN);
    EXPECT_EQ(neg, x ? -*x : 0.0);
    for (const NumericOp& op : kCompare) {
      SCOPED_TRACE(op.name);
      const pw_tri expected =
          !(x && y) ? PW_UNKNOWN : op.apply(*x, *y) != 0 ? PW_TRUE : PW_FALSE;
      EXPECT_EQ(result.definition(def++).first, expected);
    }
    EXPECT_EQ(result.definition(12).first, x ? PW_TRUE : PW_FALSE);  // known(x)
    // Missing inputs of `x < y` and of `x / y > 1`.
    std::vector<std::string> unknown;
    if (!x) unknown.push_back("x");
    if (!y) unknown.push_back("y");
    EXPECT_EQ(missingNames(library(), result, 0), unknown);
    if (x && y && (*y == 0 || !std::isfinite(*x / *y))) {
      // Division by zero or an overflow is unknown but no input is missing:
      // nothing to collect.
      EXPECT_EQ(result.status(1), PW_UNDETERMINED);
      EXPECT_TRUE(result.missing(1).empty());
    } else {
      EXPECT_EQ(missingNames(library(), result, 1), unknown);
    }
  }
}

TEST_P(ArithmeticTest, InSetAndKnown) {
  Input input(library());
  Result result(library());
  const std::pair<const char*, pw_tri> cases[] = {
      {"red", PW_TRUE}, {"green", PW_FALSE}, {"blue", PW_TRUE}, {nullptr, PW_UNKNOWN}};
  for (auto [label, expected] : cases) {
    SCOPED_TRACE(label ? label : "unknown");
    if (label) {
      input.setEnum(2, label);
    } else {
      input.setUnknown(2);
    }
    evaluate(library(), input, result);
    EXPECT_EQ(result.definition(11).first, expected);
    EXPECT_EQ(result.definition(13).first, label ? PW_TRUE : PW_FALSE);
    EXPECT_EQ(result.status(2), static_cast<pw_rec_status>(expected));
    EXPECT_EQ(missingNames(library(), result, 2),
              label ? std::vector<std::string>{} : std::vector<std::string>{"color"});
  }
}

TEST_P(ArithmeticTest, UnknownConstantHasNoMissingInputs) {
  Input input(library());
  Result result(library());
  input.setNumber(0, 1);
  evaluate(library(), input, result);
  EXPECT_EQ(result.definition(14).first, PW_UNKNOWN);
  EXPECT_EQ(result.definition(15).first, PW_FALSE);
  EXPECT_EQ(result.status(3), PW_UNDETERMINED);
  EXPECT_TRUE(result.missing(3).empty());
  input.setUnknown(0);
  evaluate(library(), input, result);
  EXPECT_EQ(missingNames(library(), result, 3), std::vector<std::string>{"x"});
}

INSTANTIATE_TEST_SUITE_P(OptLevels, ArithmeticTest, ::testing::Values(0, 2),
                         [](const auto& param) { return "O" + std::to_string(param.param); });

}  // namespace
}  // namespace pathway::test
