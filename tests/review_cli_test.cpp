// pathwayc review as a process: the files it writes, the review data (stages
// and input groups from heading comments, the inputs each node reads, cited
// paragraphs, sample patients, the module), and its refusals. The page
// itself is tested in Chromium (tests/review).
#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "support/Cli.h"

namespace {

using pathway::test::Cli;
using pathway::test::Outcome;
using pathway::test::run;
using pathway::test::slurp;

const char* kPathway = R"(pathway p { title "Review test"; version "1.2.3"; source s "src" { S1.P1, S1.P2 } }
enum Quality { dull, sharp }
// ========================== inputs
// --- Pain (S1)
input pain: int in 0..10 "Pain now";
input quality: Quality "Kind of pain";
// --- History
input weeks: weeks in 0..52 "Weeks of PT";
input extra: bool "Under no group? No: still under History";
// ========================== S1: is it severe?
define severe = pain > 6 and quality == sharp;
finding long_course { label "Long"; when weeks >= 6 weeks; cite S1.P1; }
// ========================== S2: what to do
recommendation image { label "Image"; when severe and long_course and not extra; category imaging; urgency soon; rationale "R"; cite S1.P2; }
)";

// An id as dot writes it into SVG ('-' as "&#45;"), quoted.
std::string svgId(const std::string& id) {
  std::string out = "id=\"";
  for (char c : id) out += c == '-' ? std::string("&#45;") : std::string(1, c);
  return out + "\"";
}

class Review : public Cli {
 protected:
  // One of the assignments of DIR/review-data.js ("window.PATHWAY_REVIEW =
  // {...};\nwindow.PATHWAY_MODULES = {...};\n") or DIR/flowchart.js.
  nlohmann::json assigned(const std::filesystem::path& dir, const std::string& name,
                          const std::string& file = "review-data.js") {
    std::string text = slurp(dir / file);
    const std::string prefix = "window." + name + " = ";
    size_t at = text.find(prefix);
    EXPECT_NE(at, std::string::npos);
    if (at == std::string::npos) return nullptr;
    size_t begin = at + prefix.size();
    size_t end = text.find(";\n", begin);
    return nlohmann::json::parse(text.substr(begin, end - begin));
  }
  nlohmann::json data(const std::filesystem::path& dir) { return assigned(dir, "PATHWAY_REVIEW"); }
};

