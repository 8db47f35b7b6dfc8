// Sema for expressions: name resolution, types, units, enum labels,
// literal ranges and constant values.
#include <cmath>
#include <limits>

#include "diag/Suggest.h"
#include "sema/Checker.h"

namespace pathway::sema {

using diag::Kind;

namespace {

ConstValue unknownValue() { return {false, 0}; }
ConstValue boolValue(bool b) { return {true, b ? 1.0 : 0.0}; }

bool isFalse(const std::optional<ConstValue>& c) { return c && c->known && c->value == 0; }
bool isTrue(const std::optional<ConstValue>& c) { return c && c->known && c->value != 0; }

std::optional<double> evalArith(ast::BinaryOp op, double a, double b) {
  switch (op) {
    case ast::BinaryOp::Add: return a + b;
    case ast::BinaryOp::Sub: return a - b;
    case ast::BinaryOp::Mul: return a * b;
    case ast::BinaryOp::Div: return b == 0 ? std::nullopt : std::optional<double>(a / b);
    default: return std::nullopt;
  }
}

bool evalCompare(ast::BinaryOp op, double a, double b) {
  switch (op) {
    case ast::BinaryOp::Lt: return a < b;
    case ast::BinaryOp::Le: return a <= b;
    case ast::BinaryOp::Gt: return a > b;
    case ast::BinaryOp::Ge: return a >= b;
    case ast::BinaryOp::Eq: return a == b;
    default: return a != b;
  }
}

ast::BinaryOp flip(ast::BinaryOp op) {
  switch (op) {
    case ast::BinaryOp::Lt: return ast::BinaryOp::Gt;
    case ast::BinaryOp::Le: return ast::BinaryOp::Ge;
    case ast::BinaryOp::Gt: return ast::BinaryOp::Lt;
    case ast::BinaryOp::Ge: return ast::BinaryOp::Le;
    default: return op;
  }
}

std::string formatNumber(double v) { return fmt::format("{}", v); }

}  // namespace

void Checker::checkValueDecl(const ast::Decl& decl) { declType(decl); }

Type Checker::declType(const ast::Decl& decl) {
  if (auto it = state_.find(&decl); it != state_.end()) {
    if (it->second == State::Done) return analysis_.declTypes[&decl];
    // Visiting: a cycle, which checkOrder() reported and cut at the use
    // that closes it (cycleUses_), so checking never gets here.
    return Type::error();
  }

  state_[&decl] = State::Visiting;
  bool wasConst = inConst_;
  inConst_ = decl.kind() == ast::DeclKind::Const;
  Type type = Type::error();
  const ast::Expr* value = nullptr;
  if (decl.kind() == ast::DeclKind::Const) value = static_cast<const ast::ConstDecl&>(decl).value.get();
  if (decl.kind() == ast::DeclKind::Define) value = static_cast<const ast::DefineDecl&>(decl).value.get();
  if (decl.kind() == ast::DeclKind::Finding) {
    const ast::Field* when = static_cast<const ast::FindingDecl&>(decl).field(ast::FieldKind::When);
    if (when) {
      value = when->when.get();
      requireBool(*value, "condition of finding '" + decl.name.text + "'");
    }
    type = Type::boolean();
  }
  if (value && decl.kind() != ast::DeclKind::Finding) type = expr(*value).type;
  if (value && !expr(*value).type.isError()) {
    const ExprInfo& info = expr(*value);
    if (info.constant) {
      analysis_.constValues[&decl] = *info.constant;
    } else if (decl.kind() == ast::DeclKind::Const) {
      // Name the first non-constant thing the constant refers to.
      std::string culprit = "?";
      std::vector<const ast::Expr*> work = {value};
      while (!work.empty() && culprit == "?") {
        const ast::Expr* e = work.back();
        work.pop_back();
        if (e->kind() == ast::ExprKind::Name || e->kind() == ast::ExprKind::Known) {
          const ast::Decl* d = analysis_.exprs[e].decl;
          if (d && d->kind() != ast::DeclKind::Const) culprit = d->name.text;
        } else if (e->kind() == ast::ExprKind::Unary) {
          work.push_back(static_cast<const ast::UnaryExpr*>(e)->operand.get());
        } else if (e->kind() == ast::ExprKind::Binary) {
          work.push_back(static_cast<const ast::BinaryExpr*>(e)->rhs.get());
          work.push_back(static_cast<const ast::BinaryExpr*>(e)->lhs.get());
        } else if (e->kind() == ast::ExprKind::In) {
          work.push_back(static_cast<const ast::InExpr*>(e)->operand.get());
        }
      }
      diags_.report(Kind::ConstNotConstant, decl.name.range, decl.name.text, culprit);
      type = Type::error();
    }
  }
  inConst_ = wasConst;
  state_[&decl] = State::Done;
  analysis_.declTypes[&decl] = type;
  return type;
}

bool Checker::requireBool(const ast::Expr& operand, const std::string& context) {
  const ExprInfo& info = expr(operand);
  if (info.type.isError() || info.type.isBool()) return info.type.isBool();
  diags_.report(Kind::ExpectedBool, operand.range(), context, describe(info.type));
  return false;
}

const ExprInfo& Checker::expr(const ast::Expr& e) {
  if (auto it = analysis_.exprs.find(&e); it != analysis_.exprs.end()) return it->second;
  ExprInfo info;
  switch (e.kind()) {
    case ast::ExprKind::Number: info = number(static_cast<const ast::NumberExpr&>(e)); break;
    case ast::ExprKind::Bool:
      info.type = Type::boolean();
      info.constant = boolValue(static_cast<const ast::BoolExpr&>(e).value);
      break;
    case ast::ExprKind::Name: info = name(static_cast<const ast::NameExpr&>(e)); break;
    case ast::ExprKind::Known: info = known(static_cast<const ast::KnownExpr&>(e)); break;
    case ast::ExprKind::Unary: info = unary(static_cast<const ast::UnaryExpr&>(e)); break;
    case ast::ExprKind::Binary: info = binary(static_cast<const ast::BinaryExpr&>(e)); break;
    case ast::ExprKind::In: info = in(static_cast<const ast::InExpr&>(e)); break;
    case ast::ExprKind::Status: info = status(static_cast<const ast::StatusExpr&>(e)); break;
  }
  return analysis_.exprs[&e] = info;
}

ExprInfo Checker::number(const ast::NumberExpr& e) {
  ExprInfo info;
  info.constant = ConstValue{true, e.value};
  if (e.unit.empty()) {
    bool whole = e.text.find('.') == std::string::npos;
    info.type = whole ? Type::integer() : Type::number();
    return info;
  }
  const units::Unit* unit = units::find(e.unit);
  if (!unit) {
    std::vector<std::string> candidates;
    for (const units::Unit& u : units::all()) candidates.emplace_back(u.spelling);
    auto builder = diags_.report(Kind::UnknownUnit, e.unitRange, e.unit);
    suggest(builder, e.unitRange, e.unit, candidates);
    info.type = Type::error();
    return info;
  }
  info.type = Type::quantity(unit);
  return info;
}

int Checker::labelIndex(const ast::EnumDecl& decl, const std::string& label) const {
  for (size_t i = 0; i < decl.labels.size(); ++i) {
    if (decl.labels[i].name == label) return static_cast<int>(i);
  }
  return -1;
}

void Checker::reportUnknownLabel(const std::string& label, diag::Range range, const ast::EnumDecl& decl) {
  std::vector<std::string> labels;
  for (const ast::Label& l : decl.labels) labels.push_back(l.name);
  auto builder = diags_.report(Kind::UnknownEnumLabel, range, label, decl.name.text);
  suggest(builder, range, label, labels);
}

ExprInfo Checker::name(const ast::NameExpr& e) {
  ExprInfo info;
  if (!e.qualifier.empty()) {
    auto it = names_.find(e.qualifier);
    if (it == names_.end() || it->second->kind() != ast::DeclKind::Enum) {
      auto builder = diags_.report(Kind::UnknownEnum, e.range(), e.qualifier);
      suggest(builder, e.range(), e.qualifier, enumNames_);
      return info;
    }
    const auto* decl = static_cast<const ast::EnumDecl*>(it->second);
    used_.insert(decl);
    int index = labelIndex(*decl, e.name);
    if (index < 0) {
      reportUnknownLabel(e.name, e.range(), *decl);
      return info;
    }
    info.type = Type::enumeration(decl);
    info.label = index;
    info.constant = ConstValue{true, static_cast<double>(index)};
    return info;
  }

  auto it = names_.find(e.name);
  if (it == names_.end()) {
    for (const std::string& n : enumNames_) {
      if (labelIndex(static_cast<const ast::EnumDecl&>(*names_.at(n)), e.name) >= 0) {
        diags_.report(Kind::BareEnumLabel, e.range(), e.name, n, e.name);
        return info;
      }
    }
    auto builder = diags_.report(Kind::UnknownName, e.range(), e.name);
    suggest(builder, e.range(), e.name, valueNames_);
    return info;
  }
  const ast::Decl& decl = *it->second;
  used_.insert(&decl);
  info.decl = &decl;
  switch (decl.kind()) {
    case ast::DeclKind::Input:
      info.type = analysis_.inputs[static_cast<const ast::InputDecl*>(&decl)].type;
      break;
    case ast::DeclKind::Const:
    case ast::DeclKind::Define:
    case ast::DeclKind::Finding:
      if (cycleUses_.count(&e)) {
        info.type = Type::error();
        break;
      }
      info.type = declType(decl);
      if (auto c = analysis_.constValues.find(&decl); c != analysis_.constValues.end()) info.constant = c->second;
      break;
    case ast::DeclKind::Enum:
    case ast::DeclKind::Recommendation:
    case ast::DeclKind::Property:
    case ast::DeclKind::Allow:
    case ast::DeclKind::Codeset:
    case ast::DeclKind::Fhir:
      diags_.report(Kind::NotAValue, e.range(), ast::declKindName(decl.kind()), e.name)
          .note(Kind::NoteDeclaredHere, decl.name.range, e.name);
      info.decl = nullptr;
      break;
  }
  return info;
}

ExprInfo Checker::known(const ast::KnownExpr& e) {
  ExprInfo info;
  info.type = Type::boolean();
  const char* fn = e.negated ? "unknown" : "known";
  auto it = names_.find(e.name);
  if (it == names_.end()) {
    auto builder = diags_.report(Kind::UnknownName, e.nameRange, e.name);
    suggest(builder, e.nameRange, e.name, knownNames_);
    info.type = Type::error();
    return info;
  }
  const ast::Decl& decl = *it->second;
  used_.insert(&decl);
  if (decl.kind() != ast::DeclKind::Input && decl.kind() != ast::DeclKind::Define &&
      decl.kind() != ast::DeclKind::Finding) {
    std::string kind = ast::declKindName(decl.kind());
    std::string article = kind[0] == 'e' || kind[0] == 'i' ? "an " : "a ";
    diags_.report(Kind::KnownNeedsName, e.nameRange, fn, article + kind, e.name);
    info.type = Type::error();
    return info;
  }
  info.decl = &decl;
  if (decl.kind() != ast::DeclKind::Input) {
    if (cycleUses_.count(&e) || declType(decl).isError()) info.type = Type::error();
    if (auto c = analysis_.constValues.find(&decl); c != analysis_.constValues.end()) {
      info.constant = boolValue(c->second.known != e.negated);
    }
  }
  return info;
}

ExprInfo Checker::unary(const ast::UnaryExpr& e) {
  ExprInfo info;
  const ExprInfo& operand = expr(*e.operand);
  if (e.op == ast::UnaryOp::Not) {
    info.type = Type::boolean();
    if (!requireBool(*e.operand, "operand of 'not'")) {
      info.type = operand.type.isError() ? Type::error() : Type::boolean();
      return info;
    }
    if (operand.constant) {
      info.constant = operand.constant->known ? boolValue(operand.constant->value == 0) : unknownValue();
    }
    return info;
  }
  if (operand.type.isError()) return info;
  if (!operand.type.isNumeric()) {
    diags_.report(Kind::ExpectedNumeric, e.operand->range(), "-", describe(operand.type));
    return info;
  }
  info.type = operand.type;
  if (operand.constant) {
    info.constant = operand.constant->known ? ConstValue{true, -operand.constant->value} : unknownValue();
  }
  return info;
}

ExprInfo Checker::binary(const ast::BinaryExpr& e) {
  if (e.op == ast::BinaryOp::And || e.op == ast::BinaryOp::Or || e.op == ast::BinaryOp::Implies) return logical(e);
  if (ast::isComparison(e.op)) return comparison(e);
  return arithmetic(e);
}

ExprInfo Checker::logical(const ast::BinaryExpr& e) {
  ExprInfo info;
  std::string context = std::string("operand of '") + ast::spelling(e.op) + "'";
  bool ok = requireBool(*e.lhs, context);
  ok = requireBool(*e.rhs, context) && ok;
  const ExprInfo& l = expr(*e.lhs);
  const ExprInfo& r = expr(*e.rhs);
  if (l.type.isError() || r.type.isError()) return info;
  info.type = Type::boolean();
  if (!ok) return info;
  bool isAnd = e.op == ast::BinaryOp::And;
  if (e.op == ast::BinaryOp::Implies) {
    // Kleene: a implies b = not a or b.
    if (isFalse(l.constant) || isTrue(r.constant)) info.constant = boolValue(true);
    else if (l.constant && r.constant) info.constant = isTrue(l.constant) && isFalse(r.constant) ? boolValue(false) : unknownValue();
    return info;
  }
  // Kleene: a known false (and) or known true (or) decides alone.
  auto decides = [&](const std::optional<ConstValue>& c) { return isAnd ? isFalse(c) : isTrue(c); };
  if (decides(l.constant) || decides(r.constant)) {
    info.constant = boolValue(!isAnd);
  } else if (l.constant && r.constant) {
    bool known = l.constant->known && r.constant->known;
    info.constant = known ? boolValue(!isAnd) : unknownValue();
  }
  return info;
}

bool Checker::resolveLabel(const ast::Expr& side, const Type& enumType) {
  const auto& n = static_cast<const ast::NameExpr&>(side);
  ExprInfo info;
  int index = labelIndex(*enumType.enumDecl, n.name);
  if (index < 0) {
    reportUnknownLabel(n.name, side.range(), *enumType.enumDecl);
  } else {
    info.type = enumType;
    info.label = index;
    info.constant = ConstValue{true, static_cast<double>(index)};
  }
  analysis_.exprs[&side] = info;
  return index >= 0;
}

// `disc == large` where `large` is both a declaration and a label of
// disc's enum: the declaration wins, which is rarely what was meant.
void Checker::warnLabelName(const ast::Expr& side, const Type& other) {
  if (side.kind() != ast::ExprKind::Name || other.kind != Type::Kind::Enum) return;
  const auto& n = static_cast<const ast::NameExpr&>(side);
  if (!n.qualifier.empty() || labelIndex(*other.enumDecl, n.name) < 0) return;
  auto it = names_.find(n.name);
  if (it == names_.end()) return;
  const char* what = ast::declKindName(it->second->kind());
  const std::string& enumName = other.enumDecl->name.text;
  diags_.report(Kind::ComparisonWithLabelName, side.range(), n.name, what, n.name, n.name, enumName, enumName,
                n.name, what)
      .note(Kind::NoteDeclaredHere, it->second->name.range, n.name);
}

ExprInfo Checker::comparison(const ast::BinaryExpr& e) {
  ExprInfo info;
  auto bareName = [&](const ast::Expr& side) {
    if (side.kind() != ast::ExprKind::Name) return false;
    const auto& n = static_cast<const ast::NameExpr&>(side);
    return n.qualifier.empty() && !names_.count(n.name);
  };
  // `quality == sharp`: a bare name beside an enum value is one of its labels.
  if (bareName(*e.lhs) && !bareName(*e.rhs)) {
    const ExprInfo& r = expr(*e.rhs);
    if (r.type.kind == Type::Kind::Enum) resolveLabel(*e.lhs, r.type);
  } else if (bareName(*e.rhs) && !bareName(*e.lhs)) {
    const ExprInfo& l = expr(*e.lhs);
    if (l.type.kind == Type::Kind::Enum) resolveLabel(*e.rhs, l.type);
  }
  const ExprInfo l = expr(*e.lhs);
  const ExprInfo r = expr(*e.rhs);
  if (l.type.isError() || r.type.isError()) return info;
  warnLabelName(*e.lhs, r.type);
  warnLabelName(*e.rhs, l.type);
  const char* op = ast::spelling(e.op);
  bool ordered = e.op != ast::BinaryOp::Eq && e.op != ast::BinaryOp::Ne;
  const Type& a = l.type;
  const Type& b = r.type;
  if (ordered && (a.kind == Type::Kind::Enum || b.kind == Type::Kind::Enum) && a.kind == b.kind) {
    diags_.report(Kind::OrderedEnumComparison, e.opRange);
    return info;
  }
  if (ordered && (a.isBool() || b.isBool() || a.kind == Type::Kind::Enum || b.kind == Type::Kind::Enum)) {
    const ExprInfo& bad = (a.isBool() || a.kind == Type::Kind::Enum) ? l : r;
    const ast::Expr& badExpr = (&bad == &l) ? *e.lhs : *e.rhs;
    diags_.report(Kind::ExpectedNumeric, badExpr.range(), op, describe(bad.type));
    return info;
  }
  double scale = 1;
  if (a.kind == Type::Kind::Quantity && b.kind == Type::Kind::Quantity) {
    if (!a.sameDimension(b)) {
      diags_.report(Kind::IncompatibleUnits, e.opRange, op, a.unit->canonical, b.unit->canonical, a.unit->dimension,
                    b.unit->dimension);
      return info;
    }
    scale = b.unit->factor / a.unit->factor;
  } else if (a.kind == Type::Kind::Quantity && b.isPlainNumber()) {
    std::string text = r.constant && r.constant->known ? formatNumber(r.constant->value) : "6";
    diags_.report(Kind::MissingUnit, e.rhs->range(), op, describe(a), text, a.unit->canonical);
    return info;
  } else if (b.kind == Type::Kind::Quantity && a.isPlainNumber()) {
    std::string text = l.constant && l.constant->known ? formatNumber(l.constant->value) : "6";
    diags_.report(Kind::MissingUnit, e.lhs->range(), op, describe(b), text, b.unit->canonical);
    return info;
  } else if (!(a.isPlainNumber() && b.isPlainNumber()) &&
             !(a.kind == b.kind && (a.kind != Type::Kind::Enum || a.enumDecl == b.enumDecl))) {
    diags_.report(Kind::IncompatibleComparison, e.range(), describe(a), describe(b));
    return info;
  }
  info.type = Type::boolean();
  info.rhsScale = scale;
  if (l.constant && r.constant) {
    info.constant = (l.constant->known && r.constant->known)
                        ? boolValue(evalCompare(e.op, l.constant->value, r.constant->value * scale))
                        : unknownValue();
  }
  analysis_.exprs[&e] = info;
  // The input's own value: a name, not `known(x)` (whose info also names x).
  auto directInput = [&](const ast::Expr& side, const ExprInfo& sideInfo) {
    return side.kind() == ast::ExprKind::Name && sideInfo.decl &&
           sideInfo.decl->kind() == ast::DeclKind::Input;
  };
  if (directInput(*e.lhs, l) && r.constant && r.constant->known) checkRange(e, *e.lhs, *e.rhs, true);
  if (directInput(*e.rhs, r) && l.constant && l.constant->known) checkRange(e, *e.rhs, *e.lhs, false);
  return info;
}

void Checker::checkRange(const ast::BinaryExpr& e, const ast::Expr& inputSide, const ast::Expr& constSide,
                         bool inputOnLeft) {
  const auto* input = static_cast<const ast::InputDecl*>(analysis_.exprs[&inputSide].decl);
  const InputInfo& range = analysis_.inputs[input];
  if (!range.min && !range.max) return;
  double c = analysis_.exprs[&constSide].constant->value;
  // The constant in the input's own unit, converted exactly as the range's
  // bounds were (rangeBound), so that a bound written in another unit
  // ("0.74 months" on a weeks input) is inside its own range.
  const Type& constType = analysis_.exprs[&constSide].type;
  const Type& inputType = analysis_.exprs[&inputSide].type;
  double value = c;
  if (constType.kind == Type::Kind::Quantity && inputType.kind == Type::Kind::Quantity) {
    value = units::convert(c, *constType.unit, *inputType.unit);
  }
  double lo = range.min.value_or(-std::numeric_limits<double>::infinity());
  double hi = range.max.value_or(std::numeric_limits<double>::infinity());
  const std::string& text = diags_.file()->text();
  std::string written = text.substr(constSide.range().begin, constSide.range().end - constSide.range().begin);
  std::string loText = range.min ? formatNumber(*range.min) : "";
  std::string hiText = range.max ? formatNumber(*range.max) : "";
  if (value < lo || value > hi) {
    diags_.report(Kind::LiteralOutOfRange, constSide.range(), written, loText, hiText, input->name.text)
        .note(Kind::NoteRangeHere, input->valueRange->range, input->name.text);
    return;
  }
  ast::BinaryOp op = inputOnLeft ? e.op : flip(e.op);
  std::optional<bool> always;
  switch (op) {
    case ast::BinaryOp::Lt: always = hi < value ? std::optional(true) : lo >= value ? std::optional(false) : std::nullopt; break;
    case ast::BinaryOp::Le: always = hi <= value ? std::optional(true) : lo > value ? std::optional(false) : std::nullopt; break;
    case ast::BinaryOp::Gt: always = lo > value ? std::optional(true) : hi <= value ? std::optional(false) : std::nullopt; break;
    case ast::BinaryOp::Ge: always = lo >= value ? std::optional(true) : hi < value ? std::optional(false) : std::nullopt; break;
    case ast::BinaryOp::Eq: if (lo == hi) always = true; break;
    case ast::BinaryOp::Ne: if (lo == hi) always = false; break;
    default: break;
  }
  if (always) {
    diags_.report(Kind::ConditionAlwaysByRange, e.range(), *always ? "true" : "false", loText, hiText,
                  input->name.text)
        .note(Kind::NoteRangeHere, input->valueRange->range, input->name.text);
  }
}

ExprInfo Checker::arithmetic(const ast::BinaryExpr& e) {
  ExprInfo info;
  const ExprInfo l = expr(*e.lhs);
  const ExprInfo r = expr(*e.rhs);
  if (l.type.isError() || r.type.isError()) return info;
  const char* op = ast::spelling(e.op);
  const Type& a = l.type;
  const Type& b = r.type;
  if (!a.isNumeric() || !b.isNumeric()) {
    const ExprInfo& bad = a.isNumeric() ? r : l;
    diags_.report(Kind::ExpectedNumeric, (&bad == &l ? e.lhs : e.rhs)->range(), op, describe(bad.type));
    return info;
  }
  bool qa = a.kind == Type::Kind::Quantity;
  bool qb = b.kind == Type::Kind::Quantity;
  double scale = 1;
  switch (e.op) {
    case ast::BinaryOp::Add:
    case ast::BinaryOp::Sub:
      if (qa && qb) {
        if (!a.sameDimension(b)) {
          diags_.report(Kind::IncompatibleUnits, e.opRange, op, a.unit->canonical, b.unit->canonical,
                        a.unit->dimension, b.unit->dimension);
          return info;
        }
        scale = b.unit->factor / a.unit->factor;
        info.type = a;
      } else if (qa || qb) {
        const Type& q = qa ? a : b;
        const ExprInfo& plain = qa ? r : l;
        std::string text = plain.constant && plain.constant->known ? formatNumber(plain.constant->value) : "1";
        diags_.report(Kind::MissingUnit, (qa ? e.rhs : e.lhs)->range(), op, describe(q), text, q.unit->canonical);
        return info;
      } else {
        info.type = (a.kind == Type::Kind::Int && b.kind == Type::Kind::Int) ? Type::integer() : Type::number();
      }
      break;
    case ast::BinaryOp::Mul:
      if (qa && qb) {
        diags_.report(Kind::UnitProduct, e.opRange, op, a.unit->canonical, b.unit->canonical);
        return info;
      }
      info.type = qa ? a : qb ? b : (a.kind == Type::Kind::Int && b.kind == Type::Kind::Int) ? Type::integer() : Type::number();
      break;
    default:  // Div
      if (qa && qb && a.sameDimension(b)) {
        scale = b.unit->factor / a.unit->factor;
        info.type = Type::number();  // a ratio
      } else if (qb) {
        diags_.report(Kind::UnitProduct, e.opRange, op, qa ? std::string(a.unit->canonical) : "a plain number",
                      b.unit->canonical);
        return info;
      } else {
        info.type = qa ? a : Type::number();
      }
      if (r.constant && r.constant->known && r.constant->value == 0) {
        diags_.report(Kind::ConstantDivisionByZero, e.rhs->range());
        info.constant = unknownValue();
      }
      break;
  }
  info.rhsScale = scale;
  if (l.constant && r.constant && !info.constant) {
    std::optional<double> v;
    if (l.constant->known && r.constant->known) v = evalArith(e.op, l.constant->value, r.constant->value * scale);
    if (v && !std::isfinite(*v)) {
      diags_.report(Kind::ConstantOverflow, e.range(), formatNumber(*v));
      v.reset();
    }
    info.constant = v ? ConstValue{true, *v} : unknownValue();
  }
  return info;
}

ExprInfo Checker::in(const ast::InExpr& e) {
  ExprInfo info;
  const ExprInfo& operand = expr(*e.operand);
  if (operand.type.isError()) return info;
  if (operand.type.kind != Type::Kind::Enum) {
    diags_.report(Kind::InNeedsEnum, e.operand->range(), describe(operand.type));
    return info;
  }
  bool ok = true;
  bool member = false;
  for (const ast::Label& label : e.labels) {
    int index = labelIndex(*operand.type.enumDecl, label.name);
    if (index < 0) {
      reportUnknownLabel(label.name, label.range, *operand.type.enumDecl);
      ok = false;
    } else if (operand.constant && operand.constant->value == index) {
      member = true;
    }
  }
  if (!ok) return info;
  info.type = Type::boolean();
  if (operand.constant) info.constant = operand.constant->known ? boolValue(member) : unknownValue();
  return info;
}

}  // namespace pathway::sema
