#include "Generator.h"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "units/Units.h"

namespace pathway::differential {
namespace {

using Kind = VType::Kind;

// A bound or literal as written: sign, digits, unit spelling.
struct Literal {
  bool negative = false;
  std::string digits;
  std::string unit;
};

// A name in scope for expressions.
struct Named {
  std::string name;
  VType type;
  ValueDecl::Kind kind = ValueDecl::Kind::Define;
  bool input = false;
  bool constant = false;  // may fold to a constant in sema (no input below it)
  bool ranged = false;    // input with a range: lo/hi in its own unit
  double lo = 0, hi = 0;
  Literal loText, hiText;
};

const std::vector<std::string> kDimensions = {"time", "concentration", "percent", "rate"};
const std::vector<std::string> kCategories = {"execution",    "urgent",       "reevaluation",
                                              "imaging",      "labs",         "electrodiagnostics",
                                              "intervention", "surgery"};
const std::vector<std::string> kUrgencies = {"routine", "soon", "immediate"};

std::vector<const units::Unit*> unitsOf(const std::string& dimension) {
  std::vector<const units::Unit*> out;
  for (const units::Unit& u : units::all()) {
    if (u.dimension == dimension) out.push_back(&u);
  }
  return out;
}

std::string digits(double magnitude, int decimals) {
  std::string s = fmt::format("{:.{}f}", magnitude, decimals);
  if (s.find('.') != std::string::npos) {
    while (s.back() == '0') s.pop_back();
    if (s.back() == '.') s.pop_back();
  }
  return s;
}

double valueOf(const Literal& l) {
  double v = std::strtod(l.digits.c_str(), nullptr);
  return l.negative ? -v : v;
}

std::string text(const Literal& l) {
  std::string s = (l.negative ? "-" : "") + l.digits;
  if (!l.unit.empty()) s += (l.unit == "%" ? "" : " ") + l.unit;
  return s;
}

class Generator {
 public:
  explicit Generator(uint64_t seed) : rng_(seed) { program_.name = "g" + std::to_string(seed); }

  Program run() {
    program_.paragraphs = {"S1.P1", "S1.P2", "S2.P1"};
    enums();
    inputs();
    values();
    recommendations();
    shuffle();
    return std::move(program_);
  }

 private:
  uint64_t pick(uint64_t n) { return n == 0 ? 0 : rng_() % n; }
  bool chance(int percent) { return static_cast<int>(rng_() % 100) < percent; }
  template <typename T>
  const T& one(const std::vector<T>& v) { return v[pick(v.size())]; }

  // ---------------------------------------------------------- declarations

  void enums() {
    const size_t n = 1 + pick(2);
    for (size_t e = 0; e < n; ++e) {
      EnumDecl decl{"E" + std::to_string(e), {}};
      const size_t labels = 2 + pick(3);
      for (size_t l = 0; l < labels; ++l) decl.labels.push_back("v" + std::to_string(e) + "_" + std::to_string(l));
      program_.enums.push_back(decl);
    }
  }

  Literal plainBound(bool integer) {
    Literal l;
    l.negative = chance(25);
    l.digits = integer || chance(50) ? std::to_string(pick(30)) : digits(pick(3000) / 100.0, 2);
    if (l.digits == "0") l.negative = false;
    return l;
  }

