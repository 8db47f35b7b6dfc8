// Patient documents that once crashed a population run or were silently
// misread: invalid UTF-8, duplicate keys, NUL bytes.
#include <gtest/gtest.h>

#include <algorithm>
#include <string>

#include "support/Cli.h"

namespace pathway::test {
namespace {

std::string demo() { return std::string(PATHWAY_SOURCE_DIR) + "/tests/scenarios/demo.pw"; }

using JsonAttack = Cli;

// A line with invalid UTF-8 in a key or a value is answered in place with
// an error whose message shows the bad bytes as \xNN; every other line is
// still evaluated, and the run exits 1, with any number of threads.
TEST_F(JsonAttack, InvalidUtf8LineIsReportedInPlace) {
  const std::string patients = write("bad.ndjson",
                                     "{\"pain\": 3}\n"
                                     "{\"pa\xff\xfein\": 3}\n"
                                     "{\"pain\": 4, \"quality\": \"sh\xc3\x28rp\"}\n"
                                     "{\"pain\": 9, \"fever\": true}\n");
  for (const char* jobs : {"1", "2"}) {
    const std::string out = (dir_ / "out.ndjson").string();
    Outcome o = run("run " + demo() + " --ndjson -j " + jobs + " -i " + patients + " 2>&1 > " + out + "; exit $?");
    EXPECT_EQ(o.exit, 1) << o.output;
    const std::string lines = slurp(out);
    EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 4) << lines;
    EXPECT_NE(lines.find("{\"error\":\"malformed input JSON (byte 5): parse error at line 1, column 5: syntax "
                         "error while parsing object key - invalid string: ill-formed UTF-8 byte; last read: "
                         "'\\\"pa\\\\xFF'; expected string literal\",\"line\":2}\n"),
              std::string::npos)
        << lines;
    EXPECT_NE(lines.find("\"line\":3}"), std::string::npos) << lines;
    EXPECT_NE(lines.find("\"urgent\":\"fire\""), std::string::npos) << lines;
    EXPECT_NE(o.output.find("bad.ndjson:2: malformed input JSON"), std::string::npos) << o.output;
    EXPECT_EQ(o.output.find('\xff'), std::string::npos) << "raw bytes quoted in the message";
  }
}

// The same key twice is an error naming it and both places, in a single
// patient file and on an NDJSON line; nothing is evaluated for it.
TEST_F(JsonAttack, DuplicateKeysAreRejected) {
  Outcome single = run("run " + demo() + " -i " +
                       write("dup.json", "{\"pain\": 10,\n \"fever\": false,\n \"pain\": 3}"));
  EXPECT_EQ(single.exit, 1);
  EXPECT_NE(single.output.find("dup.json: duplicate key \"pain\" at line 1, column 2 and line 3, column 2: give "
                               "each key once"),
            std::string::npos)
      << single.output;
  EXPECT_EQ(single.output.find("\"status\""), std::string::npos) << single.output;
  Outcome lines = run("run " + demo() + " --ndjson -i " +
                      write("dup.ndjson", "{\"pain\": 1}\n{\"pain\": 1, \"pain\": 2}\n"));
  EXPECT_EQ(lines.exit, 1);
  EXPECT_NE(lines.output.find("{\"error\":\"duplicate key \\\"pain\\\" at line 1, column 2 and line 1, column "
                              "13: give each key once\",\"line\":2}"),
            std::string::npos)
      << lines.output;
}

// A line longer than a whole patient file may be (64 MiB) is skipped as it
// is read, without being stored, and answered in place; the lines after it
// are evaluated (a newline-free stream once grew the buffer until memory
// ran out).
TEST_F(JsonAttack, OverlongNdjsonLineIsAnsweredInPlace) {
  const std::string out = (dir_ / "out.ndjson").string();
  const std::string patients =
      write("long.ndjson", "{\"pain\": 3}\n" + std::string(70'000'000, 'x') + "\n{\"pain\": 9, \"fever\": true}\n");
  Outcome o = run("run " + demo() + " --ndjson -i - < " + patients + " 2>&1 > " + out + "; exit $?");
  EXPECT_EQ(o.exit, 1) << o.output;
  const std::string lines = slurp(out);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 3) << lines.substr(0, 500);
  EXPECT_NE(lines.find("{\"error\":\"the line is longer than the limit of 67108864 bytes\",\"line\":2}\n"),
            std::string::npos)
      << lines.substr(0, 500);
  EXPECT_NE(lines.find("\"urgent\":\"fire\""), std::string::npos) << lines.substr(0, 500);
  EXPECT_NE(o.output.find("-:2: the line is longer than the limit"), std::string::npos) << o.output;
}

// A NUL byte inside a document no longer hides what follows it.
TEST_F(JsonAttack, NulByteInsideADocumentIsAnError) {
  Outcome o = run("run " + demo() + " -i " + write("nul.json", std::string("{\"pain\": 3}\0{\"pain\": 99}", 25)));
  EXPECT_EQ(o.exit, 1);
  EXPECT_NE(o.output.find("a NUL byte at line 1, column 12 inside the document"), std::string::npos) << o.output;
}

// Quantity strings went through strtod: "0x10 weeks" was 16 weeks, "inf
// weeks" infinity, and a \u0000 cut "6 weeks\u0000x" to 6 weeks. Now only a
// JSON number followed by a unit is a quantity; the rest is refused.
TEST_F(JsonAttack, QuantityStringsAreOnlyNumberAndUnit) {
  const std::string patients = write("quantities.ndjson",
                                     "{\"weeks_pt\": \"0x10 weeks\"}\n"
                                     "{\"weeks_pt\": \"6 weeks\\u0000x\"}\n"
                                     "{\"weeks_pt\": \"inf weeks\"}\n"
                                     "{\"weeks_pt\": \"nan weeks\"}\n"
                                     "{\"weeks_pt\": \"1e999 weeks\"}\n"
                                     "{\"weeks_pt\": \"+6 weeks\"}\n"
                                     "{\"weeks_pt\": \"0x1p3 weeks\"}\n"
                                     "{\"weeks_pt\": \"6 weeks\"}\n");
  const std::string out = (dir_ / "out.ndjson").string();
  Outcome o = run("run " + demo() + " --ndjson -i " + patients + " 2>&1 > " + out + "; exit $?");
  EXPECT_EQ(o.exit, 1) << o.output;
  const std::string lines = slurp(out);
  EXPECT_EQ(std::count(lines.begin(), lines.end(), '\n'), 8) << lines;
  for (int line = 1; line <= 7; ++line) {
    EXPECT_NE(lines.find("\"line\":" + std::to_string(line) + "}"), std::string::npos) << line << "\n" << lines;
  }
  EXPECT_NE(lines.find("\\\"0x10 weeks\\\" is not a number followed by a unit"), std::string::npos) << lines;
  EXPECT_NE(lines.find("the unit in \\\"6 weeks\\\\u0000x\\\" contains a control character"), std::string::npos)
      << lines;
  EXPECT_NE(lines.find("the number in \\\"1e999 weeks\\\" is too large for a double"), std::string::npos) << lines;
  EXPECT_EQ(lines.find("\"line\":8}"), std::string::npos) << lines;
}

}  // namespace
}  // namespace pathway::test
