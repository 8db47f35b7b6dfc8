// The .pwtest JSON schema accepts every scenario file in the repository
// and rejects the mistakes pathwayc test refuses.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const Ajv = require('ajv');
const { root } = require('./client');

const schema = JSON.parse(fs.readFileSync(path.join(__dirname, '../schemas/pwtest.schema.json'), 'utf8'));
const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);

test('every scenario file in the repository is valid', () => {
  const files = ['pathways/pt_failure/pt_failure.pwtest', 'tests/scenarios/demo.pwtest',
    'tests/scenarios/fail_expectation.pwtest'];
  for (const f of files) {
    const ok = validate(JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')));
    assert.ok(ok, `${f}: ${JSON.stringify(validate.errors)}`);
  }
});

test('mistakes are reported where they are', () => {
  const bad = JSON.parse(fs.readFileSync(path.join(root, 'tests/scenarios/fail_bad_status.pwtest'), 'utf8'));
  assert.strictEqual(validate(bad), false);
  assert.deepStrictEqual(validate.errors.map((e) => [e.instancePath, e.message]),
    [['/cases/0/expect/recommendations/urgent', 'must be equal to one of the allowed values']]);
  assert.strictEqual(validate({ pathway: 'x.pw' }), false);
  assert.deepStrictEqual(validate.errors.map((e) => e.message), ["must have required property 'cases'"]);
  assert.strictEqual(validate({ pathway: 'x.pw', cases: [{ expect: { findings: { f: 'yes' } }, extra: 1 }] }), false);
  assert.deepStrictEqual(validate.errors.map((e) => [e.instancePath, e.message]), [
    ['/cases/0', 'must NOT have additional properties'],
    ['/cases/0/expect/findings/f', 'must be boolean,null']]);
});