TEST_F(Review, WritesThePageAndItsData) {
  std::string pw = write("p.pw", kPathway);
  std::filesystem::create_directories(dir_ / "pats");
  write("pats/02_second.json", R"({"pain": 8, "quality": "sharp"})");
  write("pats/01_first.json", R"({"weeks": 7})");
  write("pats/notes.txt", "ignored");
  write("source.md", "# Source\n\n**S1.P1** First paragraph,\ncontinued.\n\n## S2\n**S1.P2** Second.\n**S9.P9** Not cited.\n");
  std::filesystem::path out = dir_ / "site";
  Outcome o = run("review " + pw + " -o " + out.string() + " --patients " + (dir_ / "pats").string() +
                  " --source-text " + (dir_ / "source.md").string());
  ASSERT_EQ(o.exit, 0) << o.output;
  EXPECT_EQ(o.output, "");
  for (const char* file : {"review-data.js", "pathway.wasm", "runtime/module.js", "runtime/errors.js"}) {
    EXPECT_TRUE(std::filesystem::is_regular_file(out / file)) << file;
  }
  std::string wasm = slurp(out / "pathway.wasm");
  ASSERT_GE(wasm.size(), 8u);
  EXPECT_EQ(wasm.substr(0, 4), std::string("\0asm", 4));

  nlohmann::json d = data(out);
  EXPECT_EQ(d["format"], 1);
  EXPECT_EQ(d["pathway"]["name"], "p");
  EXPECT_EQ(d["pathway"]["version"], "1.2.3");
  EXPECT_EQ(d["pathway"]["contentHash"].get<std::string>().size(), 16u);
  EXPECT_EQ(d["stages"], nlohmann::json::parse(
                             R"([{"id":"s1","title":"S1: is it severe?"},{"id":"s2","title":"S2: what to do"}])"));
  EXPECT_EQ(d["groups"], nlohmann::json::parse(R"j([{"title":"Pain (S1)","inputs":["pain","quality"]},
                                                   {"title":"History","inputs":["weeks","extra"]}])j"));
  EXPECT_EQ(d["nodes"]["severe"], nlohmann::json::parse(
                                      R"({"kind":"definition","stage":"s1","line":11,"inputs":["pain","quality"]})"));
  EXPECT_EQ(d["nodes"]["long_course"]["inputs"], nlohmann::json::parse(R"(["weeks"])"));
  EXPECT_EQ(d["nodes"]["image"], nlohmann::json::parse(
                                     R"({"kind":"recommendation","stage":"s2","line":14,
                                         "inputs":["pain","quality","weeks","extra"]})"));
  EXPECT_EQ(d["paragraphs"], nlohmann::json::parse(R"({"S1.P1":"First paragraph, continued.","S1.P2":"Second."})"));
  EXPECT_EQ(d["patients"], nlohmann::json::parse(R"([
      {"id":"01_first","title":"01: first","facts":{"weeks":7}},
      {"id":"02_second","title":"02: second","facts":{"pain":8,"quality":"sharp"}}])"));
  EXPECT_EQ(d["wasmBase64"].get<std::string>().size(), (wasm.size() + 2) / 3 * 4);
  // The flowchart: the whole chart, and per recommendation only what its
  // condition reads, as SVG elements (no prolog, no comments).
  EXPECT_EQ(d["flowchartScript"], "flowchart.js");
  nlohmann::json chart = assigned(out, "PATHWAY_FLOWCHART", "flowchart.js");
  const std::string whole = chart["svg"];
  EXPECT_EQ(whole.rfind("<svg", 0), 0u) << whole.substr(0, 80);
  EXPECT_EQ(whole.find("<!--"), std::string::npos);
  for (const char* id : {"pw-node-severe", "pw-node-long_course", "pw-node-image", "pw-edge-severe--image"}) {
    EXPECT_NE(whole.find(svgId(id)), std::string::npos) << id;
  }
  EXPECT_NE(whole.find(">S1: is it severe?</text>"), std::string::npos);
  ASSERT_EQ(chart["subgraphs"].size(), 1u);
  const std::string focus = chart["subgraphs"]["image"];
  EXPECT_NE(focus.find("what image reads"), std::string::npos);
  // The page's modules, each also written as a file.
  nlohmann::json modules = assigned(out, "PATHWAY_MODULES");
  ASSERT_TRUE(modules.contains("runtime/module.js"));
  for (auto& [name, source] : modules.items()) {
    EXPECT_EQ(source.get<std::string>(), slurp(out / name)) << name;
  }
}

TEST_F(Review, InputsUnderNoHeadingAreGroupedLast) {
  std::string pw = write("flat.pw", R"(pathway p { title "t"; version "1.0.0"; source s "src" { S1.P1 } }
input x: int in 0..10;
recommendation r { label "r"; when x > 5; category imaging; urgency routine; rationale "why"; cite S1.P1; }
)");
  Outcome o = run("review " + pw + " -o " + (dir_ / "site").string());
  ASSERT_EQ(o.exit, 0) << o.output;
  nlohmann::json d = data(dir_ / "site");
  EXPECT_EQ(d["groups"], nlohmann::json::parse(R"([{"title":"Other inputs","inputs":["x"]}])"));
  EXPECT_EQ(d["stages"], nlohmann::json::array());
  EXPECT_EQ(d["nodes"]["r"]["stage"], nullptr);
  EXPECT_EQ(d["patients"], nlohmann::json::array());
  EXPECT_EQ(d["paragraphs"], nlohmann::json::object());
}

