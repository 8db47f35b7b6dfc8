// The IR builder's folding and sharing, and the reference interpreter's
// three-valued semantics, cell by cell.
#include <gtest/gtest.h>

#include "ir/Builder.h"
#include "ir/Interpreter.h"

namespace pathway::ir {
namespace {

// Two bool inputs a, b and two number inputs x, y.
Program makeProgram() {
  Program p;
  for (auto [name, kind] : {std::pair{"a", InputKind::Bool}, {"b", InputKind::Bool}, {"x", InputKind::Number},
                            {"y", InputKind::Number}}) {
    Input in;
    in.name = name;
    in.kind = kind;
    p.inputs.push_back(in);
  }
  return p;
}

enum Tri { F = 0, T = 1, U = 2 };

// Evaluates `node` as a definition with the inputs given (U = unknown).
struct Eval {
  uint8_t state;
  double number;
};
Eval evalNode(Program p, NodeId node, Tri a, Tri b, std::optional<double> x = 1, std::optional<double> y = 1) {
  Definition def;
  def.name = "d";
  def.type = p.nodes[node].type;
  def.node = node;
  p.definitions = {def};
  double values[4] = {a == T ? 1.0 : 0.0, b == T ? 1.0 : 0.0, x.value_or(0), y.value_or(0)};
  uint8_t known[4] = {a != U, b != U, x.has_value(), y.has_value()};
  uint8_t state[1];
  double numbers[1];
  uint64_t missing[1];
  interpret(p, values, known, state, numbers, missing);
  return {state[0], numbers[0]};
}

TEST(Interpreter, KleeneAndOrNotTables) {
  const Tri values[] = {F, T, U};
  // Expected[a][b] with F, T, U order.
  const Tri andTable[3][3] = {{F, F, F}, {F, T, U}, {F, U, U}};
  const Tri orTable[3][3] = {{F, T, U}, {T, T, T}, {U, T, U}};
  for (Tri a : values) {
    for (Tri b : values) {
      Program p = makeProgram();
      Builder builder(p);
      NodeId conj = builder.logicAnd(builder.input(0), builder.input(1));
      NodeId disj = builder.logicOr(builder.input(0), builder.input(1));
      EXPECT_EQ(evalNode(p, conj, a, b).state, andTable[a][b]) << a << " and " << b;
      EXPECT_EQ(evalNode(p, disj, a, b).state, orTable[a][b]) << a << " or " << b;
    }
    Program p = makeProgram();
    Builder builder(p);
    NodeId neg = builder.logicNot(builder.input(0));
    EXPECT_EQ(evalNode(p, neg, a, F).state, a == U ? U : a == T ? F : T);
  }
}

TEST(Interpreter, ComparisonsAndArithmeticWithUnknownAreUnknown) {
  for (Op op : {Op::Lt, Op::Le, Op::Gt, Op::Ge, Op::Eq, Op::Ne}) {
    Program p = makeProgram();
    Builder builder(p);
    NodeId cmp = builder.compare(op, builder.input(2), builder.input(3));
    EXPECT_EQ(evalNode(p, cmp, F, F, std::nullopt, 1).state, U);
    EXPECT_EQ(evalNode(p, cmp, F, F, 1, std::nullopt).state, U);
    EXPECT_NE(evalNode(p, cmp, F, F, 1, 2).state, U);
  }
  for (Op op : {Op::Add, Op::Sub, Op::Mul, Op::Div}) {
    Program p = makeProgram();
    Builder builder(p);
    NodeId arith = builder.arith(op, builder.input(2), builder.input(3));
    EXPECT_EQ(evalNode(p, arith, F, F, std::nullopt, 1).state, U);
    EXPECT_EQ(evalNode(p, arith, F, F, 3, 2).state, T);
  }
}

TEST(Interpreter, DivisionByZeroIsUnknownNotATrap) {
  Program p = makeProgram();
  Builder builder(p);
  NodeId div = builder.arith(Op::Div, builder.input(2), builder.input(3));
  Eval e = evalNode(p, div, F, F, 5, 0);
  EXPECT_EQ(e.state, U);
  EXPECT_EQ(e.number, 0);
  EXPECT_EQ(evalNode(p, div, F, F, 6, 3).number, 2);
}

TEST(Interpreter, MissingInputsAreTheUnknownOperandsOnly) {
  Program p = makeProgram();
  Builder builder(p);
  // (a and x > 1) as a recommendation.
  NodeId cond = builder.logicAnd(builder.input(0), builder.compare(Op::Gt, builder.input(2), builder.number(1)));
  Recommendation rec;
  rec.name = "r";
  rec.condition = rec.status = cond;
  p.recommendations = {rec};
  double values[4] = {0, 0, 0, 0};
  uint8_t known[4] = {0, 0, 0, 0};
  uint8_t state[2];
  double numbers[2];
  uint64_t missing[1];
  interpret(p, values, known, state, numbers, missing);
  EXPECT_EQ(state[0], U);
  EXPECT_EQ(missing[0], (1u << 0) | (1u << 2));
  known[0] = 1;  // a = false: decided, nothing missing
  interpret(p, values, known, state, numbers, missing);
  EXPECT_EQ(state[0], F);
  EXPECT_EQ(missing[0], 0u);
  values[0] = 1;  // a = true: only x can decide now
  interpret(p, values, known, state, numbers, missing);
  EXPECT_EQ(state[0], U);
  EXPECT_EQ(missing[0], 1u << 2);
}

TEST(Builder, FoldsConstantsAndSharesNodes) {
  Program p = makeProgram();
  Builder builder(p);
  NodeId x = builder.input(2);
  EXPECT_EQ(builder.compare(Op::Gt, x, builder.number(1)), builder.compare(Op::Gt, x, builder.number(1)));
  EXPECT_EQ(builder.logicAnd(builder.input(0), builder.input(1)), builder.logicAnd(builder.input(1), builder.input(0)));
  EXPECT_EQ(builder.arith(Op::Add, builder.number(2), builder.number(3)), builder.number(5));
  EXPECT_EQ(builder.logicAnd(builder.boolean(false), builder.input(0)), builder.boolean(false));
  EXPECT_EQ(builder.logicOr(builder.boolean(true), builder.input(0)), builder.boolean(true));
  EXPECT_EQ(builder.logicAnd(builder.boolean(true), builder.input(0)), builder.input(0));
  EXPECT_EQ(builder.logicNot(builder.logicNot(builder.input(0))), builder.input(0));
  EXPECT_EQ(builder.arith(Op::Div, x, builder.number(0)), builder.unknown(Type::Number));
  // and(unknown, x) must stay: it is false when x is false.
  NodeId keep = builder.logicAnd(builder.unknown(Type::Bool), builder.input(0));
  EXPECT_EQ(p.nodes[keep].op, Op::And);
  EXPECT_EQ(builder.isKnown(builder.number(3)), builder.boolean(true));
  EXPECT_EQ(builder.inSet(builder.number(2), {1, 2}), builder.boolean(true));
}

}  // namespace
}  // namespace pathway::ir
