// Explanations through the runtime: pw_evaluate_traced records the value of
// every condition-graph node with the library's trace entry point, and
// pw_result_explain renders them exactly as the reference interpreter's
// explanation (pathwayc explain --interpret) does.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <dlfcn.h>

#include <algorithm>
#include <functional>
#include <random>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <pathway/abi.h>

#include "Compile.h"
#include "Harness.h"
#include "TestProgram.h"
#include "explain/Interpreted.h"

namespace pathway::test {
namespace {

using ::testing::HasSubstr;
using ir::Op;

ir::Program triageProgram() {
  TestProgram p("triage", "1.0.0");
  const ir::NodeId redFlag = p.read(p.boolInput("red_flag"));
  const ir::NodeId weeks = p.read(p.quantityInput("pt_weeks", "weeks", "time", 0, 520));
  const ir::NodeId quality = p.read(p.enumInput("quality", "Quality", {"dull", "sharp"}));
  const ir::NodeId pain = p.read(p.intInput("pain", 0, 10));
  const ir::NodeId shortPt = p.op(Op::Lt, {weeks, p.number(6)});
  const ir::NodeId severe =
      p.op(Op::And, {p.op(Op::Ge, {pain, p.number(7)}), p.inSet(quality, {1})});
  p.definition("severe", severe);
  p.finding("too_short", shortPt);
  p.recommendation("continue_pt", p.op(Op::And, {shortPt, p.op(Op::Not, {redFlag})}));
  p.recommendation("urgent_eval", p.op(Op::Or, {redFlag, severe}), {0}, "immediate");
  return p.program();
}

class ExplainTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    program_ = new ir::Program(triageProgram());
    path_ = new std::string(compileLibrary(*program_));
    library_ = new Library(*path_);
  }
  static void TearDownTestSuite() {
    delete library_;
    delete path_;
    delete program_;
  }

  // The interpreter's explanation of the same patient, as pathwayc explain
  // --interpret prints it.
  static std::string interpreted(const Input& input, uint32_t rec, pw_explain_format format) {
    const InputRows rows = input.rows();
    explain::InterpretedEvaluation evaluation(*program_, rows.values, rows.known);
    const bool json = format == PW_EXPLAIN_JSON;
    if (rec == PW_EXPLAIN_ALL) {
      return json ? explain::json(evaluation, false).dump() : explain::text(evaluation, false);
    }
    const explain::Explanation e = explain::explain(evaluation, rec);
    return json ? explain::json(evaluation, e).dump() : explain::text(evaluation, e);
  }

  static ir::Program* program_;
  static std::string* path_;
  static Library* library_;
};

ir::Program* ExplainTest::program_ = nullptr;
std::string* ExplainTest::path_ = nullptr;
Library* ExplainTest::library_ = nullptr;

TEST_F(ExplainTest, ShowsTheConditionTreeWithValuesAndInputs) {
  Input input(*library_);
  input.setJson(R"({"red_flag": false, "pt_weeks": "3 weeks", "pain": 8})");
  Result result(*library_);
  evaluateTraced(*library_, input, result);
  EXPECT_EQ(result.status(0), PW_UNDETERMINED);
  EXPECT_EQ(result.explain(0),
            "continue_pt [undetermined] execution: Do continue_pt (routine, guide:S1.P1, guide:S1.P2)\n"
            "  condition:\n"
            "    and = true\n"
            "      finding too_short = true\n"
            "        pt_weeks < 6 weeks = true   [pt_weeks = 3 weeks]\n"
            "      not = true\n"
            "        red_flag = false   [red_flag = false]\n"
            "  undecided superseders: urgent_eval\n"
            "  missing: quality\n");
  EXPECT_EQ(result.explain(1),
            "urgent_eval [undetermined] execution: Do urgent_eval (immediate, guide:S1.P1, guide:S1.P2)\n"
            "  condition:\n"
            "    or = unknown\n"
            "      red_flag = false   [red_flag = false]\n"
            "      define severe = unknown\n"
            "        and = unknown\n"
            "          pain >= 7 = true   [pain = 8]\n"
            "          quality in {sharp} = unknown   [quality = unknown]\n"
            "  missing: quality\n");
  const nlohmann::json json = nlohmann::json::parse(result.explain(1, PW_EXPLAIN_JSON));
  EXPECT_EQ(json["status"], "undetermined");
  EXPECT_EQ(json["condition"]["children"][1]["text"], "define severe");
  EXPECT_EQ(json["missing"], nlohmann::json::array({"quality"}));
}

