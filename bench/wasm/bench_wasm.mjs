// Evaluation time per patient of a wasm32 module in Node: the rows entry
// point on N patients (masks off and on; copied in and out, and in place),
// and single traced evaluations through module.js. Usage: node bench_wasm.mjs
// MODULE.wasm VALUES.f64 KNOWN.u8 N. Prints JSON lines.
import { readFileSync } from 'node:fs';
import { instantiate } from '../../bindings/js/src/module.js';

const [wasmPath, valuesPath, knownPath, countText] = process.argv.slice(2);
const count = Number(countText);
const m = await instantiate(readFileSync(wasmPath));
const values = new Float64Array(readFileSync(valuesPath).buffer.slice(0));
const known = new Uint8Array(readFileSync(knownPath));
function time(label, reps, fn) {
  fn();  // warm-up (compiles the module's functions at the top tier)
  const start = process.hrtime.bigint();
  for (let r = 0; r < reps; ++r) fn();
  const ns = Number(process.hrtime.bigint() - start) / reps;
  console.log(JSON.stringify({ label, ns_per_patient: ns / (label.startsWith('single') ? 1 : count) }));
}
time('rows masks:0', 5, () => m.evaluateRows(count, values, known, { masks: false }));
time('rows masks:1', 5, () => m.evaluateRows(count, values, known, { masks: true }));
// Zero copy: the rows filled in the module's memory, outputs read there.
for (const masks of [false, true]) {
  const inPlace = m.rows(count, { masks });
  inPlace.values.set(values);
  inPlace.known.set(known);
  time(`in place masks:${masks ? 1 : 0}`, 5, () => inPlace.evaluate());
}
const one = values.subarray(0, m.nInputs);
const oneKnown = known.subarray(0, m.nInputs);
time('single traced', 20000, () => m.evaluate(one, oneKnown, { masks: true, trace: true }));
