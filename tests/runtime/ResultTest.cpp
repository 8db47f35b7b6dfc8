// Result accessors and the result JSON, and their error paths.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {

using ::testing::HasSubstr;
using ir::Op;

class ResultTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestProgram p("back_pain", "2.0.1");
    const ir::NodeId redFlag = p.read(p.boolInput("red_flag"));
    const ir::NodeId weeks = p.read(p.quantityInput("pt_weeks", "weeks", "time", 0, 520));
    const ir::NodeId shortPt = p.op(Op::Lt, {weeks, p.number(6)});
    p.definition("short_pt", shortPt);
    p.definition("pt_days", p.op(Op::Mul, {weeks, p.number(7)}));
    p.finding("too_short", shortPt);
    p.recommendation("continue_pt", shortPt);
    p.recommendation("urgent_eval", redFlag, {0}, "immediate");
    library_ = new Library(compileLibrary(p.program()));
  }
  static void TearDownTestSuite() {
    delete library_;
    library_ = nullptr;
  }
  static Library* library_;
};

Library* ResultTest::library_ = nullptr;

TEST_F(ResultTest, JsonOfAnUndeterminedPatient) {
  Input input(*library_);
  Result result(*library_);
  evaluate(*library_, input, result);
  const nlohmann::json json = nlohmann::json::parse(result.toJson());
  EXPECT_EQ(json, nlohmann::json::parse(R"({
    "pathway": "back_pain", "version": "2.0.1",
    "recommendations": [
      {"code": "continue_pt", "label": "Do continue_pt", "category": "execution",
       "status": "undetermined", "urgency": "routine", "rationale": "because of continue_pt",
       "citations": ["S1.P1", "S1.P2"], "missing": ["red_flag", "pt_weeks"]},
      {"code": "urgent_eval", "label": "Do urgent_eval", "category": "execution",
       "status": "undetermined", "urgency": "immediate", "rationale": "because of urgent_eval",
       "citations": ["S1.P1", "S1.P2"], "missing": ["red_flag"]}
    ],
    "findings": {"too_short": null},
    "definitions": {"short_pt": null, "pt_days": null}
  })"));
}

TEST_F(ResultTest, JsonOfASupersededPatient) {
  Input input(*library_);
  Result result(*library_);
  input.setJson(R"({"red_flag": true, "pt_weeks": "3 weeks"})");
  evaluate(*library_, input, result);
  const nlohmann::json json = nlohmann::json::parse(result.toJson());
  EXPECT_EQ(json["recommendations"][0]["status"], "no");
  EXPECT_EQ(json["recommendations"][0]["superseded_by"], nlohmann::json::parse(R"(["urgent_eval"])"));
  EXPECT_FALSE(json["recommendations"][0].contains("missing"));
  EXPECT_EQ(json["recommendations"][1]["status"], "fire");
  EXPECT_FALSE(json["recommendations"][1].contains("superseded_by"));
  EXPECT_EQ(json["findings"]["too_short"], true);
  EXPECT_EQ(json["definitions"]["short_pt"], true);
  EXPECT_EQ(json["definitions"]["pt_days"], 21.0);
}

TEST_F(ResultTest, JsonBufferProtocol) {
  Input input(*library_);
  Result result(*library_);
  evaluate(*library_, input, result);
  size_t length = 0;
  ASSERT_EQ(pw_result_to_json(result.get(), nullptr, 0, &length), PW_OK);
  std::string buffer(length + 1, 'x');
  size_t small = 0;
  EXPECT_EQ(pw_result_to_json(result.get(), buffer.data(), length, &small),
            PW_ERR_BUFFER_TOO_SMALL);
  EXPECT_EQ(small, length);
  EXPECT_THAT(pw_last_error(), HasSubstr("the JSON needs " + std::to_string(length + 1)));
  EXPECT_EQ(buffer, std::string(length + 1, 'x'));  // nothing written
  size_t written = 0;
  ASSERT_EQ(pw_result_to_json(result.get(), buffer.data(), buffer.size(), &written), PW_OK);
  EXPECT_EQ(written, length);
  EXPECT_EQ(buffer.back(), '\0');
  EXPECT_EQ(pw_result_to_json(result.get(), nullptr, 0, nullptr), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_result_to_json(result.get(), nullptr, 5, &written), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "buffer is NULL");
}

