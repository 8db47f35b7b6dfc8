// The test pathways of tests/runtime/InputTest.cpp and InputJsonTest.cpp as
// metadata JSON (what TestProgram would compile into a library), for the
// pure JS tests of schema.js and input.js.
export function metadata(inputs, extra = {}) {
  return JSON.stringify({
    name: 'test', title: 'Test', version: '1', authors: [], sources: [],
    inputs, definitions: [], findings: [], recommendations: [], ...extra,
  });
}

const d = (o) => ({ description: '', ...o });

// flag, count 0..10, score 0..100, free, color (Color: red green blue),
// duration weeks 0..520, crp mg/L: InputTest's fixture (InputJsonTest's is
// the same without crp).
export const INPUT_TEST = metadata([
  d({ name: 'flag', type: 'bool' }),
  d({ name: 'count', type: 'int', min: 0, max: 10 }),
  d({ name: 'score', type: 'number', min: 0, max: 100 }),
  d({ name: 'free', type: 'number' }),
  d({ name: 'color', type: 'enum', enum: 'Color', labels: ['red', 'green', 'blue'] }),
  d({ name: 'duration', type: 'quantity', unit: 'weeks', dimension: 'time', min: 0, max: 520 }),
  d({ name: 'crp', type: 'quantity', unit: 'mg/L', dimension: 'concentration' }),
]);

export const INPUT_JSON_TEST = metadata([
  d({ name: 'flag', type: 'bool' }),
  d({ name: 'count', type: 'int', min: 0, max: 10 }),
  d({ name: 'score', type: 'number', min: 0, max: 100 }),
  d({ name: 'free', type: 'number' }),
  d({ name: 'color', type: 'enum', enum: 'Color', labels: ['red', 'green', 'blue'] }),
  d({ name: 'duration', type: 'quantity', unit: 'weeks', dimension: 'time', min: 0, max: 520 }),
]);
