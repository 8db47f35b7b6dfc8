// Hand-built IR programs for runtime tests: nodes are pushed directly, in
// topological order, without the front end or the IR builder's folding.
#ifndef PATHWAY_TESTS_RUNTIME_TESTPROGRAM_H
#define PATHWAY_TESTS_RUNTIME_TESTPROGRAM_H

#include <optional>
#include <string>
#include <vector>

#include "ir/IR.h"

namespace pathway::test {

class TestProgram {
 public:
  explicit TestProgram(std::string name = "test_pathway", std::string version = "1.2.3");

  // Inputs; each returns the input's index.
  uint32_t boolInput(const std::string& name);
  uint32_t numberInput(const std::string& name, std::optional<double> min = std::nullopt,
                       std::optional<double> max = std::nullopt);
  uint32_t intInput(const std::string& name, std::optional<double> min = std::nullopt,
                    std::optional<double> max = std::nullopt);
  uint32_t enumInput(const std::string& name, const std::string& enumName,
                     std::vector<std::string> labels);
  uint32_t quantityInput(const std::string& name, const std::string& unit,
                         const std::string& dimension, std::optional<double> min = std::nullopt,
                         std::optional<double> max = std::nullopt);

  // Nodes.
  ir::NodeId read(uint32_t input);
  ir::NodeId boolean(bool value);
  ir::NodeId number(double value);
  ir::NodeId unknown(ir::Type type);
  ir::NodeId op(ir::Op op, std::vector<ir::NodeId> args);  // result type from the op
  ir::NodeId inSet(ir::NodeId value, std::vector<uint32_t> labels);

  // Outputs, in declaration order.
  void definition(const std::string& name, ir::NodeId node);
  void finding(const std::string& name, ir::NodeId node);
  // Returns the recommendation's index. Statuses are built by program().
  uint32_t recommendation(const std::string& name, ir::NodeId condition,
                          std::vector<uint32_t> supersedes = {},
                          const std::string& urgency = "routine");

  // The finished program: each recommendation's status is its condition and
  // not any superseder's status.
  ir::Program program();

 private:
  uint32_t addInput(ir::Input input);
  ir::NodeId push(ir::Node node);
  ir::NodeId status(uint32_t rec, std::vector<int>& state);

  ir::Program program_;
};

}  // namespace pathway::test

#endif  // PATHWAY_TESTS_RUNTIME_TESTPROGRAM_H
