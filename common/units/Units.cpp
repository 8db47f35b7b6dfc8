#include "units/Units.h"

#include <array>

namespace pathway::units {
namespace {

// A month is a twelfth of the mean Gregorian year, so that 12 months equal
// 1 year exactly; clinical durations in months are never more precise.
constexpr double kDaysPerYear = 365.2425;
constexpr double kDaysPerMonth = kDaysPerYear / 12;

constexpr std::array kUnits{
    Unit{"days", "days", "time", 1},
    Unit{"day", "days", "time", 1},
    Unit{"weeks", "weeks", "time", 7},
    Unit{"week", "weeks", "time", 7},
    Unit{"months", "months", "time", kDaysPerMonth},
    Unit{"month", "months", "time", kDaysPerMonth},
    Unit{"years", "years", "time", kDaysPerYear},
    Unit{"year", "years", "time", kDaysPerYear},
    Unit{"%", "%", "percent", 1},
    Unit{"percent", "%", "percent", 1},
    Unit{"mm/h", "mm/h", "rate", 1},
    Unit{"mg/L", "mg/L", "concentration", 1},
    Unit{"mg/dL", "mg/dL", "concentration", 10},
    Unit{"g/L", "g/L", "concentration", 1000},
};

}  // namespace

std::span<const Unit> all() { return kUnits; }

const Unit* find(std::string_view spelling) {
  for (const Unit& unit : kUnits) {
    if (unit.spelling == spelling) return &unit;
  }
  return nullptr;
}

std::string_view baseUnit(std::string_view dimension) {
  for (const Unit& unit : kUnits) {
    if (unit.dimension == dimension && unit.factor == 1) return unit.canonical;
  }
  return {};
}

}  // namespace pathway::units
