// The patient-document JSON of pw_input_set_json, read as the C runtime
// reads it: `readInputJson` ports runtime/src/JsonReader.cpp (which accepts
// exactly what nlohmann::json 3.11 accepts: RFC 8259, UTF-8 checked in
// strings, a leading byte order mark skipped, one NUL byte after the root
// value taken as the end; any depth, no recursion), and `nlohmannError`
// ports nlohmann::json's lexer and parser far enough to give its error for
// a malformed document (message, line, column and byte count) exactly.
// Both work on UTF-8 bytes; strings come back as JS strings.
import { utf8Text } from './utf8.js';

const isDigit = (c) => c >= 0x30 && c <= 0x39;
const UINT64_MAX = (1n << 64n) - 1n;
const INT64_MIN_MAGNITUDE = 1n << 63n;

// Bytes that stand for themselves inside a string.
const PLAIN = new Uint8Array(256);
for (let c = 0x20; c < 0x80; ++c) PLAIN[c] = c !== 0x22 && c !== 0x5c ? 1 : 0;

class Reader {
  constructor(bytes) {
    this.b = bytes;
    this.p = 0;
    this.end = bytes.length;
    this.members = [];
    this.root = null;
  }

  at(c) { return this.p !== this.end && this.b[this.p] === c; }

  skipWhitespace() {
    const b = this.b;
    while (this.p !== this.end) {
      const c = b[this.p];
      if (c !== 0x20 && c !== 0x0a && c !== 0x0d && c !== 0x09) break;
      ++this.p;
    }
  }

  read() {
    const b = this.b;
    if (this.end >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) this.p = 3;
    this.skipWhitespace();
    let ok;
    if (this.at(0x7b)) {
      this.root = { type: 'object' };
      ok = this.readObject((key, at) => {
        const member = { key, offset: at, value: null };
        this.members.push(member);
        const value = {};
        member.value = value;
        return this.readMemberValue(value);
      });
    } else {
      this.root = {};
      ok = this.readScalar(this.root);
    }
    this.skipWhitespace();
    return ok && (this.p === this.end || b[this.p] === 0);
  }

  readObject(readMember) {
    ++this.p;
    this.skipWhitespace();
    if (this.at(0x7d)) { ++this.p; return true; }
    for (;;) {
      const keyAt = this.p;
      const key = this.readKey();
      if (key === null) return false;
      if (!readMember(key, keyAt)) return false;
      this.skipWhitespace();
      if (this.at(0x7d)) { ++this.p; return true; }
      if (!this.at(0x2c)) return false;
      ++this.p;
      this.skipWhitespace();
    }
  }

  readMemberValue(out) {
    if (!this.at(0x7b)) return this.readScalar(out);
    out.type = 'object';
    out.quantityValue = null;
    out.quantityUnit = null;
    out.quantityValueAt = 0;
    out.quantityUnitAt = 0;
    out.unexpectedKey = null;
    out.duplicate = null;
    const keep = (slot, key, at) => {
      if (out[slot] !== null && out.duplicate === null) {
        out.duplicate = { key, first: out[`${slot}At`], second: at };
      }
      out[`${slot}At`] = at;
      const scalar = {};
      out[slot] = scalar;
      return this.readScalar(scalar);
    };
    return this.readObject((key, at) => {
      if (key === 'value') return keep('quantityValue', key, at);
      if (key === 'unit') return keep('quantityUnit', key, at);
      if (out.unexpectedKey === null || compareKeys(key, out.unexpectedKey) < 0) out.unexpectedKey = key;
      return this.readScalar({});
    });
  }

  readScalar(out) {
    if (this.p === this.end) return false;
    out.type = 'null';
    out.boolean = false;
    out.number = 0;
    out.text = '';
    switch (this.b[this.p]) {
      case 0x22: {
        out.type = 'string';
        const s = this.readString();
        if (s === null) return false;
        out.text = s;
        return true;
      }
      case 0x5b: out.type = 'array'; return this.skipContainer();
      case 0x7b: out.type = 'object'; return this.skipContainer();
      case 0x74: out.type = 'boolean'; out.boolean = true; return this.readLiteral('true');
      case 0x66: out.type = 'boolean'; return this.readLiteral('false');
      case 0x6e: return this.readLiteral('null');
      default: return this.readNumber(out);
    }
  }

