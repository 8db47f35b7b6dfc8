// @ts-check
// An app's use of @pathway/runtime, end to end: open a compiled pathway,
// enter one patient's facts (by setter, by JS value, from JSON), evaluate,
// and read statuses, missing inputs, superseded-by sets and explanations.
// Run: node examples/triage.mjs PATHWAY.wasm [patient.json]
// It is also the package's type test: tsc --checkJs checks it against
// index.d.ts (test/types.test.mjs), and test/example.test.mjs runs it.
import fs from 'node:fs';
import { loadPathway, PathwayError } from '@pathway/runtime';
import { unitsOf } from '@pathway/runtime/units';

const [wasmPath, patientPath] = process.argv.slice(2);
if (!wasmPath) {
  console.error('usage: node examples/triage.mjs PATHWAY.wasm [patient.json]');
  process.exit(2);
}

const pathway = await loadPathway(fs.readFileSync(wasmPath));
console.log(`${pathway.title} ${pathway.version} (${pathway.contentHash.toString(16).padStart(16, '0')})`);

const patient = pathway.input();
if (patientPath) {
  patient.setJson(fs.readFileSync(patientPath));
} else {
  // One fact of each kind the pathway has, the first of its inputs of that kind.
  for (const input of pathway.inputs) {
    if (input.type === 'bool') patient.setBool(input.name, false);
    else if (input.type === 'enum') {
      const [label] = input.labels;
      if (label !== undefined) patient.setEnum(input.name, label);
    } else if (input.type === 'quantity') {
      // In the dimension's first unit ("days" for a duration in weeks): the runtime converts it.
      const [unit = input.unit] = unitsOf(input.dimension);
      patient.setQuantity(input.name, 0, unit);
    }
    else patient.set(input.name, input.min ?? 0);
  }
}

// A wrong value is refused with the runtime's message and changes nothing.
const first = pathway.inputs.find((i) => i.type === 'int' && i.max !== null);
if (first && first.max !== null) {
  try {
    patient.setInt(first.name, first.max + 1);
  } catch (error) {
    if (!(error instanceof PathwayError)) throw error;
    console.log(`refused (${error.status}): ${error.message}`);
  }
}

const result = pathway.evaluate(patient);
const statuses = result.statuses();
for (const rec of pathway.recommendations) {
  const status = statuses[rec.code];
  let line = `${rec.code} [${status}] ${rec.urgency}: ${rec.label}`;
  if (status === 'undetermined') line += ` — record: ${result.missing(rec.code).join(', ')}`;
  const by = result.supersededBy(rec.code);
  if (by.length) line += ` — superseded by ${by.join(', ')}`;
  console.log(line);
}
const [top] = result.fired();
if (top !== undefined) {
  console.log(result.explain(top));
  const json = result.explain(top, 'json');
  console.log(`explanation JSON has ${Object.keys(json).length} keys`);
}
