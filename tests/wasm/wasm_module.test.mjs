// The wasm32 backend: `pathwayc build --target wasm32` gives a module that
// imports nothing, whose descriptor the JS loader accepts, and whose entry
// points give the native library's statuses (through `pathwayc run --ndjson`)
// on the sample patients and on random ones; a changed byte or a foreign
// module is refused. Needs PATHWAYC (set by CTest).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { instantiate } from '../../bindings/js/src/module.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const pathwayc = process.env.PATHWAYC;
const work = mkdtempSync(join(tmpdir(), 'pathway-wasm-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));
const source = join(root, 'pathways', 'pt_failure.pw');
const wasmPath = join(work, 'pt_failure.wasm');
const soPath = join(work, 'libpt_failure.so');
execFileSync(pathwayc, ['build', source, '--target', 'wasm32', '-o', wasmPath]);
execFileSync(pathwayc, ['build', source, '-o', soPath]);
const bytes = readFileSync(wasmPath);

// A deterministic generator (xorshift32), so a failure reproduces.
function random(seed) {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13; x >>>= 0; x ^= x >>> 17; x ^= x << 5; x >>>= 0;
    return x / 4294967296;
  };
}

// Facts as JSON for the native run, and the same patient as the entry
// point's values/known (bool 0/1, enum label index, quantity in its unit).
function patient(schema, next) {
  const facts = {};
  const values = new Float64Array(schema.inputs.length);
  const known = new Uint8Array(schema.inputs.length);
  schema.inputs.forEach((input, i) => {
    if (next() < 0.3) return;
    let value;
    let fact;
    switch (input.type) {
      case 'bool': value = next() < 0.5 ? 1 : 0; fact = value === 1; break;
      case 'enum': value = Math.floor(next() * input.labels.length); fact = input.labels[value]; break;
      default: {
        const lo = input.min ?? 0;
        const hi = input.max ?? 100;
        value = Math.round(lo + next() * (hi - lo));
        fact = input.type === 'quantity' ? { value, unit: input.unit } : value;
      }
    }
    facts[input.name] = fact;
    values[i] = value;
    known[i] = 1;
  });
  return { facts, values, known };
}

function nativeResults(factsList) {
  const out = execFileSync(pathwayc, ['run', soPath, '--ndjson', '--input', '-'], {
    input: factsList.map((f) => JSON.stringify(f)).join('\n') + '\n', maxBuffer: 1 << 30,
  }).toString();
  return out.trim().split('\n').map((line) => JSON.parse(line));
}

// The brief result line `pathwayc run --ndjson` prints, rebuilt from the
// module's outputs: statuses, missing inputs of the undetermined ones,
// findings and definitions (unknown: null).
function brief(schema, m, single) {
  const R = m.nRecommendations;
  const tri = (slot) => [false, true, null][single.state[slot]];
  const status = {};
  const missing = {};
  schema.recommendations.forEach((rec, r) => {
    status[rec.name] = STATUS[single.state[r]];
    if (status[rec.name] !== 'undetermined') return;
    const names = [];
    schema.inputs.forEach((input, i) => {
      const word = single.missing[r * m.maskWords + Math.floor(i / 64)];
      if ((word >> BigInt(i % 64)) & 1n) names.push(input.name);
    });
    missing[rec.name] = names;
  });
  const findings = Object.fromEntries(schema.findings.map((f, k) => [f.name, tri(2 * R + k)]));
  const definitions = Object.fromEntries(schema.definitions.map((d, k) => {
    const slot = 2 * R + schema.findings.length + k;
    if (d.type === 'bool') return [d.name, tri(slot)];
    return [d.name, single.state[slot] === 2 ? null : single.numbers[slot]];
  }));
  return { status, missing, findings, definitions };
}

const STATUS = ['no', 'fire', 'undetermined'];

test('the module imports nothing and exports the descriptor, table, memory and heap base', () => {
  const module = new WebAssembly.Module(bytes);
  assert.deepEqual(WebAssembly.Module.imports(module), []);
  assert.deepEqual(WebAssembly.Module.exports(module).map((e) => e.name).sort(),
    ['__heap_base', '__indirect_function_table', 'memory', 'pathway_descriptor']);
});

test('the descriptor holds the native library\'s name, version, counts and metadata', async () => {
  const m = await instantiate(bytes);
  const schema = JSON.parse(m.metadataText);
  assert.equal(m.name, 'pt_failure');
  assert.equal(m.version, schema.version);
  assert.equal(m.nInputs, schema.inputs.length);
  assert.equal(m.nRecommendations, schema.recommendations.length);
  assert.equal(m.nSlots, 2 * m.nRecommendations + m.nFindings + m.nDefinitions);
  assert.equal(m.nTraceNodes, schema.explain.nodes.length);
  // The same IR, so the same content hash as the native library.
  const described = execFileSync(pathwayc, ['describe', soPath]).toString();
  assert.match(described, new RegExp(`content hash ${m.contentHash.toString(16).padStart(16, '0')}, ABI 1`));
});

test('3,000 random patients get the native library\'s statuses, missing inputs, findings and definitions', async () => {
  const m = await instantiate(bytes);
  const schema = JSON.parse(m.metadataText);
  const next = random(20261203);
  const patients = Array.from({ length: 3000 }, () => patient(schema, next));
  const expected = nativeResults(patients.map((p) => p.facts));
  const n = m.nInputs;
  const values = new Float64Array(patients.length * n);
  const known = new Uint8Array(patients.length * n);
  patients.forEach((p, k) => { values.set(p.values, k * n); known.set(p.known, k * n); });
  const rows = m.evaluateRows(patients.length, values, known);
  patients.forEach((p, k) => {
    const single = m.evaluate(p.values, p.known, { masks: true, trace: true });
    for (let r = 0; r < m.nRecommendations; ++r) {
      assert.equal(rows.state[k * m.nSlots + r], single.state[r], `patient ${k}, recommendation ${r}: rows vs single`);
    }
    const { status, missing, findings, definitions } = expected[k];
    assert.deepEqual(brief(schema, m, single), { status, missing, findings, definitions },
      `patient ${k}: ${JSON.stringify(p.facts)}`);
  });
});

test('a changed metadata byte, a foreign module and a non-module are refused', async () => {
  const changed = Buffer.from(bytes);
  const at = changed.indexOf(Buffer.from('"recommendations"'));
  assert.ok(at > 0);
  changed[at + 1] = 'R'.charCodeAt(0);
  await assert.rejects(instantiate(changed), { status: 'corrupt', message: /checksum does not match/ });
  // The smallest module: no exports at all.
  const empty = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
  await assert.rejects(instantiate(empty), { status: 'not_pathway', message: /does not export the memory 'memory'/ });
  await assert.rejects(instantiate(new Uint8Array([1, 2, 3])), { status: 'load', message: /not a WebAssembly module/ });
  await assert.rejects(instantiate('pt.wasm'), { status: 'argument' });
});

test('wrong buffers are argument errors', async () => {
  const m = await instantiate(bytes);
  assert.throws(() => m.evaluate(new Float64Array(1), new Uint8Array(1)), { status: 'argument' });
  assert.throws(() => m.evaluateRows(-1, new Float64Array(0), new Uint8Array(0)), { status: 'argument' });
});

function failing(args) {
  try {
    execFileSync(pathwayc, args, { stdio: 'pipe' });
  } catch (error) {
    return { code: error.status, stderr: error.stderr.toString() };
  }
  assert.fail(`pathwayc ${args.join(' ')} succeeded`);
}

test('the build refuses what a wasm32 module cannot hold, and the C runtime refuses a module', () => {
  const columns = failing(['build', source, '--target', 'wasm32', '--columns', '-o', join(work, 'c.wasm')]);
  assert.equal(columns.code, 2);
  assert.equal(columns.stderr, 'pathwayc: error: --columns is not available with --target wasm32\n');
  const target = failing(['build', source, '--target', 'wasm64', '-o', join(work, 'x.wasm')]);
  assert.equal(target.code, 2);
  assert.match(target.stderr, /--target: wasm64 not in \{host,wasm32\}/);
  const run = failing(['run', wasmPath, '--input', join(root, 'pathways/pt_failure/patients/05_radicular_needs_mri_emg.json')]);
  assert.notEqual(run.code, 0);
  assert.match(run.stderr, /pt_failure\.wasm/);
});

test('rows in place give evaluateRows\'s outputs, and are refused after another call used the buffers', async () => {
  const m = await instantiate(bytes);
  const schema = JSON.parse(m.metadataText);
  const next = random(7);
  const patients = Array.from({ length: 200 }, () => patient(schema, next));
  const n = m.nInputs;
  const values = new Float64Array(patients.length * n);
  const known = new Uint8Array(patients.length * n);
  patients.forEach((p, k) => { values.set(p.values, k * n); known.set(p.known, k * n); });
  const copied = m.evaluateRows(patients.length, values, known, { masks: true });
  const inPlace = m.rows(patients.length, { masks: true });
  inPlace.values.set(values);
  inPlace.known.set(known);
  inPlace.evaluate();
  assert.deepEqual(inPlace.state, copied.state);
  assert.deepEqual(inPlace.numbers, copied.numbers);
  assert.deepEqual(inPlace.missing, copied.missing);
  assert.deepEqual(m.evaluate(patients[0].values, patients[0].known).state, copied.state.subarray(0, m.nSlots));
  m.evaluateRows(20000, new Float64Array(20000 * n), new Uint8Array(20000 * n));  // grows the memory
  assert.throws(() => inPlace.evaluate(), { status: 'state', message: /another call of the module has used its buffers/ });
  // A single evaluation reuses the same buffers, so it retires rows too.
  const again = m.rows(patients.length);
  m.evaluate(patients[0].values, patients[0].known);
  assert.throws(() => again.evaluate(), { status: 'state' });
  // evaluate's buffers, made before the growth, are made again after it.
  const first = m.evaluate(patients[0].values, patients[0].known, { masks: false, trace: false });
  assert.deepEqual(first.state, copied.state.subarray(0, m.nSlots));
  assert.equal(first.missing, null);
  assert.equal(first.trace, null);
  const words = m.nRecommendations * m.maskWords;
  assert.deepEqual(m.evaluate(patients[1].values, patients[1].known).missing, copied.missing.subarray(words, 2 * words));
});

// A pathway large enough to be split into many evaluation functions that
// pass values through a scratch on the stack (EntryPoints.cpp), with 5 mask
// words per recommendation.
function largePathway(inputs, recommendations) {
  const lines = ['pathway large {', '  title "Generated";', '  version "1.0.0";',
    '  source s "Generated" { S1.P1 }', '}'];
  for (let i = 0; i < inputs; ++i) lines.push(`input x${i}: bool "x${i}";`);
  const next = random(42);
  const pick = () => `x${Math.floor(next() * inputs)}`;
  for (let d = 0; d < recommendations; ++d) {
    const previous = d === 0 ? pick() : `d${d - 1}`;
    lines.push(`define d${d} = (${pick()} and not ${pick()}) or (${previous} and ${pick()});`);
    lines.push(`recommendation r${d} {`, `  label "r${d}";`, `  when d${d} or ${pick()};`,
      '  category urgent;', '  urgency routine;', '  rationale "Generated.";', '  cite S1.P1;', '}');
  }
  return lines.join('\n') + '\n';
}

test('a large split pathway (300 inputs, 600 recommendations) gives the native results', async () => {
  const pw = join(work, 'large.pw');
  writeFileSync(pw, largePathway(300, 600));
  const largeWasm = join(work, 'large.wasm');
  const largeSo = join(work, 'liblarge.so');
  execFileSync(pathwayc, ['build', pw, '--target', 'wasm32', '-o', largeWasm], { stdio: 'pipe' });
  execFileSync(pathwayc, ['build', pw, '-o', largeSo], { stdio: 'pipe' });
  const m = await instantiate(readFileSync(largeWasm));
  const schema = JSON.parse(m.metadataText);
  assert.equal(m.maskWords, 5);
  const next = random(11);
  const patients = Array.from({ length: 300 }, () => patient(schema, next));
  const out = execFileSync(pathwayc, ['run', largeSo, '--ndjson', '--input', '-'], {
    input: patients.map((p) => JSON.stringify(p.facts)).join('\n') + '\n', maxBuffer: 1 << 30,
  }).toString().trim().split('\n').map((line) => JSON.parse(line));
  patients.forEach((p, k) => {
    const { status, missing, findings, definitions } = out[k];
    assert.deepEqual(brief(schema, m, m.evaluate(p.values, p.known)), { status, missing, findings, definitions },
      `patient ${k}`);
  });
});