  void inputs() {
    const size_t n = 4 + pick(7);
    for (size_t i = 0; i < n; ++i) {
      InputDecl decl;
      decl.name = "i" + std::to_string(i);
      Named named;
      named.input = true;
      const uint64_t k = i < 5 ? i : pick(5);  // each kind at least once
      if (k == 0) {
        decl.type.kind = Kind::Bool;
        decl.typeText = "bool";
      } else if (k == 1 || k == 2) {
        decl.type.kind = k == 1 ? Kind::Int : Kind::Number;
        decl.typeText = k == 1 ? "int" : "number";
        if (chance(70)) {
          Literal lo = plainBound(k == 1), hi = plainBound(k == 1);
          if (valueOf(lo) > valueOf(hi)) std::swap(lo, hi);
          if (chance(5)) hi = lo;  // a one-value range
          decl.lo = text(lo);
          decl.hi = text(hi);
          named.ranged = true;
          named.lo = valueOf(lo);
          named.hi = valueOf(hi);
          named.loText = lo;
          named.hiText = hi;
        }
      } else if (k == 3) {
        decl.type.kind = Kind::Enum;
        decl.type.enumIndex = static_cast<int>(pick(program_.enums.size()));
        decl.typeText = program_.enums[decl.type.enumIndex].name;
      } else {
        decl.type.kind = Kind::Quantity;
        decl.type.dimension = i == 4 ? "time" : one(kDimensions);
        auto unitList = unitsOf(decl.type.dimension);
        const units::Unit* unit = one(unitList);
        decl.type.unit = std::string(unit->canonical);
        decl.typeText = std::string(unit->spelling);
        if (chance(75)) {
          Literal lo = plainBound(false), hi = plainBound(false);
          lo.unit = one(unitList)->spelling;
          hi.unit = one(unitList)->spelling;
          if (chance(40)) lo = Literal{false, "0", lo.unit};
          auto inUnit = [&](const Literal& l) {
            return units::convert(valueOf(l), *units::find(l.unit), *unit);
          };
          if (inUnit(lo) > inUnit(hi)) std::swap(lo, hi);
          decl.lo = text(lo);
          decl.hi = text(hi);
          named.ranged = true;
          named.lo = inUnit(lo);
          named.hi = inUnit(hi);
          named.loText = lo;
          named.hiText = hi;
        }
      }
      if (chance(30)) decl.description = "input " + std::to_string(i);
      named.name = decl.name;
      named.type = decl.type;
      program_.inputs.push_back(decl);
      scope_.push_back(named);
    }
  }

  void values() {
    const size_t consts = pick(3);
    for (size_t c = 0; c < consts; ++c) {
      ValueDecl v;
      v.kind = ValueDecl::Kind::Const;
      v.name = "C" + std::to_string(c);
      constOnly_ = true;
      v.value = numeric(randomNumericType(), 1 + static_cast<int>(pick(2)));
      constOnly_ = false;
      add(v);
    }
    const size_t n = 4 + pick(8);
    for (size_t i = 0; i < n; ++i) {
      ValueDecl v;
      if (chance(35)) {
        v.kind = ValueDecl::Kind::Finding;
        v.name = "f" + std::to_string(i);
        v.label = "Finding " + std::to_string(i);
        v.value = boolean(2 + static_cast<int>(pick(3)));
        if (chance(60)) v.cites = {citation()};
      } else {
        v.kind = ValueDecl::Kind::Define;
        v.name = "d" + std::to_string(i);
        const uint64_t t = pick(10);
        if (t < 4) {
          v.value = boolean(1 + static_cast<int>(pick(3)));
        } else if (t < 9) {
          v.value = numeric(randomNumericType(), 1 + static_cast<int>(pick(3)));
        } else {
          std::vector<const Named*> enums = refs([](const VType& t2) { return t2.kind == Kind::Enum; });
          v.value = enums.empty() ? boolean(2) : ref(*one(enums));
        }
      }
      add(v);
    }
  }

  void add(const ValueDecl& v) {
    Named named;
    named.name = v.name;
    named.kind = v.kind;
    named.type = v.kind == ValueDecl::Kind::Finding ? VType{} : v.value.type;
    named.constant = v.kind == ValueDecl::Kind::Const || mayBeConstant(v.value);
    program_.values.push_back(v);
    scope_.push_back(named);
  }

  std::string citation() {
    const std::string& p = one(program_.paragraphs);
    return chance(30) ? "src:" + p : p;
  }