TEST_F(ResultTest, ListBufferProtocol) {
  Input input(*library_);
  Result result(*library_);
  evaluate(*library_, input, result);
  uint32_t count = 0;
  ASSERT_EQ(pw_result_missing(result.get(), 0, nullptr, 0, &count), PW_OK);
  EXPECT_EQ(count, 2u);
  uint32_t one[1] = {77};
  EXPECT_EQ(pw_result_missing(result.get(), 0, one, 1, &count), PW_ERR_BUFFER_TOO_SMALL);
  EXPECT_STREQ(pw_last_error(), "the buffer holds 1 entries, 2 are needed");
  EXPECT_EQ(one[0], 77u);
  EXPECT_EQ(pw_result_missing(result.get(), 0, nullptr, 0, nullptr), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_result_superseded_by(result.get(), 0, nullptr, 3, &count), PW_ERR_ARGUMENT);
}

TEST_F(ResultTest, ReadingBeforeEvaluationFails) {
  Result result(*library_);
  pw_rec_status status = PW_FIRE;
  EXPECT_EQ(pw_result_status(result.get(), 0, &status), PW_ERR_STATE);
  EXPECT_STREQ(pw_last_error(), "the result has not been evaluated yet");
  EXPECT_EQ(status, PW_FIRE);
  pw_tri value = PW_TRUE;
  EXPECT_EQ(pw_result_finding(result.get(), 0, &value), PW_ERR_STATE);
  EXPECT_EQ(pw_result_definition(result.get(), 0, &value, nullptr), PW_ERR_STATE);
  EXPECT_EQ(pw_result_condition(result.get(), 0, &value), PW_ERR_STATE);
  size_t length = 0;
  EXPECT_EQ(pw_result_to_json(result.get(), nullptr, 0, &length), PW_ERR_STATE);
}

TEST_F(ResultTest, IndicesOutOfRange) {
  Input input(*library_);
  Result result(*library_);
  evaluate(*library_, input, result);
  pw_rec_status status{};
  pw_tri value{};
  EXPECT_EQ(pw_result_status(result.get(), 2, &status), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "recommendation index 2 is out of range (the pathway has 2)");
  EXPECT_EQ(pw_result_condition(result.get(), 9, &value), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_result_finding(result.get(), 1, &value), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "finding index 1 is out of range (the pathway has 1)");
  EXPECT_EQ(pw_result_definition(result.get(), 2, &value, nullptr), PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "definition index 2 is out of range (the pathway has 2)");
  uint32_t count = 0;
  EXPECT_EQ(pw_result_missing(result.get(), 5, nullptr, 0, &count), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_result_superseded_by(result.get(), 5, nullptr, 0, &count), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_result_status(nullptr, 0, &status), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_result_status(result.get(), 0, nullptr), PW_ERR_ARGUMENT);
}

TEST_F(ResultTest, EvaluateChecksItsArguments) {
  TestProgram other("other");
  other.recommendation("r", other.boolean(true));
  Library otherLibrary(compileLibrary(other.program()));
  Input input(*library_);
  Result result(*library_);
  Result foreign(otherLibrary);
  EXPECT_EQ(pw_evaluate(library_->get(), input.get(), foreign.get()), PW_ERR_ARGUMENT);
  EXPECT_THAT(pw_last_error(), HasSubstr("must be created from the library"));
  EXPECT_EQ(pw_evaluate(nullptr, input.get(), result.get()), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_evaluate(library_->get(), nullptr, result.get()), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_evaluate(library_->get(), input.get(), nullptr), PW_ERR_ARGUMENT);
  const pw_input* inputs[] = {input.get()};
  pw_result* results[] = {foreign.get()};
  EXPECT_EQ(pw_evaluate_batch(library_->get(), 1, inputs, results), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_evaluate_batch(library_->get(), 1, nullptr, results), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_evaluate_batch(library_->get(), 0, nullptr, nullptr), PW_OK);
  EXPECT_EQ(pw_evaluate_rows(library_->get(), 1, nullptr, nullptr, nullptr, nullptr, nullptr),
            PW_ERR_ARGUMENT);
  EXPECT_STREQ(pw_last_error(), "values is NULL");
  EXPECT_EQ(pw_result_new(nullptr, nullptr), PW_ERR_ARGUMENT);
}

}  // namespace
}  // namespace pathway::test
