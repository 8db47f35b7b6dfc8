// pathwayc as a process: exit codes (0 ok, 1 input errors, 2 usage) and
// hostile inputs that must end in a clear message, never a crash.
#include <gtest/gtest.h>

#include "support/Cli.h"

#include <cstdio>
#include <filesystem>
#include <algorithm>
#include <fstream>
#include <iterator>
#include <random>
#include <sstream>

namespace {

using pathway::test::Cli;
using pathway::test::Outcome;
using pathway::test::run;

const char* kValid =
    "pathway p { title \"t\"; version \"1.0.0\"; source s \"src\" { S1.P1 } }\n"
    "input x: int in 0..10;\n"
    "recommendation r { label \"r\"; when x > 5; category imaging; urgency routine; rationale \"why\"; cite S1.P1; }\n";

TEST_F(Cli, VersionAndHelp) {
  Outcome v = run("--version");
  EXPECT_EQ(v.exit, 0);
  EXPECT_NE(v.output.find("pathwayc"), std::string::npos);
  Outcome h = run("--help");
  EXPECT_EQ(h.exit, 0);
  EXPECT_NE(h.output.find("check"), std::string::npos);
}

TEST_F(Cli, UsageErrorsExitTwo) {
  EXPECT_EQ(run("").exit, 2);
  EXPECT_EQ(run("no-such-command").exit, 2);
  EXPECT_EQ(run("check").exit, 2);
  EXPECT_EQ(run("check --error-format=xml x.pw").exit, 2);
}

TEST_F(Cli, CheckExitCodes) {
  EXPECT_EQ(run("check " + write("ok.pw", kValid)).exit, 0);
  Outcome bad = run("check " + write("bad.pw", std::string(kValid) + "input y: nosuch;\n"));
  EXPECT_EQ(bad.exit, 1);
  EXPECT_NE(bad.output.find("bad.pw:4:10: error: unknown type 'nosuch'"), std::string::npos) << bad.output;
}

TEST_F(Cli, WerrorTurnsWarningsIntoErrors) {
  std::string file = write("warn.pw", std::string(kValid) + "input unused: bool;\n");
  Outcome plain = run("check " + file);
  EXPECT_EQ(plain.exit, 0);
  EXPECT_NE(plain.output.find("warning: input 'unused' is never used"), std::string::npos);
  Outcome strict = run("check --Werror " + file);
  EXPECT_EQ(strict.exit, 1);
  EXPECT_NE(strict.output.find("error: input 'unused' is never used"), std::string::npos);
}

TEST_F(Cli, JsonDiagnostics) {
  Outcome o = run("check --error-format=json " + write("bad.pw", std::string(kValid) + "input y: nosuch;\n"));
  EXPECT_EQ(o.exit, 1);
  EXPECT_NE(o.output.find("\"kind\":\"unknown-type\""), std::string::npos) << o.output;
  EXPECT_NE(o.output.find("\"line\":4"), std::string::npos);
  EXPECT_NE(o.output.find("\"column\":10"), std::string::npos);
}

TEST_F(Cli, MissingAndUnreadablePaths) {
  Outcome missing = run("check " + (dir_ / "nope.pw").string());
  EXPECT_EQ(missing.exit, 1);
  EXPECT_NE(missing.output.find("cannot read"), std::string::npos);
  Outcome directory = run("check " + dir_.string());
  EXPECT_EQ(directory.exit, 1);
  EXPECT_NE(directory.output.find("is a directory"), std::string::npos);
}

TEST_F(Cli, HostileInputsEndInDiagnostics) {
  std::mt19937 rng(7);
  std::string garbage(1 << 16, '\0');
  for (char& c : garbage) c = static_cast<char>(rng());
  std::string nested = "pathway p { title \"t\"; version \"1.0.0\"; }\ninput x: int;\ndefine d = " +
                       std::string(10000, '(') + "x" + std::string(10000, ')') + " > 1;\n";
  std::string big = kValid;
  while (big.size() < (10u << 20)) big += "input v" + std::to_string(big.size()) + ": nosuchtype;\n";
  const std::pair<std::string, std::string> cases[] = {
      {"empty.pw", ""},
      {"garbage.pw", garbage},
      {"utf8.pw", std::string(kValid) + "// \xff\xfe\n"},
      {"string.pw", std::string(kValid) + "input y: bool \"unterminated;\n"},
      {"comment.pw", std::string(kValid) + "/* never closed\n"},
      {"number.pw", std::string(kValid) + "define d = x > 99999999999999999999999;\n"},
      {"nested.pw", nested},
      {"big.pw", big},
  };
  for (const auto& [name, text] : cases) {
    Outcome o = run("check " + write(name, text));
    EXPECT_EQ(o.exit, 1) << name << ": " << o.output.substr(0, 500);
    EXPECT_NE(o.output.find(name + ":"), std::string::npos) << name;
    EXPECT_EQ(o.output.find("internal error"), std::string::npos) << name;
    EXPECT_EQ(o.output.find("terminate called"), std::string::npos) << name;
  }
}

}  // namespace