  void recommendations() {
    const size_t n = 3 + pick(6);
    for (size_t r = 0; r < n; ++r) {
      RecommendationDecl rec;
      rec.name = "r" + std::to_string(r);
      rec.label = "Recommendation " + std::to_string(r);
      rec.category = one(kCategories);
      rec.urgency = one(kUrgencies);
      rec.rationale = "because " + std::to_string(r);
      rec.when = boolean(2 + static_cast<int>(pick(3)));
      rec.cites = {citation()};
      if (chance(30)) rec.cites.push_back(citation());
      // Supersede only earlier ones: acyclic, and often a chain r2 > r1 > r0.
      if (r > 0 && chance(50)) {
        rec.supersedes.push_back("r" + std::to_string(chance(60) ? r - 1 : pick(r)));
        if (r > 1 && chance(25)) {
          std::string other = "r" + std::to_string(pick(r));
          if (other != rec.supersedes[0]) rec.supersedes.push_back(other);
        }
      }
      program_.recommendations.push_back(rec);
    }
  }

  void shuffle() {
    const size_t n = program_.declarationCount();
    program_.order.resize(n);
    for (size_t i = 0; i < n; ++i) program_.order[i] = i;
    if (chance(50)) {
      for (size_t i = n; i > 1; --i) std::swap(program_.order[i - 1], program_.order[pick(i)]);
    }
  }

  // ---------------------------------------------------------- expressions

  template <typename Pred>
  std::vector<const Named*> refs(Pred pred) const {
    std::vector<const Named*> out;
    for (const Named& n : scope_) {
      if (constOnly_ && !(n.kind == ValueDecl::Kind::Const && !n.input)) continue;
      if (pred(n.type)) out.push_back(&n);
    }
    return out;
  }

  const Named* lookup(const std::string& name) const {
    for (const Named& n : scope_) {
      if (n.name == name) return &n;
    }
    return nullptr;
  }

  // True unless an input is reachable: then sema may fold it to a constant,
  // which matters beside an input with a range.
  bool mayBeConstant(const Expr& e) const {
    if (e.kind == Expr::Kind::Ref) {
      const Named* n = lookup(e.text);
      return n && !n->input && n->constant;
    }
    if (e.kind == Expr::Kind::Known) {
      const Named* n = lookup(e.text);
      return n && !n->input && n->constant;
    }
    for (const Expr& kid : e.kids) {
      if (!mayBeConstant(kid)) return false;
    }
    return true;
  }

  VType randomNumericType() {
    VType t;
    const uint64_t k = pick(10);
    if (k < 3) {
      t.kind = Kind::Int;
    } else if (k < 5) {
      t.kind = Kind::Number;
    } else {
      t.kind = Kind::Quantity;
      t.dimension = k < 8 ? "time" : one(kDimensions);
      t.unit = std::string(one(unitsOf(t.dimension))->canonical);
    }
    return t;
  }

  static Expr ref(const Named& n) {
    Expr e;
    e.kind = Expr::Kind::Ref;
    e.text = n.name;
    e.type = n.type;
    return e;
  }

  static Expr literal(const Literal& l, const VType& type) {
    Expr e;
    e.kind = Expr::Kind::NumLit;
    e.text = l.digits;
    e.unit = l.unit;
    e.type = type;
    if (!l.negative) return e;
    Expr neg;
    neg.kind = Expr::Kind::Neg;
    neg.type = type;
    neg.kids.push_back(std::move(e));
    return neg;
  }

  Expr numberLiteral(const VType& want) {
    Literal l;
    const uint64_t k = pick(10);
    if (k < 2) {
      l.digits = "0";
    } else if (k < 7) {
      l.digits = std::to_string(pick(12));
    } else if (k < 9) {
      l.digits = digits(pick(1000) / 100.0, 2);
    } else {
      l.digits = std::to_string(pick(100000));
    }
    VType type = want;
    if (want.kind == Kind::Quantity) {
      const units::Unit* u = one(unitsOf(want.dimension));
      l.unit = std::string(u->spelling);
      type.unit = std::string(u->canonical);
    } else {
      type.kind = l.digits.find('.') == std::string::npos ? Kind::Int : Kind::Number;
    }
    return literal(l, type);
  }

