// IR -> a flowchart a clinician can read: inputs grouped, findings,
// recommendations grouped and coloured by category, edges labelled with the
// conditions in short form, supersedes edges dashed, urgency visible. With an
// evaluation, the chart is overlaid with one patient's result: fired,
// not fired, undetermined, and the missing inputs highlighted.
#ifndef PATHWAY_GRAPH_GRAPH_H
#define PATHWAY_GRAPH_GRAPH_H

#include <optional>
#include <string>
#include <vector>

#include "ir/IR.h"
#include "ir/Interpreter.h"

namespace pathway::graph {

struct Overlay {
  std::vector<ir::NodeValue> nodes;  // ir::interpretNodes for one patient
  std::vector<uint8_t> known;        // per input
};

std::string toDot(const ir::Program& program, const std::optional<Overlay>& overlay = std::nullopt);
std::string toMermaid(const ir::Program& program, const std::optional<Overlay>& overlay = std::nullopt);

}  // namespace pathway::graph

#endif  // PATHWAY_GRAPH_GRAPH_H
