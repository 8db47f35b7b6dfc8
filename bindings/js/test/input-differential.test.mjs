// The JS Input against the C runtime: a few thousand generated patient
// documents (valid, wrong types, out of range, unknown names, bad units,
// malformed JSON, deep nesting, odd numbers, bad bytes) go through
// pw_input_set_json (ctypes on libpathway.so, test/support/input-oracle.py)
// and Input.setJson on the same schema (from the wasm build's metadata);
// status, message and the stored values after each call must be identical.
// Needs PATHWAYC (the pathwayc binary; libpathway.so is found beside its
// build tree or in PATHWAY_RUNTIME_LIB) and python3.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { instantiate } from '../src/module.js';
import { parseSchema } from '../src/schema.js';
import { Input } from '../src/input.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '../../..');
const PATHWAYC = process.env.PATHWAYC;
const STATUS = ['ok', 'argument', 'load', 'not_pathway', 'abi', 'corrupt', 'not_found', 'type', 'range', 'json',
  'unit', 'buffer_too_small', 'state', 'no_memory', 'internal', 'fhir'];

function runtimeLibrary() {
  if (process.env.PATHWAY_RUNTIME_LIB) return process.env.PATHWAY_RUNTIME_LIB;
  const build = path.resolve(path.dirname(PATHWAYC), '../..');
  return path.join(build, 'runtime/libpathway.so');
}

// A small seeded generator (mulberry32).
function rng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n) => Math.floor(next() * n);
  const pick = (list) => list[int(list.length)];
  return { next, int, pick, chance: (p) => next() < p };
}

const ODD_NUMBERS = ['-0', '0', '1.0', '1e2', '1E-2', '-1.5e3', '1e400', '-1e400', '1e-400', '18446744073709551615',
  '18446744073709551616', '-9223372036854775808', '-9223372036854775809', '123456789012345678901234567890',
  '0.1', '99.99999999999999', '2.5', '120.0000000000001', '-1', '1e16', '1e-5', '5e-324', '01', '1.', '.5', '+1',
  '-', '1e', '1e+', 'NaN', 'Infinity', '0x10', '9'.repeat(400)];
const QUANTITY_TEXTS = ['6 weeks', '6weeks', '14days', '2.5e1 weeks', '0.5e1 weeks', '1E+1weeks  ', '6', 'six weeks',
  '6 parsecs', '3 mg/L', '0x10 weeks', 'inf weeks', '+6 weeks', ' 6 weeks', '06 weeks', '6. weeks', '1.2.3 weeks',
  '6-2 weeks', '1e999 weeks', '6 weeks\\u0000x', '6\\tweeks', '40 %', '3 mg/dL', '2 g/L', '1 year', '7 month', '-1 days',
  '1e5 years', '3 months'];
const NOISE = ['{', '}', '[', ']', ',', ':', '"', '\\', 'x', ' ', '\n', '\u0000', '\u00c3', '\u00ff', '\u00ef\u00bb\u00bf',
  '\u00ed\u00a0\u0080', '\u00f0\u009f\u0098\u0080', '\\u', '\\ud83d', 'tru', 'nul', '\t', '\u0001', '\u007f'];

