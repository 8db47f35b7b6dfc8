// Expression nodes of the Pathway AST. Nodes own their children, cannot be
// copied (clone() is explicit), and carry their source range. Analysis
// results (types, resolved names) live in sema's side tables, not here.
#ifndef PATHWAY_AST_EXPR_H
#define PATHWAY_AST_EXPR_H

#include <memory>
#include <string>
#include <vector>

#include "diag/SourceFile.h"

namespace pathway::ast {

using diag::Range;

#define PATHWAY_AST_EXPR_KINDS(X) \
  X(Number)                       \
  X(Bool)                         \
  X(Name)                         \
  X(Known)                        \
  X(Unary)                        \
  X(Binary)                       \
  X(In)                           \
  X(Status)

enum class ExprKind : uint8_t {
#define PATHWAY_AST_KIND(name) name,
  PATHWAY_AST_EXPR_KINDS(PATHWAY_AST_KIND)
#undef PATHWAY_AST_KIND
};

class Expr {
 public:
  Expr(ExprKind kind, Range range) : kind_(kind), range_(range) {}
  virtual ~Expr() = default;
  Expr(const Expr&) = delete;
  Expr& operator=(const Expr&) = delete;

  ExprKind kind() const { return kind_; }
  Range range() const { return range_; }
  virtual std::unique_ptr<Expr> clone() const = 0;

 private:
  ExprKind kind_;
  Range range_;
};

using ExprPtr = std::unique_ptr<Expr>;

// A number with an optional unit: 6, 2.5, 80%, 6 weeks, 20 mm/h.
class NumberExpr final : public Expr {
 public:
  NumberExpr(Range range, std::string text, double value, std::string unit, Range unitRange)
      : Expr(ExprKind::Number, range), text(std::move(text)), value(value),
        unit(std::move(unit)), unitRange(unitRange) {}
  ExprPtr clone() const override {
    return std::make_unique<NumberExpr>(range(), text, value, unit, unitRange);
  }
  std::string text;  // as written, without the unit
  double value;
  std::string unit;  // empty: no unit
  Range unitRange;
};

class BoolExpr final : public Expr {
 public:
  BoolExpr(Range range, bool value) : Expr(ExprKind::Bool, range), value(value) {}
  ExprPtr clone() const override { return std::make_unique<BoolExpr>(range(), value); }
  bool value;
};

// A name, or an enum label qualified by its enum: `pain`, `Quality.sharp`.
class NameExpr final : public Expr {
 public:
  NameExpr(Range range, std::string qualifier, std::string name)
      : Expr(ExprKind::Name, range), qualifier(std::move(qualifier)), name(std::move(name)) {}
  ExprPtr clone() const override { return std::make_unique<NameExpr>(range(), qualifier, name); }
  std::string qualifier;  // empty when unqualified
  std::string name;
};

// known(x) or unknown(x).
class KnownExpr final : public Expr {
 public:
  KnownExpr(Range range, bool negated, std::string name, Range nameRange)
      : Expr(ExprKind::Known, range), negated(negated), name(std::move(name)), nameRange(nameRange) {}
  ExprPtr clone() const override {
    return std::make_unique<KnownExpr>(range(), negated, name, nameRange);
  }
  bool negated;  // unknown(x)
  std::string name;
  Range nameRange;
};

enum class UnaryOp : uint8_t { Not, Neg };

class UnaryExpr final : public Expr {
 public:
  UnaryExpr(Range range, UnaryOp op, ExprPtr operand)
      : Expr(ExprKind::Unary, range), op(op), operand(std::move(operand)) {}
  ExprPtr clone() const override {
    return std::make_unique<UnaryExpr>(range(), op, operand->clone());
  }
  UnaryOp op;
  ExprPtr operand;
};

// Implies (`a implies b`, Kleene: not a or b) is written only at the top of
// a property's assume or holds.
enum class BinaryOp : uint8_t { And, Or, Implies, Lt, Le, Gt, Ge, Eq, Ne, Add, Sub, Mul, Div };
const char* spelling(BinaryOp op);
inline bool isComparison(BinaryOp op) { return op >= BinaryOp::Lt && op <= BinaryOp::Ne; }
inline bool isArithmetic(BinaryOp op) { return op >= BinaryOp::Add; }

class BinaryExpr final : public Expr {
 public:
  BinaryExpr(Range range, BinaryOp op, Range opRange, ExprPtr lhs, ExprPtr rhs)
      : Expr(ExprKind::Binary, range), op(op), opRange(opRange), lhs(std::move(lhs)),
        rhs(std::move(rhs)) {}
  ExprPtr clone() const override {
    return std::make_unique<BinaryExpr>(range(), op, opRange, lhs->clone(), rhs->clone());
  }
  BinaryOp op;
  Range opRange;
  ExprPtr lhs, rhs;
};

struct Label {
  std::string name;
  Range range;
};

// x in {a, b, c}
class InExpr final : public Expr {
 public:
  InExpr(Range range, ExprPtr operand, std::vector<Label> labels)
      : Expr(ExprKind::In, range), operand(std::move(operand)), labels(std::move(labels)) {}
  ExprPtr clone() const override {
    return std::make_unique<InExpr>(range(), operand->clone(), labels);
  }
  ExprPtr operand;
  std::vector<Label> labels;
};

// fire(r), no(r), undetermined(r), superseded(r): a recommendation's status,
// in properties only. `function` is as written; sema checks it.
class StatusExpr final : public Expr {
 public:
  StatusExpr(Range range, std::string function, Range functionRange, std::string name, Range nameRange)
      : Expr(ExprKind::Status, range), function(std::move(function)), functionRange(functionRange),
        name(std::move(name)), nameRange(nameRange) {}
  ExprPtr clone() const override {
    return std::make_unique<StatusExpr>(range(), function, functionRange, name, nameRange);
  }
  std::string function;
  Range functionRange;
  std::string name;
  Range nameRange;
};

}  // namespace pathway::ast

#endif  // PATHWAY_AST_EXPR_H
