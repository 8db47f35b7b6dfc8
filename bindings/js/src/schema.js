// The pathway's schema from its metadata JSON, read and checked as
// runtime/src/Schema.cpp reads it (same fields, same checks, same
// PW_ERR_CORRUPT messages), in JS naming.
import { PathwayError } from './errors.js';
import { findUnit, spellingsOf, unitsOf } from './units.js';
import { quoted, didYouMean } from './suggest.js';
import { cMessage } from './utf8.js';

function corrupt(message) {
  throw new PathwayError('corrupt', `metadata ${message}`);
}

const isObject = (v) => v !== null && typeof v === 'object' && !Array.isArray(v);
const has = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

function field(object, key, where) {
  if (!has(object, key)) corrupt(`${where} has no "${key}"`);
  return object[key];
}

function text(object, key, where) {
  const value = field(object, key, where);
  if (typeof value !== 'string') corrupt(`${where}: "${key}" is not a string`);
  return value;
}

function array(object, key, where) {
  const value = field(object, key, where);
  if (!Array.isArray(value)) corrupt(`${where}: "${key}" is not an array`);
  return value;
}

function strings(object, key, where) {
  return array(object, key, where).map((item) => {
    if (typeof item !== 'string') corrupt(`${where}: "${key}" holds a non-string`);
    return item;
  });
}

function bound(object, key, where) {
  if (!has(object, key)) return null;
  const value = object[key];
  if (typeof value !== 'number' || !Number.isFinite(value)) corrupt(`${where}: "${key}" is not a finite number`);
  return value;
}

function citations(object, where) {
  return array(object, 'citations', where).map((item) => {
    if (!isObject(item)) corrupt(`${where}: a citation is not an object`);
    return Object.freeze({
      source: text(item, 'source', `${where} citation`),
      paragraph: text(item, 'paragraph', `${where} citation`),
    });
  });
}

const INPUT_TYPES = ['bool', 'int', 'number', 'enum', 'quantity'];

function input(item, index) {
  let where = `input ${index}`;
  if (!isObject(item)) corrupt(`${where} is not an object`);
  const name = text(item, 'name', where);
  where = `input '${name}'`;
  const type = text(item, 'type', where);
  if (!INPUT_TYPES.includes(type)) corrupt(`${where} has unknown type "${type}"`);
  const min = bound(item, 'min', where);
  const max = bound(item, 'max', where);
  const description = text(item, 'description', where);
  let unit = '';
  let dimension = '';
  let unitEntry = null;
  if (type === 'quantity') {
    unit = text(item, 'unit', where);
    dimension = text(item, 'dimension', where);
    unitEntry = findUnit(unit);
    if (unitEntry === null || unitEntry.dimension !== dimension) {
      corrupt(`${where} has unit '${unit}' unknown to this runtime for dimension '${dimension}'`);
    }
  }
  let enumName = '';
  let labels = [];
  if (type === 'enum') {
    enumName = text(item, 'enum', where);
    labels = strings(item, 'labels', where);
    if (labels.length === 0) corrupt(`${where} is an enum without labels`);
  }
  Object.freeze(labels);
  return {
    index, name, type, kind: type, description, min, max,
    unit, dimension, unitEntry,
    units: Object.freeze(type === 'quantity' ? unitsOf(dimension) : []),
    spellings: Object.freeze(type === 'quantity' ? spellingsOf(dimension) : []),
    enumName, labels, values: labels,
  };
}

function definition(item, index) {
  if (!isObject(item)) corrupt('definition is not an object');
  const name = text(item, 'name', 'definition');
  const where = `definition '${name}'`;
  const type = text(item, 'type', where);
  if (type !== 'bool' && type !== 'number') corrupt(`${where} has unknown type "${type}"`);
  return { index, name, type };
}

function finding(item, index) {
  if (!isObject(item)) corrupt('finding is not an object');
  const name = text(item, 'name', 'finding');
  const where = `finding '${name}'`;
  return { index, name, label: text(item, 'label', where), citations: Object.freeze(citations(item, where)) };
}

function recommendations(root) {
  const items = array(root, 'recommendations', 'root');
  const out = [];
  const supersedes = [];
  items.forEach((item, index) => {
    let where = `recommendation ${index}`;
    if (!isObject(item)) corrupt(`${where} is not an object`);
    const name = text(item, 'name', where);
    where = `recommendation '${name}'`;
    out.push({
      index, name, code: name,
      label: text(item, 'label', where),
      category: text(item, 'category', where),
      urgency: text(item, 'urgency', where),
      rationale: text(item, 'rationale', where),
      citations: Object.freeze(citations(item, where)),
      supersedes: [], supersededBy: [], supersedesIndices: [], supersededByIndices: [],
    });
    supersedes.push(strings(item, 'supersedes', where));
  });
  out.forEach((rec, i) => {
    for (const name of supersedes[i]) {
      const other = out.findIndex((r) => r.name === name);
      if (other < 0) corrupt(`recommendation '${rec.name}' supersedes unknown recommendation '${name}'`);
      rec.supersedes.push(name);
      rec.supersedesIndices.push(other);
      out[other].supersededBy.push(rec.name);
      out[other].supersededByIndices.push(i);
    }
  });
  return out;
}