namespace {

std::string scenario(const std::string& name) { return std::string(PATHWAY_SOURCE_DIR) + "/tests/scenarios/" + name; }

TEST(CliTest, ScenarioFilesPassAndFail) {
  Outcome ok = run("test " + scenario("demo.pwtest"));
  EXPECT_EQ(ok.exit, 0) << ok.output;
  EXPECT_NE(ok.output.find("3 passed, 0 failed"), std::string::npos) << ok.output;

  Outcome bad = run("test " + scenario("fail_expectation.pwtest"));
  EXPECT_EQ(bad.exit, 1);
  EXPECT_NE(bad.output.find("FAIL deliberately wrong expectation"), std::string::npos) << bad.output;
  EXPECT_NE(bad.output.find("recommendation 'urgent': expected no, got fire (condition true; cites S1.P2)"),
            std::string::npos)
      << bad.output;
  EXPECT_NE(bad.output.find("0 passed, 1 failed"), std::string::npos);

  Outcome malformed = run("test " + scenario("fail_bad_status.pwtest"));
  EXPECT_EQ(malformed.exit, 1);
  EXPECT_NE(malformed.output.find("status must be \"fire\", \"no\" or \"undetermined\", not \"maybe\""),
            std::string::npos)
      << malformed.output;
}

TEST(CliTest, RunPrintsResultJsonAndRejectsBadInput) {
  std::string pw = scenario("demo.pw");
  Outcome ok = run("run " + pw + " --input " + scenario("../scenarios/demo_patient.json"));
  EXPECT_EQ(ok.exit, 0) << ok.output;
  EXPECT_NE(ok.output.find("\"code\":\"urgent\""), std::string::npos) << ok.output;
  EXPECT_NE(ok.output.find("\"status\":\"fire\""), std::string::npos) << ok.output;
  Outcome bad = run("run " + pw + " --input " + scenario("bad_patient.json"));
  EXPECT_EQ(bad.exit, 1);
  EXPECT_NE(bad.output.find("pain"), std::string::npos) << bad.output;
}

// One brief line per patient line, blank lines skipped (but counted), an error
// object in place of a bad line, from a file or standard input.
TEST_F(Cli, RunNdjsonWritesOneLinePerPatient) {
  const std::string patients = write(
      "patients.ndjson",
      "{\"pain\": 9, \"quality\": \"electrical\", \"weeks_pt\": \"2 weeks\", \"fever\": true}\n"
      "\n  \r\n{\"pa\\\"in\": 11}\n{\"pain\": 3}");
  const std::string expected =
      "{\"pathway\":\"demo\",\"version\":\"1.0.0\",\"status\":{\"continue_pt\":\"no\",\"urgent\":"
      "\"fire\"},\"missing\":{},\"superseded_by\":{\"continue_pt\":[\"urgent\"]},\"findings\":"
      "{\"too_short\":true},\"definitions\":{\"severe\":true}}\n"
      "{\"error\":\"no input named 'pa\\\"in' (did you mean 'pain'?)\",\"line\":4}\n"
      "{\"pathway\":\"demo\",\"version\":\"1.0.0\",\"status\":{\"continue_pt\":\"undetermined\","
      "\"urgent\":\"undetermined\"},\"missing\":{\"continue_pt\":[\"weeks_pt\",\"fever\",\"crp\"],"
      "\"urgent\":[\"fever\",\"crp\"]},\"superseded_by\":{},\"findings\":{\"too_short\":null},"
      "\"definitions\":{\"severe\":false}}\n";
  const std::string pw = scenario("demo.pw");
  for (const std::string& from : {"-i " + patients, "-i - < " + patients}) {
    Outcome o = run("run " + pw + " --ndjson " + from);
    EXPECT_EQ(o.exit, 1) << o.output;
    EXPECT_NE(o.output.find(expected), std::string::npos) << o.output;
    EXPECT_NE(o.output.find(":4: no input named 'pa\"in' (did you mean 'pain'?)\n"),
              std::string::npos)
        << o.output;
  }
  Outcome full = run("run " + pw + " --ndjson --full -i " + patients);
  EXPECT_EQ(full.exit, 1);
  EXPECT_NE(full.output.find("{\"pathway\":\"demo\",\"version\":\"1.0.0\",\"recommendations\":"
                             "[{\"code\":\"continue_pt\",\"label\":\"Continue PT\""),
            std::string::npos)
      << full.output;
}

// A patient file can be a pipe (not seekable), as from `<(...)` or
// /dev/stdin behind a pipe.
TEST_F(Cli, RunReadsAPatientFromAPipe) {
  const std::string patient = write("piped.json", "{\"pain\": 9, \"fever\": true}");
  Outcome o = run("--version >/dev/null; cat " + patient + " | " + PATHWAYC + " run " + scenario("demo.pw") +
                  " -i /dev/stdin");
  EXPECT_EQ(o.exit, 0) << o.output;
  EXPECT_NE(o.output.find("\"code\":\"urgent\""), std::string::npos) << o.output;
}

// Chunks of lines are evaluated by several threads (-j), but results and
// messages come out in input order, identical for any number of jobs.
TEST_F(Cli, RunNdjsonOutputDoesNotDependOnJobs) {
  std::string text;
  for (int i = 0; i < 10000; ++i) {
    text += i % 997 == 0 ? "{\"pain\": " + std::to_string(i) + "}\n"
                         : "{\"pain\": " + std::to_string(i % 11) + ", \"fever\": " + (i % 2 ? "true" : "false") + "}\n";
  }
  const std::string patients = write("jobs.ndjson", text);
  std::vector<std::pair<std::string, Outcome>> runs;
  for (const char* jobs : {"1", "2", "3", "16"}) {
    const std::string out = (dir_ / (std::string("out") + jobs)).string();
    // stderr to the outcome, stdout to the file.
    runs.emplace_back(out, run("run " + scenario("demo.pw") + " --ndjson -j " + jobs + " -i " + patients +
                               " 2>&1 > " + out + "; exit $?"));
  }
  auto slurp = [](const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
  };
  const std::string first = slurp(runs[0].first);
  EXPECT_EQ(std::count(first.begin(), first.end(), '\n'), 10000);
  EXPECT_NE(runs[0].second.output.find(":998: input 'pain' must be in 0..10, got 997"), std::string::npos)
      << runs[0].second.output.substr(0, 500);
  for (const auto& [out, outcome] : runs) {
    EXPECT_EQ(outcome.exit, 1);
    EXPECT_EQ(slurp(out), first) << out;
    EXPECT_EQ(outcome.output, runs[0].second.output) << out;  // stderr: the bad lines, in order
  }
  EXPECT_EQ(run("run " + scenario("demo.pw") + " --ndjson -j 0 -i " + patients).exit, 2);
}

// The patients file streams through a 1 MiB buffer: lines across its end, a
// line longer than it, and many lines in all.
TEST_F(Cli, RunNdjsonStreamsLongLinesAndLargeFiles) {
  const std::string patient = "{\"pain\": 3, \"fever\": false}";
  std::string text;
  for (int i = 0; i < 30000; ++i) text += patient + "\n";
  text += "{\"pain\": 8," + std::string(3 << 20, ' ') + "\"fever\": true}\n" + patient;
  const std::string patients = write("many.ndjson", text);
  Outcome o = run("run " + scenario("demo.pw") + " --ndjson -i " + patients);
  EXPECT_EQ(o.exit, 0);
  size_t lines = 0, fired = 0;
  for (size_t at = 0; (at = o.output.find('\n', at)) != std::string::npos; ++at) ++lines;
  for (size_t at = 0; (at = o.output.find("\"urgent\":\"fire\"", at)) != std::string::npos; ++at) {
    ++fired;
  }
  EXPECT_EQ(lines, 30002u);
  EXPECT_EQ(fired, 1u);
  Outcome directory = run("run " + scenario("demo.pw") + " --ndjson -i " + dir_.string());
  EXPECT_EQ(directory.exit, 1);
  EXPECT_NE(directory.output.find("cannot read '" + dir_.string() + "': is a directory"),
            std::string::npos)
      << directory.output;
}

}  // namespace

