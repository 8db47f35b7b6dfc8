// The command line against its own misuse: scenario files that crashed
// `pathwayc test` or passed checking nothing, outputs that replaced the
// source, standard output that could not be written, NUL bytes that cut
// what fmt and the diagnostics printed.
#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include "support/Cli.h"

namespace pathway::test {
namespace {

std::string demoSource() { return slurp(std::string(PATHWAY_SOURCE_DIR) + "/tests/scenarios/demo.pw"); }

using CliAttack = Cli;

// A case that passes or fails on a real check, for the files below.
constexpr const char* kGoodCase =
    R"({"name": "fine", "inputs": {"pain": 2, "quality": "dull", "weeks_pt": 20, "fever": false, "crp": 3},
        "expect": {"default": "no"}})";

std::string scenario(const std::string& pathway, const std::string& secondCase) {
  return "{\"pathway\": \"" + pathway + "\", \"cases\": [" + kGoodCase + ", " + secondCase + "]}";
}

// A scenario naming a compiled library once crashed (the interpreter's IR
// was read through a null pointer); it is refused with the reason.
TEST_F(CliAttack, ScenarioOfALibraryIsRefused) {
  write("demo.pw", demoSource());
  ASSERT_EQ(run("build " + (dir_ / "demo.pw").string() + " -o " + (dir_ / "libdemo.so").string()).exit, 0);
  Outcome o = run("test " + write("lib.pwtest", scenario("libdemo.so", kGoodCase)));
  EXPECT_EQ(o.exit, 1) << o.output;
  EXPECT_NE(o.output.find("lib.pwtest: \"pathway\" must be a pathway source (.pw), not 'libdemo.so': each case "
                          "is also run by the interpreter, which needs the source"),
            std::string::npos)
      << o.output;
}

// Patient and scenario files are read whole, so each is held to 64 MiB,
// whether a regular file or a stream (a pipe once read until memory ran out).
TEST_F(CliAttack, WholeFileInputsAreHeldToTheirLimit) {
  write("demo.pw", demoSource());
  const std::string big = write("big.json", "{\"pain\": 3" + std::string(67'108'864, ' ') + "}");
  Outcome patient = run("run " + (dir_ / "demo.pw").string() + " -i " + big);
  EXPECT_EQ(patient.exit, 1);
  EXPECT_NE(patient.output.find("cannot read '" + big + "': larger than the limit of 67108864 bytes"),
            std::string::npos)
      << patient.output;
  Outcome piped = run("run " + (dir_ / "demo.pw").string() + " -i - < /dev/zero");
  EXPECT_EQ(piped.exit, 1);
  EXPECT_NE(piped.output.find("cannot read '-': larger than the limit of 67108864 bytes"), std::string::npos)
      << piped.output;
  const std::string scenarioFile = write("big.pwtest", scenario("demo.pw", kGoodCase) + std::string(67'108'864, '\n'));
  Outcome test = run("test " + scenarioFile);
  EXPECT_EQ(test.exit, 1);
  EXPECT_NE(test.output.find("larger than the limit of 67108864 bytes"), std::string::npos) << test.output;
}

// Every way a case could check nothing (and so pass vacuously) is an
// error naming the case and what is wrong; so is a key given twice, which
// the JSON library would otherwise drop silently.
TEST_F(CliAttack, VacuousScenarioCasesAreErrors) {
  write("demo.pw", demoSource());
  const std::string inputs = R"("inputs": {"pain": 2})";
  const std::vector<std::pair<std::string, std::string>> cases = {
      {"{" + inputs + R"(, "expect": "fire"})", "case 2: \"expect\" must be an object, not string"},
      {"{" + inputs + R"(, "expect": ["fire"]})", "case 2: \"expect\" must be an object, not array"},
      {"{" + inputs + R"(, "expect": {"recomendations": {"urgent": "no"}}})",
       "case 2: \"expect\": unknown key \"recomendations\" (expected default, recommendations, findings, missing)"},
      {"{" + inputs + R"(, "expect": {}})",
       "case 2: \"expect\" checks nothing: give \"default\", \"recommendations\", \"findings\" or \"missing\""},
      {"{" + inputs + R"(, "expect": {"recommendations": {}, "findings": {}}})", "case 2: \"expect\" checks nothing"},
      {"{" + inputs + R"(, "expect": {"findings": []}})", "case 2: \"expect\".\"findings\" must be an object"},
      {"{" + inputs + R"(, "expect": {"default": "no"}, "expect": {"findings": {"too_short": true}}})",
       "case 2: duplicate key \"expect\": give each key once"},
      {"{" + inputs + R"(, "expect": {"default": "no", "default": "fire"}})",
       "case 2: in \"expect\": duplicate key \"default\": give each key once"},
      {"{" + inputs + R"(, "expext": {"default": "no"}})",
       "case 2: unknown key \"expext\" (expected name, inputs, expect)"},
      {"{" + inputs + R"(, "expect": {"missing": {"urgent": "crp"}}})",
       "case 2: missing inputs of \"urgent\" must be an array of input names"},
  };
  for (const auto& [second, message] : cases) {
    Outcome o = run("test " + write("vacuous.pwtest", scenario("demo.pw", second)));
    EXPECT_EQ(o.exit, 1) << second << "\n" << o.output;
    EXPECT_NE(o.output.find("pathwayc: error: " + (dir_ / "vacuous.pwtest").string() + ": " + message),
              std::string::npos)
        << second << "\n" << o.output;
    // Checked before any case runs: case 1 is not reported either.
    EXPECT_EQ(o.output.find("ok "), std::string::npos) << second << "\n" << o.output;
    EXPECT_EQ(o.output.find("passed"), std::string::npos) << second << "\n" << o.output;
  }
  Outcome top = run("test " + write("top.pwtest", R"({"pathway": "demo.pw", "cases": [], "case": []})"));
  EXPECT_EQ(top.exit, 1);
  EXPECT_NE(top.output.find("top.pwtest: unknown key \"case\" (expected pathway, cases)"), std::string::npos)
      << top.output;
}

