// @pathway/runtime: compiled pathways (pathwayc build --target wasm32) in
// Node and in the browser, with the C runtime's inputs, results and
// explanations.
export { loadPathway, Pathway } from './pathway.js';
export { Input } from './input.js';
export { Result } from './result.js';
export { PathwayError } from './errors.js';
export { parseSchema } from './schema.js';
export { formatNumber } from './format.js';
