// The pinned cases of tests/runtime/InputJsonTest.cpp: what counts as JSON
// (exactly what nlohmann::json accepts, with its messages), numbers at the
// integer/float boundaries, duplicate keys, which error a document with
// several reports, deep nesting, NUL bytes; and format.js against fmt.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Input } from '../src/input.js';
import { parseSchema } from '../src/schema.js';
import { readInputJson, nlohmannError } from '../src/json.js';
import { formatNumber } from '../src/format.js';
import { INPUT_JSON_TEST } from './support/input-fixture.mjs';

const schema = parseSchema(INPUT_JSON_TEST);
const [kFlag, kCount, kScore, kFree, kColor, kDuration] = [0, 1, 2, 3, 4, 5];
// Documents as byte strings: one char per byte.
const bytes = (text) => Uint8Array.from(text, (c) => c.charCodeAt(0));
const get = (input, i) => [input.known[i] === 1, input.values[i]];

function expectError(input, text, status, message) {
  assert.throws(() => input.setJson(bytes(text)), (e) => {
    assert.equal(e.status, status, `${JSON.stringify(text).slice(0, 80)}: ${e.message}`);
    assert.equal(e.message, message);
    return true;
  });
}

test('WellFormedExactlyWhenNlohmannAcceptsIt', () => {
  // The documents of the C++ test whose nlohmann::json::accept is true.
  const accepted = new Set(['{}', ' \t\r\n{ } \n', '{"flag": null}', '{"free": -0}', '{"free": 1E-2}', '{"free": 1.5e3}',
    '{"free": -1.0e-2}', '{"fl\\u0061g": true}', '{"flag\\u0000": true}', '{"\\ud83d\\ude00": 1}', '{"\\u00e9": 1}',
    '{"\\uD83D\\uDE00": 1}', '{"a\\"\\\\\\/\\b\\f\\n\\r\\t": 1}', '{"\x7f": 1}', '{"\xc3\xa9": 1}', '{"\xef\xbf\xbf": 1}',
    '{"\xf0\x9f\x98\x80": 1}', '\xef\xbb\xbf{}', '{"flag": true}\n\n',
    '{"duration": {"value": [1, {"a": [true, null, "x"]}], "unit": "weeks"}}', '{"duration": [[[]]]}', '[]', '[1, 2]',
    '"text"', '42', 'true', 'null', '{"flag": true}\0', '{}\0x', '{}\n\0{', '1\0']);
  const documents = ['', ' ', '{', '}', '{}', ' \t\r\n{ } \n', '{}x', '{} {}', '{,}', '{"flag"}', '{"flag" true}',
    '{"flag": true,}', '{"flag": true "count": 1}', "{'flag': true}", '{flag: true}', '{"flag": True}', '{"flag": tru}',
    '{"flag": nul}', '{"flag": null}', '{"free": 01}', '{"free": -}', '{"free": -0}', '{"free": 1.}', '{"free": .5}',
    '{"free": 1e}', '{"free": 1e+}', '{"free": 1E-2}', '{"free": +1}', '{"free": 0x10}', '{"free": 1.5e3}', '{"free": 1e400}',
    '{"free": NaN}', '{"free": Infinity}', '{"free": -1.0e-2}', '{"fl\\u0061g": true}', '{"flag\\u0000": true}',
    '{"\\ud83d\\ude00": 1}', '{"\\ud83d": 1}', '{"\\ude00": 1}', '{"\\ud83d\\u0041": 1}', '{"\\u00e9": 1}',
    '{"\\uD83D\\uDE00": 1}', '{"\\x": 1}', '{"\\u12": 1}', '{"\\u12g4": 1}', '{"a\\"\\\\\\/\\b\\f\\n\\r\\t": 1}',
    '{"tab\there": 1}', '{"\x01": 1}', '{"\x7f": 1}', '{"\xc3\xa9": 1}', '{"\xc3": 1}', '{"\xc0\xaf": 1}',
    '{"\xe0\x80\xaf": 1}', '{"\xed\xa0\x80": 1}', '{"\xef\xbf\xbf": 1}', '{"\xf0\x9f\x98\x80": 1}', '{"\xf4\x90\x80\x80": 1}',
    '{"\xf5\x80\x80\x80": 1}', '{"\xff": 1}', '\xef\xbb\xbf{}', '\xef\xbb{}', '{"flag": true}\n\n',
    '{"duration": {"value": [1, {"a": [true, null, "x"]}], "unit": "weeks"}}', '{"duration": [1, 2,]}', '{"duration": [1 2]}',
    '{"duration": {"a" 1}}', '{"duration": [[[]]]}', '{"duration": [[[]]}', '[]', '[1, 2]', '"text"', '42', 'true', 'null',
    '{"flag": true}\0', '{}\0x', '{}\n\0{', '1\0', '{\0}', '{"flag": \0}', '\0'];
  const input = new Input(schema);
  for (const text of documents) {
    const nul = text.indexOf('\0');
    const ok = accepted.has(text) && (nul < 0 || nul + 1 === text.length);
    // The two ports agree: JsonReader rejects exactly what nlohmann rejects.
    assert.equal(readInputJson(bytes(text)) === null, nlohmannError(bytes(text)) !== null, JSON.stringify(text));
    let status = 'ok';
    let message = '';
    try { input.setJson(bytes(text)); } catch (e) { status = e.status; message = e.message; }
    assert.notEqual(status, 'internal', message);
    assert.equal(status === 'json' && message.startsWith('malformed'), !ok, `${JSON.stringify(text)} -> ${message}`);
  }
  expectError(input, '{"flag": true,\n "count": }', 'json',
    "malformed input JSON (byte 26): parse error at line 2, column 11: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal");
  expectError(input, '{"flag": true} x', 'json',
    'malformed input JSON (byte 16): parse error at line 1, column 16: syntax error while parsing value - invalid literal; last read: \'"flag": true} x\'; expected end of input');
  expectError(input, '{"\xc3": 1}', 'json',
    'malformed input JSON (byte 4): parse error at line 1, column 4: syntax error while parsing object key - invalid string: ill-formed UTF-8 byte; last read: \'"\\xC3"\'; expected string literal');
  expectError(input, '42', 'json', 'input JSON must be an object keyed by input name, got a JSON integer');
});

