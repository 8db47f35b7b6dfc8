// Types of @pathway/runtime/units (src/units.js): the runtime's unit table.

export interface Unit {
  /** This spelling ("week"). */
  readonly spelling: string;
  /** Its canonical spelling ("weeks"). */
  readonly canonical: string;
  /** "time" | "percent" | "rate" | "concentration". */
  readonly dimension: string;
  /** Factor to the dimension's base unit (days, %, mm/h, mg/L). */
  readonly factor: number;
}

/** Every accepted spelling, canonical ones first within each unit. */
export const UNITS: readonly Unit[];
/** The unit spelled exactly `spelling`, or null. */
export function findUnit(spelling: string): Unit | null;
/** Every spelling accepted for `dimension`, in table order. */
export function spellingsOf(dimension: string): string[];
/** The canonical spellings of `dimension` (one per unit), in table order. */
export function unitsOf(dimension: string): string[];
/** `value` in unit `from` converted to unit `to` (same dimension). */
export function convert(value: number, from: Unit, to: Unit): number;