  // A literal that stays inside the range of input `n` (sema rejects one
  // outside): sometimes exactly a bound as written in the declaration,
  // otherwise an interior value, possibly in another unit of the dimension.
  Expr rangedLiteral(const Named& n) {
    if (chance(35) || n.lo == n.hi) return literal(chance(50) ? n.loText : n.hiText, literalType(n, n.loText));
    const double v = n.lo + (n.hi - n.lo) * (pick(1001) / 1000.0);
    const units::Unit* inputUnit = n.type.kind == Kind::Quantity ? units::find(n.type.unit) : nullptr;
    const units::Unit* unit = inputUnit;
    if (inputUnit && chance(60)) unit = one(unitsOf(n.type.dimension));
    double written = unit ? units::convert(v, *inputUnit, *unit) : v;
    written = std::round(written * 100) / 100;
    const double back = unit ? units::convert(written, *unit, *inputUnit) : written;
    const double eps = 1e-9 * std::max({1.0, std::fabs(n.lo), std::fabs(n.hi)});
    if (back < n.lo + eps || back > n.hi - eps) return literal(chance(50) ? n.loText : n.hiText, literalType(n, n.loText));
    Literal l{written < 0, digits(std::fabs(written), 2), unit ? std::string(unit->spelling) : ""};
    if (l.digits == "0") l.negative = false;
    return literal(l, literalType(n, l));
  }

  static VType literalType(const Named& n, const Literal& l) {
    VType t = n.type;
    if (t.kind == Kind::Quantity) {
      t.unit = std::string(units::find(l.unit)->canonical);
    } else {
      t.kind = l.digits.find('.') == std::string::npos ? Kind::Int : Kind::Number;
    }
    return t;
  }

  // A numeric expression of `want`'s class (plain, or a quantity of its
  // dimension). The result's exact type (int vs number, unit) is computed.
  Expr numeric(const VType& want, int depth) {
    const bool quantity = want.kind == Kind::Quantity;
    auto fits = [&](const VType& t) {
      return quantity ? (t.kind == Kind::Quantity && t.dimension == want.dimension) : t.isPlain();
    };
    if (depth <= 0 || chance(25)) {
      std::vector<const Named*> names = refs(fits);
      if (names.empty() || chance(30)) return numberLiteral(want);
      return ref(*one(names));
    }
    Expr e;
    const uint64_t k = pick(12);
    if (k < 1) {
      e.kind = Expr::Kind::Neg;
      e.kids.push_back(numeric(want, depth - 1));
      e.type = e.kids[0].type;
      return e;
    }
    e.kind = Expr::Kind::Arith;
    if (!quantity && k < 3) {
      // A ratio of two quantities of one dimension is a plain number.
      VType q = randomNumericType();
      if (q.kind != Kind::Quantity) q = VType{Kind::Quantity, "time", "weeks", -1};
      e.text = "/";
      e.kids.push_back(numeric(q, depth - 1));
      e.kids.push_back(numeric(q, depth - 1));
      e.type.kind = Kind::Number;
      return e;
    }
    static const std::vector<std::string> kOps = {"+", "-", "*", "/"};
    e.text = kOps[pick(4)];
    VType plain{Kind::Number, "", "", -1};
    if (quantity && (e.text == "*" || e.text == "/")) {
      // quantity * plain, plain * quantity, quantity / plain
      Expr q = numeric(want, depth - 1);
      Expr p = numeric(plain, depth - 1);
      e.type = q.type;
      if (e.text == "*" && chance(50)) {
        e.kids.push_back(std::move(p));
        e.kids.push_back(std::move(q));
      } else {
        e.kids.push_back(std::move(q));
        e.kids.push_back(std::move(p));
      }
      return e;
    }
    e.kids.push_back(numeric(want, depth - 1));
    e.kids.push_back(numeric(want, depth - 1));
    if (quantity) {
      e.type = e.kids[0].type;  // in the left operand's unit
    } else if (e.text == "/") {
      e.type.kind = Kind::Number;
    } else {
      e.type.kind = e.kids[0].type.kind == Kind::Int && e.kids[1].type.kind == Kind::Int ? Kind::Int : Kind::Number;
    }
    return e;
  }