TEST_F(ExplainTest, SupersededRecommendationsAreExplained) {
  Input input(*library_);
  input.setJson(R"({"red_flag": false, "pt_weeks": 2, "pain": 9, "quality": "sharp"})");
  Result result(*library_);
  evaluateTraced(*library_, input, result);
  const std::string all = result.explain(PW_EXPLAIN_ALL);
  EXPECT_THAT(all, HasSubstr("continue_pt [no]"));
  EXPECT_THAT(all, HasSubstr("  superseded by: urgent_eval\n"));
  EXPECT_THAT(all, HasSubstr("urgent_eval [fire]"));
  const nlohmann::json json = nlohmann::json::parse(result.explain(PW_EXPLAIN_ALL, PW_EXPLAIN_JSON));
  EXPECT_EQ(json["pathway"], "triage");
  EXPECT_EQ(json["recommendations"].size(), 2u);
  // Neither fired nor suppressed: not worth explaining by default.
  input.setJson(R"({"red_flag": false, "pt_weeks": 12, "pain": 2})");
  evaluateTraced(*library_, input, result);
  EXPECT_EQ(result.explain(PW_EXPLAIN_ALL), "");
  EXPECT_THAT(result.explain(0), HasSubstr("continue_pt [no]"));
}

// Every combination of known and unknown inputs: the trace gives the
// interpreter's explanation, text and JSON, and the statuses of pw_evaluate.
TEST_F(ExplainTest, AgreesWithTheInterpreterOnEveryPatient) {
  std::mt19937 rng(7);
  Input input(*library_);
  Result traced(*library_), plain(*library_);
  for (int patient = 0; patient < 300; ++patient) {
    input.clear();
    if (rng() % 3) input.setBool(0, rng() % 2);
    if (rng() % 3) input.setNumber(1, rng() % 12);
    if (rng() % 3) input.setEnumIndex(2, rng() % 2);
    if (rng() % 3) input.setInt(3, rng() % 11);
    evaluateTraced(*library_, input, traced);
    evaluate(*library_, input, plain);
    for (uint32_t r = 0; r < 2; ++r) {
      ASSERT_EQ(traced.status(r), plain.status(r));
      ASSERT_EQ(traced.missing(r), plain.missing(r));
    }
    ASSERT_EQ(traced.toJson(), plain.toJson());
    for (uint32_t r : {0u, 1u, PW_EXPLAIN_ALL}) {
      for (pw_explain_format format : {PW_EXPLAIN_TEXT, PW_EXPLAIN_JSON}) {
        ASSERT_EQ(traced.explain(r, format), interpreted(input, r, format)) << "patient " << patient;
      }
    }
  }
}

TEST_F(ExplainTest, OnlyATracedResultCanBeExplained) {
  Input input(*library_);
  Result result(*library_);
  size_t length = 0;
  Failure f = lastFailure(pw_result_explain(result.get(), 0, PW_EXPLAIN_TEXT, nullptr, 0, &length));
  EXPECT_EQ(f.status, PW_ERR_STATE);
  EXPECT_EQ(f.message, "the result was not evaluated with pw_evaluate_traced, so it holds nothing "
                       "to explain");
  evaluateTraced(*library_, input, result);
  EXPECT_EQ(pw_result_explain(result.get(), 0, PW_EXPLAIN_TEXT, nullptr, 0, &length), PW_OK);
  // A later plain evaluation replaces the trace.
  evaluate(*library_, input, result);
  EXPECT_EQ(pw_result_explain(result.get(), 0, PW_EXPLAIN_TEXT, nullptr, 0, &length), PW_ERR_STATE);
}

