// Why did a recommendation fire, or what is missing to decide it? Builds and
// renders the explanation of a recommendation: its condition as a tree with
// the three-valued value of every node and the input values behind each leaf,
// the superseders that applied, the missing inputs and the citations.
//
// Shared by the compiler (`pathwayc explain FILE.pw`, values from the
// reference interpreter) and the runtime (pw_result_explain, values recorded
// by a compiled library's trace entry point), so both print the same text.
// Neither the IR nor the runtime appears here: each side describes its
// pathway and evaluation through `Evaluation`.
#ifndef PATHWAY_EXPLAIN_EXPLAIN_H
#define PATHWAY_EXPLAIN_EXPLAIN_H

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

namespace pathway::explain {

// ---- The condition graph: the nodes an explanation can show, as stored in a
// compiled library's metadata ("explain" key). Logic nodes keep their
// operands; anything else (a comparison, a set test, a bool input) is a leaf,
// shown as written with the inputs it reads.
enum class NodeKind : uint8_t { And, Or, Not, Leaf };

struct GraphNode {
  NodeKind kind = NodeKind::Leaf;
  std::vector<uint32_t> args;    // And, Or, Not: operands, each smaller than this node's index
  std::string text;              // Leaf: "pain_now >= 7"
  std::vector<uint32_t> inputs;  // Leaf: input indices it reads, in first-use order
  std::string name;              // "finding red_flags" / "define x" when named, else ""
};

struct Graph {
  std::vector<GraphNode> nodes;      // topological: operands first
  std::vector<uint32_t> conditions;  // per recommendation: its own condition node
};

const char* nodeKindName(NodeKind kind);  // "and", "or", "not", "leaf"

// The graph as JSON ({"nodes":[{"op","args"|"text","inputs","name"?}],
// "conditions":[..]}), and back. parseGraph checks everything a renderer
// relies on (operands before their node, indices in range, one condition per
// recommendation) and returns false with `error` set otherwise.
nlohmann::ordered_json graphJson(const Graph& graph);
bool parseGraph(const nlohmann::json& json, uint32_t inputs, uint32_t recommendations,
                Graph& graph, std::string& error);

// ---- One explanation.
struct TreeNode {
  std::string text;    // "pain_now >= 7", "finding red_flags", "or"
  std::string value;   // "true", "false", "unknown"
  std::string detail;  // the input values behind a leaf: "pain_now = 8"
  std::vector<TreeNode> children;
};

struct Citation {
  std::string source;     // declared source name
  std::string paragraph;  // "S1.P2"
};

struct Recommendation {
  std::string code, label, category, urgency;
  std::vector<Citation> citations;
  std::vector<uint32_t> supersededBy;  // indices of the recommendations that supersede it
};

enum class Status : uint8_t { Fire, No, Undetermined };

// What an explanation reads: the pathway and one patient's evaluation.
class Evaluation {
 public:
  virtual ~Evaluation() = default;

  virtual const Graph& graph() const = 0;
  virtual std::string pathwayName() const = 0;
  virtual std::string pathwayVersion() const = 0;
  virtual uint32_t recommendationCount() const = 0;
  virtual Recommendation recommendation(uint32_t index) const = 0;
  virtual std::string inputName(uint32_t input) const = 0;
  // The patient's value of the input as a person reads it: "8", "6 weeks",
  // "true", "radicular", "unknown".
  virtual std::string inputValue(uint32_t input) const = 0;

  // After supersedes.
  virtual Status status(uint32_t recommendation) const = 0;
  // PW_TRI_FALSE / _TRUE / _UNKNOWN (0 / 1 / 2) of a graph node.
  virtual uint8_t node(uint32_t graphNode) const = 0;
  // Inputs that are unknown and could still decide an undetermined
  // recommendation, in increasing order.
  virtual std::vector<uint32_t> missing(uint32_t recommendation) const = 0;
};

// The deepest condition tree shown; deeper operands are summarised. Guards
// the renderer against graphs no compiler would write.
constexpr size_t kMaxTreeDepth = 200;

struct Explanation {
  uint32_t index = 0;
  Status status = Status::No;
  TreeNode condition;
  std::vector<std::string> supersededBy;          // superseders that fired
  std::vector<std::string> undecidedSuperseders;  // superseders still undetermined
  std::vector<std::string> missing;
};

const char* statusName(Status status);  // "fire", "no", "undetermined"

// How explanations show an input's value: "true"/"false", an enum's label, a
// quantity with its unit ("6 weeks", "40%"), else the shortest text that
// reads back as the same double ("6", "0.5"). Both evaluations use this, so
// compiled and interpreted explanations cannot drift apart.
enum class ValueKind : uint8_t { Bool, Enum, Quantity, Number };
std::string valueText(ValueKind kind, double value, std::string_view unit,
                      const std::vector<std::string>& labels);

Explanation explain(const Evaluation& evaluation, uint32_t recommendation);

// The recommendations worth explaining: those that fired or are
// undetermined, and those that did not fire only because a superseder did.
// With `all`, every recommendation.
std::vector<uint32_t> explained(const Evaluation& evaluation, bool all);

// Plain text for people, and JSON for apps, of one recommendation ...
std::string text(const Evaluation& evaluation, const Explanation& explanation);
nlohmann::ordered_json json(const Evaluation& evaluation, const Explanation& explanation);
// ... and of the recommendations `explained` chooses:
// {"pathway","version","recommendations":[json(..), ..]}.
std::string text(const Evaluation& evaluation, bool all);
nlohmann::ordered_json json(const Evaluation& evaluation, bool all);

}  // namespace pathway::explain

#endif  // PATHWAY_EXPLAIN_EXPLAIN_H