// A random JSON-ish value for an input (as text), right or wrong.
function valueFor(r, input) {
  const roll = r.next();
  if (roll < 0.05) return 'null';
  if (roll < 0.12) return r.pick(ODD_NUMBERS);
  if (roll < 0.17) return r.pick(['true', 'false', '"x"', '[1, 2]', '{}', '[]', '"female"', '{"a": [true, null]}']);
  const inRange = () => {
    const lo = input.min ?? -1000;
    const hi = input.max ?? 1000;
    const v = lo + r.next() * (hi - lo) * (r.chance(0.1) ? 1.5 : 1);
    return input.type === 'int' || r.chance(0.5) ? Math.round(v) : v;
  };
  switch (input.type) {
    case 'bool': return r.pick(['true', 'false']);
    case 'int': case 'number': return String(r.chance(0.1) ? inRange() + 0.5 : inRange());
    case 'enum': {
      const label = r.pick(input.labels);
      if (r.chance(0.1)) return JSON.stringify(label.slice(1) || 'zz');
      if (r.chance(0.05)) return JSON.stringify(label.toUpperCase());
      return JSON.stringify(label);
    }
    default: {
      const unit = r.chance(0.1) ? r.pick(['mg/L', 'weeks', 'mm/h', '%', 'furlongs', 'days']) : r.pick(input.spellings);
      const v = r.chance(0.5) ? Math.round(r.next() * 100) : r.next() * 100;
      const k = r.int(5);
      if (k === 0) return String(inRange());
      if (k === 1) return JSON.stringify(`${v} ${unit}`);
      if (k === 2) return `"${r.pick(QUANTITY_TEXTS)}"`;
      if (k === 3) return `{"value": ${v}, "unit": ${JSON.stringify(unit)}}`;
      return r.pick([`{"value": ${v}}`, `{"unit": "weeks"}`, `{"value": "6", "unit": "weeks"}`,
        `{"value": 1, "unit": "weeks", "z": 1, "b": 2}`, `{"value": 3, "unit": "days", "value": 4}`,
        `{"value": [1, {"a": [true]}], "unit": "weeks"}`]);
    }
  }
}

function typo(r, name) {
  const i = r.int(name.length);
  const k = r.int(4);
  if (k === 0) return name.slice(0, i) + name.slice(i + 1);
  if (k === 1) return name.slice(0, i) + 'x' + name.slice(i);
  if (k === 2) return name.toUpperCase();
  return `${name}_${r.int(100)}`;
}

// A document as a latin-1 string (one char per byte).
function documentFor(r, schema) {
  const kind = r.next();
  if (kind < 0.03) {
    const depth = 1 + r.int(3000);
    return `{"${r.pick(schema.inputNames)}": ${'['.repeat(depth)}${r.chance(0.5) ? ']'.repeat(depth) : ''}}`;
  }
  if (kind < 0.06) return r.pick(['', ' ', '[]', '42', '"text"', 'null', 'true', '{}', '{} {}', '{,}', '\u00ef\u00bb\u00bf{}',
    '\u00ef\u00bb{}', '{}\u0000', '{}\u0000x']);
  const members = [];
  const count = r.int(12);
  for (let m = 0; m < count; ++m) {
    const input = r.pick(schema.inputs);
    let key = input.name;
    if (r.chance(0.06)) key = typo(r, key);
    if (r.chance(0.02)) key = key.replace(/a/, '\\u0061');
    members.push(`${JSON.stringify(key)}: ${valueFor(r, input)}`);
    if (r.chance(0.02)) members.push(`${JSON.stringify(key)}: ${valueFor(r, input)}`);
  }
  let text = `{${members.join(r.chance(0.2) ? ',\n  ' : ', ')}}`;
  if (r.chance(0.15)) {
    const at = r.int(text.length + 1);
    const m = r.int(3);
    if (m === 0) text = text.slice(0, at);
    else if (m === 1) text = text.slice(0, at) + r.pick(NOISE) + text.slice(at);
    else text = text.slice(0, at) + text.slice(at + 1);
  }
  return text;
}

const latin1Bytes = (text) => Uint8Array.from(text, (c) => c.charCodeAt(0));

