// The package as an app sees it: `@pathway/runtime` and
// `@pathway/runtime/units` resolve through package.json's "exports"; every
// class, method and property index.d.ts declares exists in the
// implementation and every export of src/index.js is declared; the example
// (examples/triage.mjs) type-checks against the declarations under strict
// tsc, and it runs on the PT pathway with the statuses of `pathwayc run`.
// The TypeScript checks need `npm ci` in bindings/js (CTest's build does it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import * as runtime from '@pathway/runtime';
import * as units from '@pathway/runtime/units';
import { INPUT_TEST } from './support/input-fixture.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '..');
const repo = path.resolve(root, '../..');
const PATHWAYC = process.env.PATHWAYC;
let ts = null;
try { ts = createRequire(import.meta.url)('typescript'); } catch { /* reported by the tests that need it */ }
const noTs = !ts && 'typescript is not installed (cd bindings/js && npm ci)';

test('the package name and its subpath resolve through "exports"', async () => {
  assert.equal(typeof runtime.loadPathway, 'function');
  assert.equal(typeof units.convert, 'function');
  const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
  assert.equal(pkg.name, '@pathway/runtime');
  assert.equal(pkg.type, 'module');
  for (const file of pkg.files) assert.ok(fs.existsSync(path.join(root, file)), `${file} (in "files") exists`);
  await assert.rejects(import('@pathway/runtime/src/json.js'), /ERR_PACKAGE_PATH_NOT_EXPORTED|not exported/);
});

// The exported declarations of a .d.ts: {name: {kind, members: {name: 'method'|'property'}}}.
function declarations(file) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const out = {};
  const exported = (node) => (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Export) !== 0;
  for (const node of source.statements) {
    if (ts.isClassDeclaration(node) && exported(node)) {
      const members = {};
      for (const m of node.members) {
        if (!m.name) continue;
        const isStatic = (ts.getCombinedModifierFlags(m) & ts.ModifierFlags.Static) !== 0;
        if (ts.isMethodDeclaration(m)) members[m.name.getText(source)] = isStatic ? 'static method' : 'method';
        else if (ts.isPropertyDeclaration(m) || ts.isGetAccessor(m)) members[m.name.getText(source)] = 'property';
      }
      out[node.name.text] = { kind: 'class', members };
    } else if (ts.isFunctionDeclaration(node) && exported(node)) {
      out[node.name.text] = { kind: 'function' };
    } else if (ts.isVariableStatement(node) && exported(node)) {
      for (const d of node.declarationList.declarations) out[d.name.getText(source)] = { kind: 'value' };
    }
  }
  return out;
}

function checkMembers(name, members, Class, instance) {
  for (const [member, kind] of Object.entries(members)) {
    if (kind === 'method') assert.equal(typeof Class.prototype[member], 'function', `${name}.prototype.${member}`);
    else if (kind === 'static method') assert.equal(typeof Class[member], 'function', `${name}.${member}`);
    else if (instance) assert.ok(member in instance, `${name}#${member} is on an instance`);
  }
}