TEST_F(ExplainTest, ArgumentErrors) {
  Input input(*library_);
  Result result(*library_);
  evaluateTraced(*library_, input, result);
  size_t length = 0;
  Failure f = lastFailure(pw_result_explain(result.get(), 2, PW_EXPLAIN_TEXT, nullptr, 0, &length));
  EXPECT_EQ(f.status, PW_ERR_ARGUMENT);
  EXPECT_EQ(f.message, "recommendation index 2 is out of range (the pathway has 2)");
  f = lastFailure(pw_result_explain(result.get(), 0, static_cast<pw_explain_format>(7), nullptr, 0, &length));
  EXPECT_EQ(f.status, PW_ERR_ARGUMENT);
  EXPECT_EQ(f.message, "unknown explanation format 7");
  EXPECT_EQ(pw_result_explain(nullptr, 0, PW_EXPLAIN_TEXT, nullptr, 0, &length), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_result_explain(result.get(), 0, PW_EXPLAIN_TEXT, nullptr, 0, nullptr), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_evaluate_traced(nullptr, input.get(), result.get()), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_evaluate_traced(library_->get(), nullptr, result.get()), PW_ERR_ARGUMENT);
  EXPECT_EQ(pw_evaluate_traced(library_->get(), input.get(), nullptr), PW_ERR_ARGUMENT);
  Library other(*path_);
  Result foreign(other);
  f = lastFailure(pw_evaluate_traced(library_->get(), input.get(), foreign.get()));
  EXPECT_EQ(f.status, PW_ERR_ARGUMENT);
  EXPECT_THAT(f.message, HasSubstr("must be created from the library"));
}

TEST_F(ExplainTest, SizeQueryAndTooSmallBuffer) {
  Input input(*library_);
  Result result(*library_);
  evaluateTraced(*library_, input, result);
  size_t length = 0;
  ASSERT_EQ(pw_result_explain(result.get(), 1, PW_EXPLAIN_TEXT, nullptr, 0, &length), PW_OK);
  EXPECT_EQ(length, result.explain(1).size());
  std::vector<char> small(length);  // no room for the NUL
  size_t reported = 0;
  Failure f = lastFailure(pw_result_explain(result.get(), 1, PW_EXPLAIN_TEXT, small.data(), small.size(), &reported));
  EXPECT_EQ(f.status, PW_ERR_BUFFER_TOO_SMALL);
  EXPECT_EQ(reported, length);
  EXPECT_THAT(f.message, HasSubstr("the explanation needs " + std::to_string(length + 1)));
  std::vector<char> exact(length + 1);
  ASSERT_EQ(pw_result_explain(result.get(), 1, PW_EXPLAIN_TEXT, exact.data(), exact.size(), &reported), PW_OK);
  EXPECT_EQ(std::string(exact.data()), result.explain(1));
}

// ---- the tree builder (common/explain) on graphs a compiler would not write.

// An evaluation of a hand-made graph: every node true, one recommendation.
class GraphEvaluation final : public explain::Evaluation {
 public:
  explicit GraphEvaluation(explain::Graph graph) : graph_(std::move(graph)) {}
  const explain::Graph& graph() const override { return graph_; }
  std::string pathwayName() const override { return "g"; }
  std::string pathwayVersion() const override { return "1"; }
  uint32_t recommendationCount() const override { return 1; }
  explain::Recommendation recommendation(uint32_t) const override { return {"r", "R", "imaging", "soon", {}, {}}; }
  std::string inputName(uint32_t) const override { return "x"; }
  std::string inputValue(uint32_t) const override { return "1"; }
  explain::Status status(uint32_t) const override { return explain::Status::Fire; }
  uint8_t node(uint32_t) const override { return PW_TRI_TRUE; }
  std::vector<uint32_t> missing(uint32_t) const override { return {}; }