const deepFreeze = (list) => {
  for (const item of list) {
    for (const v of Object.values(item)) if (Array.isArray(v)) Object.freeze(v);
    Object.freeze(item);
  }
  return Object.freeze(list);
};

/**
 * Parses and checks a pathway's metadata JSON (the descriptor's text, e.g.
 * module.js's `metadataText`) as Schema.cpp does; throws
 * PathwayError('corrupt', 'metadata ...') when it is not a valid schema.
 * Returns a frozen object:
 *   {name, title, version, authors: [string], sources: [{name, title, paragraphs}],
 *    inputs: [{index, name, type ('bool'|'int'|'number'|'enum'|'quantity'), kind (= type),
 *              description, min, max (null when not declared; quantities in `unit`),
 *              unit, dimension ('' unless quantity), units (canonical units of the dimension),
 *              spellings (every accepted spelling), unitEntry (units.js entry of `unit`),
 *              enumName, labels (enum members; a value is a label index), values (= labels)}],
 *    definitions: [{index, name, type ('bool'|'number')}],
 *    findings: [{index, name, label, citations: [{source, paragraph}]}],
 *    recommendations: [{index, name, code (= name), label, category, urgency, rationale,
 *                       citations: [{source, paragraph}], supersedes / supersededBy: [names],
 *                       supersedesIndices / supersededByIndices: [indices]}],
 *    explain: the raw "explain" graph JSON or null (not checked here), fhir: raw "fhir" or null,
 *    inputNames, definitionNames, findingNames, recommendationNames: [string] in index order,
 *    inputIndex: Map name -> index}
 * Difference: for metadata that does not parse, the message after
 * "metadata JSON does not parse: " is the JS engine's, not nlohmann::json's.
 */
export function parseSchema(metadataText) {
  let root;
  try {
    root = JSON.parse(typeof metadataText === 'string' ? metadataText : new TextDecoder().decode(metadataText));
  } catch (error) {
    corrupt(`JSON does not parse: ${error.message}`);
  }
  if (!isObject(root)) corrupt('JSON is not an object');
  const name = text(root, 'name', 'root');
  const title = text(root, 'title', 'root');
  const version = text(root, 'version', 'root');
  const authors = Object.freeze(strings(root, 'authors', 'root'));
  const sources = array(root, 'sources', 'root').map((item) => {
    if (!isObject(item)) corrupt('source is not an object');
    const sourceName = text(item, 'name', 'source');
    return Object.freeze({
      name: sourceName,
      title: text(item, 'title', `source '${sourceName}'`),
      paragraphs: Object.freeze(strings(item, 'paragraphs', `source '${sourceName}'`)),
    });
  });
  const inputs = array(root, 'inputs', 'root').map(input);
  const definitions = array(root, 'definitions', 'root').map(definition);
  const findings = array(root, 'findings', 'root').map(finding);
  const recs = recommendations(root);
  const inputIndex = new Map();
  inputs.forEach((in_, i) => { if (!inputIndex.has(in_.name)) inputIndex.set(in_.name, i); });
  return Object.freeze({
    name, title, version, authors, sources: Object.freeze(sources),
    inputs: deepFreeze(inputs), definitions: deepFreeze(definitions), findings: deepFreeze(findings),
    recommendations: deepFreeze(recs),
    explain: has(root, 'explain') ? root.explain : null,
    fhir: has(root, 'fhir') ? root.fhir : null,
    inputNames: Object.freeze(inputs.map((i) => i.name)),
    definitionNames: Object.freeze(definitions.map((d) => d.name)),
    findingNames: Object.freeze(findings.map((f) => f.name)),
    recommendationNames: Object.freeze(recs.map((r) => r.name)),
    inputIndex,
  });
}

/**
 * The index of `name` in `names`, or throws PathwayError('not_found',
 * "no WHAT named 'NAME' (did you mean 'X'?)") as Schema.cpp's findByName;
 * `what` is 'input', 'recommendation', 'finding', 'definition'...
 */
export function findByName(names, name, what) {
  const i = names.indexOf(name);
  if (i >= 0) return i;
  throw new PathwayError('not_found', cMessage(`no ${what} named ${quoted(name)}${didYouMean(name, names)}`));
}