  // Skips a container and everything in it, with an explicit stack.
  skipContainer() {
    const closers = [];
    const ignored = {};
    for (;;) {
      if (this.at(0x5b) || this.at(0x7b)) {
        const closer = this.b[this.p] === 0x5b ? 0x5d : 0x7d;
        ++this.p;
        this.skipWhitespace();
        if (this.at(closer)) {
          ++this.p;
        } else {
          closers.push(closer);
          if (!this.startElement(closers)) return false;
          continue;
        }
      } else if (!this.readScalar(ignored)) {
        return false;
      }
      for (;;) {
        if (closers.length === 0) return true;
        this.skipWhitespace();
        if (this.at(0x2c)) {
          ++this.p;
          this.skipWhitespace();
          if (!this.startElement(closers)) return false;
          break;
        }
        if (!this.at(closers[closers.length - 1])) return false;
        ++this.p;
        closers.pop();
      }
    }
  }

  startElement(closers) {
    if (closers[closers.length - 1] === 0x5d) return true;
    return this.readKey() !== null;
  }

  // `"key":` and the whitespace after it; the key, or null.
  readKey() {
    const key = this.readString();
    if (key === null) return null;
    this.skipWhitespace();
    if (!this.at(0x3a)) return null;
    ++this.p;
    this.skipWhitespace();
    return key;
  }

  // A string, decoded; null when malformed.
  readString() {
    if (!this.at(0x22)) return null;
    const b = this.b;
    ++this.p;
    let run = this.p;
    let parts = null;
    while (this.p !== this.end) {
      while (this.p !== this.end && PLAIN[b[this.p]]) ++this.p;
      if (this.p === this.end) return null;
      const c = b[this.p];
      if (c === 0x22) {
        let out;
        if (parts !== null) {
          parts.push(utf8Text(b, run, this.p));
          out = parts.join('');
        } else {
          out = utf8Text(b, run, this.p);
        }
        ++this.p;
        return out;
      }
      if (c === 0x5c) {
        if (parts === null) parts = [];
        parts.push(utf8Text(b, run, this.p));
        const decoded = this.decodeEscape();
        if (decoded === null) return null;
        parts.push(decoded);
        run = this.p;
      } else if (c < 0x20 || !this.skipUtf8Character()) {
        return null;
      }
    }
    return null;
  }

  decodeEscape() {
    if (this.end - this.p < 2) return null;
    const c = this.b[this.p + 1];
    this.p += 2;
    switch (c) {
      case 0x22: return '"';
      case 0x5c: return '\\';
      case 0x2f: return '/';
      case 0x62: return '\b';
      case 0x66: return '\f';
      case 0x6e: return '\n';
      case 0x72: return '\r';
      case 0x74: return '\t';
      case 0x75: return this.decodeUnicodeEscape();
      default: return null;
    }
  }

  decodeUnicodeEscape() {
    let code = this.readHex4();
    if (code < 0) return null;
    if (code >= 0xdc00 && code <= 0xdfff) return null;
    if (code >= 0xd800 && code <= 0xdbff) {
      if (this.end - this.p < 2 || this.b[this.p] !== 0x5c || this.b[this.p + 1] !== 0x75) return null;
      this.p += 2;
      const low = this.readHex4();
      if (low < 0xdc00 || low > 0xdfff) return null;
      code = 0x10000 + ((code - 0xd800) << 10) + (low - 0xdc00);
    }
    return String.fromCodePoint(code);
  }

  readHex4() {
    if (this.end - this.p < 4) return -1;
    let code = 0;
    for (let i = 0; i < 4; ++i) {
      const c = this.b[this.p++];
      let digit;
      if (isDigit(c)) digit = c - 0x30;
      else if (c >= 0x61 && c <= 0x66) digit = c - 0x61 + 10;
      else if (c >= 0x41 && c <= 0x46) digit = c - 0x41 + 10;
      else return -1;
      code = code * 16 + digit;
    }
    return code;
  }

  skipUtf8Character() {
    const b = this.b;
    const lead = b[this.p];
    let low = 0x80;
    let high = 0xbf;
    let length;
    if (lead >= 0xc2 && lead <= 0xdf) {
      length = 2;
    } else if (lead >= 0xe0 && lead <= 0xef) {
      length = 3;
      if (lead === 0xe0) low = 0xa0;
      if (lead === 0xed) high = 0x9f;
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      length = 4;
      if (lead === 0xf0) low = 0x90;
      if (lead === 0xf4) high = 0x8f;
    } else {
      return false;
    }
    if (this.end - this.p < length || b[this.p + 1] < low || b[this.p + 1] > high) return false;
    for (let i = 2; i < length; ++i) if ((b[this.p + i] & 0xc0) !== 0x80) return false;
    this.p += length;
    return true;
  }

