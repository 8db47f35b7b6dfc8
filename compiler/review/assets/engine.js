// The page's view of the JS runtime (runtime/index.js: loadPathway and the
// C runtime's rules for inputs, statuses, missing inputs, superseded-by and
// explanations). The page shows four states: a recommendation that fires,
// one that is undetermined, one whose condition held (or may have) but that
// a fired recommendation supersedes, and one that does not apply.
import { loadPathway } from './runtime/index.js';
import { unitsOf, findUnit, convert as convertUnits } from './runtime/units.js';

/** The units a quantity may be entered in, its declared unit first. */
export function unitsFor(input) {
  if (input.type !== 'quantity') return [];
  return [input.unit, ...unitsOf(input.dimension).filter((u) => u !== input.unit)];
}

/** `value` in unit `from` as a value in unit `to` (same dimension). */
export function convert(value, from, to) {
  return convertUnits(value, findUnit(from), findUnit(to));
}

/**
 * Opens the pathway: {api, pathway, inputs, recommendations, newInput(), evaluate(input) -> view}.
 * A view has status(code) ('fired'|'not_fired'|'undetermined'|'superseded'), missing(code),
 * supersededBy(code), node(name) (a finding's or definition's 'true'|'false'|'unknown') and
 * explain(code) (the runtime's explanation JSON: its condition tree).
 */
export async function openPathway(bytes) {
  const pathway = await loadPathway(bytes);
  const recommendations = pathway.recommendations.map((r) => ({
    ...r, citations: r.citations.map((c) => c.paragraph),
  }));
  return {
    api: 'runtime', pathway, inputs: pathway.inputs, recommendations,
    newInput: () => pathway.input(),
    evaluate(input) {
      const result = pathway.evaluate(input, { explain: true });
      const findings = result.findings();
      const definitions = result.definitions();
      const status = (code) => {
        const s = result.status(code);
        if (s === 'fire') return 'fired';
        if (result.supersededBy(code).length > 0) return 'superseded';
        return s === 'no' ? 'not_fired' : 'undetermined';
      };
      return {
        status,
        missing: (code) => result.missing(code),
        supersededBy: (code) => result.supersededBy(code),
        node: (name) => findings[name] ?? definitions[name]?.value,
        explain: (code) => result.explain(code, 'json').condition,
      };
    },
  };
}
