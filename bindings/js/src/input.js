// One patient's inputs, a port of the C runtime's pw_input (Input.cpp,
// InputJson.cpp, InputRow.cpp): a value and a known flag per input in the
// layout module.js's evaluate(values, known) reads (pathway/abi.h: bool 0/1,
// int, number, enum label index, quantity in its declared unit; unknown is
// value 0, known 0). Every setter checks as the C setter does and throws
// PathwayError(status, message) with the C status and pw_last_error's text.
import { PathwayError } from './errors.js';
import { parseSchema, findByName } from './schema.js';
import { findUnit, convert } from './units.js';
import { quoted, didYouMean } from './suggest.js';
import { formatNumber as num } from './format.js';
import { readInputJson, nlohmannError, compareKeys } from './json.js';
import { utf8Bytes, cMessage } from './utf8.js';

function fail(status, message) {
  throw new PathwayError(status, cMessage(message));
}

const KIND_NAMES = { bool: 'a bool', int: 'an int', number: 'a number', enum: 'an enum', quantity: 'a quantity' };

function wrongType(in_, given) {
  let message = `input '${in_.name}' is ${KIND_NAMES[in_.type]}`;
  if (in_.type === 'quantity') message += ` in ${in_.unit}`;
  if (in_.type === 'enum') message += ` (${in_.enumName})`;
  fail('type', `${message}; cannot set it to ${given}`);
}

function requireKind(in_, kinds, given) {
  if (!kinds.includes(in_.type)) wrongType(in_, given);
}

const NUMERIC = ['int', 'number', 'quantity'];

/** The unit `unit` of quantity input `in_` (units.js entry); throws 'type' or 'unit' as Input.cpp's unitFor. */
export function unitFor(in_, unit) {
  requireKind(in_, ['quantity'], 'a quantity');
  const from = findUnit(unit);
  if (from === null) fail('unit', `unknown unit '${unit}' for input '${in_.name}' (in ${in_.unit})`);
  if (from.dimension !== in_.dimension) {
    fail('unit', `input '${in_.name}' is a ${in_.dimension} in ${in_.unit}; '${unit}' is a unit of ${from.dimension}`);
  }
  return from;
}

const JSON_TYPE_NAMES = {
  boolean: 'a JSON boolean', integer: 'a JSON integer', number: 'a JSON number', string: 'a JSON string',
  array: 'a JSON array', object: 'a JSON object',
};
const jsonTypeName = (type) => JSON_TYPE_NAMES[type] ?? (type.startsWith('a JS ') ? type : 'a JSON value');
const isNumber = (v) => v.type === 'integer' || v.type === 'number';

