// The page's view of the JS runtime. It uses runtime/index.js
// (loadPathway, the public API) when the page has it; otherwise it builds the
// few calls the page needs on runtime/module.js (the wasm layer) and the
// module's metadata, with the C runtime's rules for statuses, missing inputs
// and superseded recommendations (pathway/abi.h, runtime/src/Result.h).
const UNITS = [
  ['days', 'time', 1], ['weeks', 'time', 7], ['months', 'time', 365.2425 / 12], ['years', 'time', 365.2425],
  ['%', 'percent', 1], ['mm/h', 'rate', 1], ['mg/L', 'concentration', 1], ['mg/dL', 'concentration', 10],
  ['g/L', 'concentration', 1000],
];
const TRI = ['false', 'true', 'unknown'];

/** The units a quantity of `dimension` may be entered in (declared unit first). */
export function unitsFor(input) {
  if (input.type !== 'quantity') return [];
  const all = input.dimension ? UNITS.filter((u) => u[1] === input.dimension).map((u) => u[0]) : [];
  return [input.unit, ...all.filter((u) => u !== input.unit)];
}
function factor(unit) {
  const u = UNITS.find((x) => x[0] === unit);
  return u ? u[2] : null;
}
/** `value` in unit `from` as a value in unit `to` (same dimension). */
export function convert(value, from, to) {
  const a = factor(from), b = factor(to);
  return a === null || b === null || a === b ? value : value * a / b;
}

class EngineError extends Error {
  constructor(status, message) { super(message); this.status = status; }
}

function moduleUrl(name) { return window.PATHWAY_MODULE_URL(name); }

async function tryImport(name) {
  const url = moduleUrl(name);
  if (url === null) return null;
  try { return await import(url); } catch (error) {
    if (window.PATHWAY_MODULES) throw error; // present but broken: say so
    return null;                              // a static server without it
  }
}

/**
 * Opens the pathway: {api: 'runtime' | 'module', inputs, recommendations,
 * findings, definitions, newInput(), evaluate(input) -> view}. A view has
 * status(code) ('fired'|'not_fired'|'undetermined'|'superseded'),
 * missing(code), supersededBy(code), node(name) (a finding's or definition's
 * three-valued value) and explain(code) (a tree, or null).
 */
export async function openPathway(bytes) {
  const runtime = await tryImport('runtime/index.js');
  if (runtime && typeof runtime.loadPathway === 'function') return fromRuntime(runtime, bytes);
  const module = await tryImport('runtime/module.js');
  if (!module) throw new EngineError('load', 'the page has neither runtime/index.js nor runtime/module.js');
  return fromModule(await module.instantiate(bytes));
}

async function fromRuntime(runtime, bytes) {
  const pathway = await runtime.loadPathway(bytes);
  // the page's shapes: code, labels and citations as paragraph ids
  const recs = pathway.recommendations.map((r) => ({
    ...r, code: r.code ?? r.name,
    citations: (r.citations || []).map((c) => (typeof c === 'string' ? c : c.paragraph)),
  }));
  const inputs = pathway.inputs.map((x) => ({ ...x, labels: x.labels ?? x.values }));
  return {
    api: 'runtime', pathway,
    inputs, recommendations: recs,
    newInput: () => pathway.input(),
    evaluate(input) {
      const result = pathway.evaluate(input, { explain: true });
      const findings = typeof result.findings === 'function' ? result.findings() : {};
      const definitions = typeof result.definitions === 'function' ? result.definitions() : {};
      return {
        status: (code) => result.status(code),
        missing: (code) => result.missing(code),
        supersededBy: (code) => result.supersededBy(code),
        node: (name) => triOf(findings, name) ?? triOf(definitions, name),
        explain(code) {
          try { return result.explain(code, 'json'); } catch (error) { return { error: error.message }; }
        },
      };
    },
  };
}
function triOf(table, name) {
  if (!table) return undefined;
  const v = table instanceof Map ? table.get(name) : table[name];
  if (v === undefined) return undefined;
  if (typeof v === 'object' && v !== null) return String(v.value ?? v.state ?? v.status);
  return String(v);
}

