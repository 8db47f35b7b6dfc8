// Self-test of validate.mjs (node --test selftest.mjs): the valid samples
// under selftest/valid pass, each sample under selftest/invalid fails with
// the message expected of it, and usage errors and broken files exit 2.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const validate = join(here, 'validate.mjs');
const validDir = join(here, 'selftest', 'valid');
const invalidDir = join(here, 'selftest', 'invalid');

function run(...args) {
  const r = spawnSync(process.execPath, [validate, ...args], { encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// Each invalid sample: the fragments its `invalid` lines must hold.
const expected = {
  'unknown-element.json': ['Patient/pat-x Patient.favouriteColour: Invalid additional property "favouriteColour"'],
  'value-quantity-string.json': ['Observation/obs-str Observation.value[x].value: Invalid JSON type: expected number, but got string'],
  'observation-no-status.json': ['Observation/obs-nostatus Observation.status: Missing required property'],
  'observation-no-code.json': ['Observation/obs-nocode Observation.code: Missing required property'],
  'bad-status-code.json': ['Observation/obs-badstatus Observation.status: Code "done" not found in value set'],
  'bad-datetime.json': ['Observation/obs-baddate Observation.effective[x]: Invalid dateTime format'],
  'bundle-bad-type.json': ['Bundle/badtype Bundle.type: Code "pile" not found in value set'],
  'bundle-bad-entry.json': [
    'Patient/p1 Patient.gender: Code "unknownish" not found in value set',
    'Observation/o1 Observation.subject.reference: Reference "urn:uuid:0e0d3f5c-1111-4a1a-9d9d-00000000dead" does not resolve within the Bundle',
  ],
  'bundle-duplicate-fullurl.json': ['Bundle/dup-bundle Bundle: Constraint bdl-7 not met'],
  'bundle-wrong-target-type.json': ['Condition/c1 Condition.subject: Invalid reference: got "Practitioner"'],
  'two-choices.json': ['Procedure/proc-two performedPeriod: Conflicting choice of type properties'],
};

test('every invalid sample has an expectation', () => {
  assert.deepEqual(readdirSync(invalidDir).filter((f) => f.endsWith('.json')).sort(), Object.keys(expected).sort());
});

for (const name of readdirSync(validDir).filter((f) => f.endsWith('.json')).sort()) {
  test(`valid: ${name}`, () => {
    const file = join(validDir, name);
    const r = run(file);
    assert.equal(r.stdout, `ok ${file}\n`, r.stdout + r.stderr);
    assert.equal(r.status, 0);
  });
}

test('valid: the whole directory at once', () => {
  const r = run(validDir);
  assert.equal(r.status, 0, r.stdout + r.stderr);
  assert.equal(r.stdout.trim().split('\n').length, readdirSync(validDir).filter((f) => f.endsWith('.json')).length);
  assert.match(r.stdout, /^(ok .*\n)+$/);
});

for (const [name, fragments] of Object.entries(expected)) {
  test(`invalid: ${name}`, () => {
    const file = join(invalidDir, name);
    const r = run(file);
    assert.equal(r.status, 1, r.stdout + r.stderr);
    const lines = r.stdout.trim().split('\n');
    for (const line of lines) assert.ok(line.startsWith(`invalid ${file}: `), line);
    for (const fragment of fragments) {
      assert.ok(lines.some((l) => l.includes(fragment)), `no line with ${JSON.stringify(fragment)} in:\n${r.stdout}`);
    }
  });
}

test('a directory with any invalid file exits 1 and still reports the valid ones', () => {
  const r = run(join(here, 'selftest'));
  assert.equal(r.status, 1, r.stdout + r.stderr);
  assert.match(r.stdout, /^ok .*bundle-collection\.json$/m);
  assert.match(r.stdout, /^invalid .*unknown-element\.json: /m);
});

test('--allow-external-refs lets a relative reference leave the Bundle', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fhir-validator-'));
  const file = join(dir, 'bundle.json');
  writeFileSync(file, JSON.stringify({
    resourceType: 'Bundle', type: 'collection',
    entry: [{ fullUrl: 'urn:uuid:9a4c2b1e-0000-4000-8000-000000000001',
              resource: { resourceType: 'Observation', id: 'o', status: 'final', code: { text: 'x' },
                          subject: { reference: 'Patient/elsewhere' } } }],
  }));
  const strict = run(file);
  assert.equal(strict.status, 1);
  assert.match(strict.stdout, /Reference "Patient\/elsewhere" does not resolve within the Bundle/);
  const lax = run('--allow-external-refs', file);
  assert.equal(lax.status, 0, lax.stdout + lax.stderr);
});

test('usage errors and unreadable or non-JSON files exit 2', () => {
  assert.equal(run().status, 2);
  assert.equal(run('--no-such-option', validDir).status, 2);
  assert.equal(run(join(here, 'selftest', 'no-such-file.json')).status, 2);
  const dir = mkdtempSync(join(tmpdir(), 'fhir-validator-'));
  const file = join(dir, 'broken.json');
  writeFileSync(file, '{ "resourceType": "Patient", ');
  const r = run(file);
  assert.equal(r.status, 2);
  assert.match(r.stderr, /broken\.json/);
});
