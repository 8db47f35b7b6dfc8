#include "ast/Decl.h"

namespace pathway::ast {

const char* spelling(BinaryOp op) {
  switch (op) {
    case BinaryOp::And: return "and";
    case BinaryOp::Or: return "or";
    case BinaryOp::Implies: return "implies";
    case BinaryOp::Lt: return "<";
    case BinaryOp::Le: return "<=";
    case BinaryOp::Gt: return ">";
    case BinaryOp::Ge: return ">=";
    case BinaryOp::Eq: return "==";
    case BinaryOp::Ne: return "!=";
    case BinaryOp::Add: return "+";
    case BinaryOp::Sub: return "-";
    case BinaryOp::Mul: return "*";
    case BinaryOp::Div: return "/";
  }
  return "?";
}

const char* declKindName(DeclKind kind) {
  switch (kind) {
    case DeclKind::Enum: return "enum";
    case DeclKind::Input: return "input";
    case DeclKind::Const: return "constant";
    case DeclKind::Define: return "definition";
    case DeclKind::Finding: return "finding";
    case DeclKind::Recommendation: return "recommendation";
    case DeclKind::Property: return "property";
    case DeclKind::Allow: return "allow";
    case DeclKind::Codeset: return "code set";
    case DeclKind::Fhir: return "FHIR binding";
  }
  return "?";
}

const char* fieldName(FieldKind kind) {
  switch (kind) {
#define PATHWAY_AST_FIELD(name, text) \
  case FieldKind::name:               \
    return text;
    PATHWAY_AST_FIELDS(PATHWAY_AST_FIELD)
#undef PATHWAY_AST_FIELD
  }
  return "?";
}

}  // namespace pathway::ast
