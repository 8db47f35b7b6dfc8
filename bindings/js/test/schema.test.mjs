// schema.js reads metadata as Schema.cpp does: fields, types, bounds, units,
// enum labels, citations, supersession, and the corrupt-metadata messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseSchema, findByName } from '../src/schema.js';
import { PathwayError } from '../src/errors.js';
import { INPUT_TEST, metadata } from './support/input-fixture.mjs';

const corrupt = (text, message) =>
  assert.throws(() => parseSchema(text), (e) => e instanceof PathwayError && e.status === 'corrupt' && e.message === message);

test('inputs keep their names, types, bounds, units and labels', () => {
  const s = parseSchema(INPUT_TEST);
  assert.deepEqual(s.inputNames, ['flag', 'count', 'score', 'free', 'color', 'duration', 'crp']);
  assert.equal(s.inputs[1].type, 'int');
  assert.equal(s.inputs[1].min, 0);
  assert.equal(s.inputs[1].max, 10);
  assert.equal(s.inputs[3].min, null);
  assert.deepEqual(s.inputs[4].labels, ['red', 'green', 'blue']);
  assert.equal(s.inputs[4].enumName, 'Color');
  assert.equal(s.inputs[5].unit, 'weeks');
  assert.equal(s.inputs[5].dimension, 'time');
  assert.deepEqual(s.inputs[5].units, ['days', 'weeks', 'months', 'years']);
  assert.deepEqual(s.inputs[6].units, ['mg/L', 'mg/dL', 'g/L']);
  assert.equal(s.inputIndex.get('crp'), 6);
  assert.equal(s.explain, null);
});

test('recommendations: citations and supersession both ways', () => {
  const rec = (name, supersedes) => ({ name, label: name.toUpperCase(), category: 'c', urgency: 'routine',
    rationale: 'why', citations: [{ source: 'clinical', paragraph: 'S1.P2' }], supersedes });
  const s = parseSchema(metadata([], {
    recommendations: [rec('a', ['b', 'c']), rec('b', []), rec('c', ['b'])],
    findings: [{ name: 'f', label: 'F', citations: [] }], definitions: [{ name: 'd', type: 'number' }],
  }));
  assert.deepEqual(s.recommendations[0].supersedes, ['b', 'c']);
  assert.deepEqual(s.recommendations[1].supersededBy, ['a', 'c']);
  assert.deepEqual(s.recommendations[1].supersededByIndices, [0, 2]);
  assert.deepEqual(s.recommendations[0].citations, [{ source: 'clinical', paragraph: 'S1.P2' }]);
  assert.equal(s.findings[0].label, 'F');
  assert.equal(s.definitions[0].type, 'number');
  corrupt(metadata([], { recommendations: [rec('a', ['z'])] }),
    "metadata recommendation 'a' supersedes unknown recommendation 'z'");
});

test('corrupt metadata gives Schema.cpp messages', () => {
  corrupt('[]', 'metadata JSON is not an object');
  corrupt('{}', 'metadata root has no "name"');
  corrupt(JSON.stringify({ name: 1 }), 'metadata root: "name" is not a string');
  corrupt(metadata([{ name: 'x', type: 'text', description: '' }]), 'metadata input \'x\' has unknown type "text"');
  corrupt(metadata([{ name: 'x', type: 'int', description: '', min: 'a' }]), 'metadata input \'x\': "min" is not a finite number');
  corrupt(metadata([{ type: 'int' }]), 'metadata input 0 has no "name"');
  corrupt(metadata([3]), 'metadata input 0 is not an object');
  corrupt(metadata([{ name: 'q', type: 'quantity', description: '', unit: 'weeks', dimension: 'rate' }]),
    "metadata input 'q' has unit 'weeks' unknown to this runtime for dimension 'rate'");
  corrupt(metadata([{ name: 'e', type: 'enum', description: '', enum: 'E', labels: [] }]), "metadata input 'e' is an enum without labels");
  corrupt(metadata([{ name: 'e', type: 'enum', description: '', enum: 'E', labels: [1] }]), 'metadata input \'e\': "labels" holds a non-string');
  corrupt(metadata([], { definitions: [{ name: 'd', type: 'enum' }] }), 'metadata definition \'d\' has unknown type "enum"');
  assert.throws(() => parseSchema('{'), (e) => e.status === 'corrupt' && e.message.startsWith('metadata JSON does not parse: '));
});

test('findByName suggests the closest name', () => {
  assert.equal(findByName(['flag', 'count'], 'count', 'input'), 1);
  assert.throws(() => findByName(['flag', 'count'], 'cuont', 'input'),
    (e) => e.status === 'not_found' && e.message === "no input named 'cuont' (did you mean 'count'?)");
});