 private:
  explain::Graph graph_;
};

size_t depth(const explain::TreeNode& node) {
  size_t deepest = 0;
  for (const auto& child : node.children) deepest = std::max(deepest, depth(child));
  return deepest + 1;
}

TEST(ExplainTree, ChainsOfOneOperatorAreFlattenedAndNamedNodesShownOnce) {
  explain::Graph g;
  g.nodes.push_back({explain::NodeKind::Leaf, {}, "x > 1", {0}, ""});              // 0
  g.nodes.push_back({explain::NodeKind::Leaf, {}, "x < 9", {0}, "define mid"});    // 1
  g.nodes.push_back({explain::NodeKind::And, {0, 1}, "", {}, ""});                 // 2
  g.nodes.push_back({explain::NodeKind::And, {2, 1}, "", {}, ""});                 // 3: (x > 1 and mid) and mid
  g.conditions = {3};
  GraphEvaluation evaluation(std::move(g));
  EXPECT_EQ(explain::text(evaluation, explain::explain(evaluation, 0)),
            "r [fire] imaging: R (soon, )\n"
            "  condition:\n"
            "    and = true\n"
            "      x > 1 = true   [x = 1]\n"
            "      define mid = true\n"
            "        x < 9 = true   [x = 1]\n"
            "      define mid = true   [explained above]\n");
}

// Alternating and/or 1,000 deep: the tree stops at kMaxTreeDepth and says so,
// instead of recursing as deep as the graph.
TEST(ExplainTree, DeepGraphsAreCutAtTheDepthLimit) {
  explain::Graph g;
  g.nodes.push_back({explain::NodeKind::Leaf, {}, "x", {0}, ""});
  for (uint32_t i = 1; i <= 1000; ++i) {
    g.nodes.push_back({i % 2 ? explain::NodeKind::And : explain::NodeKind::Or, {0, i - 1}, "", {}, ""});
  }
  g.conditions = {1000};
  GraphEvaluation evaluation(std::move(g));
  const explain::Explanation e = explain::explain(evaluation, 0);
  EXPECT_EQ(depth(e.condition), explain::kMaxTreeDepth + 1);
  EXPECT_THAT(explain::text(evaluation, e), HasSubstr("[deeper operands not shown]"));
}

// ---- descriptors: the trace entry point and the metadata's graph agree.

class ExplainDescriptorTest : public ExplainTest {
 protected:
  void SetUp() override {
    handle_ = ::dlopen(path_->c_str(), RTLD_NOW | RTLD_LOCAL);
    ASSERT_NE(handle_, nullptr) << ::dlerror();
    loaded_ = static_cast<const pw_descriptor*>(::dlsym(handle_, PW_DESCRIPTOR_SYMBOL));
    ASSERT_NE(loaded_, nullptr);
    metadata_ = nlohmann::ordered_json::parse(loaded_->metadata_json, loaded_->metadata_json + loaded_->metadata_size);
  }
  void TearDown() override { ::dlclose(handle_); }

  // The loaded descriptor with `metadata` instead of its own.
  pw_descriptor withMetadata(const nlohmann::ordered_json& metadata) {
    text_ = metadata.dump();
    pw_descriptor d = *loaded_;
    d.metadata_json = text_.data();
    d.metadata_size = text_.size();
    d.metadata_checksum = pw_descriptor_checksum(&d);
    return d;
  }

  void* handle_ = nullptr;
  const pw_descriptor* loaded_ = nullptr;
  nlohmann::ordered_json metadata_;
  std::string text_;
};

TEST_F(ExplainDescriptorTest, TraceSizeMatchesTheGraph) {
  EXPECT_EQ(loaded_->descriptor_size, PW_DESCRIPTOR_SIZE_TRACE);
  EXPECT_NE(loaded_->evaluate_trace, nullptr);
  EXPECT_EQ(loaded_->n_trace_nodes, metadata_["explain"]["nodes"].size());
}

