// The pinned cases of tests/runtime/InputTest.cpp and InputRowTest.cpp for
// the JS Input: every setter, every validation error with the C message,
// JSON input of every kind, errors leaving the input unchanged, rows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Input } from '../src/input.js';
import { parseSchema } from '../src/schema.js';
import { INPUT_TEST, metadata } from './support/input-fixture.mjs';

const schema = parseSchema(INPUT_TEST);
const [kFlag, kCount, kScore, kFree, kColor, kDuration, kCrp] = [0, 1, 2, 3, 4, 5, 6];
const get = (input, i) => [input.known[i] === 1, input.values[i]];

// Expects `fn` to throw `status` with a message containing `text` (as the C++ test's HasSubstr).
function fails(fn, status, text) {
  assert.throws(fn, (e) => {
    assert.equal(e.name, 'PathwayError');
    assert.equal(e.status, status, e.message);
    assert.ok(e.message.includes(text), `${JSON.stringify(e.message)} lacks ${JSON.stringify(text)}`);
    return true;
  });
}
const failsExactly = (fn, status, message) => assert.throws(fn, (e) => e.status === status && e.message === message);

test('StartsUnknownAndSettersStore', () => {
  const input = new Input(schema);
  for (let i = 0; i < 7; ++i) assert.equal(get(input, i)[0], false);
  input.setBool(kFlag, true).setInt(kCount, 7).setNumber(kScore, 42.5).setNumber(kFree, -1e9)
    .setEnum(kColor, 'blue').setQuantity(kDuration, 2, 'months').setNumber(kCrp, 12);
  assert.deepEqual(get(input, kFlag), [true, 1]);
  assert.deepEqual(get(input, kCount), [true, 7]);
  assert.deepEqual(get(input, kScore), [true, 42.5]);
  assert.deepEqual(get(input, kFree), [true, -1e9]);
  assert.deepEqual(get(input, kColor), [true, 2]);
  assert.ok(Math.abs(get(input, kDuration)[1] - 2 * 365.2425 / 12 / 7) < 1e-12);
  input.setEnumIndex(kColor, 1).setNumber(kCount, 3.0).setUnknown(kFlag);
  assert.equal(input.values[kColor], 1);
  assert.deepEqual(get(input, kFlag), [false, 0]);
  input.setBool('flag', true);
  assert.ok(input.isKnown('flag'));
  input.clear('flag');
  assert.equal(input.isKnown('flag'), false);
  input.clearAll();
  for (let i = 0; i < 7; ++i) assert.equal(get(input, i)[0], false);
});

test('QuantityConversion', () => {
  const input = new Input(schema);
  input.setQuantity(kDuration, 14, 'days');
  assert.equal(input.values[kDuration], 2);
  input.setQuantity(kCrp, 1, 'mg/dL');
  assert.equal(input.values[kCrp], 10);
  input.setQuantity(kCrp, 3, 'mg/L');
  assert.equal(input.values[kCrp], 3);
  input.set('crp', 2, 'g/L');
  assert.equal(input.values[kCrp], 2000);
});

test('WrongTypeIsRejectedAndNothingChanges', () => {
  const input = new Input(schema);
  input.setNumber(kScore, 5);
  fails(() => input.setBool(kScore, true), 'type', "input 'score' is a number; cannot set it to a bool");
  fails(() => input.setNumber(kFlag, 1), 'type', "input 'flag' is a bool; cannot set it to a number");
  fails(() => input.setInt(kColor, 1), 'type', "input 'color' is an enum (Color); cannot set it to an int");
  fails(() => input.setEnum(kScore, 'red'), 'type', "input 'score' is a number; cannot set it to an enum label");
  fails(() => input.setEnumIndex(kFlag, 0), 'type', 'cannot set it to an enum label index');
  fails(() => input.setQuantity(kScore, 1, 'weeks'), 'type', "input 'score' is a number; cannot set it to a quantity");
  fails(() => input.setNumber(kDuration, true), 'argument', 'is not a number');
  assert.deepEqual(get(input, kScore), [true, 5]);
  assert.equal(get(input, kFlag)[0], false);
});

