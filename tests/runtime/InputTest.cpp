// Building inputs: every setter, every validation error, and JSON input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {

using ::testing::HasSubstr;

enum Index : uint32_t { kFlag, kCount, kScore, kFree, kColor, kDuration, kCrp };

class InputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestProgram p;
    p.boolInput("flag");
    p.intInput("count", 0, 10);
    p.numberInput("score", 0, 100);
    p.numberInput("free");
    p.enumInput("color", "Color", {"red", "green", "blue"});
    p.quantityInput("duration", "weeks", "time", 0, 520);
    p.quantityInput("crp", "mg/L", "concentration");
    p.definition("duration", p.read(kDuration));
    p.recommendation("r", p.read(kFlag));
    library_ = new Library(compileLibrary(p.program()));
  }
  static void TearDownTestSuite() {
    delete library_;
    library_ = nullptr;
  }
  void SetUp() override { input_ = std::make_unique<Input>(*library_); }

  std::pair<bool, double> get(uint32_t index) const { return input_->get(index); }

  // Expects `status` and a message containing `text`.
  void expectFailure(pw_status status, pw_status expected, const std::string& text) {
    EXPECT_EQ(status, expected);
    EXPECT_THAT(pw_last_error(), HasSubstr(text));
  }

  static Library* library_;
  std::unique_ptr<Input> input_;
};

Library* InputTest::library_ = nullptr;

TEST_F(InputTest, StartsUnknownAndSettersStore) {
  for (uint32_t i = 0; i < library_->inputCount(); ++i) EXPECT_FALSE(get(i).first);
  input_->setBool(kFlag, true)
      .setInt(kCount, 7)
      .setNumber(kScore, 42.5)
      .setNumber(kFree, -1e9)
      .setEnum(kColor, "blue")
      .setQuantity(kDuration, 2, "months")
      .setNumber(kCrp, 12);
  EXPECT_EQ(get(kFlag), std::make_pair(true, 1.0));
  EXPECT_EQ(get(kCount), std::make_pair(true, 7.0));
  EXPECT_EQ(get(kScore), std::make_pair(true, 42.5));
  EXPECT_EQ(get(kFree), std::make_pair(true, -1e9));
  EXPECT_EQ(get(kColor), std::make_pair(true, 2.0));
  EXPECT_TRUE(get(kDuration).first);
  EXPECT_DOUBLE_EQ(get(kDuration).second, 2 * 365.2425 / 12 / 7);
  input_->setEnumIndex(kColor, 1).setNumber(kCount, 3.0).setUnknown(kFlag);
  EXPECT_EQ(get(kColor).second, 1.0);
  EXPECT_EQ(get(kCount).second, 3.0);
  EXPECT_EQ(get(kFlag), std::make_pair(false, 0.0));
  input_->clear();
  for (uint32_t i = 0; i < library_->inputCount(); ++i) EXPECT_FALSE(get(i).first);
}

TEST_F(InputTest, QuantityConversionReachesEvaluation) {
  input_->setQuantity(kDuration, 14, "days");
  Result result(*library_);
  evaluate(*library_, *input_, result);
  EXPECT_EQ(result.definition(0), std::make_pair(PW_TRUE, 2.0));
  input_->setQuantity(kCrp, 1, "mg/dL");
  EXPECT_EQ(get(kCrp).second, 10.0);
  input_->setQuantity(kCrp, 3, "mg/L");
  EXPECT_EQ(get(kCrp).second, 3.0);
}

TEST_F(InputTest, ConvertQuantitiesAsTheSetterDoes) {
  const double from[] = {1.0, 0.25, std::nan(""), 7.5};
  double to[4] = {};
  ASSERT_EQ(pw_library_convert_quantities(library_->get(), kCrp, "mg/dL", 4, from, to), PW_OK);
  for (int i : {0, 1, 3}) {
    input_->setQuantity(kCrp, from[i], "mg/dL");
    EXPECT_EQ(to[i], get(kCrp).second) << i;
  }
  EXPECT_TRUE(std::isnan(to[2]));
  double same[] = {14.0, 3.5};
  ASSERT_EQ(pw_library_convert_quantities(library_->get(), kDuration, "days", 2, same, same), PW_OK);
  EXPECT_EQ(same[0], 2.0);
  EXPECT_EQ(same[1], 0.5);
  ASSERT_EQ(pw_library_convert_quantities(library_->get(), kCrp, "mg/L", 0, nullptr, nullptr), PW_OK);
  expectFailure(pw_library_convert_quantities(library_->get(), kCrp, "weeks", 1, from, to),
                PW_ERR_UNIT, "input 'crp' is a concentration in mg/L; 'weeks' is a unit of time");
  expectFailure(pw_library_convert_quantities(library_->get(), kCrp, "furlongs", 1, from, to),
                PW_ERR_UNIT, "unknown unit 'furlongs' for input 'crp' (in mg/L)");
  expectFailure(pw_library_convert_quantities(library_->get(), kScore, "mg/L", 1, from, to),
                PW_ERR_TYPE, "input 'score' is a number; cannot set it to a quantity");
  expectFailure(pw_library_convert_quantities(library_->get(), 99, "mg/L", 1, from, to),
                PW_ERR_ARGUMENT, "input index 99 is out of range");
  expectFailure(pw_library_convert_quantities(library_->get(), kCrp, "mg/L", 1, nullptr, to),
                PW_ERR_ARGUMENT, "values");
}

