// Explanations, as pw_result_explain writes them (common/explain/Explain.cpp,
// runtime/src/ApiExplain.cpp): the condition of a recommendation as a tree
// with the three-valued value of every node and the input values behind each
// leaf, the superseders that applied, the missing inputs and the citations.
// Text and JSON are the C runtime's, byte for byte.
import { PathwayError } from './errors.js';
import { formatNumber } from './format.js';

const TRI = ['false', 'true', 'unknown'];
export const MAX_TREE_DEPTH = 200; // kMaxTreeDepth

/** The explain graph of the metadata, checked as explain::parseGraph checks it. */
export function parseGraph(json, inputs, recommendations) {
  const fail = (message) => { throw new PathwayError('corrupt', `metadata ${message}`); };
  if (json === null || typeof json !== 'object' || Array.isArray(json)) fail('the explain graph is not an object');
  if (!Array.isArray(json.nodes) || !Array.isArray(json.conditions)) {
    fail('the explain graph needs "nodes" and "conditions" arrays');
  }
  const isIndex = (v, limit) => Number.isInteger(v) && v >= 0 && v < limit;
  const nodes = json.nodes.map((j, index) => {
    const bad = (what) => fail(`explain graph node ${index}: ${what}`);
    if (j === null || typeof j !== 'object' || Array.isArray(j)) bad('not an object');
    if (typeof j.op !== 'string') bad('no "op"');
    if (!['and', 'or', 'not', 'leaf'].includes(j.op)) bad('unknown op');
    const node = { kind: j.op, args: [], text: '', inputs: [], name: '' };
    if (j.op === 'leaf') {
      if (typeof j.text !== 'string') bad('a leaf needs a "text"');
      node.text = j.text;
      if (!Array.isArray(j.inputs) || !j.inputs.every((v) => isIndex(v, inputs))) bad('bad "inputs"');
      node.inputs = j.inputs;
    } else {
      if (!Array.isArray(j.args) || !j.args.every((v) => isIndex(v, index))) bad('bad "args"');
      node.args = j.args;
      if (j.op === 'not' ? node.args.length !== 1 : node.args.length < 2) bad('wrong number of operands');
    }
    if (j.name !== undefined) {
      if (typeof j.name !== 'string' || j.name === '') bad('bad "name"');
      node.name = j.name;
    }
    return node;
  });
  if (!json.conditions.every((c) => isIndex(c, nodes.length))) fail('an explain graph condition is not a node index');
  if (json.conditions.length !== recommendations) {
    fail(`the explain graph has ${json.conditions.length} conditions for ${recommendations} recommendations`);
  }
  return { nodes, conditions: json.conditions };
}

/** An input's value as explanations show it (explain::valueText plus "unknown"). */
export function valueText(input, known, value) {
  if (!known) return 'unknown';
  switch (input.type) {
    case 'bool': return value !== 0 ? 'true' : 'false';
    case 'enum': {
      const label = Math.trunc(value);
      if (value >= 0 && label < input.labels.length) return input.labels[label];
      return formatNumber(value);
    }
    case 'quantity':
      return input.unit === '%' ? `${formatNumber(value)}%` : `${formatNumber(value)} ${input.unit}`;
    default: return formatNumber(value);
  }
}

// The tree of one condition (explain's TreeBuilder).
function buildTree(ev, graph, id, depth, expanded) {
  const n = graph.nodes[id];
  const out = { text: '', value: TRI[ev.node(id)], detail: '', children: [] };
  const named = n.name !== '';
  if (named) {
    out.text = n.name;
    if (expanded[id]) {
      out.detail = 'explained above';
      return out;
    }
    expanded[id] = true;
  }
  if (n.kind === 'leaf') {
    const detail = n.inputs.map((i) => `${ev.inputName(i)} = ${ev.inputValue(i)}`).join(', ');
    const leaf = { text: n.text, value: out.value, detail, children: [] };
    if (!named) return leaf;
    out.children.push(leaf);
    return out;
  }
  const logic = { text: n.kind, value: out.value, detail: '', children: [] };
  if (depth >= MAX_TREE_DEPTH) {
    logic.detail = 'deeper operands not shown';
  } else {
    for (const a of operands(graph, n)) logic.children.push(buildTree(ev, graph, a, depth + 1, expanded));
  }
  if (!named) return logic;
  out.children.push(logic);
  return out;
}

