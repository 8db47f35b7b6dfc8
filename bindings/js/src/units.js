// The unit table of common/units/Units.cpp: every accepted spelling, its
// canonical spelling, dimension and factor to the dimension's base unit.

// A month is a twelfth of the mean Gregorian year.
const DAYS_PER_YEAR = 365.2425;
const DAYS_PER_MONTH = DAYS_PER_YEAR / 12;

/** Every accepted spelling, canonical ones first within each unit (Units.cpp's order). */
export const UNITS = Object.freeze([
  ['days', 'days', 'time', 1],
  ['day', 'days', 'time', 1],
  ['weeks', 'weeks', 'time', 7],
  ['week', 'weeks', 'time', 7],
  ['months', 'months', 'time', DAYS_PER_MONTH],
  ['month', 'months', 'time', DAYS_PER_MONTH],
  ['years', 'years', 'time', DAYS_PER_YEAR],
  ['year', 'years', 'time', DAYS_PER_YEAR],
  ['%', '%', 'percent', 1],
  ['percent', '%', 'percent', 1],
  ['mm/h', 'mm/h', 'rate', 1],
  ['mg/L', 'mg/L', 'concentration', 1],
  ['mg/dL', 'mg/dL', 'concentration', 10],
  ['g/L', 'g/L', 'concentration', 1000],
].map(([spelling, canonical, dimension, factor]) => Object.freeze({ spelling, canonical, dimension, factor })));

/** The unit spelled exactly `spelling` ({spelling, canonical, dimension, factor}), or null. */
export function findUnit(spelling) {
  for (const unit of UNITS) if (unit.spelling === spelling) return unit;
  return null;
}

/** Every spelling accepted for `dimension`, in table order. */
export function spellingsOf(dimension) {
  return UNITS.filter((u) => u.dimension === dimension).map((u) => u.spelling);
}

/** The canonical spellings of `dimension` (one per unit), in table order. */
export function unitsOf(dimension) {
  return [...new Set(UNITS.filter((u) => u.dimension === dimension).map((u) => u.canonical))];
}

/** `value` in unit `from` converted to unit `to` (same dimension), as units::convert computes it. */
export function convert(value, from, to) {
  return from.factor === to.factor ? value : value * from.factor / to.factor;
}
