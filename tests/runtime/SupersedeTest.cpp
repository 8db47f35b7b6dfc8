// Supersedes: a firing recommendation turns off the ones it supersedes, and
// the result says by whom.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {

using ir::Op;

class SupersedeTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestProgram p;
    const ir::NodeId redFlag = p.read(p.boolInput("red_flag"));
    const ir::NodeId improving = p.read(p.boolInput("improving"));
    // 0 continue_pt when not improving; 1 urgent_eval when red flag,
    // superseding 0; 2 surgery_consult when red flag and not improving,
    // superseding 0 as well.
    p.recommendation("continue_pt", p.op(Op::Not, {improving}));
    p.recommendation("urgent_eval", redFlag, {0}, "immediate");
    p.recommendation("surgery_consult",
                     p.op(Op::And, {redFlag, p.op(Op::Not, {improving})}), {0}, "soon");
    library_ = new Library(compileLibrary(p.program()));
  }
  static void TearDownTestSuite() {
    delete library_;
    library_ = nullptr;
  }
  static Library* library_;
};

Library* SupersedeTest::library_ = nullptr;

TEST_F(SupersedeTest, SupersederFiresTurnsOthersOff) {
  Input input(*library_);
  Result result(*library_);
  input.setBool("red_flag", true).setBool("improving", false);
  evaluate(*library_, input, result);
  EXPECT_EQ(result.condition(0), PW_TRUE);
  EXPECT_EQ(result.status(0), PW_NO);
  EXPECT_EQ(result.supersededBy(0), (std::vector<uint32_t>{1, 2}));
  EXPECT_EQ(result.status(1), PW_FIRE);
  EXPECT_EQ(result.status(2), PW_FIRE);
  EXPECT_TRUE(result.supersededBy(1).empty());
}

TEST_F(SupersedeTest, NoRedFlagLeavesContinuePt) {
  Input input(*library_);
  Result result(*library_);
  input.setBool("red_flag", false).setBool("improving", false);
  evaluate(*library_, input, result);
  EXPECT_EQ(result.status(0), PW_FIRE);
  EXPECT_TRUE(result.supersededBy(0).empty());
  EXPECT_EQ(result.status(1), PW_NO);
}

TEST_F(SupersedeTest, UnknownSuperseder) {
  Input input(*library_);
  Result result(*library_);
  input.setBool("improving", false);  // red flag unknown
  evaluate(*library_, input, result);
  EXPECT_EQ(result.condition(0), PW_TRUE);
  EXPECT_EQ(result.status(0), PW_UNDETERMINED);
  EXPECT_TRUE(result.supersededBy(0).empty());
  EXPECT_EQ(missingNames(*library_, result, 0), std::vector<std::string>{"red_flag"});
}

TEST_F(SupersedeTest, UnknownConditionSupersededByAFiringOne) {
  Input input(*library_);
  Result result(*library_);
  input.setBool("red_flag", true);  // improving unknown
  evaluate(*library_, input, result);
  EXPECT_EQ(result.condition(0), PW_UNKNOWN);
  EXPECT_EQ(result.status(0), PW_NO);
  EXPECT_EQ(result.supersededBy(0), std::vector<uint32_t>{1});
  EXPECT_TRUE(result.missing(0).empty());
}

TEST_F(SupersedeTest, FalseConditionIsNotSuperseded) {
  Input input(*library_);
  Result result(*library_);
  input.setBool("red_flag", true).setBool("improving", true);
  evaluate(*library_, input, result);
  EXPECT_EQ(result.condition(0), PW_FALSE);
  EXPECT_TRUE(result.supersededBy(0).empty());
  EXPECT_EQ(library_->recommendation(1).n_supersedes, 1u);
  EXPECT_EQ(library_->recommendation(1).supersedes[0], 0u);
}

}  // namespace
}  // namespace pathway::test