  Expr comparison(int depth) {
    Expr e;
    e.kind = Expr::Kind::Cmp;
    static const std::vector<std::string> kOps = {"<", "<=", ">", ">=", "==", "!="};
    e.text = kOps[pick(6)];
    VType want = randomNumericType();
    // Often an input against a literal: the common clinical shape, and where
    // range checks and unit conversion of literals happen.
    std::vector<const Named*> inputs = refs([&](const VType& t) { return t.numeric(); });
    inputs.erase(std::remove_if(inputs.begin(), inputs.end(), [](const Named* n) { return !n->input; }),
                 inputs.end());
    Expr lhs, rhs;
    if (!inputs.empty() && chance(50)) {
      const Named* n = one(inputs);
      lhs = ref(*n);
      rhs = n->ranged && chance(70) ? rangedLiteral(*n) : numeric(n->type, depth - 1);
    } else {
      lhs = numeric(want, depth - 1);
      rhs = numeric(want, depth - 1);
    }
    if (chance(50)) std::swap(lhs, rhs);
    // Beside a ranged input, a constant must lie in its range.
    auto guard = [&](const Expr& side, Expr& other) {
      if (side.kind != Expr::Kind::Ref) return;
      const Named* n = lookup(side.text);
      if (n && n->input && n->ranged && mayBeConstant(other)) other = rangedLiteral(*n);
    };
    guard(lhs, rhs);
    guard(rhs, lhs);
    e.kids.push_back(std::move(lhs));
    e.kids.push_back(std::move(rhs));
    return e;
  }

  Expr enumComparison(int depth) {
    std::vector<const Named*> enums = refs([](const VType& t) { return t.kind == Kind::Enum; });
    if (enums.empty()) return comparison(depth);
    const Named* n = one(enums);
    const EnumDecl& decl = program_.enums[n->type.enumIndex];
    Expr e;
    if (chance(40)) {
      e.kind = Expr::Kind::In;
      e.kids.push_back(ref(*n));
      for (const std::string& label : decl.labels) {
        if (chance(50)) e.labels.push_back(label);
      }
      if (e.labels.empty()) e.labels.push_back(one(decl.labels));
      if (chance(10)) e.labels.push_back(e.labels[0]);  // a repeated label
      return e;
    }
    e.kind = Expr::Kind::Cmp;
    e.text = chance(50) ? "==" : "!=";
    Expr other;
    std::vector<const Named*> same = refs([&](const VType& t) { return t.kind == Kind::Enum && t.enumIndex == n->type.enumIndex; });
    if (chance(25)) {
      other = ref(*one(same));
    } else {
      other.kind = Expr::Kind::Label;
      other.type = n->type;
      other.text = one(decl.labels);
      other.qualified = chance(40);
    }
    e.kids.push_back(ref(*n));
    e.kids.push_back(std::move(other));
    if (chance(30)) std::swap(e.kids[0], e.kids[1]);
    return e;
  }

