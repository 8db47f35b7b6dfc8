#include "Model.h"

#include <numeric>

namespace pathway::differential {

bool VType::compatible(const VType& other) const {
  if (isPlain() && other.isPlain()) return true;
  if (kind != other.kind) return false;
  if (kind == Kind::Quantity) return dimension == other.dimension;
  if (kind == Kind::Enum) return enumIndex == other.enumIndex;
  return true;
}

size_t Expr::size() const {
  size_t n = 1;
  for (const Expr& kid : kids) n += kid.size();
  return n;
}

namespace {

void printExpr(const Expr& e, const Program* program, std::string& out) {
  switch (e.kind) {
    case Expr::Kind::BoolLit: out += e.value ? "true" : "false"; break;
    case Expr::Kind::NumLit:
      out += e.text;
      if (!e.unit.empty()) out += (e.unit == "%" ? "" : " ") + e.unit;
      break;
    case Expr::Kind::Ref: out += e.text; break;
    case Expr::Kind::Known: out += (e.negated ? "unknown(" : "known(") + e.text + ")"; break;
    case Expr::Kind::Label:
      if (e.qualified && program) out += program->enums.at(e.type.enumIndex).name + ".";
      out += e.text;
      break;
    case Expr::Kind::Not:
      out += "(not ";
      printExpr(e.kids[0], program, out);
      out += ")";
      break;
    case Expr::Kind::Neg:
      out += "(-";
      printExpr(e.kids[0], program, out);
      out += ")";
      break;
    case Expr::Kind::And:
    case Expr::Kind::Or:
    case Expr::Kind::Cmp:
    case Expr::Kind::Arith: {
      const char* op = e.kind == Expr::Kind::And  ? "and"
                       : e.kind == Expr::Kind::Or ? "or"
                                                  : e.text.c_str();
      out += "(";
      printExpr(e.kids[0], program, out);
      out += std::string(" ") + op + " ";
      printExpr(e.kids[1], program, out);
      out += ")";
      break;
    }
    case Expr::Kind::In:
      out += "(";
      printExpr(e.kids[0], program, out);
      out += " in {";
      for (size_t i = 0; i < e.labels.size(); ++i) out += (i ? ", " : "") + e.labels[i];
      out += "})";
      break;
  }
}

std::string cites(const std::vector<std::string>& list) {
  std::string out;
  for (size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + list[i];
  return out;
}

}  // namespace

std::string print(const Expr& expr) {
  std::string out;
  printExpr(expr, nullptr, out);
  return out;
}

std::string print(const Program& p) {
  std::string out = "pathway " + p.name + " {\n  title \"Generated " + p.name +
                    "\";\n  version \"1.0.0\";\n  source src \"Generated source\" {";
  for (size_t i = 0; i < p.paragraphs.size(); ++i) out += (i ? ", " : " ") + p.paragraphs[i];
  out += " }\n}\n";
  auto expr = [&](const Expr& e) {
    std::string s;
    printExpr(e, &p, s);
    return s;
  };
  std::vector<std::string> decls;
  for (const EnumDecl& e : p.enums) {
    std::string s = "enum " + e.name + " {";
    for (size_t i = 0; i < e.labels.size(); ++i) s += (i ? ", " : " ") + e.labels[i];
    decls.push_back(s + " }\n");
  }
  for (const InputDecl& in : p.inputs) {
    std::string s = "input " + in.name + ": " + in.typeText;
    if (!in.lo.empty()) s += " in " + in.lo + ".." + in.hi;
    if (!in.description.empty()) s += " \"" + in.description + "\"";
    decls.push_back(s + ";\n");
  }
  for (const ValueDecl& v : p.values) {
    switch (v.kind) {
      case ValueDecl::Kind::Const: decls.push_back("const " + v.name + " = " + expr(v.value) + ";\n"); break;
      case ValueDecl::Kind::Define: decls.push_back("define " + v.name + " = " + expr(v.value) + ";\n"); break;
      case ValueDecl::Kind::Finding: {
        std::string s = "finding " + v.name + " {\n  label \"" + v.label + "\";\n  when " + expr(v.value) + ";\n";
        if (!v.cites.empty()) s += "  cite " + cites(v.cites) + ";\n";
        decls.push_back(s + "}\n");
        break;
      }
    }
  }
  for (const RecommendationDecl& r : p.recommendations) {
    std::string s = "recommendation " + r.name + " {\n  label \"" + r.label + "\";\n  when " + expr(r.when) +
                    ";\n  category " + r.category + ";\n  urgency " + r.urgency + ";\n  rationale \"" +
                    r.rationale + "\";\n  cite " + cites(r.cites) + ";\n";
    if (!r.supersedes.empty()) s += "  supersedes " + cites(r.supersedes) + ";\n";
    decls.push_back(s + "}\n");
  }
  std::vector<size_t> order = p.order;
  if (order.size() != decls.size()) {
    order.resize(decls.size());
    std::iota(order.begin(), order.end(), 0);
  }
  for (size_t i : order) out += decls[i];
  return out;
}

std::string toJson(const Patient& patient) {
  std::string out = "{";
  bool first = true;
  for (const auto& [name, value] : patient) {
    out += (first ? "" : ", ") + ("\"" + name + "\": ") + value;
    first = false;
  }
  return out + "}";
}

}  // namespace pathway::differential
