// Why did a recommendation fire, or what is missing to decide it? Renders a
// recommendation's condition as a tree with the three-valued value of every
// node and the input values that decided it, the supersedes that applied,
// the missing inputs and the citations. Reads only the IR and the node
// values computed by the reference interpreter.
#ifndef PATHWAY_EXPLAIN_EXPLAIN_H
#define PATHWAY_EXPLAIN_EXPLAIN_H

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "ir/IR.h"
#include "ir/Interpreter.h"
#include "ir/Printer.h"

namespace pathway::explain {

struct Options {
  bool all = false;  // also recommendations whose status is no
};

// One node of an explanation tree.
struct Node {
  std::string text;    // "pain_now >= 7", "finding red_flags", "or"
  std::string value;   // "true", "false", "unknown", or a number
  std::string detail;  // the input values behind a leaf: "pain_now = 8"
  std::vector<Node> children;
};

struct RecommendationExplanation {
  uint32_t index = 0;
  std::string status;  // fire, no, undetermined
  Node condition;
  std::vector<std::string> supersededBy;  // superseders that fired
  std::vector<std::string> undecidedSuperseders;  // superseders still undetermined
  std::vector<std::string> missing;
};

class Explainer {
 public:
  Explainer(const ir::Program& program, const double* values, const uint8_t* known);

  std::vector<RecommendationExplanation> explain(const Options& options) const;
  std::string text(const Options& options) const;
  // One recommendation's explanation as text, whatever its status.
  std::string text(uint32_t recommendation) const;
  nlohmann::ordered_json json(const Options& options) const;

 private:
  Node tree(ir::NodeId id, std::vector<bool>& expanded) const;
  std::string valueText(ir::NodeId id) const;
  std::string inputValue(uint32_t input) const;
  void leafInputs(ir::NodeId id, std::vector<uint32_t>& inputs) const;
  std::string statusOf(size_t rec) const;
  RecommendationExplanation explainOne(size_t rec) const;
  std::string render(const RecommendationExplanation& e) const;

  const ir::Program& program_;
  const double* values_;
  const uint8_t* known_;
  std::vector<ir::NodeValue> nodes_;
  ir::Printer printer_;
};

}  // namespace pathway::explain

#endif  // PATHWAY_EXPLAIN_EXPLAIN_H