// A patient string as a message quotes it: control characters as \u00XX.
function printable(text) {
  return text.replace(/[\x00-\x1f\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

// The length of the JSON number at the start of `text`; 0 when none.
function jsonNumberLength(text) {
  let i = 0;
  const digits = () => {
    const start = i;
    while (i < text.length && text[i] >= '0' && text[i] <= '9') ++i;
    return i - start;
  };
  if (text[i] === '-') ++i;
  const integer = i;
  const intDigits = digits();
  if (intDigits === 0 || (intDigits > 1 && text[integer] === '0')) return 0;
  if (text[i] === '.') {
    ++i;
    if (digits() === 0) return 0;
  }
  if (text[i] === 'e' || text[i] === 'E') {
    const mark = i++;
    if (text[i] === '+' || text[i] === '-') ++i;
    if (digits() === 0) i = mark;
  }
  return i;
}

// "6 weeks", "6weeks", "40 %" -> [value, unit], as InputJson.cpp's parseQuantityText.
function parseQuantityText(in_, text) {
  const length = jsonNumberLength(text);
  const runsOn = length < text.length && '0123456789.+-xX'.includes(text[length]);
  if (length === 0 || runsOn) {
    fail('type', `input '${in_.name}' is a quantity in ${in_.unit}; "${printable(text)}" is not a number followed by a unit ` +
      `(write a decimal number and a unit, as in "6 ${in_.unit}")`);
  }
  const value = Number(text.slice(0, length));
  if (!Number.isFinite(value)) fail('range', `input '${in_.name}': the number in "${printable(text)}" is too large for a double`);
  const rest = text.slice(length).replace(/^ +/, '').replace(/ +$/, '');
  if (rest === '') fail('unit', `input '${in_.name}': "${printable(text)}" has no unit (expected e.g. "${num(value)} ${in_.unit}")`);
  if (/[\x00-\x1f\x7f]/.test(rest)) fail('unit', `input '${in_.name}': the unit in "${printable(text)}" contains a control character`);
  return [value, rest];
}

// "line 2, column 5" for a byte offset into `bytes`.
function position(bytes, offset) {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < bytes.length; ++i) {
    if (bytes[i] === 0x0a) {
      ++line;
      lineStart = i + 1;
    }
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}

// A JS value as the JSON reader would have read it (for setObject and set).
function scalarOf(v) {
  if (v === null || v === undefined) return { type: 'null' };
  switch (typeof v) {
    case 'boolean': return { type: 'boolean', boolean: v };
    case 'number':
      // As JSON.stringify writes it: an integral |v| < 1e21 has no exponent,
      // and its digits (the shortest round trip, "-9223372036854776000" for
      // -2^63) make an integer when they fit int64 (negative) or uint64.
      if (Number.isInteger(v) && Math.abs(v) < 1e21) {
        const magnitude = BigInt(String(Math.abs(v)));
        if (magnitude <= (v < 0 ? 1n << 63n : (1n << 64n) - 1n)) return { type: 'integer', number: v === 0 ? 0 : v };
      }
      return { type: 'number', number: v };
    case 'bigint':
      if (v >= -(1n << 63n) && v < (1n << 64n)) return { type: 'integer', number: Number(v) };
      return { type: 'number', number: Number(v) };
    case 'string': return { type: 'string', text: v };
    case 'object': return { type: Array.isArray(v) ? 'array' : 'object' };
    default: return { type: `a JS ${typeof v}` };
  }
}

function valueOf(v) {
  const out = scalarOf(v);
  if (out.type !== 'object') return out;
  out.quantityValue = Object.prototype.hasOwnProperty.call(v, 'value') ? scalarOf(v.value) : null;
  out.quantityUnit = Object.prototype.hasOwnProperty.call(v, 'unit') ? scalarOf(v.unit) : null;
  out.unexpectedKey = null;
  for (const key of Object.keys(v)) {
    if (key !== 'value' && key !== 'unit' && (out.unexpectedKey === null || compareKeys(key, out.unexpectedKey) < 0)) {
      out.unexpectedKey = key;
    }
  }
  out.duplicate = null;
  return out;
}

/**
 * One patient's inputs for a pathway's schema (parseSchema's result, or the
 * metadata text). All inputs start unknown. Inputs are named by name or
 * index; a name no input has throws 'not_found' with the closest name, an
 * index out of range 'argument'. Errors leave the input unchanged.
 */
export class Input {
  /** A new input, every value unknown; `schema` from parseSchema (or metadata text). */
  constructor(schema) {
    this.schema = typeof schema === 'string' || schema instanceof Uint8Array ? parseSchema(schema) : schema;
    const n = this.schema.inputs.length;
    /** Float64Array(nInputs): values in the ABI layout (unknown: 0). Updated in place. */
    this.values = new Float64Array(n);
    /** Uint8Array(nInputs): 1 for a known input, 0 for unknown. Updated in place. */
    this.known = new Uint8Array(n);
  }

  // The input index for a name or an index.
  indexOf(input) {
    if (typeof input === 'number') {
      const n = this.schema.inputs.length;
      if (!Number.isInteger(input) || input < 0 || input >= n) {
        fail('argument', `input index ${input} is out of range (the pathway has ${n} inputs)`);
      }
      return input;
    }
    if (typeof input !== 'string') fail('argument', 'an input is named by its name (a string) or its index');
    const index = this.schema.inputIndex.get(input);
    return index !== undefined ? index : findByName(this.schema.inputNames, input, 'input');
  }

  // Checks finiteness and the declared range, then stores (Input.cpp's store).
  store(index, value) {
    const in_ = this.schema.inputs[index];
    if (!Number.isFinite(value)) fail('range', `input '${in_.name}' must be finite, got ${num(value)}`);
    const q = in_.type === 'quantity';
    if ((in_.min !== null && value < in_.min) || (in_.max !== null && value > in_.max)) {
      const range = `${in_.min !== null ? num(in_.min) : ''}..${in_.max !== null ? num(in_.max) : ''}`;
      const unit = q ? ` ${in_.unit}` : '';
      fail('range', `input '${in_.name}' must be in ${range}${unit}, got ${num(value)}${unit}`);
    }
    this.values[index] = value;
    this.known[index] = 1;
    return this;
  }

  /** pw_input_set_bool. */
  setBool(input, value) {
    const index = this.indexOf(input);
    requireKind(this.schema.inputs[index], ['bool'], 'a bool');
    return this.store(index, value ? 1 : 0);
  }

  /** pw_input_set_int (`value` an integral number or a BigInt in int64). */
  setInt(input, value) {
    const index = this.indexOf(input);
    requireKind(this.schema.inputs[index], NUMERIC, 'an int');
    if (typeof value === 'bigint') {
      if (value < -(1n << 63n) || value >= (1n << 63n)) fail('argument', `${value} is not an int64`);
      value = Number(value);
    } else if (typeof value !== 'number' || !Number.isInteger(value) || Math.abs(value) > 2 ** 63) {
      fail('argument', `${String(value)} is not an int64`);
    }
    return this.store(index, value);
  }

  /** pw_input_set_number. */
  setNumber(input, value) {
    const index = this.indexOf(input);
    const in_ = this.schema.inputs[index];
    requireKind(in_, NUMERIC, 'a number');
    if (typeof value !== 'number') fail('argument', `${String(value)} is not a number`);
    if (in_.type === 'int' && Number.isFinite(value) && value !== Math.trunc(value)) {
      fail('range', `input '${in_.name}' is an int; ${num(value)} is not an integer`);
    }
    return this.store(index, value);
  }

  /** pw_input_set_enum: the label's index is stored. */
  setEnum(input, label) {
    const index = this.indexOf(input);
    const in_ = this.schema.inputs[index];
    requireKind(in_, ['enum'], 'an enum label');
    if (typeof label !== 'string') fail('argument', 'label is not a string');
    const i = in_.labels.indexOf(label);
    if (i >= 0) return this.store(index, i);
    fail('not_found', `${quoted(label)} is not a label of ${in_.enumName} (input '${in_.name}'); labels: ` +
      `${in_.labels.join(', ')}${didYouMean(label, in_.labels)}`);
  }

  /** pw_input_set_enum_index. */
  setEnumIndex(input, label) {
    const index = this.indexOf(input);
    const in_ = this.schema.inputs[index];
    requireKind(in_, ['enum'], 'an enum label index');
    if (!Number.isInteger(label) || label < 0 || label >= in_.labels.length) {
      fail('range', `input '${in_.name}' (${in_.enumName}) has ${in_.labels.length} labels; index ${label} is out of range`);
    }
    return this.store(index, label);
  }

  /** pw_input_set_quantity: `value` in `unit`, stored converted to the input's declared unit. */
  setQuantity(input, value, unit) {
    const index = this.indexOf(input);
    const in_ = this.schema.inputs[index];
    if (typeof unit !== 'string') {
      requireKind(in_, ['quantity'], 'a quantity');
      fail('argument', 'unit is not a string');
    }
    const from = unitFor(in_, unit);
    if (typeof value !== 'number') fail('argument', `${String(value)} is not a number`);
    if (!Number.isFinite(value)) fail('range', `input '${in_.name}' must be finite, got ${num(value)}`);
    return this.store(index, convert(value, from, in_.unitEntry));
  }

  /** pw_input_set_unknown. */
  setUnknown(input) {
    const index = this.indexOf(input);
    this.values[index] = 0;
    this.known[index] = 0;
    return this;
  }

  /** Same as setUnknown. */
  clear(input) {
    return this.setUnknown(input);
  }

  /** pw_input_clear: every input unknown. */
  clearAll() {
    this.values.fill(0);
    this.known.fill(0);
    return this;
  }

  /** Whether the input is known. */
  isKnown(input) {
    return this.known[this.indexOf(input)] === 1;
  }

  /** pw_input_get: {known, value} (bool 0/1, enum label index, quantity in its declared unit). */
  get(input) {
    const index = this.indexOf(input);
    return { known: this.known[index] === 1, value: this.values[index] };
  }

  /**
   * One input from a JS value, by the rules of one member of
   * pw_input_set_json (same checks and messages as that member in setJson):
   * null or undefined is unknown; a bool input takes true/false; int and
   * number inputs a number; an enum a label string; a quantity a number in
   * its declared unit, a string "6 weeks" or {value, unit}. With `unit`,
   * it is pw_input_set_quantity(value, unit). Only this input changes.
   */
  set(input, value, unit) {
    const index = this.indexOf(input);
    if (unit !== undefined) return this.setQuantity(index, value, unit);
    this.setOne(index, valueOf(value));
    return this;
  }

  // InputJson.cpp's setOne on a value as json.js reads it.
  setOne(index, value) {
    const in_ = this.schema.inputs[index];
    if (value.type === 'null') return this.setUnknown(index);
    const mismatch = (expected) => fail('type', `input '${in_.name}' is ${expected}; got ${jsonTypeName(value.type)}`);
    switch (in_.type) {
      case 'bool':
        if (value.type !== 'boolean') mismatch('a bool (true or false)');
        return this.setBool(index, value.boolean);
      case 'int':
        if (!isNumber(value)) mismatch('an int');
        return this.setNumber(index, value.number);
      case 'number':
        if (!isNumber(value)) mismatch('a number');
        return this.setNumber(index, value.number);
      case 'enum':
        if (value.type !== 'string') mismatch(`an enum label of ${in_.enumName}`);
        return this.setEnum(index, value.text);
      default:
        return this.setQuantityValue(index, value);
    }
  }

  setQuantityValue(index, value) {
    const in_ = this.schema.inputs[index];
    if (isNumber(value)) return this.setNumber(index, value.number);
    let amount;
    let unit;
    if (value.type === 'string') {
      [amount, unit] = parseQuantityText(in_, value.text);
    } else if (value.type === 'object') {
      if (value.unexpectedKey !== null) {
        fail('type', `input '${in_.name}': unexpected key "${value.unexpectedKey}" in a quantity (use {"value": ..., "unit": ...})`);
      }
      const v = value.quantityValue;
      const u = value.quantityUnit;
      if (!v || !isNumber(v) || !u || u.type !== 'string') {
        fail('type', `input '${in_.name}': a quantity object needs a numeric "value" and a string "unit"`);
      }
      amount = v.number;
      unit = u.text;
    } else {
      fail('type', `input '${in_.name}' is a quantity in ${in_.unit}; got ${jsonTypeName(value.type)}`);
    }
    return this.setQuantity(index, amount, unit);
  }

  // Sets every member into a fresh staging input; all or nothing.
  replaceAll(members) {
    const staged = new Input(this.schema);
    const setAll = (list) => {
      for (const member of list) {
        const index = this.schema.inputIndex.get(member.key);
        staged.setOne(index !== undefined ? index : findByName(this.schema.inputNames, member.key, 'input'), member.value);
      }
    };
    try {
      setAll(members);
    } catch (error) {
      if (!(error instanceof PathwayError)) throw error;
      // Again in the byte order of the keys (nlohmann::json's std::map), so
      // that a document with several errors reports the one the C runtime reports.
      staged.clearAll();
      setAll([...members].sort((a, b) => compareKeys(a.key, b.key)));
    }
    this.values.set(staged.values);
    this.known.set(staged.known);
    return this;
  }

  /**
   * pw_input_set_json: replaces every input from a JSON object keyed by
   * input name (`text` a string, or UTF-8 bytes as a Uint8Array or
   * ArrayBuffer); inputs it does not name become unknown. All or nothing:
   * on any error (status 'json' for malformed JSON with nlohmann::json's
   * message and position, a duplicate key, a non-object root; 'not_found',
   * 'type', 'range', 'unit' as the setters) the input is unchanged. A
   * string is encoded as UTF-8 first (a lone surrogate becomes U+FFFD), so
   * positions count UTF-8 bytes as in C.
   */
  setJson(text) {
    let bytes;
    if (typeof text === 'string') bytes = utf8Bytes(text);
    else if (text instanceof Uint8Array) bytes = text;
    else if (text instanceof ArrayBuffer) bytes = new Uint8Array(text);
    else if (ArrayBuffer.isView(text)) bytes = new Uint8Array(text.buffer, text.byteOffset, text.byteLength);
    else fail('argument', 'text is not a string or bytes');
    const nul = bytes.indexOf(0);
    if (nul >= 0 && nul + 1 !== bytes.length) {
      fail('json', `malformed input JSON (byte ${nul + 1}): a NUL byte at ${position(bytes, nul)} inside the document ` +
        '(only a terminating NUL may end it)');
    }
    const doc = readInputJson(bytes);
    if (doc === null) {
      const error = nlohmannError(bytes);
      if (error === null) fail('internal', 'the input JSON reader rejected a document that nlohmann::json accepts');
      if (error.kind === 'out_of_range') fail('json', cMessage([...utf8Bytes('malformed input JSON: '), ...error.message]));
      fail('json', cMessage([...utf8Bytes(`malformed input JSON (byte ${error.byte}): `), ...error.message]));
    }
    if (doc.rootType !== 'object') {
      fail('json', `input JSON must be an object keyed by input name, got ${jsonTypeName(doc.rootType)}`);
    }
    const members = doc.members;
    // A key given twice is an error (rejectDuplicates), in document order.
    const seen = new Map();
    const duplicate = (where, d) => fail('json',
      `duplicate key "${d.key}"${where} at ${position(bytes, d.first)} and ${position(bytes, d.second)}: give each key once`);
    for (const member of members) {
      const index = this.schema.inputIndex.get(member.key);
      if (index !== undefined) {
        if (seen.has(index)) duplicate('', { key: member.key, first: seen.get(index), second: member.offset });
        seen.set(index, member.offset);
      }
      if (member.value.duplicate) duplicate(` in the quantity of input '${member.key}'`, member.value.duplicate);
    }
    return this.replaceAll(members);
  }

  /**
   * pw_input_set_json from a JS object ({name: value}; values as `set`
   * takes them): replaces every input, all or nothing, with the messages
   * setJson gives for JSON.stringify(object). A number is a JSON integer
   * when the digits JSON.stringify writes for it are an integer that fits
   * int64/uint64, else a JSON number; NaN and infinities (which stringify
   * would turn into null) are refused as non-finite ('range') or as the
   * wrong type; undefined is unknown like null.
   */
  setObject(object) {
    if (object === null || typeof object !== 'object' || Array.isArray(object)) {
      const type = object === null ? 'null' : Array.isArray(object) ? 'array' : scalarOf(object).type;
      fail('json', `input JSON must be an object keyed by input name, got ${jsonTypeName(type)}`);
    }
    return this.replaceAll(Object.keys(object).map((key) => ({ key, value: valueOf(object[key]) })));
  }

  /**
   * pw_input_set_row: every input from one row in the ABI layout; `known`
   * (n flags) may be omitted, then NaN is unknown. Checked as strictly as
   * the setters, all or nothing; messages name values[i].
   */
  setRow(values, known) {
    const inputs = this.schema.inputs;
    for (let i = 0; i < inputs.length; ++i) {
      const isKnown = known ? known[i] !== 0 : !Number.isNaN(values[i]);
      if (isKnown) checkRowValue(i, inputs[i], values[i]);
    }
    for (let i = 0; i < inputs.length; ++i) {
      const isKnown = known ? known[i] !== 0 : !Number.isNaN(values[i]);
      this.values[i] = isKnown ? values[i] : 0;
      this.known[i] = isKnown ? 1 : 0;
    }
    return this;
  }
}

function checkRowValue(index, in_, value) {
  const bad = (rule) => fail('range', `values[${index}] (input '${in_.name}', ${KIND_NAMES[in_.type]}) is ${num(value)}; ${rule}`);
  if (!Number.isFinite(value)) bad('a known value must be finite');
  switch (in_.type) {
    case 'bool':
      if (value !== 0 && value !== 1) bad('a bool is 0 or 1');
      return;
    case 'enum':
      if (value !== Math.trunc(value) || value < 0 || value >= in_.labels.length) {
        bad(`an enum value is a label index, 0 to ${in_.labels.length - 1} (${in_.enumName})`);
      }
      return;
    case 'int':
      if (value !== Math.trunc(value)) bad('not an integer');
      break;
    default:
      break;
  }
  if ((in_.min !== null && value < in_.min) || (in_.max !== null && value > in_.max)) {
    let range = `${in_.min !== null ? num(in_.min) : ''}..${in_.max !== null ? num(in_.max) : ''}`;
    if (in_.type === 'quantity') range += ` ${in_.unit}`;
    bad(`it must be in ${range}`);
  }
}