TEST_F(InputTest, WrongTypeIsRejectedAndNothingChanges) {
  pw_input* in = input_->get();
  input_->setNumber(kScore, 5);
  expectFailure(pw_input_set_bool(in, kScore, 1), PW_ERR_TYPE,
                "input 'score' is a number; cannot set it to a bool");
  expectFailure(pw_input_set_number(in, kFlag, 1), PW_ERR_TYPE,
                "input 'flag' is a bool; cannot set it to a number");
  expectFailure(pw_input_set_int(in, kColor, 1), PW_ERR_TYPE,
                "input 'color' is an enum (Color); cannot set it to an int");
  expectFailure(pw_input_set_enum(in, kScore, "red"), PW_ERR_TYPE,
                "input 'score' is a number; cannot set it to an enum label");
  expectFailure(pw_input_set_enum_index(in, kFlag, 0), PW_ERR_TYPE,
                "cannot set it to an enum label index");
  expectFailure(pw_input_set_quantity(in, kScore, 1, "weeks"), PW_ERR_TYPE,
                "input 'score' is a number; cannot set it to a quantity");
  EXPECT_EQ(get(kScore), std::make_pair(true, 5.0));
  EXPECT_FALSE(get(kFlag).first);
}

TEST_F(InputTest, RangeAndFinitenessAreChecked) {
  pw_input* in = input_->get();
  input_->setInt(kCount, 4);
  expectFailure(pw_input_set_int(in, kCount, 11), PW_ERR_RANGE,
                "input 'count' must be in 0..10, got 11");
  expectFailure(pw_input_set_int(in, kCount, -1), PW_ERR_RANGE, "got -1");
  expectFailure(pw_input_set_number(in, kCount, 2.5), PW_ERR_RANGE,
                "input 'count' is an int; 2.5 is not an integer");
  expectFailure(pw_input_set_number(in, kScore, 100.5), PW_ERR_RANGE,
                "input 'score' must be in 0..100, got 100.5");
  expectFailure(pw_input_set_number(in, kFree, std::nan("")), PW_ERR_RANGE,
                "input 'free' must be finite, got nan");
  expectFailure(pw_input_set_number(in, kFree, std::numeric_limits<double>::infinity()),
                PW_ERR_RANGE, "must be finite, got inf");
  expectFailure(pw_input_set_quantity(in, kDuration, 11, "years"), PW_ERR_RANGE,
                "input 'duration' must be in 0..520 weeks, got 573.");
  expectFailure(pw_input_set_quantity(in, kDuration, INFINITY, "weeks"), PW_ERR_RANGE,
                "must be finite");
  expectFailure(pw_input_set_enum_index(in, kColor, 3), PW_ERR_RANGE,
                "input 'color' (Color) has 3 labels; index 3 is out of range");
  EXPECT_EQ(get(kCount), std::make_pair(true, 4.0));
  input_->setNumber(kScore, 0).setNumber(kScore, 100);  // bounds are inclusive
}

TEST_F(InputTest, EnumLabelsAndUnitsAreChecked) {
  pw_input* in = input_->get();
  expectFailure(pw_input_set_enum(in, kColor, "gren"), PW_ERR_NOT_FOUND,
                "'gren' is not a label of Color (input 'color'); labels: red, green, blue "
                "(did you mean 'green'?)");
  expectFailure(pw_input_set_quantity(in, kDuration, 3, "fortnights"), PW_ERR_UNIT,
                "unknown unit 'fortnights' for input 'duration' (in weeks)");
  expectFailure(pw_input_set_quantity(in, kDuration, 3, "mg/L"), PW_ERR_UNIT,
                "input 'duration' is a time in weeks; 'mg/L' is a unit of concentration");
  EXPECT_FALSE(get(kColor).first);
  EXPECT_FALSE(get(kDuration).first);
}