  Expr boolean(int depth) {
    if (depth <= 0 || (constOnly_)) return boolLeaf();
    Expr e;
    const uint64_t k = pick(20);
    if (k < 2) {
      e.kind = Expr::Kind::Not;
      e.kids.push_back(boolean(depth - 1));
    } else if (k < 7) {
      e.kind = k < 5 ? Expr::Kind::And : Expr::Kind::Or;
      e.kids.push_back(boolean(depth - 1));
      e.kids.push_back(boolean(depth - 1));
    } else if (k < 12) {
      return comparison(depth);
    } else if (k < 15) {
      return enumComparison(depth);
    } else if (k < 16) {
      e.kind = Expr::Kind::Cmp;
      e.text = chance(50) ? "==" : "!=";
      e.kids.push_back(boolean(depth - 1));
      e.kids.push_back(boolean(depth - 1));
    } else {
      return boolLeaf();
    }
    return e;
  }

  Expr boolLeaf() {
    const uint64_t k = pick(10);
    if (k < 1 || constOnly_) {
      Expr e;
      e.kind = Expr::Kind::BoolLit;
      e.value = chance(50);
      return e;
    }
    if (k < 3) {
      // known(x) / unknown(x) of an input, a definition or a finding.
      std::vector<const Named*> names;
      for (const Named& n : scope_) {
        if (n.kind != ValueDecl::Kind::Const || n.input) names.push_back(&n);
      }
      Expr e;
      e.kind = Expr::Kind::Known;
      e.text = one(names)->name;
      e.negated = chance(40);
      return e;
    }
    std::vector<const Named*> bools = refs([](const VType& t) { return t.kind == Kind::Bool; });
    if (k < 7 && !bools.empty()) return ref(*one(bools));
    return comparison(1);
  }

  std::mt19937_64 rng_;
  Program program_;
  std::vector<Named> scope_;
  bool constOnly_ = false;
};

std::string number(double v) { return fmt::format("{}", v); }

}  // namespace

Program generateProgram(uint64_t seed) { return Generator(seed).run(); }

Patient generatePatient(std::mt19937_64& rng, const ir::Program& schema) {
  auto pick = [&](uint64_t n) { return n == 0 ? 0 : rng() % n; };
  auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
  Patient patient;
  for (const ir::Input& in : schema.inputs) {
    if (chance(30)) {
      if (chance(30)) patient[in.name] = "null";
      continue;
    }
    const double lo = in.min.value_or(-50), hi = in.max.value_or(in.min ? *in.min + 100 : 50);
    // Inside [lo, hi]; a bound exactly one time in five.
    auto value = [&](bool integer) {
      if (chance(20)) return chance(50) ? lo : hi;
      double v = lo + (hi - lo) * (pick(10001) / 10000.0);
      v = integer ? std::round(v) : std::round(v * 100) / 100;
      return std::clamp(v, lo, hi);
    };
    switch (in.kind) {
      case ir::InputKind::Bool: patient[in.name] = chance(50) ? "true" : "false"; break;
      case ir::InputKind::Int: {
        const double v = value(true);
        patient[in.name] = number(v < lo ? std::ceil(lo) : v > hi ? std::floor(hi) : v);
        break;
      }
      case ir::InputKind::Number: patient[in.name] = number(value(false)); break;
      case ir::InputKind::Enum: patient[in.name] = "\"" + in.labels[pick(in.labels.size())] + "\""; break;
      case ir::InputKind::Quantity: {
        const double v = value(false);
        const units::Unit* declared = units::find(in.unit);
        std::vector<const units::Unit*> others = unitsOf(in.dimension);
        const units::Unit* unit = others[pick(others.size())];
        const double converted = units::convert(v, *declared, *unit);
        const double back = units::convert(converted, *unit, *declared);
        // Another unit only when converting back cannot leave the range.
        if (v == lo || v == hi || back != v || chance(40)) {
          patient[in.name] = number(v);
        } else if (chance(50)) {
          patient[in.name] = "\"" + number(converted) + " " + std::string(unit->spelling) + "\"";
        } else {
          patient[in.name] = "{\"value\": " + number(converted) + ", \"unit\": \"" + std::string(unit->spelling) + "\"}";
        }
        break;
      }
    }
  }
  return patient;
}

}  // namespace pathway::differential