  readNumber(out) {
    const begin = this.p;
    const negative = this.at(0x2d);
    if (negative) ++this.p;
    const digits = this.p;
    if (this.at(0x30)) ++this.p;
    else if (!this.skipDigits()) return false;
    let integral = true;
    if (this.at(0x2e)) {
      ++this.p;
      integral = false;
      if (!this.skipDigits()) return false;
    }
    if (this.at(0x65) || this.at(0x45)) {
      ++this.p;
      integral = false;
      if (this.at(0x2b) || this.at(0x2d)) ++this.p;
      if (!this.skipDigits()) return false;
    }
    if (integral) {
      const text = utf8Text(this.b, digits, this.p);
      // Digits beyond 20 cannot fit 64 bits; skip the BigInt for them.
      if (text.length <= 20) {
        const magnitude = BigInt(text);
        if (magnitude <= (negative ? INT64_MIN_MAGNITUDE : UINT64_MAX)) {
          const value = Number(magnitude);
          out.type = 'integer';
          out.number = negative && value !== 0 ? -value : value;
          return true;
        }
      }
    }
    out.type = 'number';
    out.number = Number(utf8Text(this.b, begin, this.p));
    return Number.isFinite(out.number);
  }

  skipDigits() {
    const begin = this.p;
    while (this.p !== this.end && isDigit(this.b[this.p])) ++this.p;
    return this.p !== begin;
  }

  readLiteral(word) {
    if (this.end - this.p < word.length) return false;
    for (let i = 0; i < word.length; ++i) if (this.b[this.p + i] !== word.charCodeAt(i)) return false;
    this.p += word.length;
    return true;
  }
}

/** Compares keys in the byte order of their UTF-8 forms (std::string_view's <). */
export function compareKeys(a, b) {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ++i) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    // UTF-16 units order as UTF-8 bytes except surrogates (U+10000 and up)
    // against U+E000..U+FFFF.
    if (x >= 0xd800 && x <= 0xdfff) x += 0x10000;
    if (y >= 0xd800 && y <= 0xdfff) y += 0x10000;
    return x < y ? -1 : 1;
  }
  return a.length < b.length ? -1 : 1;
}

/**
 * Reads a patient document (UTF-8 bytes, a Uint8Array) as JsonReader does.
 * Returns null when it is not well-formed JSON (ask `nlohmannError` why),
 * else {rootType, members}: rootType one of 'null', 'boolean', 'integer',
 * 'number', 'string', 'array', 'object'; members (of a root object, in
 * document order, repeated keys included) [{key, offset (byte offset of the
 * key's opening quote), value}], where a value is {type, boolean, number,
 * text} and, for an object, also {quantityValue, quantityUnit (the last
 * "value" / "unit" members as scalars, or null), unexpectedKey (the first
 * other key in byte order, or null), duplicate ({key, first, second} byte
 * offsets of the first "value" or "unit" given twice, or null)}.
 * An 'integer' has no fraction or exponent and fits int64 (negative) or
 * uint64; its number is that integer rounded to a double ("-0" gives 0).
 */
export function readInputJson(bytes) {
  const reader = new Reader(bytes);
  if (!reader.read()) return null;
  return { rootType: reader.root.type, members: reader.members };
}

// ---------------------------------------------------------------------------
// nlohmann::json 3.11's lexer and parser, for their error messages.

const T = {
  uninitialized: 0, literal_true: 1, literal_false: 2, literal_null: 3, value_string: 4,
  value_unsigned: 5, value_integer: 6, value_float: 7, begin_array: 8, begin_object: 9,
  end_array: 10, end_object: 11, name_separator: 12, value_separator: 13, parse_error: 14,
  end_of_input: 15, literal_or_value: 16,
};

const TOKEN_NAMES = [
  '<uninitialized>', 'true literal', 'false literal', 'null literal', 'string literal',
  'number literal', 'number literal', 'number literal', "'['", "'{'", "']'", "'}'", "':'", "','",
  '<parse error>', 'end of input', "'[', '{', or a literal",
];

const CONTROL_NAMES = ['NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT',
  'FF', 'CR', 'SO', 'SI', 'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB',
  'ESC', 'FS', 'GS', 'RS', 'US'];