TEST_F(InputTest, BadIndexAndNullArguments) {
  pw_input* in = input_->get();
  expectFailure(pw_input_set_bool(in, 99, 1), PW_ERR_ARGUMENT,
                "input index 99 is out of range (the pathway has 7 inputs)");
  expectFailure(pw_input_set_unknown(in, 7), PW_ERR_ARGUMENT, "input index 7");
  expectFailure(pw_input_set_bool(nullptr, 0, 1), PW_ERR_ARGUMENT, "input is NULL");
  expectFailure(pw_input_set_enum(in, kColor, nullptr), PW_ERR_ARGUMENT, "label is NULL");
  expectFailure(pw_input_set_quantity(in, kCrp, 1, nullptr), PW_ERR_ARGUMENT, "unit is NULL");
  expectFailure(pw_input_set_json(in, nullptr, 0), PW_ERR_ARGUMENT, "text is NULL");
  expectFailure(pw_input_clear(nullptr), PW_ERR_ARGUMENT, "input is NULL");
  expectFailure(pw_input_new(nullptr, nullptr), PW_ERR_ARGUMENT, "library is NULL");
  int known = 0;
  double value = 0;
  expectFailure(pw_input_get(in, 7, &known, &value), PW_ERR_ARGUMENT, "input index 7");
  expectFailure(pw_input_get(in, 0, nullptr, &value), PW_ERR_ARGUMENT, "known is NULL");
}

TEST_F(InputTest, JsonSetsEveryKind) {
  input_->setBool(kFlag, true);  // replaced: flag is missing from the JSON
  input_->setJson(R"({"count": 3, "score": 12.5, "free": -2, "color": "green",
                      "duration": "6 weeks", "crp": {"value": 2, "unit": "mg/dL"}})");
  EXPECT_FALSE(get(kFlag).first);
  EXPECT_EQ(get(kCount), std::make_pair(true, 3.0));
  EXPECT_EQ(get(kScore), std::make_pair(true, 12.5));
  EXPECT_EQ(get(kFree), std::make_pair(true, -2.0));
  EXPECT_EQ(get(kColor), std::make_pair(true, 1.0));
  EXPECT_EQ(get(kDuration), std::make_pair(true, 6.0));
  EXPECT_EQ(get(kCrp), std::make_pair(true, 20.0));
  input_->setJson(R"({"flag": false, "duration": "14days", "count": 2.0, "crp": null})");
  EXPECT_EQ(get(kFlag), std::make_pair(true, 0.0));
  EXPECT_EQ(get(kDuration), std::make_pair(true, 2.0));
  EXPECT_EQ(get(kCount), std::make_pair(true, 2.0));
  EXPECT_FALSE(get(kCrp).first);
  input_->setJson(R"({"duration": 4})");
  EXPECT_EQ(get(kDuration), std::make_pair(true, 4.0));
}