test('RangeAndFinitenessAreChecked', () => {
  const input = new Input(schema);
  input.setInt(kCount, 4);
  failsExactly(() => input.setInt(kCount, 11), 'range', "input 'count' must be in 0..10, got 11");
  fails(() => input.setInt(kCount, -1), 'range', 'got -1');
  failsExactly(() => input.setNumber(kCount, 2.5), 'range', "input 'count' is an int; 2.5 is not an integer");
  failsExactly(() => input.setNumber(kScore, 100.5), 'range', "input 'score' must be in 0..100, got 100.5");
  failsExactly(() => input.setNumber(kFree, NaN), 'range', "input 'free' must be finite, got nan");
  fails(() => input.setNumber(kFree, Infinity), 'range', 'must be finite, got inf');
  fails(() => input.setQuantity(kDuration, 11, 'years'), 'range', "input 'duration' must be in 0..520 weeks, got 573.");
  fails(() => input.setQuantity(kDuration, Infinity, 'weeks'), 'range', 'must be finite');
  failsExactly(() => input.setEnumIndex(kColor, 3), 'range', "input 'color' (Color) has 3 labels; index 3 is out of range");
  assert.deepEqual(get(input, kCount), [true, 4]);
  input.setNumber(kScore, 0).setNumber(kScore, 100);
});

test('EnumLabelsAndUnitsAreChecked', () => {
  const input = new Input(schema);
  failsExactly(() => input.setEnum(kColor, 'gren'), 'not_found',
    "'gren' is not a label of Color (input 'color'); labels: red, green, blue (did you mean 'green'?)");
  failsExactly(() => input.setQuantity(kDuration, 3, 'fortnights'), 'unit', "unknown unit 'fortnights' for input 'duration' (in weeks)");
  failsExactly(() => input.setQuantity(kDuration, 3, 'mg/L'), 'unit', "input 'duration' is a time in weeks; 'mg/L' is a unit of concentration");
  failsExactly(() => input.setQuantity(kCrp, 1, 'weeks'), 'unit', "input 'crp' is a concentration in mg/L; 'weeks' is a unit of time");
  assert.equal(get(input, kColor)[0], false);
  assert.equal(get(input, kDuration)[0], false);
});

test('BadIndexAndNames', () => {
  const input = new Input(schema);
  failsExactly(() => input.setBool(99, true), 'argument', 'input index 99 is out of range (the pathway has 7 inputs)');
  fails(() => input.setUnknown(7), 'argument', 'input index 7');
  fails(() => input.get(7), 'argument', 'input index 7');
  failsExactly(() => input.set('cuont', 3), 'not_found', "no input named 'cuont' (did you mean 'count'?)");
  failsExactly(() => input.isKnown('zzzzzzzz'), 'not_found', "no input named 'zzzzzzzz'");
});

test('JsonSetsEveryKind (setJson and setObject)', () => {
  for (const how of ['json', 'object']) {
    const input = new Input(schema);
    const apply = (doc) => (how === 'json' ? input.setJson(JSON.stringify(doc)) : input.setObject(doc));
    input.setBool(kFlag, true);
    apply({ count: 3, score: 12.5, free: -2, color: 'green', duration: '6 weeks', crp: { value: 2, unit: 'mg/dL' } });
    assert.equal(get(input, kFlag)[0], false);
    assert.deepEqual(get(input, kCount), [true, 3]);
    assert.deepEqual(get(input, kScore), [true, 12.5]);
    assert.deepEqual(get(input, kFree), [true, -2]);
    assert.deepEqual(get(input, kColor), [true, 1]);
    assert.deepEqual(get(input, kDuration), [true, 6]);
    assert.deepEqual(get(input, kCrp), [true, 20]);
    apply({ flag: false, duration: '14days', count: 2.0, crp: null });
    assert.deepEqual(get(input, kFlag), [true, 0]);
    assert.deepEqual(get(input, kDuration), [true, 2]);
    assert.deepEqual(get(input, kCount), [true, 2]);
    assert.equal(get(input, kCrp)[0], false);
    apply({ duration: 4 });
    assert.deepEqual(get(input, kDuration), [true, 4]);
  }
  const input = new Input(schema);
  input.setJson('{"count": 3, "score": 12.5, "free": -2, "color": "green",\n "duration": "6 weeks", "crp": {"value": 2, "unit": "mg/dL"}}');
  assert.deepEqual(get(input, kCrp), [true, 20]);
  input.setJson(new TextEncoder().encode('{"flag": true}'));
  assert.deepEqual(get(input, kFlag), [true, 1]);
});

