// Missing-input sets: the union over unknown operands along the path that
// left a node undecided; nothing through a decided operand.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {

using ir::Op;

TEST(MissingTest, AndWithAFalseOperandMissesNothing) {
  TestProgram p;
  const ir::NodeId a = p.read(p.boolInput("a"));
  const ir::NodeId b = p.read(p.boolInput("b"));
  const ir::NodeId c = p.read(p.boolInput("c"));
  // (a and b) or c
  p.recommendation("r", p.op(Op::Or, {p.op(Op::And, {a, b}), c}));
  Library library(compileLibrary(p.program()));
  Input input(library);
  Result result(library);

  evaluate(library, input, result);  // all unknown
  EXPECT_EQ(missingNames(library, result, 0), (std::vector<std::string>{"a", "b", "c"}));

  input.setBool("a", false);  // a and b is false: only c can decide
  evaluate(library, input, result);
  EXPECT_EQ(result.status(0), PW_UNDETERMINED);
  EXPECT_EQ(missingNames(library, result, 0), std::vector<std::string>{"c"});

  input.setBool("a", true);  // now b matters again
  evaluate(library, input, result);
  EXPECT_EQ(missingNames(library, result, 0), (std::vector<std::string>{"b", "c"}));

  input.setBool("c", true);  // decided: fires, nothing missing
  evaluate(library, input, result);
  EXPECT_EQ(result.status(0), PW_FIRE);
  EXPECT_TRUE(result.missing(0).empty());
}

TEST(MissingTest, MasksSpanSeveralWords) {
  // 130 inputs need three mask words; the recommendation is the conjunction
  // of inputs 0, 64, 65 and 129.
  TestProgram p;
  std::vector<ir::NodeId> reads;
  for (int i = 0; i < 130; ++i) reads.push_back(p.read(p.boolInput("in" + std::to_string(i))));
  const ir::NodeId all = p.op(Op::And, {p.op(Op::And, {reads[0], reads[64]}),
                                        p.op(Op::And, {reads[65], reads[129]})});
  p.recommendation("r", all);
  Library library(compileLibrary(p.program()));
  EXPECT_EQ(library.info().mask_words, 3u);
  Input input(library);
  Result result(library);
  evaluate(library, input, result);
  EXPECT_EQ(result.missing(0), (std::vector<uint32_t>{0, 64, 65, 129}));
  input.setBool(64, true);
  input.setBool(129, true);
  evaluate(library, input, result);
  EXPECT_EQ(result.missing(0), (std::vector<uint32_t>{0, 65}));
  input.setBool(65, false);
  evaluate(library, input, result);
  EXPECT_EQ(result.status(0), PW_NO);
  EXPECT_TRUE(result.missing(0).empty());
}

TEST(MissingTest, ProgramWithoutInputs) {
  TestProgram p;
  p.recommendation("always", p.boolean(true));
  p.recommendation("never", p.boolean(false));
  p.recommendation("unsure", p.unknown(ir::Type::Bool));
  Library library(compileLibrary(p.program()));
  EXPECT_EQ(library.info().mask_words, 1u);
  Input input(library);
  Result result(library);
  evaluate(library, input, result);
  EXPECT_EQ(result.status(0), PW_FIRE);
  EXPECT_EQ(result.status(1), PW_NO);
  EXPECT_EQ(result.status(2), PW_UNDETERMINED);
  EXPECT_TRUE(result.missing(2).empty());
}

}  // namespace
}  // namespace pathway::test
