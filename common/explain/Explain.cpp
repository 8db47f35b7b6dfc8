#include "explain/Explain.h"

#include <fmt/format.h>

#include <algorithm>

namespace pathway::explain {
namespace {

using Json = nlohmann::ordered_json;

constexpr uint8_t kFalse = 0, kTrue = 1;

std::string triText(uint8_t value) {
  return value == kTrue ? "true" : value == kFalse ? "false" : "unknown";
}

// Builds the tree of one condition. A named node (finding, definition) is
// expanded where it first appears and referred to afterwards.
class TreeBuilder {
 public:
  explicit TreeBuilder(const Evaluation& evaluation)
      : evaluation_(evaluation), graph_(evaluation.graph()),
        expanded_(graph_.nodes.size(), false) {}

  TreeNode build(uint32_t id, size_t depth) {
    const GraphNode& n = graph_.nodes[id];
    TreeNode out;
    out.value = triText(evaluation_.node(id));
    const bool named = !n.name.empty();
    if (named) {
      out.text = n.name;
      if (expanded_[id]) {
        out.detail = "explained above";
        return out;
      }
      expanded_[id] = true;
    }
    if (n.kind == NodeKind::Leaf) {
      TreeNode leaf{n.text, out.value, inputDetail(n), {}};
      if (!named) return leaf;
      out.children.push_back(std::move(leaf));
      return out;
    }
    TreeNode logic{nodeKindName(n.kind), out.value, "", {}};
    if (depth >= kMaxTreeDepth) {
      logic.detail = "deeper operands not shown";
    } else {
      for (uint32_t a : operands(n)) logic.children.push_back(build(a, depth + 1));
    }
    if (!named) return logic;
    out.children.push_back(std::move(logic));
    return out;
  }

 private:
  // The operands of a logic node, with chains of the same operator
  // flattened: a and (b and c) shows as a and b and c.
  std::vector<uint32_t> operands(const GraphNode& n) const {
    std::vector<uint32_t> out;
    std::vector<uint32_t> work(n.args.rbegin(), n.args.rend());
    while (!work.empty()) {
      uint32_t a = work.back();
      work.pop_back();
      const GraphNode& child = graph_.nodes[a];
      if (n.kind != NodeKind::Not && child.kind == n.kind && child.name.empty()) {
        work.insert(work.end(), child.args.rbegin(), child.args.rend());
      } else {
        out.push_back(a);
      }
    }
    return out;
  }

  std::string inputDetail(const GraphNode& n) const {
    std::vector<std::string> parts;
    for (uint32_t i : n.inputs) {
      parts.push_back(evaluation_.inputName(i) + " = " + evaluation_.inputValue(i));
    }
    return fmt::format("{}", fmt::join(parts, ", "));
  }

