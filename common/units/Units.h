// The unit table shared by the compiler (literal conversion, dimension
// checks) and the runtime (quantities given in another unit at run time).
#ifndef PATHWAY_UNITS_UNITS_H
#define PATHWAY_UNITS_UNITS_H

#include <span>
#include <string_view>

namespace pathway::units {

struct Unit {
  std::string_view spelling;   // as written: "week", "weeks", "mg/dL", "%"
  std::string_view canonical;  // one spelling per unit: "weeks", "mg/dL", "%"
  std::string_view dimension;  // "time", "percent", "rate", "concentration"
  double factor;               // value in the dimension's base unit
};

// Every accepted spelling, canonical ones first within each unit.
std::span<const Unit> all();

// The unit for `spelling`, or null when it is not a unit.
const Unit* find(std::string_view spelling);

// The base unit of a dimension ("days" for time), for messages.
std::string_view baseUnit(std::string_view dimension);

// `value` expressed in `from`, converted to `to`. Same dimension required.
inline double convert(double value, const Unit& from, const Unit& to) {
  return from.factor == to.factor ? value : value * from.factor / to.factor;
}

}  // namespace pathway::units

#endif  // PATHWAY_UNITS_UNITS_H
