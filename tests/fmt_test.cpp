// pathwayc fmt (compiler/format): parenthesisation edge cases, and the
// formatter's promises on every pathway in the repository: idempotent, same
// content hash, every comment kept in order. Layout examples are file tests
// under tests/files/fmt.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

#include "ast/Dump.h"
#include "driver/Pipeline.h"
#include "format/Format.h"
#include "ir/Metadata.h"

namespace pathway::testing {
namespace {

const char* kHeader = "pathway t { title \"t\"; version \"1.0.0\"; }\nenum Q { x, y }\n";

std::unique_ptr<driver::Compilation> parse(const std::string& text) {
  driver::FrontendOptions options;
  options.stopAfter = driver::Stage::Parse;
  return driver::compileText("test.pw", text, options);
}

// The expression of `define d = <text>;`, formatted.
std::string formatExpr(const std::string& text) {
  std::unique_ptr<driver::Compilation> c = parse(std::string(kHeader) + "define d = " + text + ";\n");
  if (!c->ok() || c->ast.decls.size() != 2) return "<syntax error>";
  return format::formatExpr(*static_cast<const ast::DefineDecl&>(*c->ast.decls[1]).value);
}

// Formats `text`, and checks that the result parses back to the same tree.
void expectExpr(const std::string& text, const std::string& expected) {
  std::string formatted = formatExpr(text);
  EXPECT_EQ(formatted, expected) << "formatting " << text;
  std::unique_ptr<driver::Compilation> before = parse(std::string(kHeader) + "define d = " + text + ";\n");
  std::unique_ptr<driver::Compilation> after = parse(std::string(kHeader) + "define d = " + formatted + ";\n");
  ASSERT_TRUE(after->ok()) << formatted;
  EXPECT_EQ(ast::dumpShape(before->ast), ast::dumpShape(after->ast)) << text << " -> " << formatted;
}

// Needed parentheses, plus one kind kept for readers: `and` inside `or`.
TEST(FmtParentheses, LogicKeepsNeededAndClarifyingParentheses) {
  expectExpr("a or b", "a or b");
  expectExpr("(a or b) and c", "(a or b) and c");
  expectExpr("a or b and c", "a or (b and c)");
  expectExpr("(a and b) or c", "(a and b) or c");
  expectExpr("a and b or c and d", "(a and b) or (c and d)");
  expectExpr("((a or b) or c)", "a or b or c");
  expectExpr("a or (b or c)", "a or (b or c)");
  expectExpr("a and (b and c)", "a and (b and c)");
  expectExpr("not (a and b)", "not (a and b)");
  expectExpr("not (a or b)", "not (a or b)");
  expectExpr("(not a) and b", "not a and b");
  expectExpr("not (not a)", "not not a");
  expectExpr("not (a < b)", "not a < b");
  expectExpr("a and (not b)", "a and not b");
}

TEST(FmtParentheses, ComparisonsDoNotAssociate) {
  expectExpr("(a < b) == c", "(a < b) == c");
  expectExpr("a == (b < c)", "a == (b < c)");
  expectExpr("(a + b) < (c * d)", "a + b < c * d");
  expectExpr("(a in {x, y}) == b", "(a in {x, y}) == b");
  expectExpr("(a) in {x,y,}", "a in {x, y}");
  expectExpr("(a + 1) in {x}", "a + 1 in {x}");
  expectExpr("(a < b) in {x}", "(a < b) in {x}");
  expectExpr("not (a in {x})", "not a in {x}");
  expectExpr("(not a) == b", "(not a) == b");
}

TEST(FmtParentheses, ArithmeticChainsAssociateLeft) {
  expectExpr("(a - b) - c", "a - b - c");
  expectExpr("a - (b - c)", "a - (b - c)");
  expectExpr("a - (b + c)", "a - (b + c)");
  expectExpr("a + (b - c)", "a + (b - c)");
  expectExpr("a / (b * c)", "a / (b * c)");
  expectExpr("(a / b) * c", "a / b * c");
  expectExpr("a + (b * c)", "a + b * c");
  expectExpr("(a + b) * c", "(a + b) * c");
  expectExpr("a * (b + c) / d", "a * (b + c) / d");
}

TEST(FmtParentheses, UnaryMinus) {
  expectExpr("(-a) * b", "-a * b");
  expectExpr("-(a * b)", "-(a * b)");
  expectExpr("-(a + b)", "-(a + b)");
  expectExpr("-(-a)", "- -a");
  expectExpr("a - (-b)", "a - -b");
  expectExpr("-(6 weeks)", "-6 weeks");
  expectExpr("-(a < b)", "-(a < b)");
}

TEST(FmtParentheses, NumbersAndUnitsAsWritten) {
  expectExpr("2.50", "2.50");
  expectExpr("80 %", "80%");
  expectExpr("6weeks", "6 weeks");
  expectExpr("20 mm / h", "20 mm/h");
  expectExpr("Q . x", "Q.x");
  expectExpr("known ( a ) and unknown(b)", "known(a) and unknown(b)");
  expectExpr("true == (false)", "true == false");
}

// `6 weeks / n` is a division only because `weeks/n` is not a unit; a
// quantity before `/ NAME` keeps its parentheses whenever the bare text
// would read differently.
TEST(FmtParentheses, QuantityBeforeDivisionByName) {
  expectExpr("6 weeks / n", "6 weeks / n");
  expectExpr("(6 weeks) / n", "6 weeks / n");
  expectExpr("(6 weeks) / Q.x", "(6 weeks) / Q.x");
  expectExpr("(20 mm) / h", "(20 mm) / h");
  expectExpr("(20 mm/h) / n", "20 mm/h / n");
  expectExpr("(80%) / n", "80% / n");
  expectExpr("a * (6 weeks) / n", "a * (6 weeks) / n");
  expectExpr("a * 6 weeks / n", "a * (6 weeks / n)");
  expectExpr("(-6 weeks) / n", "-(6 weeks) / n");
  expectExpr("-6 weeks / n", "-(6 weeks / n)");
  expectExpr("6 weeks / n / m", "6 weeks / n / m");
  expectExpr("(6 weeks) / (n)", "6 weeks / n");
  expectExpr("(6) / n", "6 / n");
}

// Random expressions with random extra parentheses: the formatted text
// parses back to the same tree and formats to itself.
class ExprGenerator {
 public:
  explicit ExprGenerator(uint32_t seed) : random_(seed) {}

