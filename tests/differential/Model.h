// A random pathway as a small syntax model: what the generator builds, the
// shrinker simplifies and the printer turns into .pw source text. It knows
// just enough about types to keep every program well typed; the compiler's
// own front end is what checks it.
#ifndef PATHWAY_TESTS_DIFFERENTIAL_MODEL_H
#define PATHWAY_TESTS_DIFFERENTIAL_MODEL_H

#include <map>
#include <string>
#include <vector>

namespace pathway::differential {

// The type of a value: a quantity carries its dimension and unit (the unit a
// value of the expression is in, as sema computes it), an enum its index.
struct VType {
  enum class Kind { Bool, Int, Number, Quantity, Enum };
  Kind kind = Kind::Bool;
  std::string dimension;  // Quantity
  std::string unit;       // Quantity: canonical unit
  int enumIndex = -1;     // Enum

  bool isPlain() const { return kind == Kind::Int || kind == Kind::Number; }
  bool numeric() const { return isPlain() || kind == Kind::Quantity; }
  // Same class for comparison and + / -: plain with plain, a quantity with a
  // quantity of its dimension, an enum with its enum, bool with bool.
  bool compatible(const VType& other) const;
};

struct Expr {
  enum class Kind {
    BoolLit,   // value
    NumLit,    // text (digits), unit spelling (may be empty)
    Ref,       // name of an input, const, define or finding
    Known,     // known(name) or unknown(name) (negated)
    Label,     // enum label (bare, or qualified as Enum.label)
    Not,       // kids[0]
    And, Or,   // kids[0], kids[1]
    Cmp,       // op in < <= > >= == !=
    Arith,     // op in + - * /
    Neg,       // kids[0]
    In,        // kids[0] in {labels}
  };
  Kind kind = Kind::BoolLit;
  VType type;
  bool value = false;     // BoolLit
  bool negated = false;   // Known
  bool qualified = false; // Label
  std::string text;       // NumLit digits, Ref/Known name, Label label, Cmp/Arith operator
  std::string unit;       // NumLit unit spelling
  std::vector<std::string> labels;  // In
  std::vector<Expr> kids;

  size_t size() const;
};

struct EnumDecl {
  std::string name;
  std::vector<std::string> labels;
};

struct InputDecl {
  std::string name;
  VType type;
  std::string typeText;  // as written: bool, int, number, weeks, mg/dL, an enum name
  std::string lo, hi;    // range bounds as written ("" without a range), e.g. "0 days"
  std::string description;
};

// const, define or finding: a named expression.
struct ValueDecl {
  enum class Kind { Const, Define, Finding };
  Kind kind = Kind::Define;
  std::string name;
  Expr value;  // the finding's condition
  std::string label;
  std::vector<std::string> cites;
};

struct RecommendationDecl {
  std::string name;
  std::string label, category, urgency, rationale;
  Expr when;
  std::vector<std::string> cites;
  std::vector<std::string> supersedes;
};

struct Program {
  std::string name;
  std::vector<std::string> paragraphs;  // of the one source, "src"
  std::vector<EnumDecl> enums;
  std::vector<InputDecl> inputs;
  std::vector<ValueDecl> values;  // in dependency order (each uses only earlier ones)
  std::vector<RecommendationDecl> recommendations;
  // Declarations are printed in this order: indices into the concatenation
  // enums, inputs, values, recommendations (a permutation; empty means in
  // order). Sema resolves names in any order, so printing shuffled tests it.
  std::vector<size_t> order;
  size_t declarationCount() const {
    return enums.size() + inputs.size() + values.size() + recommendations.size();
  }
};

// The .pw source text.
std::string print(const Program& program);
std::string print(const Expr& expr);

// A patient: JSON values keyed by input name (a missing key is unknown).
using Patient = std::map<std::string, std::string>;  // name -> JSON text of the value
std::string toJson(const Patient& patient);

}  // namespace pathway::differential

#endif  // PATHWAY_TESTS_DIFFERENTIAL_MODEL_H