  const Evaluation& evaluation_;
  const Graph& graph_;
  std::vector<bool> expanded_;
};

void renderTree(std::string& out, const TreeNode& node, size_t depth) {
  out.append(depth * 2, ' ');
  out += fmt::format("{} = {}", node.text, node.value);
  if (!node.detail.empty()) out += fmt::format("   [{}]", node.detail);
  out += "\n";
  for (const TreeNode& child : node.children) renderTree(out, child, depth + 1);
}

Json treeJson(const TreeNode& node) {
  Json j;
  j["text"] = node.text;
  j["value"] = node.value;
  if (!node.detail.empty()) j["detail"] = node.detail;
  if (!node.children.empty()) {
    j["children"] = Json::array();
    for (const TreeNode& c : node.children) j["children"].push_back(treeJson(c));
  }
  return j;
}

bool parseNode(const nlohmann::json& j, uint32_t index, uint32_t inputs, GraphNode& node,
               std::string& error) {
  auto fail = [&](std::string_view what) {
    error = fmt::format("explain graph node {}: {}", index, what);
    return false;
  };
  if (!j.is_object()) return fail("not an object");
  auto op = j.find("op");
  if (op == j.end() || !op->is_string()) return fail("no \"op\"");
  const std::string& name = op->get_ref<const std::string&>();
  if (name == "and") node.kind = NodeKind::And;
  else if (name == "or") node.kind = NodeKind::Or;
  else if (name == "not") node.kind = NodeKind::Not;
  else if (name == "leaf") node.kind = NodeKind::Leaf;
  else return fail("unknown op");
  auto indices = [&](const char* key, uint32_t limit, std::vector<uint32_t>& out) {
    auto it = j.find(key);
    if (it == j.end() || !it->is_array()) return false;
    for (const auto& v : *it) {
      if (!v.is_number_unsigned() || v.get<uint64_t>() >= limit) return false;
      out.push_back(v.get<uint32_t>());
    }
    return true;
  };
  if (node.kind == NodeKind::Leaf) {
    auto text = j.find("text");
    if (text == j.end() || !text->is_string()) return fail("a leaf needs a \"text\"");
    node.text = text->get<std::string>();
    if (!indices("inputs", inputs, node.inputs)) return fail("bad \"inputs\"");
  } else {
    // Operands come first: the graph is acyclic by construction.
    if (!indices("args", index, node.args)) return fail("bad \"args\"");
    const size_t want = node.kind == NodeKind::Not ? 1 : 2;
    if (node.kind == NodeKind::Not ? node.args.size() != want : node.args.size() < want) {
      return fail("wrong number of operands");
    }
  }
  if (auto n = j.find("name"); n != j.end()) {
    if (!n->is_string() || n->get_ref<const std::string&>().empty()) return fail("bad \"name\"");
    node.name = n->get<std::string>();
  }
  return true;
}

}  // namespace

const char* nodeKindName(NodeKind kind) {
  switch (kind) {
    case NodeKind::And: return "and";
    case NodeKind::Or: return "or";
    case NodeKind::Not: return "not";
    case NodeKind::Leaf: return "leaf";
  }
  return "leaf";
}

const char* statusName(Status status) {
  switch (status) {
    case Status::Fire: return "fire";
    case Status::No: return "no";
    case Status::Undetermined: return "undetermined";
  }
  return "undetermined";
}

std::string valueText(ValueKind kind, double value, std::string_view unit,
                      const std::vector<std::string>& labels) {
  switch (kind) {
    case ValueKind::Bool: return value != 0 ? "true" : "false";
    case ValueKind::Enum: {
      const auto label = static_cast<size_t>(value);
      if (value >= 0 && label < labels.size()) return labels[label];
      break;
    }
    case ValueKind::Quantity:
      return unit == "%" ? fmt::format("{}%", value) : fmt::format("{} {}", value, unit);
    case ValueKind::Number: break;
  }
  return fmt::format("{}", value);
}

Json graphJson(const Graph& graph) {
  Json nodes = Json::array();
  for (const GraphNode& n : graph.nodes) {
    Json j = {{"op", nodeKindName(n.kind)}};
    if (n.kind == NodeKind::Leaf) {
      j["text"] = n.text;
      j["inputs"] = n.inputs;
    } else {
      j["args"] = n.args;
    }
    if (!n.name.empty()) j["name"] = n.name;
    nodes.push_back(std::move(j));
  }
  return {{"nodes", std::move(nodes)}, {"conditions", graph.conditions}};
}

bool parseGraph(const nlohmann::json& json, uint32_t inputs, uint32_t recommendations,
                Graph& graph, std::string& error) {
  graph = Graph();
  if (!json.is_object()) {
    error = "the explain graph is not an object";
    return false;
  }
  auto nodes = json.find("nodes");
  auto conditions = json.find("conditions");
  if (nodes == json.end() || !nodes->is_array() || conditions == json.end() ||
      !conditions->is_array()) {
    error = "the explain graph needs \"nodes\" and \"conditions\" arrays";
    return false;
  }
  if (nodes->size() > UINT32_MAX) {
    error = "the explain graph has too many nodes";
    return false;
  }
  graph.nodes.resize(nodes->size());
  for (uint32_t i = 0; i < graph.nodes.size(); ++i) {
    if (!parseNode((*nodes)[i], i, inputs, graph.nodes[i], error)) return false;
  }
  for (const auto& c : *conditions) {
    if (!c.is_number_unsigned() || c.get<uint64_t>() >= graph.nodes.size()) {
      error = "an explain graph condition is not a node index";
      return false;
    }
    graph.conditions.push_back(c.get<uint32_t>());
  }
  if (graph.conditions.size() != recommendations) {
    error = fmt::format("the explain graph has {} conditions for {} recommendations",
                        graph.conditions.size(), recommendations);
    return false;
  }
  return true;
}

Explanation explain(const Evaluation& evaluation, uint32_t r) {
  Explanation e;
  e.index = r;
  e.status = evaluation.status(r);
  e.condition = TreeBuilder(evaluation).build(evaluation.graph().conditions[r], 0);
  std::vector<uint32_t> superseders = evaluation.recommendation(r).supersededBy;
  std::sort(superseders.begin(), superseders.end());
  for (uint32_t s : superseders) {
    Status st = evaluation.status(s);
    if (st == Status::Fire) e.supersededBy.push_back(evaluation.recommendation(s).code);
    if (st == Status::Undetermined) e.undecidedSuperseders.push_back(evaluation.recommendation(s).code);
  }
  if (e.status == Status::Undetermined) {
    for (uint32_t i : evaluation.missing(r)) e.missing.push_back(evaluation.inputName(i));
  }
  return e;
}

std::vector<uint32_t> explained(const Evaluation& evaluation, bool all) {
  std::vector<uint32_t> out;
  for (uint32_t r = 0; r < evaluation.recommendationCount(); ++r) {
    // A "no" is worth explaining by default only when its condition held
    // (or may have) and a superseder suppressed it.
    bool conditionHolds = evaluation.node(evaluation.graph().conditions[r]) != kFalse;
    if (all || evaluation.status(r) != Status::No || conditionHolds) out.push_back(r);
  }
  return out;
}

std::string text(const Evaluation& evaluation, const Explanation& e) {
  const Recommendation rec = evaluation.recommendation(e.index);
  std::vector<std::string> cites;
  for (const Citation& c : rec.citations) cites.push_back(c.source + ":" + c.paragraph);
  std::string out = fmt::format("{} [{}] {}: {} ({}, {})\n", rec.code, statusName(e.status),
                                rec.category, rec.label, rec.urgency, fmt::join(cites, ", "));
  out += "  condition:\n";
  renderTree(out, e.condition, 2);
  if (!e.supersededBy.empty()) out += fmt::format("  superseded by: {}\n", fmt::join(e.supersededBy, ", "));
  if (!e.undecidedSuperseders.empty()) {
    out += fmt::format("  undecided superseders: {}\n", fmt::join(e.undecidedSuperseders, ", "));
  }
  if (!e.missing.empty()) out += fmt::format("  missing: {}\n", fmt::join(e.missing, ", "));
  return out;
}

Json json(const Evaluation& evaluation, const Explanation& e) {
  const Recommendation rec = evaluation.recommendation(e.index);
  Json j;
  j["code"] = rec.code;
  j["status"] = statusName(e.status);
  j["category"] = rec.category;
  j["urgency"] = rec.urgency;
  j["citations"] = Json::array();
  for (const Citation& c : rec.citations) j["citations"].push_back(c.paragraph);
  j["condition"] = treeJson(e.condition);
  j["superseded_by"] = e.supersededBy;
  j["undecided_superseders"] = e.undecidedSuperseders;
  j["missing"] = e.missing;
  return j;
}

std::string text(const Evaluation& evaluation, bool all) {
  std::string out;
  for (uint32_t r : explained(evaluation, all)) out += text(evaluation, explain(evaluation, r)) + "\n";
  return out;
}

Json json(const Evaluation& evaluation, bool all) {
  Json out;
  out["pathway"] = evaluation.pathwayName();
  out["version"] = evaluation.pathwayVersion();
  out["recommendations"] = Json::array();
  for (uint32_t r : explained(evaluation, all)) {
    out["recommendations"].push_back(json(evaluation, explain(evaluation, r)));
  }
  return out;
}

}  // namespace pathway::explain