  std::string expr(int depth) {
    std::string e = depth <= 0 ? primary() : compound(depth);
    return pick(4) == 0 ? "(" + e + ")" : e;
  }

 private:
  size_t pick(size_t n) { return std::uniform_int_distribution<size_t>(0, n - 1)(random_); }

  std::string primary() {
    static const char* kPrimaries[] = {"a", "b", "n", "Q.x", "6 weeks", "20 mm/h", "80%", "2.5", "7",
                                       "true", "known(a)", "unknown(n)", "(6 weeks)", "h"};
    return kPrimaries[pick(std::size(kPrimaries))];
  }

  std::string compound(int depth) {
    static const char* kBinary[] = {" or ", " and ", " < ", " == ", " != ", " + ", " - ", " * ", " / "};
    switch (pick(5)) {
      case 0: return "not " + expr(depth - 1);
      case 1: return "-" + expr(depth - 1);
      case 2: return expr(depth - 1) + " in {x, y}";
      default: return expr(depth - 1) + kBinary[pick(std::size(kBinary))] + expr(depth - 1);
    }
  }

  std::mt19937 random_;
};

TEST(FmtParentheses, RandomExpressionsParseBackToTheSameTree) {
  ExprGenerator generator(20240611);
  size_t checked = 0;
  for (int i = 0; i < 3000; ++i) {
    std::string text = generator.expr(1 + i % 5);
    std::unique_ptr<driver::Compilation> before = parse(std::string(kHeader) + "define d = " + text + ";\n");
    if (!before->ok()) continue;  // e.g. `a < b < c` does not parse
    std::string formatted = format::formatExpr(*static_cast<const ast::DefineDecl&>(*before->ast.decls[1]).value);
    std::unique_ptr<driver::Compilation> after = parse(std::string(kHeader) + "define d = " + formatted + ";\n");
    ASSERT_TRUE(after->ok()) << text << " -> " << formatted;
    ASSERT_EQ(ast::dumpShape(before->ast), ast::dumpShape(after->ast)) << text << " -> " << formatted;
    ASSERT_EQ(formatExpr(formatted), formatted) << text;
    ++checked;
  }
  EXPECT_GT(checked, 1000u);
}

// ------------------------------------------------ the repository's pathways

std::string readText(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// Every .pw the repository ships that compiles: pathways, scenarios and the
// file tests that are not expected to fail.
std::vector<std::string> repositoryPathways() {
  std::filesystem::path root = PATHWAY_SOURCE_DIR;
  std::vector<std::string> out;
  for (const char* dir : {"pathways", "tests/scenarios", "tests/files"}) {
    for (const auto& entry : std::filesystem::recursive_directory_iterator(root / dir)) {
      if (!entry.is_regular_file() || entry.path().extension() != ".pw") continue;
      std::string name = entry.path().filename().string();
      std::string parent = entry.path().parent_path().filename().string();
      bool fileTest = std::string(dir) == "tests/files";
      if (fileTest && name.rfind("ok_", 0) != 0 && name.rfind("warn_", 0) != 0 && parent != "ast" &&
          parent != "ir" && parent != "fmt") {
        continue;
      }
      if (name.rfind("fail_", 0) == 0) continue;
      out.push_back(std::filesystem::relative(entry.path(), root).string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// Every .pw under tests/files that parses, including those sema rejects.
std::vector<std::string> parsingFileTests() {
  std::filesystem::path root = PATHWAY_SOURCE_DIR;
  std::vector<std::string> out;
  for (const auto& entry : std::filesystem::recursive_directory_iterator(root / "tests/files")) {
    if (entry.is_regular_file() && entry.path().extension() == ".pw" && parse(readText(entry.path()))->ok()) {
      out.push_back(std::filesystem::relative(entry.path(), root).string());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// A comment as fmt writes it: line comments without trailing blanks, CRLF
// and lone CR inside block comments as LF.
std::string comparable(const ast::Comment& c) {
  std::string text;
  for (size_t i = 0; i < c.text.size(); ++i) {
    if (c.text[i] != '\r') {
      text.push_back(c.text[i]);
    } else if (i + 1 >= c.text.size() || c.text[i + 1] != '\n') {
      text.push_back('\n');
    }
  }
  if (text.rfind("//", 0) == 0) {
    while (!text.empty() && (text.back() == ' ' || text.back() == '\t' || text.back() == '\r')) text.pop_back();
  }
  return text;
}

// The promises that hold for any file that parses.
void expectFormatsFaithfully(const std::string& relative, const std::string& text) {
  std::unique_ptr<driver::Compilation> original = parse(text);
  ASSERT_TRUE(original->ok()) << relative;
  std::string once = format::formatFile(original->ast, *original->source);
  std::unique_ptr<driver::Compilation> formatted = parse(once);
  ASSERT_TRUE(formatted->ok()) << relative << " formats to text that does not parse:\n" << once;
  EXPECT_EQ(ast::dumpShape(original->ast), ast::dumpShape(formatted->ast)) << relative << ":\n" << once;
  EXPECT_EQ(once, format::formatFile(formatted->ast, *formatted->source)) << relative << " is not idempotent";

  // Every comment, in order.
  ASSERT_EQ(original->ast.comments.size(), formatted->ast.comments.size()) << relative << ":\n" << once;
  for (size_t i = 0; i < original->ast.comments.size(); ++i) {
    EXPECT_EQ(comparable(original->ast.comments[i]), comparable(formatted->ast.comments[i]))
        << relative << ": comment " << i;
  }
  // One newline at the end, never two blank lines in a row, none at the start.
  bool tidy = once.empty() || (once.back() == '\n' && once.front() != '\n' && !once.ends_with("\n\n") &&
                               once.find("\n\n\n") == std::string::npos);
  EXPECT_TRUE(tidy) << relative << ": blank lines";
}

void expectFormatsFaithfully(const std::string& relative) {
  expectFormatsFaithfully(relative, readText(std::filesystem::path(PATHWAY_SOURCE_DIR) / relative));
}

class FmtRepository : public ::testing::TestWithParam<std::string> {};

TEST_P(FmtRepository, IdempotentSameContentHashCommentsKept) {
  const std::string& relative = GetParam();
  expectFormatsFaithfully(relative);
  std::string text = readText(std::filesystem::path(PATHWAY_SOURCE_DIR) / relative);
  driver::FrontendOptions options;
  std::unique_ptr<driver::Compilation> original = driver::compileText(relative, text, options);
  ASSERT_TRUE(original->ok()) << relative << " does not compile";
  std::string once = format::formatFile(original->ast, *original->source);
  std::unique_ptr<driver::Compilation> formatted = driver::compileText(relative, once, options);
  ASSERT_TRUE(formatted->ok()) << relative << " formatted does not compile:\n" << once;
  EXPECT_EQ(ir::contentHash(*original->program), ir::contentHash(*formatted->program)) << relative;
  EXPECT_EQ(original->warnings, formatted->warnings) << relative;
}

class FmtFileTests : public ::testing::TestWithParam<std::string> {};

TEST_P(FmtFileTests, SameTreeIdempotentCommentsKept) { expectFormatsFaithfully(GetParam()); }

std::string testName(const ::testing::TestParamInfo<std::string>& info) {
  std::string name;
  for (char c : info.param) name.push_back(std::isalnum(static_cast<unsigned char>(c)) ? c : '_');
  return name;
}

INSTANTIATE_TEST_SUITE_P(Pathways, FmtRepository, ::testing::ValuesIn(repositoryPathways()), testName);
INSTANTIATE_TEST_SUITE_P(Files, FmtFileTests, ::testing::ValuesIn(parsingFileTests()), testName);

// Offsets of blanks between tokens: outside strings and comments.
std::vector<size_t> blanksBetweenTokens(const std::string& text) {
  std::vector<size_t> out;
  enum { kCode, kString, kLine, kBlock } state = kCode;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    char next = i + 1 < text.size() ? text[i + 1] : '\0';
    switch (state) {
      case kCode:
        if (c == '"') state = kString;
        if (c == '/' && next == '/') state = kLine;
        if (c == '/' && next == '*') state = kBlock, ++i;
        if (c == ' ' || c == '\n') out.push_back(i);
        break;
      case kString:
        if (c == '\\') ++i;
        if (c == '"') state = kCode;
        break;
      case kLine:
        if (c == '\n') state = kCode, out.push_back(i);
        break;
      case kBlock:
        if (c == '*' && next == '/') state = kCode, ++i;
        break;
    }
  }
  return out;
}

// Comments anywhere between tokens (inside expressions, lists, headers,
// before braces and semicolons) are all kept, in order, idempotently (in
// files whose fields are in the fixed order already: reordering fields moves
// their comments with them).
TEST(FmtComments, CommentsBetweenAnyTokensSurvive) {
  std::mt19937 random(7);
  for (const char* relative : {"pathways/pt_failure.pw", "tests/files/ast/all_constructs.pw",
                               "tests/scenarios/demo.pw", "tests/files/fmt/long_lines.pw"}) {
    std::string text = readText(std::filesystem::path(PATHWAY_SOURCE_DIR) / relative);
    std::vector<size_t> blanks = blanksBetweenTokens(text);
    ASSERT_FALSE(blanks.empty()) << relative;
    for (int round = 0; round < 10; ++round) {
      std::vector<size_t> at;
      for (int k = 0; k < 40; ++k) at.push_back(blanks[random() % blanks.size()]);
      std::sort(at.begin(), at.end(), std::greater<>());
      std::string mutated = text;
      for (size_t k = 0; k < at.size(); ++k) {
        std::string mark = "c" + std::to_string(at.size() - k);
        mutated.insert(at[k], random() % 2 ? " /* " + mark + " */ " : " // " + mark + "\n");
      }
      expectFormatsFaithfully(std::string(relative) + " round " + std::to_string(round), mutated);
      if (::testing::Test::HasFailure()) return;
    }
  }
}

TEST(FmtRepositoryList, FindsThePathways) {
  std::vector<std::string> all = repositoryPathways();
  EXPECT_NE(std::find(all.begin(), all.end(), "pathways/pt_failure.pw"), all.end());
  EXPECT_NE(std::find(all.begin(), all.end(), "tests/scenarios/demo.pw"), all.end());
  EXPECT_GE(all.size(), 10u);
}

}  // namespace
}  // namespace pathway::testing