test('index.d.ts and units.d.ts declare exactly what the modules export, with the classes\' members', { skip: noTs }, async () => {
  const index = declarations(path.join(root, 'index.d.ts'));
  const declaredValues = Object.keys(index).filter((n) => index[n].kind !== 'type').sort();
  assert.deepEqual(declaredValues, Object.keys(runtime).sort(), 'the runtime\'s exports');
  for (const [name, d] of Object.entries(index)) {
    const kind = typeof runtime[name];
    assert.equal(kind, 'function', `${name} is a ${d.kind}`);
  }
  const unitDecls = declarations(path.join(root, 'units.d.ts'));
  assert.deepEqual(Object.keys(unitDecls).sort(), Object.keys(units).sort(), 'the units module\'s exports');
  // Members, on instances where one can be made without a module.
  checkMembers('Input', index.Input.members, runtime.Input, new runtime.Input(INPUT_TEST));
  checkMembers('PathwayError', index.PathwayError.members, runtime.PathwayError, new runtime.PathwayError('range', 'x'));
  checkMembers('Pathway', index.Pathway.members, runtime.Pathway, null);
  checkMembers('Result', index.Result.members, runtime.Result, null);
  if (!PATHWAYC) return;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathway-package-'));
  try {
    const wasm = path.join(dir, 'pt.wasm');
    execFileSync(PATHWAYC, ['build', path.join(repo, 'pathways/pt_failure.pw'), '--target', 'wasm32', '-o', wasm]);
    const pathway = await runtime.loadPathway(fs.readFileSync(wasm));
    checkMembers('Pathway', index.Pathway.members, runtime.Pathway, pathway);
    checkMembers('Result', index.Result.members, runtime.Result, pathway.evaluate(pathway.input()));
    assert.equal(typeof pathway.contentHash, 'bigint');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the example type-checks against the declarations (tsc --strict, checkJs)', { skip: noTs }, () => {
  const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
  try {
    execFileSync(process.execPath, [tsc, '-p', path.join(root, 'tsconfig.json')], { encoding: 'utf8' });
  } catch (error) {
    assert.fail(`tsc reported:\n${error.stdout}${error.stderr}`);
  }
});

test('a wrong use is a type error: the declarations are not `any`', { skip: noTs }, () => {
  const dir = fs.mkdtempSync(path.join(root, '.types-'));
  try {
    fs.writeFileSync(path.join(dir, 'wrong.mjs'), `// @ts-check
import { loadPathway } from '@pathway/runtime';
const pathway = await loadPathway(new Uint8Array(0));
const input = pathway.input();
input.setBool('fever', 'yes');
/** @type {number} */ const s = pathway.evaluate(input).status('x');
pathway.evaluate(input, { trace: true });
`);
    const config = JSON.parse(fs.readFileSync(path.join(root, 'tsconfig.json'), 'utf8').replace(/^\s*\/\/.*$/gm, ''));
    config.files = ['../index.d.ts', '../units.d.ts', 'wrong.mjs'];
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify(config));
    const tsc = path.join(path.dirname(createRequire(import.meta.url).resolve('typescript/package.json')), 'bin/tsc');
    let output = '';
    try { execFileSync(process.execPath, [tsc, '-p', path.join(dir, 'tsconfig.json')], { encoding: 'utf8' }); } catch (error) { output = error.stdout; }
    assert.match(output, /wrong\.mjs\(5,\d+\): error TS2345: Argument of type 'string' is not assignable to parameter of type 'boolean'/);
    assert.match(output, /wrong\.mjs\(6,\d+\): error TS2322: Type 'string' is not assignable to type 'number'/);
    assert.match(output, /wrong\.mjs\(7,\d+\): error TS2353: Object literal may only specify known properties, and 'trace' does not exist/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('the example runs on the PT pathway and prints pathwayc run\'s statuses', { skip: !PATHWAYC && 'set PATHWAYC to run' }, () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'pathway-example-'));
  try {
    const wasm = path.join(dir, 'pt.wasm');
    const pw = path.join(repo, 'pathways/pt_failure.pw');
    execFileSync(PATHWAYC, ['build', pw, '--target', 'wasm32', '-o', wasm]);
    const patient = path.join(repo, 'pathways/pt_failure/patients/05_radicular_needs_mri_emg.json');
    const printed = execFileSync(process.execPath, [path.join(root, 'examples/triage.mjs'), wasm, patient], { encoding: 'utf8' });
    const cli = JSON.parse(execFileSync(PATHWAYC, ['run', pw, '-i', patient], { encoding: 'utf8' }));
    for (const r of cli.recommendations) {
      const line = printed.split('\n').find((l) => l.startsWith(`${r.code} [`));
      assert.ok(line, `${r.code} is printed`);
      assert.ok(line.startsWith(`${r.code} [${r.status}]`), line);
      if (r.status === 'undetermined') assert.ok(line.includes(`record: ${r.missing.join(', ')}`), line);
    }
    assert.match(printed, /^refused \(range\): input '[a-z_]+' must be in /m);
    assert.match(printed, /explanation JSON has \d+ keys/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
