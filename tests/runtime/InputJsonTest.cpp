// pw_input_set_json beyond the basics in InputTest: what counts as JSON
// (exactly what nlohmann::json accepts, with its error messages), numbers at
// the integer/float boundaries, duplicate keys (rejected) and which error is reported
// when a document has several.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cmath>
#include <nlohmann/json.hpp>
#include <pathway/pathway.hpp>
#include <string>
#include <vector>

#include "Compile.h"
#include "TestProgram.h"

namespace pathway::test {
namespace {


enum Index : uint32_t { kFlag, kCount, kScore, kFree, kColor, kDuration };

class InputJsonTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    TestProgram p;
    p.boolInput("flag");
    p.intInput("count", 0, 10);
    p.numberInput("score", 0, 100);
    p.numberInput("free");
    p.enumInput("color", "Color", {"red", "green", "blue"});
    p.quantityInput("duration", "weeks", "time", 0, 520);
    p.recommendation("r", p.read(kFlag));
    library_ = new Library(compileLibrary(p.program()));
  }
  static void TearDownTestSuite() {
    delete library_;
    library_ = nullptr;
  }
  void SetUp() override { input_ = std::make_unique<Input>(*library_); }

  pw_status setJson(const std::string& text) {
    return pw_input_set_json(input_->get(), text.data(), text.size());
  }
  // Expects `text` to fail with `status` and exactly `message`.
  void expectError(const std::string& text, pw_status status, const std::string& message) {
    EXPECT_EQ(setJson(text), status) << text;
    EXPECT_EQ(pw_last_error(), message) << text;
  }
  std::pair<bool, double> get(uint32_t index) const { return input_->get(index); }

  static Library* library_;
  std::unique_ptr<Input> input_;
};

Library* InputJsonTest::library_ = nullptr;

