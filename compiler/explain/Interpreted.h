// An explanation of a pathway evaluated by the reference interpreter, for
// `pathwayc explain FILE.pw` and `pathwayc test`: the IR and the
// interpreter's node values seen through explain::Evaluation, so the text is
// the one the runtime gives for the compiled library.
#ifndef PATHWAY_EXPLAIN_INTERPRETED_H
#define PATHWAY_EXPLAIN_INTERPRETED_H

#include <cstdint>
#include <vector>

#include "explain/Explain.h"
#include "ir/ExplainGraph.h"
#include "ir/IR.h"
#include "ir/Interpreter.h"

namespace pathway::explain {

class InterpretedEvaluation final : public Evaluation {
 public:
  // `values` and `known` are one patient's inputs (n_inputs each); they must
  // outlive this object.
  InterpretedEvaluation(const ir::Program& program, const double* values, const uint8_t* known);

  const Graph& graph() const override { return graph_.graph; }
  std::string pathwayName() const override { return program_.meta.name; }
  std::string pathwayVersion() const override { return program_.meta.version; }
  uint32_t recommendationCount() const override;
  Recommendation recommendation(uint32_t index) const override;
  std::string inputName(uint32_t input) const override;
  std::string inputValue(uint32_t input) const override;
  Status status(uint32_t recommendation) const override;
  uint8_t node(uint32_t graphNode) const override;
  std::vector<uint32_t> missing(uint32_t recommendation) const override;

 private:
  const ir::Program& program_;
  const double* values_;
  const uint8_t* known_;
  std::vector<ir::NodeValue> nodes_;
  ir::ExplainGraph graph_;
  std::vector<std::vector<uint32_t>> supersededBy_;
};

}  // namespace pathway::explain

#endif  // PATHWAY_EXPLAIN_INTERPRETED_H
