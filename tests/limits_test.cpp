// Hostile inputs to the front end, in-process: each gives a clear
// diagnostic, never a crash, hang or stack overflow.
#include <gtest/gtest.h>

#include <random>

#include "driver/Pipeline.h"

namespace pathway {
namespace {

std::unique_ptr<driver::Compilation> compile(std::string text, driver::FrontendOptions options = {}) {
  return driver::compileText("t.pw", std::move(text), options);
}

bool has(const driver::Compilation& c, diag::Kind kind) {
  for (const diag::Diagnostic& d : c.diagnostics) {
    if (d.kind == kind) return true;
  }
  return false;
}

const char* kHeader = "pathway p { title \"t\"; version \"1.0.0\"; }\ninput x: int;\n";

TEST(Limits, EmptyFileNeedsAHeader) {
  auto c = compile("");
  EXPECT_FALSE(c->ok());
  EXPECT_TRUE(has(*c, diag::Kind::MissingHeader));
}

TEST(Limits, BinaryGarbageIsRejectedWithoutCrashing) {
  std::mt19937 rng(42);
  for (int round = 0; round < 50; ++round) {
    std::string text(4096, '\0');
    for (char& ch : text) ch = static_cast<char>(rng());
    auto c = compile(text);
    EXPECT_FALSE(c->ok());
  }
}

TEST(Limits, InvalidUtf8IsReportedAtItsByte) {
  auto c = compile(std::string(kHeader) + "// caf\xc3\x28\n");
  ASSERT_TRUE(has(*c, diag::Kind::InvalidUtf8));
  EXPECT_EQ(c->diagnostics[0].range.begin, std::string(kHeader).size() + 6);
}

TEST(Limits, PrintableGarbageAfterValidHeader) {
  auto c = compile(std::string(kHeader) + "@@@ ### $$$");
  EXPECT_TRUE(has(*c, diag::Kind::InvalidCharacter));
}

TEST(Limits, TenThousandNestedParenthesesAreRefused) {
  std::string text = std::string(kHeader) + "define d = " + std::string(10000, '(') + "x" + std::string(10000, ')') + " > 1;";
  auto c = compile(text);
  EXPECT_TRUE(has(*c, diag::Kind::NestingTooDeep));
}

TEST(Limits, TenThousandPrefixOperatorsAreRefused) {
  std::string text = std::string(kHeader) + "define d = ";
  for (int i = 0; i < 10000; ++i) text += "not ";
  text += "x > 1;";
  EXPECT_TRUE(has(*compile(text), diag::Kind::NestingTooDeep));
}

TEST(Limits, LongOperatorChainsAreBoundedNotOverflowing) {
  std::string text = std::string(kHeader) + "define d = x > 1";
  for (int i = 0; i < 100000; ++i) text += " and x > 1";
  text += ";";
  EXPECT_TRUE(has(*compile(text), diag::Kind::NestingTooDeep));
}

TEST(Limits, ModerateNestingIsFine) {
  std::string text = std::string(kHeader) + "define d = " + std::string(200, '(') + "x" + std::string(200, ')') +
                     " > 1;\nfinding f { label \"f\"; when d; }\n";
  auto c = compile(text);
  EXPECT_TRUE(c->ok()) << c->diagnostics.size();
}

TEST(Limits, TenMegabyteFileOfCommentsIsAcceptedQuickly) {
  std::string text = kHeader;
  text += "finding f { label \"f\"; when x > 1; }\n";
  while (text.size() < (10u << 20)) text += "// a comment line that is long enough to fill the file quickly......\n";
  auto c = compile(text);
  EXPECT_TRUE(c->ok());
}

TEST(Limits, FileOverTheSizeLimitIsRefusedBeforeParsing) {
  driver::FrontendOptions options;
  options.limits.maxFileBytes = 1024;
  auto c = compile(std::string(2048, ' '), options);
  EXPECT_TRUE(has(*c, diag::Kind::FileTooLarge));
}

TEST(Limits, OverlongNamesAreRefused) {
  auto c = compile(std::string(kHeader) + "input " + std::string(300, 'a') + ": bool;");
  EXPECT_TRUE(has(*c, diag::Kind::NameTooLong));
}

TEST(Limits, ErrorsAreCappedWithAFinalNotice) {
  std::string text = kHeader;
  for (int i = 0; i < 200; ++i) text += "input v" + std::to_string(i) + ": nosuchtype;\n";
  auto c = compile(text);
  EXPECT_TRUE(has(*c, diag::Kind::TooManyErrors));
  EXPECT_LE(c->diagnostics.size(), 51u + 200u);  // errors capped at 50, plus warnings
}

// The front end stops at the error limit instead of only hiding what is
// past it: 100,000 lexical and 100,000 syntax errors are not all found (and
// stored) to show the first 50.
TEST(Limits, FrontEndStopsAtTheErrorLimit) {
  std::string lexical = kHeader;
  for (int i = 0; i < 100000; ++i) lexical += "@\n";
  auto c = compile(lexical);
  EXPECT_TRUE(has(*c, diag::Kind::TooManyErrors));
  EXPECT_EQ(c->errors, 51u);  // the limit, and the one that passed it
  std::string syntax = kHeader;
  for (int i = 0; i < 100000; ++i) syntax += "input x: ;\n";
  auto d = compile(syntax);
  EXPECT_TRUE(has(*d, diag::Kind::TooManyErrors));
  EXPECT_EQ(d->errors, 51u);
  EXPECT_EQ(d->diagnostics.size(), 51u);  // 50 shown and the final notice
}

// A device or a pipe has no size to check first: the limit holds while it
// is read (/dev/zero once read until memory ran out).
TEST(Limits, EndlessStreamIsCutAtTheFileLimit) {
  driver::FrontendOptions options;
  options.limits.maxFileBytes = 1 << 20;
  auto c = driver::compileFile("/dev/zero", options);
  EXPECT_TRUE(has(*c, diag::Kind::StreamTooLarge));
  ASSERT_EQ(c->diagnostics.size(), 1u);
  EXPECT_EQ(c->diagnostics[0].message,
            "'/dev/zero' is not a regular file and gave more than 1048576 bytes; the limit is 1048576 bytes");
}

TEST(Limits, MissingFileIsADiagnosticNotAnException) {
  auto c = driver::compileFile("/nonexistent/dir/p.pw", {});
  EXPECT_TRUE(has(*c, diag::Kind::CannotOpenFile));
  auto d = driver::compileFile("/", {});
  EXPECT_TRUE(has(*d, diag::Kind::CannotOpenFile));
}

}  // namespace
}  // namespace pathway