function fromModule(m) {
  const meta = JSON.parse(m.metadataText);
  const inputs = meta.inputs.map((x, index) => ({ ...x, index, values: x.labels }));
  const recs = meta.recommendations.map((r, index) => ({
    ...r, index, code: r.name, citations: (r.citations || []).map((c) => c.paragraph), supersededBy: [],
  }));
  const recIndex = new Map(recs.map((r) => [r.code, r.index]));
  recs.forEach((r) => (r.supersedes || []).forEach((o) => recs[recIndex.get(o)].supersededBy.push(r.index)));
  const inputIndex = new Map(inputs.map((x) => [x.name, x.index]));
  const nRec = recs.length, nFind = meta.findings.length;
  const slotOf = new Map();
  meta.findings.forEach((f, i) => slotOf.set(f.name, 2 * nRec + i));
  meta.definitions.forEach((d, i) => slotOf.set(d.name, 2 * nRec + nFind + i));
  const explain = meta.explain || null;

  function newInput() {
    const values = new Float64Array(inputs.length), known = new Uint8Array(inputs.length);
    const find = (name) => {
      if (!inputIndex.has(name)) throw new EngineError('not_found', `no input named '${name}'`);
      return inputs[inputIndex.get(name)];
    };
    return {
      values, known,
      set(name, value, unit) {
        const x = find(name);
        let v;
        if (x.type === 'bool') {
          if (typeof value !== 'boolean') throw new EngineError('type', `input '${name}' is a bool; give true or false`);
          v = value ? 1 : 0;
        } else if (x.type === 'enum') {
          v = x.labels.indexOf(value);
          if (v < 0) throw new EngineError('type', `input '${name}' has no member '${value}' (members: ${x.labels.join(', ')})`);
        } else {
          if (typeof value !== 'number' || !Number.isFinite(value)) throw new EngineError('type', `input '${name}' is a number; '${value}' is not`);
          if (x.type === 'int' && !Number.isInteger(value)) throw new EngineError('type', `input '${name}' is an integer; ${value} is not`);
          v = unit && unit !== x.unit ? convert(value, unit, x.unit) : value;
          if ((x.min !== undefined && v < x.min) || (x.max !== undefined && v > x.max)) {
            const shown = unit && unit !== x.unit ? `${value} ${unit} (${+v.toFixed(3)} ${x.unit})` : `${value}${x.unit ? ' ' + x.unit : ''}`;
            throw new EngineError('range', `input '${name}' is ${shown}, outside its range [${x.min}, ${x.max}]`);
          }
        }
        values[x.index] = v; known[x.index] = 1;
      },
      clear(name) { const x = find(name); values[x.index] = 0; known[x.index] = 0; },
      clearAll() { values.fill(0); known.fill(0); },
      isKnown(name) { return known[find(name).index] === 1; },
    };
  }

  function evaluate(input) {
    const out = m.evaluate(input.values, input.known, { masks: true, trace: true });
    const tri = (slot) => TRI[out.state[slot]] || 'unknown';
    const base = (i) => tri(i); // after supersedes
    const condition = (i) => tri(nRec + i);
    const supersededBy = (i) => (condition(i) === 'false' ? [] : recs[i].supersededBy.filter((o) => base(o) === 'true'));
    const statusOf = (i) => {
      const s = base(i);
      if (s === 'true') return 'fired';
      if (supersededBy(i).length > 0) return 'superseded';
      return s === 'false' ? 'not_fired' : 'undetermined';
    };
    const idx = (code) => {
      if (!recIndex.has(code)) throw new EngineError('not_found', `no recommendation named '${code}'`);
      return recIndex.get(code);
    };
    return {
      status: (code) => statusOf(idx(code)),
      supersededBy: (code) => supersededBy(idx(code)).map((o) => recs[o].code),
      missing(code) {
        const i = idx(code);
        if (base(i) !== 'unknown') return [];
        const names = [];
        for (let w = 0; w < m.maskWords; ++w) {
          let bits = out.missing[i * m.maskWords + w];
          for (let b = 0n; bits !== 0n; ++b, bits >>= 1n) {
            if (bits & 1n) { const k = w * 64 + Number(b); if (k < inputs.length) names.push(inputs[k].name); }
          }
        }
        return names;
      },
      node: (name) => (slotOf.has(name) ? tri(slotOf.get(name)) : undefined),
      explain(code) {
        if (!explain) return null;
        const build = (k) => {
          const n = explain.nodes[k];
          return {
            op: n.op, text: n.text, name: n.name, value: TRI[out.trace[k]] || 'unknown',
            inputs: (n.inputs || []).map((j) => inputs[j].name),
            children: (n.args || []).map(build),
          };
        };
        return build(explain.conditions[idx(code)]);
      },
    };
  }
  return { api: 'module', inputs, recommendations: recs, newInput, evaluate };
}
