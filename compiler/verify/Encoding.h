// The Pathway IR as Z3 terms: every node a pair (known, value), exactly as
// compiler/ir/Interpreter.cpp evaluates it (see the semantics at the top of
// ir/IR.h). Private to compiler/verify: nothing outside this folder sees Z3.
#ifndef PATHWAY_VERIFY_ENCODING_H
#define PATHWAY_VERIFY_ENCODING_H

#include <z3++.h>

#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "ir/IR.h"

namespace pathway::verify {

// One input's variables: known (Bool) and value (Bool for bool inputs,
// Real otherwise; ints and enum indices are Reals constrained integral).
struct InputVars {
  z3::expr known;
  z3::expr value;
};

class Encoding {
 public:
  // `prefix` names this copy's variables. `shared[i]`, when set, replaces
  // input i's variables (two programs or two copies over one patient).
  Encoding(z3::context& ctx, const ir::Program& program, const std::string& prefix,
           const std::vector<std::optional<InputVars>>& shared = {});

  const ir::Program& program() const { return program_; }
  const std::vector<InputVars>& inputs() const { return inputs_; }
  // Every input's value within its declared range, integral for ints and
  // enum indices, one of the labels for enums; and the definitions of the
  // named constants of deep nodes (every 8 levels a node gets its own known
  // and value constants, defined by an equation, so the formula grows
  // linearly with the program however deep its definition chains are).
  z3::expr domain() const { return z3::mk_and(domain_); }

  const z3::expr& known(ir::NodeId id) const { return known_[id]; }
  const z3::expr& value(ir::NodeId id) const { return value_[id]; }  // Bool or Real by node type

  // Two-valued views of a Bool node.
  z3::expr isTrue(ir::NodeId id) const { return known_[id] && value_[id]; }
  z3::expr isFalse(ir::NodeId id) const { return known_[id] && !value_[id]; }
  // The node's three-valued values differ between two encodings.
  z3::expr differs(ir::NodeId id, const Encoding& other, ir::NodeId otherId) const;

  // Whether input `input` is in the node's missing-input set (IR.h), built
  // on demand for the node's cone.
  z3::expr missing(ir::NodeId id, uint32_t input);

 private:
  void encode(ir::NodeId id);

  z3::context& ctx_;
  const ir::Program& program_;
  std::vector<InputVars> inputs_;
  std::string prefix_;
  z3::expr_vector domain_;
  std::vector<z3::expr> known_, value_;
  std::vector<uint32_t> depth_;  // inlined term depth since the last named node
  std::unordered_map<uint64_t, z3::expr> missing_;
};

// The exact rational value of a double, as a Z3 real.
z3::expr exactReal(z3::context& ctx, double value);

}  // namespace pathway::verify

#endif  // PATHWAY_VERIFY_ENCODING_H