TEST_F(ExplainDescriptorTest, OlderLibrariesOpenButCannotBeExplained) {
  for (uint32_t size : {PW_DESCRIPTOR_SIZE_ROWS, PW_DESCRIPTOR_SIZE_COLUMNS}) {
    nlohmann::ordered_json metadata = metadata_;
    metadata.erase("explain");
    pw_descriptor d = withMetadata(metadata);
    d.descriptor_size = size;
    Library library = Library::fromDescriptor(d);
    Input input(library);
    Result result(library);
    evaluate(library, input, result);
    Failure f = lastFailure(pw_evaluate_traced(library.get(), input.get(), result.get()));
    EXPECT_EQ(f.status, PW_ERR_STATE);
    EXPECT_EQ(f.message, "pathway 'triage' has no trace entry point, so it cannot be explained; "
                         "recompile it with this version of pathwayc");
  }
}

TEST_F(ExplainDescriptorTest, InconsistentTraceIsCorrupt) {
  pw_descriptor d = *loaded_;
  d.n_trace_nodes += 1;
  Failure f = openDescriptorFails(d);
  EXPECT_EQ(f.status, PW_ERR_CORRUPT);
  EXPECT_EQ(f.message, "corrupt descriptor in '<in-memory descriptor>': n_trace_nodes is " +
                           std::to_string(loaded_->n_trace_nodes + 1) + ", but the metadata's condition graph has " +
                           std::to_string(loaded_->n_trace_nodes) + " nodes");

  nlohmann::ordered_json metadata = metadata_;
  metadata.erase("explain");
  f = openDescriptorFails(withMetadata(metadata));
  EXPECT_EQ(f.status, PW_ERR_CORRUPT);
  EXPECT_THAT(f.message, HasSubstr("it has a trace entry point but its metadata has no condition graph"));
}

TEST_F(ExplainDescriptorTest, MalformedGraphIsCorrupt) {
  struct Case {
    std::function<void(nlohmann::ordered_json&)> patch;
    std::string message;
  };
  const std::vector<Case> cases = {
      {[](auto& g) { g = 1; }, "the explain graph is not an object"},
      {[](auto& g) { g.erase("conditions"); }, "the explain graph needs \"nodes\" and \"conditions\" arrays"},
      {[](auto& g) { g["nodes"][0] = 3; }, "explain graph node 0: not an object"},
      {[](auto& g) { g["nodes"][0]["op"] = "xor"; }, "explain graph node 0: unknown op"},
      {[](auto& g) { g["nodes"][0].erase("text"); }, "explain graph node 0: a leaf needs a \"text\""},
      {[](auto& g) { g["nodes"][0]["inputs"] = {99}; }, "explain graph node 0: bad \"inputs\""},
      // An operand after its node would allow cycles.
      {[](auto& g) {
         const size_t last = g["nodes"].size() - 1;
         g["nodes"][0] = {{"op", "not"}, {"args", {last}}};
       },
       "explain graph node 0: bad \"args\""},
      {[](auto& g) { g["nodes"].push_back({{"op", "not"}, {"args", {0, 1}}}); },
       "wrong number of operands"},
      {[](auto& g) { g["nodes"].push_back({{"op", "and"}, {"args", {0}}}); }, "wrong number of operands"},
      {[](auto& g) { g["nodes"][0]["name"] = ""; }, "explain graph node 0: bad \"name\""},
      {[](auto& g) { g["conditions"][0] = 1000; }, "an explain graph condition is not a node index"},
      {[](auto& g) { g["conditions"].push_back(0); }, "the explain graph has 3 conditions for 2 recommendations"},
  };
  for (const Case& c : cases) {
    nlohmann::ordered_json metadata = metadata_;
    c.patch(metadata["explain"]);
    Failure f = openDescriptorFails(withMetadata(metadata));
    EXPECT_EQ(f.status, PW_ERR_CORRUPT) << c.message;
    EXPECT_THAT(f.message, HasSubstr(c.message));
  }
}

}  // namespace
}  // namespace pathway::test