test('NulByteOnlyAtTheVeryEnd', () => {
  const input = new Input(schema);
  input.setJson(bytes('{"flag": true}\0'));
  assert.deepEqual(get(input, kFlag), [true, 1]);
  expectError(input, '{"flag": false} \0 trailing [', 'json',
    'malformed input JSON (byte 17): a NUL byte at line 1, column 17 inside the document (only a terminating NUL may end it)');
  assert.deepEqual(get(input, kFlag), [true, 1]);
  expectError(input, '{"flag": \0}', 'json',
    'malformed input JSON (byte 10): a NUL byte at line 1, column 10 inside the document (only a terminating NUL may end it)');
  expectError(input, '{"flag": \0', 'json',
    "malformed input JSON (byte 10): parse error at line 1, column 10: syntax error while parsing value - unexpected end of input; expected '[', '{', or a literal");
});

test('EscapedKeysAndStringsAreDecoded', () => {
  const input = new Input(schema);
  input.setJson('{"fl\\u0061g": true, "c\\u006Flor": "gr\\u0065en"}');
  assert.deepEqual(get(input, kFlag), [true, 1]);
  assert.deepEqual(get(input, kColor), [true, 1]);
  input.setJson(bytes('\xef\xbb\xbf{"flag": false}'));
  assert.deepEqual(get(input, kFlag), [true, 0]);
  input.setJson('\ufeff{"flag": true}');  // a JS string with a BOM: encoded, then skipped
  assert.deepEqual(get(input, kFlag), [true, 1]);
  expectError(input, '{"fl\\nag": true}', 'not_found', "no input named 'fl\nag' (did you mean 'flag'?)");
  // A NUL cuts the C message (pw_last_error is a C string).
  expectError(input, '{"flag\\u0000": true}', 'not_found', "no input named 'flag");
});

test('HugeUnknownKeysAreQuotedShortly', () => {
  const input = new Input(schema);
  const huge = 'f'.repeat(1 << 20);
  expectError(input, `{"${huge}": true}`, 'not_found', `no input named '${'f'.repeat(64)}...' (1048576 bytes)`);
  const accented = `${'a'.repeat(63)}é${'a'.repeat(100)}`;
  assert.throws(() => input.setJson(`{"${accented}": true}`), (e) => e.message === `no input named '${'a'.repeat(63)}...' (165 bytes)`);
  expectError(input, `{"color": "${huge}"}`, 'not_found',
    `'${'f'.repeat(64)}...' (1048576 bytes) is not a label of Color (input 'color'); labels: red, green, blue`);
  expectError(input, '{"scroe": 1}', 'not_found', "no input named 'scroe' (did you mean 'score'?)");
  expectError(input, '{"DURATOIN": 1}', 'not_found', "no input named 'DURATOIN' (did you mean 'duration'?)");
});