// Documents on the edges of the JSON grammar: each is malformed exactly when
// nlohmann::json rejects it, and then the message is nlohmann's.
TEST_F(InputJsonTest, WellFormedExactlyWhenNlohmannAcceptsIt) {
  const std::vector<std::string> documents = {
      "", " ", "{", "}", "{}", " \t\r\n{ } \n", "{}x", "{} {}", "{,}", "{\"flag\"}",
      "{\"flag\" true}", "{\"flag\": true,}", "{\"flag\": true \"count\": 1}", "{'flag': true}",
      "{flag: true}", "{\"flag\": True}", "{\"flag\": tru}", "{\"flag\": nul}", "{\"flag\": null}",
      "{\"free\": 01}", "{\"free\": -}", "{\"free\": -0}", "{\"free\": 1.}", "{\"free\": .5}",
      "{\"free\": 1e}", "{\"free\": 1e+}", "{\"free\": 1E-2}", "{\"free\": +1}", "{\"free\": 0x10}",
      "{\"free\": 1.5e3}", "{\"free\": 1e400}", "{\"free\": NaN}", "{\"free\": Infinity}",
      "{\"free\": -1.0e-2}",
      "{\"fl\\u0061g\": true}", "{\"flag\\u0000\": true}", "{\"\\ud83d\\ude00\": 1}",
      "{\"\\ud83d\": 1}", "{\"\\ude00\": 1}", "{\"\\ud83d\\u0041\": 1}", "{\"\\u00e9\": 1}",
      "{\"\\uD83D\\uDE00\": 1}", "{\"\\x\": 1}", "{\"\\u12\": 1}", "{\"\\u12g4\": 1}",
      "{\"a\\\"\\\\\\/\\b\\f\\n\\r\\t\": 1}", "{\"tab\there\": 1}", "{\"\x01\": 1}",
      "{\"\x7f\": 1}", "{\"\xc3\xa9\": 1}", "{\"\xc3\": 1}", "{\"\xc0\xaf\": 1}",
      "{\"\xe0\x80\xaf\": 1}", "{\"\xed\xa0\x80\": 1}", "{\"\xef\xbf\xbf\": 1}",
      "{\"\xf0\x9f\x98\x80\": 1}", "{\"\xf4\x90\x80\x80\": 1}", "{\"\xf5\x80\x80\x80\": 1}",
      "{\"\xff\": 1}", "\xef\xbb\xbf{}", "\xef\xbb{}", "{\"flag\": true}\n\n",
      "{\"duration\": {\"value\": [1, {\"a\": [true, null, \"x\"]}], \"unit\": \"weeks\"}}",
      "{\"duration\": [1, 2,]}", "{\"duration\": [1 2]}", "{\"duration\": {\"a\" 1}}",
      "{\"duration\": [[[]]]}", "{\"duration\": [[[]]}", "[]", "[1, 2]", "\"text\"", "42",
      "true", "null", std::string("{\"flag\": true}\0", 15), std::string("{}\0x", 4),
      std::string("{}\n\0{", 5), std::string("1\0", 2), std::string("{\0}", 3),
      std::string("{\"flag\": \0}", 11), std::string("\0", 1)};
  for (const std::string& text : documents) {
    // nlohmann::json stops at a NUL byte; here only a terminating one may end
    // the text (NulByteOnlyAtTheVeryEnd).
    const size_t nul = text.find('\0');
    const bool accepted = nlohmann::json::accept(text) && (nul == std::string::npos || nul + 1 == text.size());
    const pw_status status = setJson(text);
    const std::string message = pw_last_error();
    EXPECT_NE(status, PW_ERR_INTERNAL) << text << " -> " << message;
    EXPECT_EQ(status == PW_ERR_JSON && message.starts_with("malformed"), !accepted)
        << text << " -> " << message;
  }
  expectError("{\"flag\": true,\n \"count\": }", PW_ERR_JSON,
              "malformed input JSON (byte 26): parse error at line 2, column 11: syntax error "
              "while parsing value - unexpected '}'; expected '[', '{', or a literal");
  expectError("{\"flag\": true} x", PW_ERR_JSON,
              "malformed input JSON (byte 16): parse error at line 1, column 16: syntax error "
              "while parsing value - invalid literal; last read: '\"flag\": true} x'; expected "
              "end of input");
  expectError("{\"\xc3\": 1}", PW_ERR_JSON,
              "malformed input JSON (byte 4): parse error at line 1, column 4: syntax error "
              "while parsing object key - invalid string: ill-formed UTF-8 byte; last read: "
              "'\"\\xC3\"'; expected string literal");
  expectError("42", PW_ERR_JSON,
              "input JSON must be an object keyed by input name, got a JSON integer");
}

// A C string may be passed with its terminator; a NUL byte anywhere else is
// an error (nlohmann::json would silently ignore what follows it).
TEST_F(InputJsonTest, NulByteOnlyAtTheVeryEnd) {
  input_->setJson(std::string("{\"flag\": true}\0", 15));
  EXPECT_EQ(get(kFlag), std::make_pair(true, 1.0));
  expectError(std::string("{\"flag\": false} \0 trailing [", 28), PW_ERR_JSON,
              "malformed input JSON (byte 17): a NUL byte at line 1, column 17 inside the document (only a "
              "terminating NUL may end it)");
  EXPECT_EQ(get(kFlag), std::make_pair(true, 1.0));  // unchanged
  expectError(std::string("{\"flag\": \0}", 11), PW_ERR_JSON,
              "malformed input JSON (byte 10): a NUL byte at line 1, column 10 inside the document (only a "
              "terminating NUL may end it)");
  expectError(std::string("{\"flag\": \0", 10), PW_ERR_JSON,
              "malformed input JSON (byte 10): parse error at line 1, column 10: syntax error "
              "while parsing value - unexpected end of input; expected '[', '{', or a literal");
}

