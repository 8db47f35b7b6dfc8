// "Did you mean" and name quoting, as runtime/src/Suggest.cpp computes them:
// on UTF-8 bytes, case-insensitive for ASCII letters only.
import { utf8Bytes, utf8Text } from './utf8.js';

function lower(b) {
  return b >= 0x41 && b <= 0x5a ? b + 32 : b;
}

// Levenshtein distance of byte arrays when at most `bound`, else bound + 1.
function distanceWithin(a, b, bound) {
  const gap = Math.abs(a.length - b.length);
  if (gap > bound) return bound + 1;
  const row = new Array(b.length + 1);
  for (let j = 0; j <= b.length; ++j) row[j] = j;
  for (let i = 1; i <= a.length; ++i) {
    let diagonal = row[0];
    row[0] = i;
    let rowMin = row[0];
    const ai = lower(a[i - 1]);
    for (let j = 1; j <= b.length; ++j) {
      const above = row[j];
      const substitute = diagonal + (ai === lower(b[j - 1]) ? 0 : 1);
      row[j] = Math.min(above + 1, row[j - 1] + 1, substitute);
      rowMin = Math.min(rowMin, row[j]);
      diagonal = above;
    }
    if (rowMin > bound) return bound + 1;
  }
  return Math.min(row[b.length], bound + 1);
}

/** The candidate closest to `name` by edit distance, or '' when none is a plausible typo. */
export function closest(name, candidates) {
  const a = typeof name === 'string' ? utf8Bytes(name) : name;
  const limit = Math.max(2, Math.floor(a.length / 3));
  let best = '';
  let bestDistance = limit + 1;
  for (const candidate of candidates) {
    if (bestDistance === 0) break;
    const d = distanceWithin(a, utf8Bytes(candidate), bestDistance - 1);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  return best;
}

/** `name` in single quotes; past 64 bytes, its first 64 (never half a character), "..." and its length. */
export function quoted(name) {
  const bytes = typeof name === 'string' ? utf8Bytes(name) : name;
  const text = typeof name === 'string' ? name : utf8Text(name);
  const shown = 64;
  if (bytes.length <= shown) return `'${text}'`;
  let cut = shown;
  while (cut > 0 && (bytes[cut] & 0xc0) === 0x80) --cut;
  return `'${utf8Text(bytes, 0, cut)}...' (${bytes.length} bytes)`;
}

/** " (did you mean 'x'?)", or '' when no candidate is close. */
export function didYouMean(name, candidates) {
  const best = closest(name, candidates);
  return best === '' ? '' : ` (did you mean '${best}'?)`;
}
