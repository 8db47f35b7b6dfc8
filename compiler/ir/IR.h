// The Pathway IR: a typed, acyclic, three-valued dataflow graph.
//
// Every backend (LLVM codegen, the reference interpreter, the descriptor and
// header writers, the graph) reads this and nothing before it. Nodes are
// stored in topological order: a node's operands always have smaller ids.
//
// Values are three-valued: each node is either known (with a value) or
// unknown. Semantics, which every backend must implement identically:
//   not x        known iff x known; value !x
//   and(a, b)    false if either is known false; true if both known true;
//                otherwise unknown (Kleene)
//   or(a, b)     true if either is known true; false if both known false;
//                otherwise unknown
//   cmp / arith  known iff every operand is known (div: and divisor != 0;
//                arith: and the result is finite, so an overflow is unknown);
//                eq and ne compare two numbers or two bools
//   in_set x S   known iff x known; value x in S
//   is_known x   always known; value: x is known
// Missing inputs of a node: empty if the node is known; else {i} for an
// unknown input i; else the union over its unknown operands.
#ifndef PATHWAY_IR_IR_H
#define PATHWAY_IR_IR_H

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "fhir/Binding.h"

namespace pathway::ir {

using NodeId = uint32_t;

enum class Type : uint8_t { Bool, Number };

#define PATHWAY_IR_OPS(X)                                                  \
  X(Input, "input")     /* input slot `input`; type from the input */      \
  X(Const, "const")     /* `value`, or unknown when !known */              \
  X(Not, "not")                                                            \
  X(And, "and")                                                            \
  X(Or, "or")                                                              \
  X(Lt, "lt")                                                              \
  X(Le, "le")                                                              \
  X(Gt, "gt")                                                              \
  X(Ge, "ge")                                                              \
  X(Eq, "eq")                                                              \
  X(Ne, "ne")                                                              \
  X(Add, "add")                                                            \
  X(Sub, "sub")                                                            \
  X(Mul, "mul")                                                            \
  X(Div, "div")                                                            \
  X(Neg, "neg")                                                            \
  X(InSet, "in")        /* enum index in `labels` */                       \
  X(IsKnown, "known")

enum class Op : uint8_t {
#define PATHWAY_IR_OP_ENUM(name, text) name,
  PATHWAY_IR_OPS(PATHWAY_IR_OP_ENUM)
#undef PATHWAY_IR_OP_ENUM
};

const char* opName(Op op);

struct Node {
  Op op = Op::Const;
  Type type = Type::Bool;
  std::vector<NodeId> args;
  double value = 0;                // Const
  bool known = true;               // Const
  uint32_t input = 0;              // Input
  std::vector<uint32_t> labels;    // InSet: sorted enum label indices

  bool operator==(const Node&) const = default;
};

enum class InputKind : uint8_t { Bool, Int, Number, Enum, Quantity };
const char* inputKindName(InputKind kind);

struct Input {
  std::string name;
  InputKind kind = InputKind::Bool;
  std::string unit;        // Quantity: canonical unit spelling, e.g. "weeks"
  std::string dimension;   // Quantity: "time", "percent", ...
  std::optional<double> min, max;
  std::vector<std::string> labels;  // Enum
  std::string enumName;             // Enum
  std::string description;
};

struct Citation {
  std::string source;     // declared source name
  std::string paragraph;  // "S1.P2"
};

struct Definition {
  std::string name;
  Type type = Type::Bool;
  NodeId node = 0;
};

struct Finding {
  std::string name;
  std::string label;
  std::vector<Citation> citations;
  NodeId node = 0;
};

struct Recommendation {
  std::string name;
  std::string label;
  std::string category;  // "execution", "urgent", "reevaluation", ...
  std::string urgency;   // "routine", "soon", "immediate"
  std::string rationale;
  std::vector<Citation> citations;
  std::vector<uint32_t> supersedes;  // recommendation indices
  std::vector<uint32_t> orders;      // code sets (Program::fhir.codesets) of the orders it recommends
  NodeId condition = 0;              // own condition
  NodeId status = 0;                 // condition and not any superseder's status
};

// A claim for `pathwayc verify` (never evaluated by a library): for every
// patient for whom `premise` is true, `claim` must be true (unknown fails).
struct Property {
  std::string name;
  std::string label;
  std::vector<Citation> citations;
  std::optional<NodeId> premise;
  NodeId claim = 0;
};

// `allow CHECK SUBJECTS "reason";`: silences one built-in analysis.
struct Allow {
  std::string check;                  // an id from diag/Analyses.def
  std::vector<std::string> subjects;  // declaration names
  std::string reason;
};

struct Source {
  std::string name;
  std::string title;
  std::vector<std::string> paragraphs;
};

struct Metadata {
  std::string name;
  std::string title;
  std::string version;
  std::vector<std::string> authors;
  std::vector<Source> sources;
};

struct Program {
  Metadata meta;
  std::vector<Input> inputs;
  std::vector<Node> nodes;  // topological order
  std::vector<Definition> definitions;
  std::vector<Finding> findings;
  std::vector<Recommendation> recommendations;
  // Verification only: kept for `verify` and `dump-ir`, stripped (with the
  // nodes only they use) before any back end sees the program.
  std::vector<Property> properties;
  std::vector<Allow> allows;
  // Where inputs come from in FHIR R4 records (metadata only: the runtime
  // fills inputs from a Bundle with them; evaluation never reads them).
  fhir::Bindings fhir;

  // Slot layout shared by every backend (see pathway/abi.h).
  uint32_t slotCount() const {
    return static_cast<uint32_t>(2 * recommendations.size() + findings.size() +
                                 definitions.size());
  }
  uint32_t statusSlot(size_t rec) const { return static_cast<uint32_t>(rec); }
  uint32_t conditionSlot(size_t rec) const {
    return static_cast<uint32_t>(recommendations.size() + rec);
  }
  uint32_t findingSlot(size_t f) const {
    return static_cast<uint32_t>(2 * recommendations.size() + f);
  }
  uint32_t definitionSlot(size_t d) const {
    return static_cast<uint32_t>(2 * recommendations.size() + findings.size() + d);
  }
  uint32_t maskWords() const {
    return inputs.empty() ? 1u : static_cast<uint32_t>((inputs.size() + 63) / 64);
  }
  // The node that feeds each slot, in slot order.
  std::vector<NodeId> slotNodes() const;
};

}  // namespace pathway::ir

#endif  // PATHWAY_IR_IR_H