const CONTROL_SHORT = { 0x08: 'b', 0x09: 't', 0x0a: 'n', 0x0c: 'f', 0x0d: 'r' };

function controlMessage(c) {
  const hex = c.toString(16).toUpperCase().padStart(4, '0');
  const short = CONTROL_SHORT[c] ? ` or \\${CONTROL_SHORT[c]}` : '';
  return `invalid string: control character U+${hex} (${CONTROL_NAMES[c]}) must be escaped to \\u${hex}${short}`;
}

const EOF = -1;

class Lexer {
  constructor(bytes) {
    this.b = bytes;
    this.i = 0;
    this.current = EOF;
    this.nextUnget = false;
    this.total = 0;
    this.column = 0;
    this.lines = 0;
    this.tokenString = [];
    this.tokenBuffer = [];
    this.error = '';
    this.valueFloat = 0;
  }

  get() {
    ++this.total;
    ++this.column;
    if (this.nextUnget) this.nextUnget = false;
    else this.current = this.i < this.b.length ? this.b[this.i++] : EOF;
    if (this.current !== EOF) this.tokenString.push(this.current);
    if (this.current === 0x0a) {
      ++this.lines;
      this.column = 0;
    }
    return this.current;
  }

  unget() {
    this.nextUnget = true;
    --this.total;
    if (this.column === 0) {
      if (this.lines > 0) --this.lines;
    } else {
      --this.column;
    }
    if (this.current !== EOF) this.tokenString.pop();
  }

  reset() {
    this.tokenBuffer = [];
    this.tokenString = [this.current & 0xff];
  }

  add(c) { this.tokenBuffer.push(c); }

  // The token string with control characters as <U+XXXX>, as bytes.
  tokenStringBytes() {
    const out = [];
    for (const c of this.tokenString) {
      if (c <= 0x1f) {
        for (const ch of `<U+${c.toString(16).toUpperCase().padStart(4, '0')}>`) out.push(ch.charCodeAt(0));
      } else {
        out.push(c);
      }
    }
    return out;
  }

  codepoint() {
    let code = 0;
    for (const factor of [12, 8, 4, 0]) {
      const c = this.get();
      if (c >= 0x30 && c <= 0x39) code += (c - 0x30) << factor;
      else if (c >= 0x41 && c <= 0x46) code += (c - 0x37) << factor;
      else if (c >= 0x61 && c <= 0x66) code += (c - 0x57) << factor;
      else return -1;
    }
    return code;
  }

  inRange(ranges) {
    this.add(this.current);
    for (let r = 0; r < ranges.length; r += 2) {
      const c = this.get();
      if (ranges[r] <= c && c <= ranges[r + 1]) {
        this.add(c);
      } else {
        this.error = 'invalid string: ill-formed UTF-8 byte';
        return false;
      }
    }
    return true;
  }

  scanString() {
    this.reset();
    for (;;) {
      const c = this.get();
      if (c === EOF) {
        this.error = 'invalid string: missing closing quote';
        return T.parse_error;
      }
      if (c === 0x22) return T.value_string;
      if (c === 0x5c) {
        const e = this.get();
        if (e === 0x22 || e === 0x5c || e === 0x2f || e === 0x62 || e === 0x66 || e === 0x6e || e === 0x72 || e === 0x74) {
          this.add(e);
          continue;
        }
        if (e !== 0x75) {
          this.error = 'invalid string: forbidden character after backslash';
          return T.parse_error;
        }
        const first = this.codepoint();
        if (first === -1) {
          this.error = "invalid string: '\\u' must be followed by 4 hex digits";
          return T.parse_error;
        }
        if (first >= 0xd800 && first <= 0xdbff) {
          if (this.get() === 0x5c && this.get() === 0x75) {
            const second = this.codepoint();
            if (second === -1) {
              this.error = "invalid string: '\\u' must be followed by 4 hex digits";
              return T.parse_error;
            }
            if (!(second >= 0xdc00 && second <= 0xdfff)) {
              this.error = 'invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF';
              return T.parse_error;
            }
          } else {
            this.error = 'invalid string: surrogate U+D800..U+DBFF must be followed by U+DC00..U+DFFF';
            return T.parse_error;
          }
        } else if (first >= 0xdc00 && first <= 0xdfff) {
          this.error = 'invalid string: surrogate U+DC00..U+DFFF must follow U+D800..U+DBFF';
          return T.parse_error;
        }
        continue;  // the decoded bytes are never needed here
      }
      if (c <= 0x1f) {
        this.error = controlMessage(c);
        return T.parse_error;
      }
      if (c <= 0x7f) continue;
      let ok;
      if (c >= 0xc2 && c <= 0xdf) ok = this.inRange([0x80, 0xbf]);
      else if (c === 0xe0) ok = this.inRange([0xa0, 0xbf, 0x80, 0xbf]);
      else if ((c >= 0xe1 && c <= 0xec) || c === 0xee || c === 0xef) ok = this.inRange([0x80, 0xbf, 0x80, 0xbf]);
      else if (c === 0xed) ok = this.inRange([0x80, 0x9f, 0x80, 0xbf]);
      else if (c === 0xf0) ok = this.inRange([0x90, 0xbf, 0x80, 0xbf, 0x80, 0xbf]);
      else if (c >= 0xf1 && c <= 0xf3) ok = this.inRange([0x80, 0xbf, 0x80, 0xbf, 0x80, 0xbf]);
      else if (c === 0xf4) ok = this.inRange([0x80, 0x8f, 0x80, 0xbf, 0x80, 0xbf]);
      else {
        this.error = 'invalid string: ill-formed UTF-8 byte';
        return T.parse_error;
      }
      if (!ok) return T.parse_error;
    }
  }

