// UTF-8 helpers: the C runtime works on bytes (names, offsets, message
// lengths), so the JS port measures and compares in UTF-8 bytes too.

const encoder = new TextEncoder();
// ignoreBOM: a U+FEFF inside a key or label is kept, as C keeps its bytes.
const decoder = new TextDecoder('utf-8', { ignoreBOM: true });

/** The UTF-8 bytes of a JS string (a lone surrogate becomes U+FFFD). */
export function utf8Bytes(text) {
  return encoder.encode(text);
}

/** The JS string of well-formed UTF-8 bytes (`bytes` a Uint8Array, optional [start, end)). */
export function utf8Text(bytes, start = 0, end = bytes.length) {
  return decoder.decode(bytes.subarray(start, end));
}

/** The length of `text` in UTF-8 bytes. */
export function utf8Length(text) {
  let n = 0;
  for (let i = 0; i < text.length; ++i) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length &&
             text.charCodeAt(i + 1) >= 0xdc00 && text.charCodeAt(i + 1) <= 0xdfff) {
      n += 4;
      ++i;
    } else n += 3;
  }
  return n;
}

/** Compares two JS strings in the byte order of their UTF-8 forms (std::string's <): -1, 0 or 1. */
export function compareBytes(a, b) {
  // UTF-16 order equals UTF-8 byte order except for surrogates (U+10000..)
  // against U+E000..U+FFFF; compare by code point to be exact.
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ++i) {
    let x = a.charCodeAt(i);
    let y = b.charCodeAt(i);
    if (x === y) continue;
    const hx = x >= 0xd800 && x <= 0xdfff;
    const hy = y >= 0xd800 && y <= 0xdfff;
    if (hx !== hy) { x = hx ? 0x10000 : x; y = hy ? 0x10000 : y; }
    return x < y ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

// The length of the well-formed UTF-8 sequence at b[i] (RFC 3629), or 0
// (Error.cpp's utf8SequenceLength; reading past the end counts as malformed).
function sequenceLength(b, i) {
  const c = b[i];
  if (c < 0x80) return 1;
  const cont = (k) => i + k < b.length && (b[i + k] & 0xc0) === 0x80;
  if (c >= 0xc2 && c <= 0xdf) return cont(1) ? 2 : 0;
  if (c >= 0xe0 && c <= 0xef) {
    if (!cont(1) || !cont(2)) return 0;
    if (c === 0xe0 && b[i + 1] < 0xa0) return 0;
    if (c === 0xed && b[i + 1] > 0x9f) return 0;
    return 3;
  }
  if (c >= 0xf0 && c <= 0xf4) {
    if (!cont(1) || !cont(2) || !cont(3)) return 0;
    if (c === 0xf0 && b[i + 1] < 0x90) return 0;
    if (c === 0xf4 && b[i + 1] > 0x8f) return 0;
    return 4;
  }
  return 0;
}

/**
 * A message (a JS string, or bytes: a Uint8Array or array) as pw_last_error
 * would hold it (Error.cpp, `fail`): cut at a NUL, a byte that does not
 * start a well-formed UTF-8 sequence written as the four characters \xNN,
 * at most 1023 bytes, cut between characters.
 */
export function cMessage(message) {
  if (typeof message === 'string') {
    // The common case: short, no NUL, well-formed.
    if (message.length <= 341 && !message.includes('\0') && message.isWellFormed?.() !== false) return message;
    message = utf8Bytes(message);
  }
  const b = message;
  const out = [];
  let size = 0;
  for (let i = 0; i < b.length && b[i] !== 0;) {
    const n = sequenceLength(b, i);
    const width = n === 0 ? 4 : n;
    if (size + width + 1 > 1024) break;
    if (n === 0) {
      for (const ch of `\\x${b[i].toString(16).toUpperCase().padStart(2, '0')}`) out.push(ch.charCodeAt(0));
      ++i;
    } else {
      for (let k = 0; k < n; ++k) out.push(b[i + k]);
      i += n;
    }
    size += width;
  }
  return decoder.decode(Uint8Array.from(out));
}
