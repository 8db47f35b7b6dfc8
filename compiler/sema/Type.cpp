#include "sema/Type.h"

namespace pathway::sema {

std::string describe(const Type& type) {
  switch (type.kind) {
    case Type::Kind::Error: return "an invalid value";
    case Type::Kind::Bool: return "a bool";
    case Type::Kind::Int: return "an int";
    case Type::Kind::Number: return "a number";
    case Type::Kind::Enum: return "a value of enum '" + type.enumDecl->name.text + "'";
    case Type::Kind::Quantity: return "a quantity in " + std::string(type.unit->canonical);
  }
  return "?";
}

}  // namespace pathway::sema