TEST_F(InputJsonTest, EscapedKeysAndStringsAreDecoded) {
  input_->setJson(R"({"fl\u0061g": true, "c\u006Flor": "gr\u0065en"})");
  EXPECT_EQ(get(kFlag), std::make_pair(true, 1.0));
  EXPECT_EQ(get(kColor), std::make_pair(true, 1.0));
  input_->setJson("\xef\xbb\xbf{\"flag\": false}");  // a UTF-8 byte order mark is skipped
  EXPECT_EQ(get(kFlag), std::make_pair(true, 0.0));
  expectError(R"({"fl\nag": true})", PW_ERR_NOT_FOUND,
              "no input named 'fl\nag' (did you mean 'flag'?)");
}

// An unknown key of a megabyte (once 8.6 s of edit distances against every
// input name) is refused at once, quoted by its first 64 bytes and its
// length; a long key close to nothing gets no suggestion, and an enum
// label is quoted the same way. Normal keys keep their suggestions.
TEST_F(InputJsonTest, HugeUnknownKeysAreQuotedShortly) {
  const std::string huge(1 << 20, 'f');
  expectError("{\"" + huge + "\": true}", PW_ERR_NOT_FOUND,
              "no input named '" + std::string(64, 'f') + "...' (1048576 bytes)");
  // The cut never splits a UTF-8 character: 63 bytes, then a 2-byte one.
  const std::string accented = std::string(63, 'a') + "\xc3\xa9" + std::string(100, 'a');
  expectError("{\"" + accented + "\": true}", PW_ERR_NOT_FOUND,
              "no input named '" + std::string(63, 'a') + "...' (165 bytes)");
  expectError("{\"color\": \"" + huge + "\"}", PW_ERR_NOT_FOUND,
              "'" + std::string(64, 'f') + "...' (1048576 bytes) is not a label of Color (input 'color'); "
              "labels: red, green, blue");
  expectError(R"({"scroe": 1})", PW_ERR_NOT_FOUND, "no input named 'scroe' (did you mean 'score'?)");
  expectError(R"({"DURATOIN": 1})", PW_ERR_NOT_FOUND, "no input named 'DURATOIN' (did you mean 'duration'?)");
}

TEST_F(InputJsonTest, NumbersKeepTheirIntegerOrFloatKind) {
  expectError(R"({"flag": 18446744073709551615})", PW_ERR_TYPE,
              "input 'flag' is a bool (true or false); got a JSON integer");
  expectError(R"({"flag": 18446744073709551616})", PW_ERR_TYPE,
              "input 'flag' is a bool (true or false); got a JSON number");
  expectError(R"({"flag": -9223372036854775808})", PW_ERR_TYPE,
              "input 'flag' is a bool (true or false); got a JSON integer");
  expectError(R"({"flag": -9223372036854775809})", PW_ERR_TYPE,
              "input 'flag' is a bool (true or false); got a JSON number");
  expectError(R"({"flag": 1.0})", PW_ERR_TYPE,
              "input 'flag' is a bool (true or false); got a JSON number");
  expectError(R"({"flag": 1e2})", PW_ERR_TYPE,
              "input 'flag' is a bool (true or false); got a JSON number");
  expectError(R"({"count": 18446744073709551615})", PW_ERR_RANGE,
              "input 'count' must be in 0..10, got 1.8446744073709552e+19");
  // Was PW_ERR_INTERNAL with nlohmann's exception text.
  expectError(R"({"score": 1e400})", PW_ERR_JSON,
              "malformed input JSON: number overflow parsing '1e400'");
  expectError(R"({"score": -)" + std::string(400, '9') + "}", PW_ERR_JSON,
              "malformed input JSON: number overflow parsing '-" + std::string(400, '9') + "'");
  input_->setJson(R"({"free": -0, "score": 1e-400, "count": 1.0e1})");
  EXPECT_EQ(get(kFree), std::make_pair(true, 0.0));
  EXPECT_FALSE(std::signbit(get(kFree).second));
  EXPECT_EQ(get(kScore), std::make_pair(true, 0.0));
  EXPECT_EQ(get(kCount), std::make_pair(true, 10.0));
  input_->setJson(R"({"free": 0.1, "score": 99.99999999999999, "duration": "2.5e1 weeks"})");
  EXPECT_EQ(get(kFree).second, 0.1);
  EXPECT_EQ(get(kScore).second, 99.99999999999999);
  EXPECT_EQ(get(kDuration).second, 25.0);
  input_->setJson(R"({"free": -123456789012345678901234567890})");
  EXPECT_EQ(get(kFree).second, -123456789012345678901234567890.0);
}

