// The types of Pathway expressions.
#ifndef PATHWAY_SEMA_TYPE_H
#define PATHWAY_SEMA_TYPE_H

#include <string>

#include "ast/Decl.h"
#include "units/Units.h"

namespace pathway::sema {

struct Type {
  enum class Kind : uint8_t { Error, Bool, Int, Number, Enum, Quantity };
  Kind kind = Kind::Error;
  const ast::EnumDecl* enumDecl = nullptr;  // Enum
  const units::Unit* unit = nullptr;        // Quantity: the unit its values are in

  static Type error() { return {}; }
  static Type boolean() { return {Kind::Bool}; }
  static Type integer() { return {Kind::Int}; }
  static Type number() { return {Kind::Number}; }
  static Type enumeration(const ast::EnumDecl* e) { return {Kind::Enum, e}; }
  static Type quantity(const units::Unit* u) { return {Kind::Quantity, nullptr, u}; }

  bool isError() const { return kind == Kind::Error; }
  bool isBool() const { return kind == Kind::Bool; }
  bool isPlainNumber() const { return kind == Kind::Int || kind == Kind::Number; }
  bool isNumeric() const { return isPlainNumber() || kind == Kind::Quantity; }
  bool sameDimension(const Type& other) const {
    return kind == Kind::Quantity && other.kind == Kind::Quantity && unit->dimension == other.unit->dimension;
  }
};

// With an article, for messages: "a bool", "an int", "a number",
// "a PainQuality value", "a quantity in weeks".
std::string describe(const Type& type);

}  // namespace pathway::sema

#endif  // PATHWAY_SEMA_TYPE_H