test('JsonErrorsLeaveTheInputUnchanged', () => {
  const input = new Input(schema);
  input.setJson('{"flag": true, "count": 5}');
  const cases = [
    ['{"flag": false, "cuont": 3}', 'not_found', "no input named 'cuont' (did you mean 'count'?)"],
    ['{"flag": false, "zzzzzzzz": 3}', 'not_found', "no input named 'zzzzzzzz'"],
    ['{"flag": true,\n "count": }', 'json', "malformed input JSON (byte 26): parse error at line 2, column 11: syntax error while parsing value - unexpected '}'"],
    ['[1, 2]', 'json', 'input JSON must be an object keyed by input name, got a JSON array'],
    ['{"flag": 1}', 'type', "input 'flag' is a bool (true or false); got a JSON integer"],
    ['{"count": "3"}', 'type', "input 'count' is an int; got a JSON string"],
    ['{"count": 3.5}', 'range', '3.5 is not an integer'],
    ['{"count": 30}', 'range', 'must be in 0..10, got 30'],
    ['{"score": true}', 'type', "input 'score' is a number; got a JSON boolean"],
    ['{"color": "purple"}', 'not_found', "'purple' is not a label of Color"],
    ['{"color": 1}', 'type', "input 'color' is an enum label of Color; got a JSON integer"],
    ['{"duration": "6 parsecs"}', 'unit', "unknown unit 'parsecs'"],
    ['{"duration": "6"}', 'unit', '"6" has no unit'],
    ['{"duration": "six weeks"}', 'type', '"six weeks" is not a number followed by a unit'],
    ['{"duration": {"value": 6}}', 'type', 'a quantity object needs a numeric "value" and a string "unit"'],
    ['{"duration": {"value": 6, "unit": "weeks", "x": 1}}', 'type', 'unexpected key "x" in a quantity'],
    ['{"duration": [6]}', 'type', "input 'duration' is a quantity in weeks; got a JSON array"],
    ['{"duration": "3 mg/L"}', 'unit', 'a unit of concentration'],
    ['{"duration": 600}', 'range', 'must be in 0..520 weeks'],
  ];
  for (const [text, status, message] of cases) fails(() => input.setJson(text), status, message);
  // setObject: the same rules on JS values.
  fails(() => input.setObject({ flag: false, cuont: 3 }), 'not_found', "no input named 'cuont' (did you mean 'count'?)");
  fails(() => input.setObject({ flag: 1 }), 'type', "input 'flag' is a bool (true or false); got a JSON integer");
  fails(() => input.setObject({ flag: 1.5 }), 'type', 'got a JSON number');
  fails(() => input.setObject({ free: NaN }), 'range', "input 'free' must be finite, got nan");
  fails(() => input.setObject({ duration: { value: 6, unit: 'weeks', x: 1 } }), 'type', 'unexpected key "x" in a quantity');
  fails(() => input.setObject([1, 2]), 'json', 'got a JSON array');
  fails(() => input.set('count', '3'), 'type', "input 'count' is an int; got a JSON string");
  assert.deepEqual(get(input, kFlag), [true, 1]);
  assert.deepEqual(get(input, kCount), [true, 5]);
  for (let i = kScore; i <= kCrp; ++i) assert.equal(get(input, i)[0], false);
});

test('QuantityStringsTakeOnlyAJsonNumber', () => {
  const input = new Input(schema);
  for (const text of ['0x10 weeks', 'inf weeks', 'nan weeks', '+6 weeks', ' 6 weeks', '.5 weeks', '06 weeks', '6. weeks',
    '-infinity weeks', '0x1p4 weeks', '1.2.3 weeks', '6-2 weeks']) {
    fails(() => input.setJson(`{"duration": "${text}"}`), 'type',
      `"${text}" is not a number followed by a unit (write a decimal number and a unit, as in "6 weeks")`);
    fails(() => input.set('duration', text), 'type', `"${text}" is not a number followed by a unit`);
  }
  failsExactly(() => input.setJson('{"duration": "1e999 weeks"}'), 'range', 'input \'duration\': the number in "1e999 weeks" is too large for a double');
  failsExactly(() => input.setJson('{"duration": "6 weeks\\u0000x"}'), 'unit',
    'input \'duration\': the unit in "6 weeks\\u0000x" contains a control character');
  fails(() => input.setJson('{"duration": "6\\u0000 weeks"}'), 'unit', 'the unit in "6\\u0000 weeks" contains a control character');
  fails(() => input.setJson('{"duration": "6\\tweeks"}'), 'unit', 'contains a control character');
  assert.equal(get(input, kDuration)[0], false);
  input.setJson('{"duration": "0.5e1 weeks"}');
  assert.deepEqual(get(input, kDuration), [true, 5]);
  input.setJson('{"duration": "1E+1weeks  "}');
  assert.deepEqual(get(input, kDuration), [true, 10]);
  input.setJson('{"duration": "0 days"}');
  assert.deepEqual(get(input, kDuration), [true, 0]);
});

