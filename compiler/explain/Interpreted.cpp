#include "explain/Interpreted.h"

namespace pathway::explain {

InterpretedEvaluation::InterpretedEvaluation(const ir::Program& program, const double* values,
                                             const uint8_t* known)
    : program_(program), values_(values), known_(known),
      nodes_(ir::interpretNodes(program, values, known)), graph_(ir::explainGraph(program)),
      supersededBy_(program.recommendations.size()) {
  for (uint32_t s = 0; s < program.recommendations.size(); ++s) {
    for (uint32_t r : program.recommendations[s].supersedes) supersededBy_[r].push_back(s);
  }
}

uint32_t InterpretedEvaluation::recommendationCount() const {
  return static_cast<uint32_t>(program_.recommendations.size());
}

Recommendation InterpretedEvaluation::recommendation(uint32_t index) const {
  const ir::Recommendation& rec = program_.recommendations[index];
  Recommendation out{rec.name, rec.label, rec.category, rec.urgency, {}, supersededBy_[index]};
  for (const ir::Citation& c : rec.citations) out.citations.push_back({c.source, c.paragraph});
  return out;
}

std::string InterpretedEvaluation::inputName(uint32_t input) const {
  return program_.inputs[input].name;
}

std::string InterpretedEvaluation::inputValue(uint32_t i) const {
  if (!known_[i]) return "unknown";
  const ir::Input& in = program_.inputs[i];
  ValueKind kind = ValueKind::Number;
  switch (in.kind) {
    case ir::InputKind::Bool: kind = ValueKind::Bool; break;
    case ir::InputKind::Enum: kind = ValueKind::Enum; break;
    case ir::InputKind::Quantity: kind = ValueKind::Quantity; break;
    case ir::InputKind::Int:
    case ir::InputKind::Number: break;
  }
  return valueText(kind, values_[i], in.unit, in.labels);
}

Status InterpretedEvaluation::status(uint32_t recommendation) const {
  const ir::NodeValue& v = nodes_[program_.recommendations[recommendation].status];
  return !v.known ? Status::Undetermined : v.value != 0 ? Status::Fire : Status::No;
}

uint8_t InterpretedEvaluation::node(uint32_t graphNode) const {
  const ir::NodeValue& v = nodes_[graph_.irNodes[graphNode]];
  return !v.known ? 2 : v.value != 0 ? 1 : 0;
}

std::vector<uint32_t> InterpretedEvaluation::missing(uint32_t recommendation) const {
  const std::set<uint32_t>& missing = nodes_[program_.recommendations[recommendation].status].missing;
  return {missing.begin(), missing.end()};
}

}  // namespace pathway::explain
