#include "ir/Prune.h"

namespace pathway::ir {

void prune(Program& program) {
  std::vector<char> live(program.nodes.size(), 0);
  for (NodeId root : program.slotNodes()) live[root] = 1;
  for (const Property& p : program.properties) {
    live[p.claim] = 1;
    if (p.premise) live[*p.premise] = 1;
  }
  // Operands precede their users, so one backward sweep marks everything.
  for (size_t id = program.nodes.size(); id-- > 0;) {
    if (!live[id]) continue;
    for (NodeId a : program.nodes[id].args) live[a] = 1;
  }
  std::vector<NodeId> renumber(program.nodes.size(), 0);
  std::vector<Node> kept;
  for (size_t id = 0; id < program.nodes.size(); ++id) {
    if (!live[id]) continue;
    Node n = std::move(program.nodes[id]);
    for (NodeId& a : n.args) a = renumber[a];
    renumber[id] = static_cast<NodeId>(kept.size());
    kept.push_back(std::move(n));
  }
  program.nodes = std::move(kept);
  for (Definition& d : program.definitions) d.node = renumber[d.node];
  for (Finding& f : program.findings) f.node = renumber[f.node];
  for (Recommendation& r : program.recommendations) {
    r.condition = renumber[r.condition];
    r.status = renumber[r.status];
  }
  for (Property& p : program.properties) {
    p.claim = renumber[p.claim];
    if (p.premise) p.premise = renumber[*p.premise];
  }
}

void stripProperties(Program& program) {
  if (program.properties.empty() && program.allows.empty()) return;
  program.properties.clear();
  program.allows.clear();
  prune(program);
}

}  // namespace pathway::ir