// XML 1.0 cannot carry C0 controls, not even as character references: a
// case name holding them is written with each shown as \xNN text.
TEST_F(CliAttack, JunitReportStaysWellFormedXml) {
  write("demo.pw", demoSource());
  const std::string named =
      R"({"name": "a\u0001b\u001fc\u0000d\te <&> \uffff", "inputs": {"pain": 2, "quality": "dull",
          "weeks_pt": 20, "fever": false, "crp": 3}, "expect": {"default": "no"}})";
  const std::string junit = (dir_ / "report.xml").string();
  Outcome o = run("test " + write("names.pwtest", scenario("demo.pw", named)) + " --junit " + junit);
  EXPECT_EQ(o.exit, 0) << o.output;
  const std::string xml = slurp(junit);
  EXPECT_NE(xml.find("name=\"a\\x01b\\x1Fc\\x00d\te &lt;&amp;&gt; \\uFFFF\""), std::string::npos) << xml;
  for (char c : xml) {
    const auto byte = static_cast<unsigned char>(c);
    EXPECT_TRUE(byte >= 0x20 || c == '\t' || c == '\n' || c == '\r') << "control byte " << int(byte) << " in\n" << xml;
  }
  EXPECT_EQ(xml.find("\xef\xbf\xbf"), std::string::npos) << xml;
}

// -o, --emit-header, --emit-llvm, --emit-obj and graph -o naming the source
// (also through another spelling of the path or a symlink) are refused and
// the source is left as it was.
TEST_F(CliAttack, OutputsNeverReplaceTheSource) {
  const std::string source = demoSource();
  const std::string pw = write("demo.pw", source);
  std::filesystem::create_symlink(pw, dir_ / "link.pw");
  const std::string other = (dir_ / "." / ".." / dir_.filename() / "demo.pw").string();
  const std::string link = (dir_ / "link.pw").string();
  const std::string lib = (dir_ / "libdemo.so").string();
  for (const std::string& target : {pw, other, link}) {
    for (const std::string option : {"-o", "--emit-header", "--emit-llvm", "--emit-obj"}) {
      const std::string args = option == "-o" ? "build " + pw + " -o " + target
                                              : "build " + pw + " -o " + lib + " " + option + " " + target;
      Outcome o = run(args);
      EXPECT_EQ(o.exit, 2) << args << "\n" << o.output;
      EXPECT_NE(o.output.find("pathwayc: error: " + option + " '" + target + "' is the input file '" + pw +
                              "': refusing to overwrite it"),
                std::string::npos)
          << args << "\n" << o.output;
      EXPECT_EQ(slurp(pw), source) << args;
    }
    Outcome g = run("graph " + pw + " --format dot -o " + target);
    EXPECT_EQ(g.exit, 2) << g.output;
    EXPECT_NE(g.output.find("is the input file"), std::string::npos) << g.output;
    EXPECT_EQ(slurp(pw), source);
  }
  EXPECT_TRUE(std::filesystem::is_symlink(link));
  const std::string scenarioFile = write("demo.pwtest", scenario("demo.pw", kGoodCase));
  Outcome junit = run("test " + scenarioFile + " --junit " + scenarioFile);
  EXPECT_EQ(junit.exit, 2) << junit.output;
  EXPECT_EQ(slurp(scenarioFile), scenario("demo.pw", kGoodCase));
  const std::string patient = write("p.json", R"({"pain": 3})");
  Outcome overlay = run("graph " + pw + " --format dot -i " + patient + " -o " + patient);
  EXPECT_EQ(overlay.exit, 2) << overlay.output;
  EXPECT_EQ(slurp(patient), R"({"pain": 3})");
  // A fresh output path still works.
  EXPECT_EQ(run("build " + pw + " -o " + lib + " --emit-header " + (dir_ / "demo.h").string()).exit, 0);
}