// Operands with chains of the same unnamed operator flattened.
function operands(graph, n) {
  const out = [];
  const work = [...n.args].reverse();
  while (work.length) {
    const a = work.pop();
    const child = graph.nodes[a];
    if (n.kind !== 'not' && child.kind === n.kind && child.name === '') {
      for (let i = child.args.length - 1; i >= 0; --i) work.push(child.args[i]);
    } else {
      out.push(a);
    }
  }
  return out;
}

/**
 * The explanation of recommendation `r` of an evaluation `ev`, which gives:
 * graph, recommendation(i) {code,label,category,urgency,citations,supersededByIndices},
 * status(i) ('fire'|'no'|'undetermined'), node(graphNode) (0/1/2), missing(i) (input indices),
 * inputName(i), inputValue(i).
 */
export function explainOne(ev, r) {
  const rec = ev.recommendation(r);
  const e = {
    index: r, status: ev.status(r),
    condition: buildTree(ev, ev.graph, ev.graph.conditions[r], 0, new Array(ev.graph.nodes.length).fill(false)),
    supersededBy: [], undecidedSuperseders: [], missing: [],
  };
  for (const s of [...rec.supersededByIndices].sort((a, b) => a - b)) {
    const st = ev.status(s);
    if (st === 'fire') e.supersededBy.push(ev.recommendation(s).code);
    if (st === 'undetermined') e.undecidedSuperseders.push(ev.recommendation(s).code);
  }
  if (e.status === 'undetermined') e.missing = ev.missing(r).map((i) => ev.inputName(i));
  return e;
}

/** The recommendations worth explaining (explain::explained). */
export function explained(ev, all) {
  const out = [];
  for (let r = 0; r < ev.recommendationCount; ++r) {
    const holds = ev.node(ev.graph.conditions[r]) !== 0;
    if (all || ev.status(r) !== 'no' || holds) out.push(r);
  }
  return out;
}

function renderTree(lines, node, depth) {
  let line = `${' '.repeat(depth * 2)}${node.text} = ${node.value}`;
  if (node.detail !== '') line += `   [${node.detail}]`;
  lines.push(line);
  for (const child of node.children) renderTree(lines, child, depth + 1);
}

export function explanationText(ev, e) {
  const rec = ev.recommendation(e.index);
  const cites = rec.citations.map((c) => `${c.source}:${c.paragraph}`).join(', ');
  const lines = [`${rec.code} [${e.status}] ${rec.category}: ${rec.label} (${rec.urgency}, ${cites})`, '  condition:'];
  renderTree(lines, e.condition, 2);
  if (e.supersededBy.length) lines.push(`  superseded by: ${e.supersededBy.join(', ')}`);
  if (e.undecidedSuperseders.length) lines.push(`  undecided superseders: ${e.undecidedSuperseders.join(', ')}`);
  if (e.missing.length) lines.push(`  missing: ${e.missing.join(', ')}`);
  return `${lines.join('\n')}\n`;
}

function treeJson(node) {
  const j = { text: node.text, value: node.value };
  if (node.detail !== '') j.detail = node.detail;
  if (node.children.length) j.children = node.children.map(treeJson);
  return j;
}

export function explanationJson(ev, e) {
  const rec = ev.recommendation(e.index);
  return {
    code: rec.code, status: e.status, category: rec.category, urgency: rec.urgency,
    citations: rec.citations.map((c) => c.paragraph), condition: treeJson(e.condition),
    superseded_by: e.supersededBy, undecided_superseders: e.undecidedSuperseders, missing: e.missing,
  };
}

export function allText(ev) {
  return explained(ev, false).map((r) => `${explanationText(ev, explainOne(ev, r))}\n`).join('');
}

export function allJson(ev, name, version) {
  return { pathway: name, version, recommendations: explained(ev, false).map((r) => explanationJson(ev, explainOne(ev, r))) };
}