TEST_F(Review, ThePtPathwayWithItsSamplePatients) {
  Outcome o = run("review " PATHWAY_SOURCE_DIR "/pathways/pt_failure.pw -o " + (dir_ / "site").string());
  ASSERT_EQ(o.exit, 0) << o.output;
  nlohmann::json d = data(dir_ / "site");
  EXPECT_EQ(d["patients"].size(), 8u);  // pathways/pt_failure/patients, found beside the .pw
  EXPECT_EQ(d["patients"][4]["id"], "05_radicular_needs_mri_emg");
  size_t inputs = 0;
  for (const auto& g : d["groups"]) inputs += g["inputs"].size();
  EXPECT_EQ(inputs, 48u);
  EXPECT_EQ(d["stages"][0]["title"], "S0: is PT actually failing?");
}

TEST_F(Review, WithoutGraphvizThePageHasNoFlowchartAndSaysWhy) {
  std::string pw = write("p.pw", kPathway);
  std::string site = (dir_ / "site").string();
  // dot is looked up on PATH; the shell runs pathwayc by its full path.
  std::string command = "PATH=/nonexistent " PATHWAYC " review " + pw + " -o " + site + " 2>&1";
  FILE* pipe = ::popen(command.c_str(), "r");
  ASSERT_NE(pipe, nullptr);
  std::string output;
  char buffer[4096];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) output.append(buffer, n);
  int status = ::pclose(pipe);
  ASSERT_TRUE(WIFEXITED(status));
  EXPECT_EQ(WEXITSTATUS(status), 0) << output;
  EXPECT_EQ(output,
            "pathwayc: warning: the review page has no flowchart: Graphviz 'dot' was not found; install the graphviz "
            "package\n");
  EXPECT_FALSE(data(dir_ / "site").contains("flowchartScript"));
  EXPECT_FALSE(std::filesystem::exists(dir_ / "site" / "flowchart.js"));
}

TEST_F(Review, CitedParagraphsMissingFromTheSourceTextAreWarnedAbout) {
  std::string pw = write("p.pw", kPathway);
  std::string source = write("source.md", "**S1.P1** Only the first.\n");
  Outcome o = run("review " + pw + " -o " + (dir_ / "site").string() + " --source-text " + source);
  EXPECT_EQ(o.exit, 0);
  EXPECT_EQ(o.output, "pathwayc: warning: " + source + " has no paragraph S1.P2, which the pathway cites\n");
}

TEST_F(Review, Refusals) {
  std::string pw = write("p.pw", kPathway);
  std::string site = (dir_ / "site").string();
  Outcome notSource = run("review " + write("lib.so", "x") + " -o " + site);
  EXPECT_EQ(notSource.exit, 2);
  EXPECT_EQ(notSource.output, "pathwayc: error: review needs the pathway source (.pw)\n");
  EXPECT_EQ(run("review " + pw).exit, 2);  // -o is required

  Outcome noDir = run("review " + pw + " -o " + site + " --patients " + (dir_ / "nowhere").string());
  EXPECT_EQ(noDir.exit, 2);
  EXPECT_EQ(noDir.output, "pathwayc: error: --patients " + (dir_ / "nowhere").string() + " is not a directory\n");

  std::filesystem::create_directories(dir_ / "bad");
  std::string patient = write("bad/01.json", R"({"pain": 11})");
  Outcome badPatient = run("review " + pw + " -o " + site + " --patients " + (dir_ / "bad").string());
  EXPECT_EQ(badPatient.exit, 1);
  EXPECT_NE(badPatient.output.find("pathwayc: error: " + patient + ": "), std::string::npos) << badPatient.output;
  EXPECT_NE(badPatient.output.find("'pain'"), std::string::npos) << badPatient.output;
  EXPECT_FALSE(std::filesystem::exists(site));  // nothing written before the inputs were checked

  Outcome noSource = run("review " + pw + " -o " + site + " --source-text " + (dir_ / "none.md").string());
  EXPECT_EQ(noSource.exit, 1);
  EXPECT_NE(noSource.output.find("none.md"), std::string::npos);

  Outcome broken = run("review " + write("broken.pw", "pathway {") + " -o " + site);
  EXPECT_EQ(broken.exit, 1);
  EXPECT_NE(broken.output.find("broken.pw:1:"), std::string::npos) << broken.output;
}

}  // namespace
