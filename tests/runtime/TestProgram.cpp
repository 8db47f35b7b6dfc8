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
  ir::Source source;
  source.name = "guide";
  source.title = "The guide";
  source.paragraphs = {"First paragraph.", "Second paragraph."};
  program_.meta.sources = {source};
}

uint32_t TestProgram::addInput(ir::Input input) {
  input.description = "the " + input.name;
  program_.inputs.push_back(std::move(input));
  return static_cast<uint32_t>(program_.inputs.size() - 1);
}

namespace {

ir::Input makeInput(const std::string& name, ir::InputKind kind, std::optional<double> min = {},
                    std::optional<double> max = {}) {
  ir::Input input;
  input.name = name;
  input.kind = kind;
  input.min = min;
  input.max = max;
  return input;
}

Node makeNode(Op op, Type type, std::vector<NodeId> args = {}) {
  Node node;
  node.op = op;
  node.type = type;
  node.args = std::move(args);
  return node;
}

}  // namespace

uint32_t TestProgram::boolInput(const std::string& name) {
  return addInput(makeInput(name, ir::InputKind::Bool));
}

uint32_t TestProgram::numberInput(const std::string& name, std::optional<double> min,
                                  std::optional<double> max) {
  return addInput(makeInput(name, ir::InputKind::Number, min, max));
}

uint32_t TestProgram::intInput(const std::string& name, std::optional<double> min,
                               std::optional<double> max) {
  return addInput(makeInput(name, ir::InputKind::Int, min, max));
}

uint32_t TestProgram::enumInput(const std::string& name, const std::string& enumName,
                                std::vector<std::string> labels) {
  ir::Input input = makeInput(name, ir::InputKind::Enum);
  input.labels = std::move(labels);
  input.enumName = enumName;
  return addInput(std::move(input));
}

uint32_t TestProgram::quantityInput(const std::string& name, const std::string& unit,
                                    const std::string& dimension, std::optional<double> min,
                                    std::optional<double> max) {
  ir::Input input = makeInput(name, ir::InputKind::Quantity, min, max);
  input.unit = unit;
  input.dimension = dimension;
  return addInput(std::move(input));
}

NodeId TestProgram::push(Node node) {
  program_.nodes.push_back(std::move(node));
  return static_cast<NodeId>(program_.nodes.size() - 1);
}

NodeId TestProgram::read(uint32_t input) {
  const bool isBool = program_.inputs.at(input).kind == ir::InputKind::Bool;
  Node node = makeNode(Op::Input, isBool ? Type::Bool : Type::Number);
  node.input = input;
  return push(std::move(node));
}

NodeId TestProgram::boolean(bool value) {
  Node node = makeNode(Op::Const, Type::Bool);
  node.value = value ? 1.0 : 0.0;
  return push(std::move(node));
}

NodeId TestProgram::number(double value) {
  Node node = makeNode(Op::Const, Type::Number);
  node.value = value;
  return push(std::move(node));
}

NodeId TestProgram::unknown(Type type) {
  Node node = makeNode(Op::Const, type);
  node.known = false;
  return push(std::move(node));
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
  return push(makeNode(op, type, std::move(args)));
}

NodeId TestProgram::inSet(NodeId value, std::vector<uint32_t> labels) {
  Node node = makeNode(Op::InSet, Type::Bool, {value});
  node.labels = std::move(labels);
  return push(std::move(node));
}

void TestProgram::definition(const std::string& name, NodeId node) {
  ir::Definition def;
  def.name = name;
  def.type = program_.nodes.at(node).type;
  def.node = node;
  program_.definitions.push_back(std::move(def));
}

void TestProgram::finding(const std::string& name, NodeId node) {
  ir::Finding finding;
  finding.name = name;
  finding.label = "finding " + name;
  finding.citations = {{"guide", "S1.P1"}};
  finding.node = node;
  program_.findings.push_back(std::move(finding));
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