namespace {

TEST_F(Cli, ExplainShowsTheConditionTreeWithValues) {
  std::string pw = scenario("demo.pw");
  Outcome text = run("explain " + pw + " --input " + scenario("demo_patient.json"));
  EXPECT_EQ(text.exit, 0) << text.output;
  EXPECT_NE(text.output.find("urgent [fire] urgent: Urgent (immediate, clinical:S1.P2)"), std::string::npos)
      << text.output;
  EXPECT_NE(text.output.find("pain >= 7 = true   [pain = 9]"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("crp > 10 mg/L = unknown   [crp = unknown]"), std::string::npos) << text.output;
  EXPECT_NE(text.output.find("superseded by: urgent"), std::string::npos) << text.output;
  Outcome json = run("explain --json " + pw + " --input " + scenario("demo_patient.json"));
  EXPECT_EQ(json.exit, 0);
  EXPECT_NE(json.output.find("\"code\": \"urgent\""), std::string::npos) << json.output;
  EXPECT_NE(json.output.find("\"superseded_by\": ["), std::string::npos);
  // A compiled library explains itself through its trace, with the same text
  // as the reference interpreter.
  const std::string lib = (dir_ / "libdemo.so").string();
  ASSERT_EQ(run("build " + pw + " -o " + lib).exit, 0);
  for (const char* flags : {"", "--json ", "--all ", "--all --json "}) {
    Outcome compiled = run(std::string("explain ") + flags + lib + " --input " + scenario("demo_patient.json"));
    Outcome interpreted =
        run(std::string("explain --interpret ") + flags + pw + " --input " + scenario("demo_patient.json"));
    EXPECT_EQ(compiled.exit, 0) << compiled.output;
    EXPECT_EQ(compiled.output, interpreted.output) << flags;
  }
  // -r: only the named recommendations, whatever their status, in that order.
  for (const char* how : {"", "--interpret "}) {
    Outcome one = run(std::string("explain ") + how + "-r urgent -r continue_pt " + pw + " --input " +
                      scenario("demo_patient.json"));
    EXPECT_EQ(one.exit, 0) << one.output;
    EXPECT_EQ(one.output.rfind("urgent [fire]", 0), 0u) << one.output;
    EXPECT_NE(one.output.find("\ncontinue_pt [no]"), std::string::npos) << one.output;
    Outcome typo = run(std::string("explain ") + how + "-r urgnet " + pw + " --input " + scenario("demo_patient.json"));
    EXPECT_EQ(typo.exit, 1);
    EXPECT_NE(typo.output.find("no recommendation named 'urgnet' (did you mean 'urgent'?)"), std::string::npos)
        << typo.output;
  }
  Outcome missing = run("explain /nonexistent/lib.so --input " + scenario("demo_patient.json"));
  EXPECT_EQ(missing.exit, 1);
  EXPECT_NE(missing.output.find("/nonexistent/lib.so"), std::string::npos) << missing.output;
  Outcome interpretLib = run("explain --interpret " + lib + " --input " + scenario("demo_patient.json"));
  EXPECT_EQ(interpretLib.exit, 1);
  EXPECT_NE(interpretLib.output.find("--interpret needs the pathway source"), std::string::npos);
}

TEST(CliTest, GraphDrawsEveryRecommendation) {
  std::string pw = scenario("demo.pw");
  Outcome dot = run("graph --format dot " + pw);
  EXPECT_EQ(dot.exit, 0) << dot.output;
  EXPECT_NE(dot.output.find("digraph \"demo\""), std::string::npos);
  // One box per declaration, its condition's operands as rows, the
  // supersession as a footnote (the file tests under tests/files/graph pin
  // the whole chart).
  EXPECT_NE(dot.output.find("rec_1 [id=\"pw-node-urgent\""), std::string::npos) << dot.output;
  EXPECT_NE(dot.output.find("Urgent evaluation · immediate"), std::string::npos);
  EXPECT_NE(dot.output.find(">pain &gt;= 7</TD>"), std::string::npos);
  EXPECT_NE(dot.output.find("superseded by urgent"), std::string::npos);
  EXPECT_NE(dot.output.find("n_severe -> rec_1:r0:w [id=\"pw-edge-severe--urgent\"]"), std::string::npos);
  Outcome overlay = run("graph --format dot " + pw + " --input " + scenario("demo_patient.json"));
  EXPECT_EQ(overlay.exit, 0) << overlay.output;
  EXPECT_NE(overlay.output.find("<B>FIRES</B>"), std::string::npos) << overlay.output;
  EXPECT_NE(overlay.output.find("✓ pain &gt;= 7<BR ALIGN=\"LEFT\"/><I>pain = 9</I>"), std::string::npos);
  EXPECT_NE(overlay.output.find("? crp &gt; 10 mg/L<BR ALIGN=\"LEFT\"/><I>crp unknown</I>"), std::string::npos);
  EXPECT_NE(overlay.output.find("<B>superseded</B>"), std::string::npos);
  EXPECT_NE(overlay.output.find("[id=\"pw-edge-severe--urgent\", color=\"#1a6b2f\", penwidth=2.5]"),
            std::string::npos);
  // --focus: the recommendation and what its condition reads, nothing else.
  Outcome focus = run("graph --format dot " + pw + " --focus continue_pt");
  EXPECT_EQ(focus.exit, 0) << focus.output;
  EXPECT_NE(focus.output.find("what continue_pt reads"), std::string::npos) << focus.output;
  EXPECT_NE(focus.output.find("pw-node-too_short"), std::string::npos);
  EXPECT_EQ(focus.output.find("pw-node-urgent"), std::string::npos);
  EXPECT_EQ(focus.output.find("pw-node-severe"), std::string::npos);
  Outcome typo = run("graph --format dot " + pw + " --focus contnue_pt");
  EXPECT_EQ(typo.exit, 2) << typo.output;
  EXPECT_NE(typo.output.find("pathwayc: error: --focus contnue_pt: the pathway has no recommendation of that name (did you mean 'continue_pt'?)"),
            std::string::npos)
      << typo.output;
  Outcome mermaid = run("graph --format mermaid " + pw);
  EXPECT_EQ(mermaid.exit, 0);
  EXPECT_EQ(mermaid.output.rfind("flowchart LR", 0), 0u);
  Outcome svg = run("graph --format svg " + pw);
  EXPECT_EQ(svg.exit, 0) << svg.output.substr(0, 300);
  EXPECT_NE(svg.output.find("<svg"), std::string::npos);
}

}  // namespace

// ---------------------------------------------------------------- fmt

namespace {

std::string readBack(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
}

TEST_F(Cli, FmtPrintsChecksAndRewritesInPlace) {
  std::string file = write("messy.pw", kValid);
  Outcome printed = run("fmt " + file);
  EXPECT_EQ(printed.exit, 0) << printed.output;
  EXPECT_EQ(printed.output.rfind("pathway p {\n  title \"t\";\n", 0), 0u) << printed.output;
  EXPECT_EQ(readBack(file), kValid);  // printing never writes

  Outcome check = run("fmt --check " + file);
  EXPECT_EQ(check.exit, 1);
  EXPECT_NE(check.output.find("messy.pw"), std::string::npos) << check.output;
  EXPECT_EQ(readBack(file), kValid);

  Outcome inPlace = run("fmt -i " + file);
  EXPECT_EQ(inPlace.exit, 0) << inPlace.output;
  EXPECT_EQ(inPlace.output, "");
  EXPECT_EQ(readBack(file), printed.output);
  Outcome clean = run("fmt --check " + file);
  EXPECT_EQ(clean.exit, 0) << clean.output;
  EXPECT_EQ(clean.output, "");
  EXPECT_EQ(run("fmt -i " + file).exit, 0);
  EXPECT_EQ(readBack(file), printed.output);
  EXPECT_EQ(run("check " + file).exit, 0);
}

// The canonical layout has no byte order mark: --check lists a file that
// has one even when the rest is canonical, and -i drops it.
TEST_F(Cli, FmtDropsAByteOrderMark) {
  std::string canonical = run("fmt " + write("plain.pw", kValid)).output;
  ASSERT_EQ(canonical.rfind("pathway p {", 0), 0u) << canonical;
  std::string file = write("bom.pw", "\xEF\xBB\xBF" + canonical);
  EXPECT_EQ(run("check " + file).exit, 0);
  Outcome printed = run("fmt " + file);
  EXPECT_EQ(printed.exit, 0) << printed.output;
  EXPECT_EQ(printed.output, canonical);
  Outcome check = run("fmt --check " + file);
  EXPECT_EQ(check.exit, 1);
  EXPECT_NE(check.output.find("bom.pw"), std::string::npos) << check.output;
  EXPECT_EQ(run("fmt -i " + file).exit, 0);
  EXPECT_EQ(readBack(file), canonical);
  EXPECT_EQ(run("fmt --check " + file).exit, 0);
}

TEST_F(Cli, FmtLeavesFilesWithSyntaxErrorsAlone) {
  std::string broken = std::string(kValid) + "input y: int\n";
  std::string file = write("broken.pw", broken);
  for (const char* flags : {"", "--check ", "-i "}) {
    Outcome o = run(std::string("fmt ") + flags + file);
    EXPECT_EQ(o.exit, 1) << flags;
    EXPECT_NE(o.output.find("broken.pw:5:1: error: unexpected end of file"), std::string::npos) << o.output;
    EXPECT_EQ(o.output.find("pathway p"), std::string::npos) << o.output;
    EXPECT_EQ(readBack(file), broken);
  }
  // One bad file does not stop the others; the exit code reports it.
  std::string good = write("good.pw", kValid);
  EXPECT_EQ(run("fmt -i " + file + " " + good).exit, 1);
  EXPECT_EQ(run("fmt --check " + good).exit, 0);
}

TEST_F(Cli, FmtUsageErrors) {
  std::string file = write("ok.pw", kValid);
  EXPECT_EQ(run("fmt").exit, 2);
  EXPECT_EQ(run("fmt --check -i " + file).exit, 2);
  EXPECT_EQ(run("fmt -i -").exit, 2);
  EXPECT_EQ(run("fmt " + (dir_ / "missing.pw").string()).exit, 1);
  EXPECT_EQ(readBack(file), kValid);
}

}  // namespace

namespace {

TEST(CliTest, InterpreterGivesTheSameResultJsonAsNativeCode) {
  std::string pw = scenario("demo.pw");
  for (const char* patient : {"demo_patient.json"}) {
    Outcome compiled = run("run " + pw + " --input " + scenario(patient));
    Outcome interpreted = run("run --interpret " + pw + " --input " + scenario(patient));
    EXPECT_EQ(compiled.exit, 0);
    EXPECT_EQ(interpreted.exit, 0) << interpreted.output;
    EXPECT_EQ(compiled.output, interpreted.output);
  }
  Outcome lib = run("run --interpret /nonexistent/libx.so --input " + scenario("demo_patient.json"));
  EXPECT_EQ(lib.exit, 1);
  EXPECT_NE(lib.output.find("--interpret needs the pathway source"), std::string::npos) << lib.output;
}

}  // namespace

namespace {

// The PT pathway's chart: generation succeeds and every recommendation of
// the file appears in it, with its label.
TEST(CliTest, PtPathwayChartHasEveryRecommendation) {
  std::string pw = std::string(PATHWAY_SOURCE_DIR) + "/pathways/pt_failure.pw";
  Outcome dot = run("graph --format dot " + pw);
  ASSERT_EQ(dot.exit, 0) << dot.output.substr(0, 500);
  std::ifstream in(pw);
  std::string line;
  size_t recommendations = 0;
  bool inRecommendation = false;  // properties and findings have labels too
  while (std::getline(in, line)) {
    if (line.rfind("recommendation ", 0) == 0) ++recommendations;
    if (!line.empty() && line[0] != ' ') inRecommendation = line.rfind("recommendation ", 0) == 0;
    size_t label = line.find("  label \"");
    if (label == 0 && inRecommendation) {
      // Labels are wrapped in the chart; their first word must be there.
      std::string text = line.substr(9, line.find(' ', 9) - 9);
      EXPECT_NE(dot.output.find(text), std::string::npos) << text;
    }
  }
  ASSERT_GT(recommendations, 20u);
  for (size_t r = 0; r < recommendations; ++r) {
    EXPECT_NE(dot.output.find("rec_" + std::to_string(r) + " [id="), std::string::npos) << r;
  }
  Outcome svg = run("graph " + pw + " -o " + (std::filesystem::temp_directory_path() / "pt_chart.svg").string());
  EXPECT_EQ(svg.exit, 0) << svg.output.substr(0, 500);
}

}  // namespace

namespace {

// The PT pathway's urgencies that scenario tests cannot see (issue 11, item
// 4): the red-flag screen belongs to this contact, cancer history can follow,
// and the cauda equina route (assessment, emergency imaging, decompression) is
// immediate.
TEST(CliTest, PtPathwayUrgencies) {
  std::string pw = std::string(PATHWAY_SOURCE_DIR) + "/pathways/pt_failure.pw";
  Outcome described = run("describe " + pw);
  ASSERT_EQ(described.exit, 0) << described.output.substr(0, 500);
  auto urgencyOf = [&](const std::string& code) {
    std::istringstream lines(described.output);
    std::string line;
    while (std::getline(lines, line)) {
      std::istringstream words(line);
      std::string name, category, urgency;
      words >> name >> category >> urgency;
      if (name == code) return urgency;
    }
    return std::string("(not listed)");
  };
  EXPECT_EQ(urgencyOf("screen_red_flags"), "immediate");
  EXPECT_EQ(urgencyOf("record_cancer_history"), "routine");
  EXPECT_EQ(urgencyOf("immediate_medical_evaluation"), "immediate");
  EXPECT_EQ(urgencyOf("cauda_equina_emergency"), "immediate");
  EXPECT_EQ(urgencyOf("emergency_mri_cauda_equina"), "immediate");
  EXPECT_EQ(urgencyOf("emergency_ct_cauda_equina"), "immediate");
  EXPECT_EQ(urgencyOf("emergency_decompression"), "immediate");
}

}  // namespace
