// Prints IR expressions the way an author would write them, for people:
// "pain_now >= 7", "quality in {sharp, electrical}", "(a - b) > 2 weeks".
// Nodes that are a definition or finding print as their name. Used by the
// explanation and the flowchart.
#ifndef PATHWAY_IR_PRINTER_H
#define PATHWAY_IR_PRINTER_H

#include <string>
#include <vector>

#include "ir/IR.h"

namespace pathway::ir {

class Printer {
 public:
  explicit Printer(const Program& program);

  // The expression in one line; a named node (and operand) prints as its name.
  std::string text(NodeId id) const;
  // The node's own expression, even when it is named; operands as in text().
  std::string expression(NodeId id) const;
  // "finding x" / "define y" for a named node, else empty.
  const std::string& slotName(NodeId id) const { return slotName_[id]; }
  // The name alone ("x"), or empty.
  std::string name(NodeId id) const;

 private:
  std::string operand(NodeId self, NodeId other) const;

  const Program& program_;
  std::vector<std::string> slotName_;
};

std::string formatNumber(double value);

}  // namespace pathway::ir

#endif  // PATHWAY_IR_PRINTER_H
