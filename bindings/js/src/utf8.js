// UTF-8 helpers: the C runtime works on bytes (names, offsets, message
// lengths), so the JS port measures and compares in UTF-8 bytes too.

const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');

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

/**
 * `message` as pw_last_error would hold it: the C runtime keeps at most 1023
 * bytes, cut between UTF-8 characters (Error.cpp, `fail`).
 */
export function cMessage(message) {
  const limit = 1023;
  if (message.length * 3 <= limit || utf8Length(message) <= limit) return message;
  let bytes = 0;
  let i = 0;
  for (; i < message.length; ++i) {
    const c = message.charCodeAt(i);
    let width = c < 0x80 ? 1 : c < 0x800 ? 2 : 3;
    let pair = false;
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < message.length) {
      const d = message.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { width = 4; pair = true; }
    }
    if (bytes + width > limit) break;
    bytes += width;
    if (pair) ++i;
  }
  return message.slice(0, i);
}