test('setJson equals pw_input_set_json on generated documents', { skip: PATHWAYC ? false : 'set PATHWAYC to the pathwayc binary to compare with the C runtime' }, async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pw-input-diff-'));
  const source = path.join(repo, 'pathways/pt_failure.pw');
  const so = path.join(dir, 'pt.so');
  const wasm = path.join(dir, 'pt.wasm');
  execFileSync(PATHWAYC, ['build', source, '-o', so]);
  execFileSync(PATHWAYC, ['build', source, '--target', 'wasm32', '-o', wasm]);
  const module = await instantiate(fs.readFileSync(wasm));
  const schema = parseSchema(module.metadataText);
  const r = rng(Number(process.env.PW_DIFF_SEED ?? 19));
  const count = Number(process.env.PW_DIFF_COUNT ?? 4000);
  const documents = Array.from({ length: count }, () => documentFor(r, schema));
  const lines = documents.map((d) => JSON.stringify(d)).join('\n') + '\n';
  const out = execFileSync('python3', [path.join(here, 'support/input-oracle.py'), runtimeLibrary(), so, String(schema.inputs.length)],
    { input: lines, maxBuffer: 1 << 28 }).toString().trim().split('\n').map((l) => JSON.parse(l));
  assert.equal(out.length, count);
  const input = new Input(schema);
  const statuses = {};
  let failures = 0;
  for (let i = 0; i < count; ++i) {
    let status = 'ok';
    let message = '';
    try {
      input.setJson(latin1Bytes(documents[i]));
    } catch (error) {
      if (!error.status) throw error;
      status = error.status;
      message = error.message;
    }
    statuses[status] = (statuses[status] ?? 0) + 1;
    const want = out[i];
    const same = STATUS[want.status] === status && want.message === message &&
      want.known.every((k, j) => k === input.known[j]) && want.values.every((v, j) => v === input.values[j]);
    if (!same && failures++ < 5) {
      assert.fail(`document ${i} ${JSON.stringify(documents[i]).slice(0, 300)}\n C: ${STATUS[want.status]} ${JSON.stringify(want.message)}\nJS: ${status} ${JSON.stringify(message)}`);
    }
  }
  assert.equal(failures, 0);
  // Every kind of outcome was exercised.
  for (const s of ['ok', 'json', 'not_found', 'type', 'range', 'unit']) assert.ok(statuses[s] > 20, `${s}: ${statuses[s]}`);
  console.log('differential statuses', JSON.stringify(statuses));

  // setObject(object) answers as pw_input_set_json(JSON.stringify(object)):
  // the objects JSON.parse makes of the well-formed documents.
  const objects = [];
  for (const d of documents) {
    try {
      // JSON.parse reads 1e400 as Infinity, which JSON.stringify writes as
      // null: such objects are outside the equivalence (setObject refuses
      // non-finite numbers).
      let finite = true;
      const o = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(latin1Bytes(d)),
        (k, v) => {
          if (typeof v === 'number' && !Number.isFinite(v)) finite = false;
          // A lone surrogate ("\\ud83d" read by JSON.parse) has no UTF-8 form: C refuses the document.
          if (!k.isWellFormed() || (typeof v === 'string' && !v.isWellFormed())) finite = false;
          return v;
        });
      if (finite && o !== null && typeof o === 'object' && !Array.isArray(o)) objects.push(o);
    } catch { /* not JSON to JS either */ }
  }
  const texts = objects.map((o) => JSON.stringify(o));
  const utf8AsLatin1 = (t) => String.fromCharCode(...new TextEncoder().encode(t));
  const out2 = execFileSync('python3', [path.join(here, 'support/input-oracle.py'), runtimeLibrary(), so, String(schema.inputs.length)],
    { input: texts.map((t) => JSON.stringify(utf8AsLatin1(t))).join('\n') + '\n', maxBuffer: 1 << 28 })
    .toString().trim().split('\n').map((l) => JSON.parse(l));
  const byObject = new Input(schema);
  for (let i = 0; i < objects.length; ++i) {
    let status = 'ok';
    let message = '';
    try {
      byObject.setObject(objects[i]);
    } catch (error) {
      status = error.status;
      message = error.message;
    }
    const want = out2[i];
    assert.equal(`${status} ${message}`, `${STATUS[want.status]} ${want.message}`, texts[i].slice(0, 300));
    assert.ok(want.known.every((k, j) => k === byObject.known[j]) && want.values.every((v, j) => v === byObject.values[j]), texts[i]);
  }
  assert.ok(objects.length > count / 3, `${objects.length} objects`);
  fs.rmSync(dir, { recursive: true });
});