test('NumbersKeepTheirIntegerOrFloatKind', () => {
  const input = new Input(schema);
  const bool = (n, kind) => expectError(input, `{"flag": ${n}}`, 'type', `input 'flag' is a bool (true or false); got a JSON ${kind}`);
  bool('18446744073709551615', 'integer');
  bool('18446744073709551616', 'number');
  bool('-9223372036854775808', 'integer');
  bool('-9223372036854775809', 'number');
  bool('1.0', 'number');
  bool('1e2', 'number');
  expectError(input, '{"count": 18446744073709551615}', 'range', "input 'count' must be in 0..10, got 1.8446744073709552e+19");
  expectError(input, '{"score": 1e400}', 'json', "malformed input JSON: number overflow parsing '1e400'");
  expectError(input, `{"score": -${'9'.repeat(400)}}`, 'json', `malformed input JSON: number overflow parsing '-${'9'.repeat(400)}'`);
  input.setJson('{"free": -0, "score": 1e-400, "count": 1.0e1}');
  assert.ok(Object.is(input.values[kFree], 0));
  assert.deepEqual(get(input, kScore), [true, 0]);
  assert.deepEqual(get(input, kCount), [true, 10]);
  input.setJson('{"free": 0.1, "score": 99.99999999999999, "duration": "2.5e1 weeks"}');
  assert.equal(input.values[kFree], 0.1);
  assert.equal(input.values[kScore], 99.99999999999999);
  assert.equal(input.values[kDuration], 25);
  input.setJson('{"free": -123456789012345678901234567890}');
  assert.equal(input.values[kFree], -123456789012345678901234567890);
});

test('DuplicateKeysAreRejected', () => {
  const input = new Input(schema);
  input.setJson('{"count": 3}');
  expectError(input, '{"flag": 1, "flag": true, "count": 2}', 'json',
    'duplicate key "flag" at line 1, column 2 and line 1, column 13: give each key once');
  expectError(input, '{"count": 2,\n  "flag": true,\n  "count": 2}', 'json',
    'duplicate key "count" at line 1, column 2 and line 3, column 3: give each key once');
  expectError(input, '{"c\\u006funt": 2, "count": null}', 'json',
    'duplicate key "count" at line 1, column 2 and line 1, column 19: give each key once');
  expectError(input, '{"duration": {"value": 3, "unit": "days", "value": 4}}', 'json',
    'duplicate key "value" in the quantity of input \'duration\' at line 1, column 15 and line 1, column 43: give each key once');
  expectError(input, '{"duration": {"unit": "days", "value": 4, "unit": "weeks"}}', 'json',
    'duplicate key "unit" in the quantity of input \'duration\' at line 1, column 15 and line 1, column 43: give each key once');
  assert.deepEqual(get(input, kCount), [true, 3]);
  expectError(input, '{"colour": "red", "colour": "red"}', 'not_found', "no input named 'colour' (did you mean 'color'?)");
});

test('SeveralErrorsReportTheFirstKey', () => {
  const input = new Input(schema);
  expectError(input, '{"score": true, "count": "x", "zz": 1}', 'type', "input 'count' is an int; got a JSON string");
  expectError(input, '{"score": true, "aa": 1}', 'not_found', "no input named 'aa'");
  expectError(input, '{"duration": {"value": 1, "unit": "weeks", "z": 1, "b": 2}}', 'type',
    'input \'duration\': unexpected key "b" in a quantity (use {"value": ..., "unit": ...})');
  expectError(input, '{"score": 1, "free": [1, 2}}', 'json',
    "malformed input JSON (byte 27): parse error at line 1, column 27: syntax error while parsing array - unexpected '}'; expected ']'");
  // setObject picks the same one.
  assert.throws(() => input.setObject({ score: true, count: 'x', zz: 1 }), (e) => e.message === "input 'count' is an int; got a JSON string");
});

test('DeepNestingIsATypeErrorNotACrash', () => {
  const input = new Input(schema);
  const depth = 100000;
  const nested = '['.repeat(depth) + ']'.repeat(depth);
  expectError(input, `{"duration": ${nested}}`, 'type', "input 'duration' is a quantity in weeks; got a JSON array");
  expectError(input, `{"duration": {"value": ${nested}, "unit": "weeks"}}`, 'type',
    'input \'duration\': a quantity object needs a numeric "value" and a string "unit"');
  expectError(input, `{"duration": ${'['.repeat(depth)}}`, 'json',
    `malformed input JSON (byte ${13 + depth + 1}): parse error at line 1, column ${13 + depth + 1}: syntax error while parsing value - unexpected '}'; expected '[', '{', or a literal`);
});

test('formatNumber is fmt 9\'s {} for doubles', () => {
  const cases = [[1e16, '1e+16'], [1e15, '1000000000000000'], [1e-5, '1e-05'], [1e-4, '0.0001'], [0.1, '0.1'], [-0, '-0'],
    [0, '0'], [123456789012345680000, '1.2345678901234568e+20'], [NaN, 'nan'], [Infinity, 'inf'], [-Infinity, '-inf'],
    [18446744073709551615, '1.8446744073709552e+19'], [5e-324, '5e-324'], [1.7976931348623157e308, '1.7976931348623157e+308'],
    [100.5, '100.5'], [-1, '-1'], [1234567890123456.7, '1234567890123456.8'], [9999999999999998, '9999999999999998'],
    [0.00012345, '0.00012345'], [1e100, '1e+100'], [1.5e-100, '1.5e-100'], [0.30000000000000004, '0.30000000000000004'],
    [573.9525, '573.9525'], [2 * 365.2425 / 12 / 7, '8.696250000000001']];
  for (const [value, text] of cases) assert.equal(formatNumber(value), text, String(value));
});