// Every subcommand that prints fails with a message, not exit 0, when
// standard output cannot be written.
TEST_F(CliAttack, UnwritableStandardOutputIsAnError) {
  const std::string pw = write("demo.pw", demoSource());
  const std::string patient = write("p.json", R"({"pain": 8, "quality": "sharp", "fever": false})");
  write("demo.pwtest", scenario("demo.pw", kGoodCase));
  const std::vector<std::string> commands = {
      "--help",
      "--version",
      "dump-ast " + pw,
      "dump-ir " + pw,
      "describe " + pw,
      "run " + pw + " -i " + patient,
      "run " + pw + " --ndjson -i " + patient,
      "explain " + pw + " -i " + patient,
      "graph " + pw + " --format mermaid",
      "test " + (dir_ / "demo.pwtest").string(),
      "fmt " + pw,
      "diff " + pw + " " + pw,
  };
  for (const std::string& command : commands) {
    Outcome o = run(command + " 2>&1 > /dev/full; exit $?");
    EXPECT_NE(o.exit, 0) << command << "\n" << o.output;
    // The reason is known when the failing write is the final flush.
    EXPECT_NE(o.output.find("pathwayc: error: cannot write standard output"), std::string::npos)
        << command << "\n" << o.output;
  }
  Outcome reason = run("dump-ir " + pw + " 2>&1 > /dev/full; exit $?");
  EXPECT_NE(reason.output.find("pathwayc: error: cannot write standard output: No space left on device"),
            std::string::npos)
      << reason.output;
  Outcome closed = run("dump-ir " + pw + " 2>&1 >&-; exit $?");
  EXPECT_EQ(closed.exit, 1) << closed.output;
  EXPECT_NE(closed.output.find("cannot write standard output"), std::string::npos) << closed.output;
}

// A NUL byte in a comment once cut fmt's output there (the findings and
// recommendations after it were lost, exit 0): every byte is printed.
TEST_F(CliAttack, FmtKeepsEverythingAfterANulInAComment) {
  std::string source = demoSource();
  constexpr char kComments[] = "// a NUL \0 here\n/* and \0 here */\n";
  source.insert(source.find("const MIN_PT"), std::string(kComments, sizeof kComments - 1));
  const std::string pw = write("nul.pw", source);
  ASSERT_EQ(slurp(pw).size(), source.size());
  const std::string out = (dir_ / "out.pw").string();
  Outcome o = run("fmt " + pw + " > " + out);
  EXPECT_EQ(o.exit, 0) << o.output;
  EXPECT_EQ(slurp(out), source);  // demo.pw is in the canonical layout already
  EXPECT_EQ(run("fmt --check " + pw).exit, 0);
  // Not canonical: --check lists it, and fmt's output keeps both NULs.
  std::string spaced = source;
  spaced.replace(spaced.find("pain >= 7"), 9, "pain>=7");
  const std::string messy = write("messy.pw", spaced);
  Outcome check = run("fmt --check " + messy);
  EXPECT_EQ(check.exit, 1);
  EXPECT_NE(check.output.find(messy), std::string::npos) << check.output;
  EXPECT_EQ(run("fmt " + messy + " > " + out).exit, 0);
  EXPECT_EQ(slurp(out), source);
}

// A diagnostic quoting a line that holds a NUL byte once ended the printed
// diagnostics there: the ones after it were lost.
TEST_F(CliAttack, DiagnosticsAfterANulLineAreAllPrinted) {
  std::string source = demoSource();
  const std::string second = "input stray: bool; $\n";
  source.insert(source.find("const MIN_PT"), std::string("input odd: bool; \0 x\n", 21) + second);
  const std::string pw = write("nul.pw", source);
  Outcome o = run("check " + pw);
  EXPECT_EQ(o.exit, 1) << o.output;
  EXPECT_NE(o.output.find(pw + ":13:18: error: invalid character '\\x00'"), std::string::npos) << o.output;
  EXPECT_NE(o.output.find(pw + ":14:20: error: invalid character '$'"), std::string::npos) << o.output;
}

}  // namespace
}  // namespace pathway::test
