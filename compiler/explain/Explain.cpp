#include "explain/Explain.h"

#include <fmt/format.h>

#include <algorithm>

namespace pathway::explain {
namespace {

bool isLogic(ir::Op op) { return op == ir::Op::And || op == ir::Op::Or || op == ir::Op::Not; }

}  // namespace

Explainer::Explainer(const ir::Program& program, const double* values, const uint8_t* known)
    : program_(program), values_(values), known_(known), nodes_(ir::interpretNodes(program, values, known)),
      printer_(program) {}

std::string Explainer::inputValue(uint32_t i) const {
  const ir::Input& in = program_.inputs[i];
  if (!known_[i]) return "unknown";
  double v = values_[i];
  switch (in.kind) {
    case ir::InputKind::Bool: return v != 0 ? "true" : "false";
    case ir::InputKind::Enum: {
      auto label = static_cast<size_t>(v);
      return label < in.labels.size() ? in.labels[label] : ir::formatNumber(v);
    }
    case ir::InputKind::Quantity: return in.unit == "%" ? ir::formatNumber(v) + "%" : ir::formatNumber(v) + " " + in.unit;
    default: return ir::formatNumber(v);
  }
}

std::string Explainer::valueText(ir::NodeId id) const {
  const ir::NodeValue& v = nodes_[id];
  if (!v.known) return "unknown";
  if (program_.nodes[id].type == ir::Type::Bool) return v.value != 0 ? "true" : "false";
  return ir::formatNumber(v.value);
}

void Explainer::leafInputs(ir::NodeId id, std::vector<uint32_t>& inputs) const {
  const ir::Node& n = program_.nodes[id];
  if (n.op == ir::Op::Input) {
    if (std::find(inputs.begin(), inputs.end(), n.input) == inputs.end()) inputs.push_back(n.input);
    return;
  }
  for (ir::NodeId a : n.args) leafInputs(a, inputs);
}

Node Explainer::tree(ir::NodeId id, std::vector<bool>& expanded) const {
  const ir::Node& n = program_.nodes[id];
  Node out;
  out.value = valueText(id);
  bool named = !printer_.slotName(id).empty();
  if (named) {
    out.text = printer_.slotName(id);
    if (expanded[id]) {
      out.detail = "explained above";
      return out;
    }
    expanded[id] = true;
  }
  if (isLogic(n.op)) {
    if (!named) out.text = ir::opName(n.op);
    // Flatten chains of the same operator: a and b and c.
    std::vector<ir::NodeId> operands;
    std::vector<ir::NodeId> work(n.args.rbegin(), n.args.rend());
    while (!work.empty()) {
      ir::NodeId a = work.back();
      work.pop_back();
      const ir::Node& child = program_.nodes[a];
      if (n.op != ir::Op::Not && child.op == n.op && printer_.slotName(a).empty()) {
        work.insert(work.end(), child.args.rbegin(), child.args.rend());
      } else {
        operands.push_back(a);
      }
    }
    Node* parent = &out;
    if (named) {
      out.children.push_back(Node{ir::opName(n.op), out.value, "", {}});
      parent = &out.children.back();
    }
    for (ir::NodeId a : operands) parent->children.push_back(tree(a, expanded));
    return out;
  }
  std::string text = printer_.text(id);
  if (named) {
    out.children.push_back(Node{text, out.value, "", {}});
  } else {
    out.text = text;
  }
  std::vector<uint32_t> inputs;
  leafInputs(id, inputs);
  std::vector<std::string> parts;
  for (uint32_t i : inputs) parts.push_back(program_.inputs[i].name + " = " + inputValue(i));
  (named ? out.children.back() : out).detail = fmt::format("{}", fmt::join(parts, ", "));
  return out;
}

std::string Explainer::statusOf(size_t rec) const {
  const ir::NodeValue& v = nodes_[program_.recommendations[rec].status];
  return !v.known ? "undetermined" : v.value != 0 ? "fire" : "no";
}

RecommendationExplanation Explainer::explainOne(size_t r) const {
  const ir::Recommendation& rec = program_.recommendations[r];
  RecommendationExplanation e;
  e.index = static_cast<uint32_t>(r);
  e.status = statusOf(r);
  std::vector<bool> expanded(program_.nodes.size(), false);
  e.condition = tree(rec.condition, expanded);
  for (size_t s = 0; s < program_.recommendations.size(); ++s) {
    const auto& sup = program_.recommendations[s].supersedes;
    if (std::find(sup.begin(), sup.end(), r) == sup.end()) continue;
    std::string st = statusOf(s);
    if (st == "fire") e.supersededBy.push_back(program_.recommendations[s].name);
    if (st == "undetermined") e.undecidedSuperseders.push_back(program_.recommendations[s].name);
  }
  for (uint32_t i : nodes_[rec.status].missing) e.missing.push_back(program_.inputs[i].name);
  return e;
}

std::vector<RecommendationExplanation> Explainer::explain(const Options& options) const {
  std::vector<RecommendationExplanation> out;
  for (size_t r = 0; r < program_.recommendations.size(); ++r) {
    const ir::NodeValue& cond = nodes_[program_.recommendations[r].condition];
    bool condHolds = !cond.known || cond.value != 0;
    // A "no" is worth explaining by default only when its condition held
    // and a superseder suppressed it.
    if (statusOf(r) == "no" && !options.all && !condHolds) continue;
    out.push_back(explainOne(r));
  }
  return out;
}

namespace {

void renderTree(std::string& out, const Node& node, int depth) {
  out.append(static_cast<size_t>(depth) * 2, ' ');
  out += fmt::format("{} = {}", node.text, node.value);
  if (!node.detail.empty()) out += fmt::format("   [{}]", node.detail);
  out += "\n";
  for (const Node& child : node.children) renderTree(out, child, depth + 1);
}

nlohmann::ordered_json treeJson(const Node& node) {
  nlohmann::ordered_json j;
  j["text"] = node.text;
  j["value"] = node.value;
  if (!node.detail.empty()) j["detail"] = node.detail;
  if (!node.children.empty()) {
    j["children"] = nlohmann::ordered_json::array();
    for (const Node& c : node.children) j["children"].push_back(treeJson(c));
  }
  return j;
}

}  // namespace

std::string Explainer::render(const RecommendationExplanation& e) const {
  const ir::Recommendation& rec = program_.recommendations[e.index];
  std::vector<std::string> cites;
  for (const ir::Citation& c : rec.citations) cites.push_back(c.source + ":" + c.paragraph);
  std::string out = fmt::format("{} [{}] {}: {} ({}, {})\n", rec.name, e.status, rec.category, rec.label,
                                rec.urgency, fmt::join(cites, ", "));
  out += "  condition:\n";
  renderTree(out, e.condition, 2);
  if (!e.supersededBy.empty()) out += fmt::format("  superseded by: {}\n", fmt::join(e.supersededBy, ", "));
  if (!e.undecidedSuperseders.empty()) {
    out += fmt::format("  undecided superseders: {}\n", fmt::join(e.undecidedSuperseders, ", "));
  }
  if (!e.missing.empty()) out += fmt::format("  missing: {}\n", fmt::join(e.missing, ", "));
  return out;
}

std::string Explainer::text(const Options& options) const {
  std::string out;
  for (const RecommendationExplanation& e : explain(options)) out += render(e) + "\n";
  return out;
}

std::string Explainer::text(uint32_t recommendation) const { return render(explainOne(recommendation)); }

nlohmann::ordered_json Explainer::json(const Options& options) const {
  nlohmann::ordered_json out;
  out["pathway"] = program_.meta.name;
  out["version"] = program_.meta.version;
  out["recommendations"] = nlohmann::ordered_json::array();
  for (const RecommendationExplanation& e : explain(options)) {
    const ir::Recommendation& rec = program_.recommendations[e.index];
    nlohmann::ordered_json j;
    j["code"] = rec.name;
    j["status"] = e.status;
    j["category"] = rec.category;
    j["urgency"] = rec.urgency;
    j["citations"] = nlohmann::ordered_json::array();
    for (const ir::Citation& c : rec.citations) j["citations"].push_back(c.paragraph);
    j["condition"] = treeJson(e.condition);
    j["superseded_by"] = e.supersededBy;
    j["undecided_superseders"] = e.undecidedSuperseders;
    j["missing"] = e.missing;
    out["recommendations"].push_back(std::move(j));
  }
  return out;
}

}  // namespace pathway::explain
