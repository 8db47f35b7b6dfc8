// The JS runtime on the wasm module against the C runtime on the native
// library, on random patients of the PT pathway: every status, missing set,
// superseded-by set, finding, definition, and the explanation text and JSON
// of every recommendation (and of all of them at once) must be identical.
// Needs PATHWAYC (skipped otherwise) and the Python package built beside it
// (build/bindings/python). PARITY_PATIENTS sets the count (default 2,000;
// the slow label runs 100,000).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { loadPathway } from '../src/index.js';

const here = dirname(fileURLToPath(import.meta.url));
const root = resolve(here, '../../..');
const PATHWAYC = process.env.PATHWAYC;
const COUNT = Number(process.env.PARITY_PATIENTS ?? 2000);

// A seeded PRNG (mulberry32), so a failure names a reproducible patient.
function prng(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// A patient as JSON: each input unknown (absent or null) a third of the time,
// else a value in its range, often at a bound.
function patient(inputs, random) {
  const out = {};
  for (const x of inputs) {
    const u = random();
    if (u < 0.25) continue;
    if (u < 0.32) { out[x.name] = null; continue; }
    if (x.type === 'bool') out[x.name] = random() < 0.5;
    else if (x.type === 'enum') out[x.name] = x.labels[Math.floor(random() * x.labels.length)];
    else {
      const lo = x.min ?? 0, hi = x.max ?? 100;
      const pick = random();
      let v = pick < 0.15 ? lo : pick < 0.3 ? hi : lo + random() * (hi - lo);
      if (x.type === 'int' || random() < 0.5) v = Math.round(v);
      out[x.name] = v;
    }
  }
  return out;
}

const tri = { true: true, false: false, unknown: null };

function jsAnswer(pathway, facts) {
  const input = pathway.input();
  input.setObject(facts);
  const result = pathway.evaluate(input);
  const missing = {}, supersededBy = {}, text = {}, json = {};
  for (const r of pathway.recommendations) {
    const m = result.missing(r.code);
    if (m.length) missing[r.code] = m;
    const s = result.supersededBy(r.code);
    if (s.length) supersededBy[r.code] = s;
    text[r.code] = result.explain(r.code, 'text');
    json[r.code] = result.explain(r.code, 'json');
  }
  const findings = Object.fromEntries(Object.entries(result.findings()).map(([k, v]) => [k, tri[v]]));
  const definitions = Object.fromEntries(Object.entries(result.definitions()).map(([k, v]) => [k,
    'number' in v ? (v.value === 'true' ? v.number : null) : tri[v.value]]));
  return {
    statuses: result.statuses(), missing, superseded_by: supersededBy, findings, definitions, text, json,
    all: result.explain(null, 'text'),
  };
}

test('JS runtime = C runtime on random patients', { skip: !PATHWAYC && 'set PATHWAYC to run (needs the native build)' },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pathway-parity-'));
    let oracle = null;
    try {
      const source = join(root, 'pathways/pt_failure.pw');
      execFileSync(PATHWAYC, ['build', source, '--target', 'wasm32', '-o', join(dir, 'pt.wasm')]);
      execFileSync(PATHWAYC, ['build', source, '-o', join(dir, 'pt.so')]);
      const pathway = await loadPathway(readFileSync(join(dir, 'pt.wasm')));
      const python = resolve(dirname(PATHWAYC), '../../bindings/python');
      oracle = spawn('/usr/bin/python3', [join(here, 'support/parity-oracle.py'), join(dir, 'pt.so')], {
        env: { ...process.env, PYTHONPATH: python }, stdio: ['pipe', 'pipe', 'inherit'],
      });
      const lines = createInterface({ input: oracle.stdout })[Symbol.asyncIterator]();
      const random = prng(19);
      const started = performance.now();
      let jsTime = 0;
      // Patients go to the oracle in blocks, so both sides stay busy.
      const BLOCK = 200;
      for (let first = 0; first < COUNT; first += BLOCK) {
        const block = [];
        for (let i = first; i < Math.min(COUNT, first + BLOCK); ++i) block.push(patient(pathway.inputs, random));
        oracle.stdin.write(block.map((p) => JSON.stringify(p)).join('\n') + '\n');
        for (let k = 0; k < block.length; ++k) {
          const t0 = performance.now();
          const mine = jsAnswer(pathway, block[k]);
          jsTime += performance.now() - t0;
          const { value } = await lines.next();
          assert.deepEqual(mine, JSON.parse(value), `patient ${first + k}: ${JSON.stringify(block[k])}`);
        }
      }
      oracle.stdin.end();
      const elapsed = (performance.now() - started) / 1000;
      console.log(`# parity: ${COUNT} patients identical in ${elapsed.toFixed(1)} s; ` +
        `JS (set, traced evaluate, 36 statuses + explanations) ${(1000 * jsTime / COUNT).toFixed(1)} us/patient`);
    } finally {
      oracle?.kill(); // a failed comparison leaves it waiting for more patients
      rmSync(dir, { recursive: true, force: true });
    }
  });