TEST_F(InputTest, JsonErrorsLeaveTheInputUnchanged) {
  input_->setJson(R"({"flag": true, "count": 5})");
  pw_input* in = input_->get();
  auto setJson = [&](const std::string& text) {
    return pw_input_set_json(in, text.data(), text.size());
  };
  expectFailure(setJson(R"({"flag": false, "cuont": 3})"), PW_ERR_NOT_FOUND,
                "no input named 'cuont' (did you mean 'count'?)");
  expectFailure(setJson(R"({"flag": false, "zzzzzzzz": 3})"), PW_ERR_NOT_FOUND,
                "no input named 'zzzzzzzz'");
  expectFailure(setJson("{\"flag\": true,\n \"count\": }"), PW_ERR_JSON,
                "malformed input JSON (byte 26): parse error at line 2, column 11: syntax error "
                "while parsing value - unexpected '}'");
  expectFailure(setJson("[1, 2]"), PW_ERR_JSON,
                "input JSON must be an object keyed by input name, got a JSON array");
  expectFailure(setJson(R"({"flag": 1})"), PW_ERR_TYPE,
                "input 'flag' is a bool (true or false); got a JSON integer");
  expectFailure(setJson(R"({"count": "3"})"), PW_ERR_TYPE, "input 'count' is an int; got a "
                                                          "JSON string");
  expectFailure(setJson(R"({"count": 3.5})"), PW_ERR_RANGE, "3.5 is not an integer");
  expectFailure(setJson(R"({"count": 30})"), PW_ERR_RANGE, "must be in 0..10, got 30");
  expectFailure(setJson(R"({"score": true})"), PW_ERR_TYPE,
                "input 'score' is a number; got a JSON boolean");
  expectFailure(setJson(R"({"color": "purple"})"), PW_ERR_NOT_FOUND,
                "'purple' is not a label of Color");
  expectFailure(setJson(R"({"color": 1})"), PW_ERR_TYPE,
                "input 'color' is an enum label of Color; got a JSON integer");
  expectFailure(setJson(R"({"duration": "6 parsecs"})"), PW_ERR_UNIT, "unknown unit 'parsecs'");
  expectFailure(setJson(R"({"duration": "6"})"), PW_ERR_UNIT, "\"6\" has no unit");
  expectFailure(setJson(R"({"duration": "six weeks"})"), PW_ERR_TYPE,
                "\"six weeks\" is not a number followed by a unit");
  expectFailure(setJson(R"({"duration": {"value": 6}})"), PW_ERR_TYPE,
                "a quantity object needs a numeric \"value\" and a string \"unit\"");
  expectFailure(setJson(R"({"duration": {"value": 6, "unit": "weeks", "x": 1}})"), PW_ERR_TYPE,
                "unexpected key \"x\" in a quantity");
  expectFailure(setJson(R"({"duration": [6]})"), PW_ERR_TYPE,
                "input 'duration' is a quantity in weeks; got a JSON array");
  expectFailure(setJson(R"({"duration": "3 mg/L"})"), PW_ERR_UNIT, "a unit of concentration");
  expectFailure(setJson(R"({"duration": 600})"), PW_ERR_RANGE, "must be in 0..520 weeks");
  EXPECT_EQ(get(kFlag), std::make_pair(true, 1.0));
  EXPECT_EQ(get(kCount), std::make_pair(true, 5.0));
  for (uint32_t i = kScore; i <= kCrp; ++i) EXPECT_FALSE(get(i).first);
}

// Quantity strings take a JSON number only: strtod's extras (hex, inf,
// nan, a leading '+', a NUL ending the text early) were silently accepted.
TEST_F(InputTest, QuantityStringsTakeOnlyAJsonNumber) {
  pw_input* in = input_->get();
  auto setJson = [&](const std::string& text) {
    return pw_input_set_json(in, text.data(), text.size());
  };
  for (const char* text : {"0x10 weeks", "inf weeks", "nan weeks", "+6 weeks", " 6 weeks", ".5 weeks",
                           "06 weeks", "6. weeks", "-infinity weeks", "0x1p4 weeks", "1.2.3 weeks", "6-2 weeks"}) {
    SCOPED_TRACE(text);
    expectFailure(setJson(std::string(R"({"duration": ")") + text + "\"}"), PW_ERR_TYPE,
                  std::string("\"") + text + "\" is not a number followed by a unit (write a decimal "
                  "number and a unit, as in \"6 weeks\")");
    EXPECT_FALSE(get(kDuration).first);
  }
  expectFailure(setJson(R"({"duration": "1e999 weeks"})"), PW_ERR_RANGE,
                "input 'duration': the number in \"1e999 weeks\" is too large for a double");
  expectFailure(setJson(R"({"duration": "6 weeks\u0000x"})"), PW_ERR_UNIT,
                "input 'duration': the unit in \"6 weeks\\u0000x\" contains a control character");
  expectFailure(setJson(R"({"duration": "6\u0000 weeks"})"), PW_ERR_UNIT,
                "the unit in \"6\\u0000 weeks\" contains a control character");
  expectFailure(setJson(R"({"duration": "6\tweeks"})"), PW_ERR_UNIT, "contains a control character");
  EXPECT_FALSE(get(kDuration).first);
  // What a JSON number allows still works, the exponent included.
  input_->setJson(R"({"duration": "0.5e1 weeks"})");
  EXPECT_EQ(get(kDuration), std::make_pair(true, 5.0));
  input_->setJson(R"({"duration": "1E+1weeks  "})");
  EXPECT_EQ(get(kDuration), std::make_pair(true, 10.0));
  input_->setJson(R"({"duration": "0 days"})");
  EXPECT_EQ(get(kDuration), std::make_pair(true, 0.0));
}

}  // namespace
}  // namespace pathway::test