// A key given twice is an error naming the key and both positions, whatever
// the values; the input is left unchanged.
TEST_F(InputJsonTest, DuplicateKeysAreRejected) {
  input_->setJson(R"({"count": 3})");
  expectError(R"({"flag": 1, "flag": true, "count": 2})", PW_ERR_JSON,
              "duplicate key \"flag\" at line 1, column 2 and line 1, column 13: give each key once");
  expectError("{\"count\": 2,\n  \"flag\": true,\n  \"count\": 2}", PW_ERR_JSON,
              "duplicate key \"count\" at line 1, column 2 and line 3, column 3: give each key once");
  expectError(R"({"c\u006funt": 2, "count": null})", PW_ERR_JSON,
              "duplicate key \"count\" at line 1, column 2 and line 1, column 19: give each key once");
  expectError(R"({"duration": {"value": 3, "unit": "days", "value": 4}})", PW_ERR_JSON,
              "duplicate key \"value\" in the quantity of input 'duration' at line 1, column 15 and line 1, "
              "column 43: give each key once");
  expectError(R"({"duration": {"unit": "days", "value": 4, "unit": "weeks"}})", PW_ERR_JSON,
              "duplicate key \"unit\" in the quantity of input 'duration' at line 1, column 15 and line 1, "
              "column 43: give each key once");
  EXPECT_EQ(get(kCount), std::make_pair(true, 3.0));
  // An unknown key given twice is reported as unknown.
  expectError(R"({"colour": "red", "colour": "red"})", PW_ERR_NOT_FOUND,
              "no input named 'colour' (did you mean 'color'?)");
}

// With several errors, the one reported is the first in the order of the
// keys' bytes (nlohmann::json's std::map), not in document order.
TEST_F(InputJsonTest, SeveralErrorsReportTheFirstKey) {
  expectError(R"({"score": true, "count": "x", "zz": 1})", PW_ERR_TYPE,
              "input 'count' is an int; got a JSON string");
  expectError(R"({"score": true, "aa": 1})", PW_ERR_NOT_FOUND, "no input named 'aa'");
  expectError(R"({"duration": {"value": 1, "unit": "weeks", "z": 1, "b": 2}})", PW_ERR_TYPE,
              "input 'duration': unexpected key \"b\" in a quantity (use {\"value\": ..., "
              "\"unit\": ...})");
  expectError(R"({"score": 1, "free": [1, 2}})", PW_ERR_JSON,
              "malformed input JSON (byte 27): parse error at line 1, column 27: syntax error "
              "while parsing array - unexpected '}'; expected ']'");
}

TEST_F(InputJsonTest, DeepNestingIsATypeErrorNotACrash) {
  const size_t depth = 100000;
  const std::string nested = std::string(depth, '[') + std::string(depth, ']');
  expectError("{\"duration\": " + nested + "}", PW_ERR_TYPE,
              "input 'duration' is a quantity in weeks; got a JSON array");
  expectError("{\"duration\": {\"value\": " + nested + ", \"unit\": \"weeks\"}}", PW_ERR_TYPE,
              "input 'duration': a quantity object needs a numeric \"value\" and a string "
              "\"unit\"");
}

}  // namespace
}  // namespace pathway::test