  scanNumber() {
    this.reset();
    let type = T.value_unsigned;
    let state;
    const c0 = this.current;
    this.add(c0);
    if (c0 === 0x2d) state = 'minus';
    else if (c0 === 0x30) state = 'zero';
    else state = 'any1';
    for (;;) {
      switch (state) {
        case 'minus': {
          type = T.value_integer;
          const c = this.get();
          if (c === 0x30) { this.add(c); state = 'zero'; break; }
          if (c >= 0x31 && c <= 0x39) { this.add(c); state = 'any1'; break; }
          this.error = "invalid number; expected digit after '-'";
          return T.parse_error;
        }
        case 'zero': {
          const c = this.get();
          if (c === 0x2e) { this.add(c); state = 'decimal1'; break; }
          if (c === 0x65 || c === 0x45) { this.add(c); state = 'exponent'; break; }
          state = 'done';
          break;
        }
        case 'any1': {
          const c = this.get();
          if (isDigit(c)) { this.add(c); break; }
          if (c === 0x2e) { this.add(c); state = 'decimal1'; break; }
          if (c === 0x65 || c === 0x45) { this.add(c); state = 'exponent'; break; }
          state = 'done';
          break;
        }
        case 'decimal1': {
          type = T.value_float;
          const c = this.get();
          if (isDigit(c)) { this.add(c); state = 'decimal2'; break; }
          this.error = "invalid number; expected digit after '.'";
          return T.parse_error;
        }
        case 'decimal2': {
          const c = this.get();
          if (isDigit(c)) { this.add(c); break; }
          if (c === 0x65 || c === 0x45) { this.add(c); state = 'exponent'; break; }
          state = 'done';
          break;
        }
        case 'exponent': {
          type = T.value_float;
          const c = this.get();
          if (c === 0x2b || c === 0x2d) { this.add(c); state = 'sign'; break; }
          if (isDigit(c)) { this.add(c); state = 'any2'; break; }
          this.error = "invalid number; expected '+', '-', or digit after exponent";
          return T.parse_error;
        }
        case 'sign': {
          const c = this.get();
          if (isDigit(c)) { this.add(c); state = 'any2'; break; }
          this.error = 'invalid number; expected digit after exponent sign';
          return T.parse_error;
        }
        case 'any2': {
          const c = this.get();
          if (isDigit(c)) { this.add(c); break; }
          state = 'done';
          break;
        }
        default: {
          this.unget();
          const text = String.fromCharCode(...this.tokenBuffer);
          if (type === T.value_unsigned && BigInt(text) <= UINT64_MAX) return T.value_unsigned;
          if (type === T.value_integer && BigInt(text) >= -INT64_MIN_MAGNITUDE) return T.value_integer;
          this.valueFloat = Number(text);
          return T.value_float;
        }
      }
    }
  }

  scanLiteral(word, type) {
    for (let i = 1; i < word.length; ++i) {
      if (this.get() !== word.charCodeAt(i)) {
        this.error = 'invalid literal';
        return T.parse_error;
      }
    }
    return type;
  }

  skipBom() {
    if (this.get() === 0xef) return this.get() === 0xbb && this.get() === 0xbf;
    this.unget();
    return true;
  }