// InputRowTest's fixture: flag, count 0..10, score 0..100, level (Level: low mid high), weeks in days >= 0.
const rowSchema = parseSchema(metadata([
  { name: 'flag', type: 'bool', description: '' },
  { name: 'count', type: 'int', min: 0, max: 10, description: '' },
  { name: 'score', type: 'number', min: 0, max: 100, description: '' },
  { name: 'level', type: 'enum', enum: 'Level', labels: ['low', 'mid', 'high'], description: '' },
  { name: 'weeks', type: 'quantity', unit: 'days', dimension: 'time', min: 0, description: '' },
]));

test('InputRow.SetsWhatTheSettersSet', () => {
  const bySetters = new Input(rowSchema).setBool(0, true).setInt(1, 7).setNumber(2, 42.5).setEnumIndex(3, 2);
  const byRow = new Input(rowSchema).setRow([1, 7, 42.5, 2, 99], [1, 1, 1, 1, 0]);
  assert.deepEqual([...byRow.values], [...bySetters.values]);
  assert.deepEqual([...byRow.known], [...bySetters.known]);
  const byNan = new Input(rowSchema).setRow([1, 7, 42.5, 2, NaN]);
  assert.deepEqual([...byNan.values], [...bySetters.values]);
  byNan.setRow([NaN, NaN, NaN, NaN, NaN]);
  assert.deepEqual([...byNan.known], [0, 0, 0, 0, 0]);
});

test('InputRow.RefusesWhatTheSettersRefuseAndChangesNothing', () => {
  const cases = [
    [[0.5, 1, 1, 0, 1], "values[0] (input 'flag', a bool) is 0.5; a bool is 0 or 1"],
    [[1, 2.5, 1, 0, 1], "values[1] (input 'count', an int) is 2.5; not an integer"],
    [[1, 11, 1, 0, 1], "values[1] (input 'count', an int) is 11; it must be in 0..10"],
    [[1, 1, -1, 0, 1], "values[2] (input 'score', a number) is -1; it must be in 0..100"],
    [[1, 1, 1, 3, 1], "values[3] (input 'level', an enum) is 3; an enum value is a label index, 0 to 2 (Level)"],
    [[1, 1, 1, 0.5, 1], "values[3] (input 'level', an enum) is 0.5; an enum value is a label index, 0 to 2 (Level)"],
    [[1, 1, 1, 0, -2], "values[4] (input 'weeks', a quantity) is -2; it must be in 0.. days"],
    [[1, 1, 1, 0, Infinity], "values[4] (input 'weeks', a quantity) is inf; a known value must be finite"],
  ];
  const input = new Input(rowSchema).setBool(0, false).setInt(1, 3);
  const before = [[...input.values], [...input.known]];
  for (const [values, message] of cases) {
    failsExactly(() => input.setRow(values), 'range', message);
    assert.deepEqual([[...input.values], [...input.known]], before);
  }
  failsExactly(() => input.setRow([NaN, 1, 1, 0, 1], [1, 1, 1, 1, 1]), 'range',
    "values[0] (input 'flag', a bool) is nan; a known value must be finite");
  input.setRow([NaN, 1, 1, 0, 1], [0, 1, 1, 1, 1]);
  assert.deepEqual(get(input, 0), [false, 0]);
});

test('values and known are the same arrays across calls (module.evaluate layout)', () => {
  const input = new Input(schema);
  const { values, known } = input;
  input.setJson('{"count": 2}');
  input.setObject({ score: 1 });
  input.setRow([NaN, NaN, NaN, NaN, NaN, NaN, NaN]);
  assert.equal(input.values, values);
  assert.equal(input.known, known);
  assert.ok(values instanceof Float64Array && values.length === 7);
  assert.ok(known instanceof Uint8Array && known.length === 7);
});
