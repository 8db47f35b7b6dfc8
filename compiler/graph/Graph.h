// IR -> a flowchart a clinician can follow. Each definition, finding and
// recommendation is one box that lists its own condition, one row per
// operand ("pain_now >= 4", "known(esr)", "not red_flags"); the inputs are
// read inside those rows instead of being boxes of their own, and an arrow
// comes only from a named node into the row that uses it. Boxes sit in the
// pathway's stages (its section headings, in source order). Recommendations
// are coloured by category and bordered by urgency, and name the
// recommendations that supersede them in a footnote (as arrows, the urgent
// ones' supersessions would cross the whole chart). With an overlay, one patient's path is drawn: every box and row
// shows its three-valued value, rows the patient's values, and the arrows
// along which truth flows into a box that holds are bold.
//
// The SVG keeps stable ids for the review page: `pw-node-NAME` on a box,
// `pw-edge-FROM--TO` on an arrow (NAME: a definition, finding or
// recommendation), and each row is a link to `#pw-in-INPUT` (its first input).
#ifndef PATHWAY_GRAPH_GRAPH_H
#define PATHWAY_GRAPH_GRAPH_H

#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "ir/IR.h"
#include "ir/Interpreter.h"

namespace pathway::graph {

struct Overlay {
  std::vector<ir::NodeValue> nodes;  // ir::interpretNodes for one patient
  std::vector<uint8_t> known;        // per input
};

// The pathway's stages: titles in source order, and the stage of each
// definition, finding or recommendation by name (a name without one is drawn
// outside every stage).
struct Stages {
  std::vector<std::string> titles;
  std::map<std::string, size_t> of;
};

struct ChartOptions {
  const Stages* stages = nullptr;
  const Overlay* overlay = nullptr;
  // A recommendation's name: draw only it and what its condition reads.
  std::optional<std::string> focus;
};

std::string dotChart(const ir::Program& program, const ChartOptions& options = {});
std::string mermaidChart(const ir::Program& program, const ChartOptions& options = {});

// The definitions and findings a recommendation's condition reads, directly
// or through others (by name), and the recommendation itself.
std::set<std::string> conditionSubgraph(const ir::Program& program, uint32_t recommendation);

}  // namespace pathway::graph

#endif  // PATHWAY_GRAPH_GRAPH_H