  scan() {
    if (this.total === 0 && !this.skipBom()) {
      this.error = 'invalid BOM; must be 0xEF 0xBB 0xBF if given';
      return T.parse_error;
    }
    do this.get(); while (this.current === 0x20 || this.current === 0x09 || this.current === 0x0a || this.current === 0x0d);
    switch (this.current) {
      case 0x5b: return T.begin_array;
      case 0x5d: return T.end_array;
      case 0x7b: return T.begin_object;
      case 0x7d: return T.end_object;
      case 0x3a: return T.name_separator;
      case 0x2c: return T.value_separator;
      case 0x74: return this.scanLiteral('true', T.literal_true);
      case 0x66: return this.scanLiteral('false', T.literal_false);
      case 0x6e: return this.scanLiteral('null', T.literal_null);
      case 0x22: return this.scanString();
      case 0x00:
      case EOF:
        return T.end_of_input;
      default:
        if (this.current === 0x2d || isDigit(this.current)) return this.scanNumber();
        this.error = 'invalid literal';
        return T.parse_error;
    }
  }
}

const ascii = (text) => Array.from(text, (ch) => ch.charCodeAt(0));

/**
 * What nlohmann::json::parse says of `bytes` (a Uint8Array): null when it
 * parses, else {kind: 'parse_error', byte, message} (message as bytes, a
 * plain array: "parse error at line L, column C: syntax error while parsing
 * ..." without the "[json.exception...] " prefix; byte = the bytes read) or
 * {kind: 'out_of_range', message} for a number beyond the range of a double
 * ("number overflow parsing '1e400'"). Messages are bytes because nlohmann
 * quotes what it read ("last read: '...'"), which may be ill-formed UTF-8.
 */
export function nlohmannError(bytes) {
  const lexer = new Lexer(bytes);
  let last = T.uninitialized;
  const next = () => (last = lexer.scan());
  const fail = (expected, context) => {
    let text = `syntax error ${context ? `while parsing ${context} ` : ''}- `;
    let tail = [];
    if (last === T.parse_error) {
      text += `${lexer.error}; last read: '`;
      tail = [...lexer.tokenStringBytes(), 0x27];
    } else {
      text += `unexpected ${TOKEN_NAMES[last]}`;
    }
    const expectation = expected !== T.uninitialized ? `; expected ${TOKEN_NAMES[expected]}` : '';
    const head = `parse error at line ${lexer.lines + 1}, column ${lexer.column}: `;
    return { kind: 'parse_error', byte: lexer.total, message: [...ascii(head), ...utf8Of(text), ...tail, ...ascii(expectation)] };
  };
  next();
  const states = [];
  let skip = false;
  for (;;) {
    if (!skip) {
      let done = false;
      switch (last) {
        case T.begin_object:
          if (next() === T.end_object) { done = true; break; }
          if (last !== T.value_string) return fail(T.value_string, 'object key');
          if (next() !== T.name_separator) return fail(T.name_separator, 'object separator');
          states.push(false);
          next();
          continue;
        case T.begin_array:
          if (next() === T.end_array) { done = true; break; }
          states.push(true);
          continue;
        case T.value_float:
          if (!Number.isFinite(lexer.valueFloat)) {
            return { kind: 'out_of_range', message: [...ascii("number overflow parsing '"), ...lexer.tokenStringBytes(), 0x27] };
          }
          done = true;
          break;
        case T.literal_false: case T.literal_null: case T.literal_true: case T.value_integer:
        case T.value_string: case T.value_unsigned:
          done = true;
          break;
        case T.parse_error:
          return fail(T.uninitialized, 'value');
        default:
          return fail(T.literal_or_value, 'value');
      }
      if (!done) continue;
    } else {
      skip = false;
    }
    if (states.length === 0) break;
    if (states[states.length - 1]) {
      if (next() === T.value_separator) { next(); continue; }
      if (last === T.end_array) { states.pop(); skip = true; continue; }
      return fail(T.end_array, 'array');
    }
    if (next() === T.value_separator) {
      if (next() !== T.value_string) return fail(T.value_string, 'object key');
      if (next() !== T.name_separator) return fail(T.name_separator, 'object separator');
      next();
      continue;
    }
    if (last === T.end_object) { states.pop(); skip = true; continue; }
    return fail(T.end_object, 'object');
  }
  if (next() !== T.end_of_input) return fail(T.end_of_input, 'value');
  return null;
}

function utf8Of(text) {
  return Array.from(new TextEncoder().encode(text));
}
