#include "ir/ExplainGraph.h"

#include <algorithm>
#include <optional>
#include <unordered_map>

#include "ir/Printer.h"

namespace pathway::ir {
namespace {

std::optional<explain::NodeKind> logicKind(Op op) {
  switch (op) {
    case Op::And: return explain::NodeKind::And;
    case Op::Or: return explain::NodeKind::Or;
    case Op::Not: return explain::NodeKind::Not;
    default: return std::nullopt;
  }
}

class GraphBuilder {
 public:
  explicit GraphBuilder(const Program& program) : program_(program), printer_(program) {}

  ExplainGraph build() {
    for (const Recommendation& rec : program_.recommendations) {
      out_.graph.conditions.push_back(add(rec.condition));
    }
    return std::move(out_);
  }

 private:
  // Adds `root` and what it shows, operands first (iteratively: conditions
  // can be deep), and returns its graph index.
  uint32_t add(NodeId root) {
    std::vector<std::pair<NodeId, bool>> work{{root, false}};
    while (!work.empty()) {
      auto [id, operandsDone] = work.back();
      work.pop_back();
      if (index_.count(id)) continue;
      const Node& n = program_.nodes[id];
      std::optional<explain::NodeKind> kind = logicKind(n.op);
      if (kind && !operandsDone) {
        work.emplace_back(id, true);
        for (auto a = n.args.rbegin(); a != n.args.rend(); ++a) work.emplace_back(*a, false);
        continue;
      }
      explain::GraphNode node;
      node.name = printer_.slotName(id);
      if (kind) {
        node.kind = *kind;
        for (NodeId a : n.args) node.args.push_back(index_.at(a));
      } else {
        node.kind = explain::NodeKind::Leaf;
        node.text = printer_.expression(id);
        node.inputs = leafInputs(id);
      }
      index_.emplace(id, static_cast<uint32_t>(out_.graph.nodes.size()));
      out_.graph.nodes.push_back(std::move(node));
      out_.irNodes.push_back(id);
    }
    return index_.at(root);
  }

  // The inputs a leaf reads, in first-use order, through every operand
  // (definitions included). Each walk stamps what it visits with a fresh
  // epoch, so no per-leaf allocation of the size of the program.
  std::vector<uint32_t> leafInputs(NodeId root) {
    std::vector<uint32_t> inputs;
    ++epoch_;
    std::vector<NodeId> work{root};
    while (!work.empty()) {
      NodeId id = work.back();
      work.pop_back();
      if (stamp_[id] == epoch_) continue;
      stamp_[id] = epoch_;
      const Node& n = program_.nodes[id];
      if (n.op == Op::Input) {
        if (std::find(inputs.begin(), inputs.end(), n.input) == inputs.end()) inputs.push_back(n.input);
        continue;
      }
      work.insert(work.end(), n.args.rbegin(), n.args.rend());
    }
    return inputs;
  }

  const Program& program_;
  Printer printer_;
  std::vector<uint32_t> stamp_ = std::vector<uint32_t>(program_.nodes.size(), 0);
  uint32_t epoch_ = 0;
  std::unordered_map<NodeId, uint32_t> index_;
  ExplainGraph out_;
};

}  // namespace

ExplainGraph explainGraph(const Program& program) { return GraphBuilder(program).build(); }

}  // namespace pathway::ir
