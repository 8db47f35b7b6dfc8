#include "TestProgram.h"

#include <algorithm>
#include <stdexcept>

namespace pathway::test {

using ir::Node;
using ir::NodeId;
using ir::Op;
using ir::Type;

TestProgram::TestProgram(std::string name, std::string version) {
  program_.meta.name = std::move(name);
  program_.meta.title = "A test pathway";
  program_.meta.version = std::move(version);
  program_.meta.authors = {"Test Author"};
  program_.meta.sources = {{"guide", "The guide", {"First paragraph.", "Second paragraph."}}};
}

uint32_t TestProgram::addInput(ir::Input input) {
  input.description = "the " + input.name;
  program_.inputs.push_back(std::move(input));
  return static_cast<uint32_t>(program_.inputs.size() - 1);
}

uint32_t TestProgram::boolInput(const std::string& name) {
  return addInput({.name = name, .kind = ir::InputKind::Bool});
}

uint32_t TestProgram::numberInput(const std::string& name, std::optional<double> min,
                                  std::optional<double> max) {
  return addInput({.name = name, .kind = ir::InputKind::Number, .min = min, .max = max});
}

uint32_t TestProgram::intInput(const std::string& name, std::optional<double> min,
                               std::optional<double> max) {
  return addInput({.name = name, .kind = ir::InputKind::Int, .min = min, .max = max});
}

uint32_t TestProgram::enumInput(const std::string& name, const std::string& enumName,
                                std::vector<std::string> labels) {
  return addInput({.name = name,
                   .kind = ir::InputKind::Enum,
                   .labels = std::move(labels),
                   .enumName = enumName});
}

uint32_t TestProgram::quantityInput(const std::string& name, const std::string& unit,
                                    const std::string& dimension, std::optional<double> min,
                                    std::optional<double> max) {
  return addInput({.name = name,
                   .kind = ir::InputKind::Quantity,
                   .unit = unit,
                   .dimension = dimension,
                   .min = min,
                   .max = max});
}

NodeId TestProgram::push(Node node) {
  program_.nodes.push_back(std::move(node));
  return static_cast<NodeId>(program_.nodes.size() - 1);
}

NodeId TestProgram::read(uint32_t input) {
  const bool isBool = program_.inputs.at(input).kind == ir::InputKind::Bool;
  return push({.op = Op::Input, .type = isBool ? Type::Bool : Type::Number, .input = input});
}

NodeId TestProgram::boolean(bool value) {
  return push({.op = Op::Const, .type = Type::Bool, .value = value ? 1.0 : 0.0});
}

NodeId TestProgram::number(double value) {
  return push({.op = Op::Const, .type = Type::Number, .value = value});
}

NodeId TestProgram::unknown(Type type) {
  return push({.op = Op::Const, .type = type, .known = false});
}

NodeId TestProgram::op(Op op, std::vector<NodeId> args) {
  Type type = Type::Bool;
  switch (op) {
    case Op::Add:
    case Op::Sub:
    case Op::Mul:
    case Op::Div:
    case Op::Neg: type = Type::Number; break;
    default: break;
  }
  return push({.op = op, .type = type, .args = std::move(args)});
}

NodeId TestProgram::inSet(NodeId value, std::vector<uint32_t> labels) {
  return push({.op = Op::InSet, .type = Type::Bool, .args = {value}, .labels = std::move(labels)});
}

void TestProgram::definition(const std::string& name, NodeId node) {
  program_.definitions.push_back({name, program_.nodes.at(node).type, node});
}

void TestProgram::finding(const std::string& name, NodeId node) {
  program_.findings.push_back({name, "finding " + name, {{"guide", "S1.P1"}}, node});
}

uint32_t TestProgram::recommendation(const std::string& name, NodeId condition,
                                     std::vector<uint32_t> supersedes,
                                     const std::string& urgency) {
  ir::Recommendation rec;
  rec.name = name;
  rec.label = "Do " + name;
  rec.category = "execution";
  rec.urgency = urgency;
  rec.rationale = "because of " + name;
  rec.citations = {{"guide", "S1.P1"}, {"guide", "S1.P2"}};
  rec.supersedes = std::move(supersedes);
  rec.condition = condition;
  program_.recommendations.push_back(std::move(rec));
  return static_cast<uint32_t>(program_.recommendations.size() - 1);
}

// state: 0 unvisited, 1 in progress, 2 done.
NodeId TestProgram::status(uint32_t rec, std::vector<int>& state) {
  if (state[rec] == 2) return program_.recommendations[rec].status;
  if (state[rec] == 1) throw std::logic_error("supersedes cycle in a test program");
  state[rec] = 1;
  NodeId result = program_.recommendations[rec].condition;
  for (uint32_t other = 0; other < program_.recommendations.size(); ++other) {
    const std::vector<uint32_t>& sup = program_.recommendations[other].supersedes;
    if (std::find(sup.begin(), sup.end(), rec) == sup.end()) continue;
    result = op(Op::And, {result, op(Op::Not, {status(other, state)})});
  }
  program_.recommendations[rec].status = result;
  state[rec] = 2;
  return result;
}

ir::Program TestProgram::program() {
  std::vector<int> state(program_.recommendations.size(), 0);
  for (uint32_t rec = 0; rec < program_.recommendations.size(); ++rec) status(rec, state);
  return program_;
}

}  // namespace pathway::test
