// The review page: a patient form made from the pathway's schema, live
// results, explanations and the flowchart. Started by loader.js.
import { openPathway, unitsFor, convert } from './engine.js';

const $ = (id) => document.getElementById(id);
function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'class') e.className = v; else if (k === 'text') e.textContent = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v); else e.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}
const words = (name) => String(name).replace(/_/g, ' ');
const STATUS_TEXT = { fired: 'applies', not_fired: 'does not apply', undetermined: 'undetermined', superseded: 'superseded' };
const URGENCY_ORDER = ['immediate', 'soon', 'routine'];
const CATEGORY_TEXT = (c) => words(c).replace(/^./, (x) => x.toUpperCase());

let data, engine, input, fields = new Map(), selected = null, view = null;
const timings = { evaluations: [] };
window.PATHWAY_TIMINGS = timings;

export async function start() {
  data = window.PATHWAY_REVIEW;
  if (!data) throw new Error('review-data.js is missing or did not define window.PATHWAY_REVIEW');
  const bin = atob(data.wasmBase64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; ++i) bytes[i] = bin.charCodeAt(i);
  engine = await openPathway(bytes);
  input = engine.newInput();
  document.title = `Review: ${data.pathway.title || data.pathway.name}`;
  $('title').textContent = data.pathway.title || data.pathway.name;
  $('subtitle').textContent = `${data.pathway.name} ${data.pathway.version} · content hash ${data.pathway.contentHash}`;
  buildForm();
  buildTools();
  update();
  performance.mark('pw-first-result');
  timings.loadToFirstResult = performance.measure('pw-load', 'pw-start', 'pw-first-result').duration;
  timings.sinceNavigation = performance.now();
  document.body.dataset.ready = 'true';
  window.pathwayReview = { evaluateTimes, engineApi: engine.api, patientObject };
  loadFlowchart();
}

// The flowchart is a classic script of its own (flowchart.js, most of the
// page's bytes), loaded after the first result; a "Why?" chosen before it
// arrives is drawn when it does.
let flowchart = null, flowFocus = null;
function loadFlowchart() {
  const box = $('flowchart');
  if (!data.flowchartScript) {
    box.replaceChildren(el('p', { class: 'hint', text: 'This build of the review page has no flowchart (Graphviz was not installed when it was built).' }));
    document.body.dataset.flowchart = 'none';
    return;
  }
  box.replaceChildren(el('p', { class: 'hint', text: 'Loading the flowchart…' }));
  const script = el('script', { src: data.flowchartScript });
  script.addEventListener('load', () => {
    flowchart = window.PATHWAY_FLOWCHART || null;
    drawFlowchart(flowFocus);
    document.body.dataset.flowchart = flowchart ? 'ready' : 'none';
  });
  script.addEventListener('error', () => {
    box.replaceChildren(el('p', { class: 'hint', text: `The flowchart (${data.flowchartScript}) could not be loaded.` }));
    document.body.dataset.flowchart = 'none';
  });
  document.body.append(script);
}

// ---- the form ---------------------------------------------------------
function buildForm() {
  const form = $('form');
  form.addEventListener('submit', (e) => e.preventDefault());
  const byName = new Map(engine.inputs.map((x) => [x.name, x]));
  const groups = (data.groups && data.groups.length) ? data.groups : [{ title: 'Inputs', inputs: engine.inputs.map((x) => x.name) }];
  const placed = new Set(groups.flatMap((g) => g.inputs));
  const rest = engine.inputs.filter((x) => !placed.has(x.name)).map((x) => x.name);
  const all = rest.length ? [...groups, { title: 'Other inputs', inputs: rest }] : groups;
  all.forEach((g, gi) => {
    const fs = el('fieldset', { class: 'group' }, el('legend', { text: g.title }));
    for (const name of g.inputs) if (byName.has(name)) fs.append(field(byName.get(name)));
    form.append(fs);
  });
}

function rangeText(x) {
  const unit = x.unit ? ` ${x.unit}` : '';
  if (x.type === 'bool') return 'yes or no';
  if (x.type === 'enum') return `one of: ${(x.labels || x.values).map(words).join(', ')}`;
  const kind = x.type === 'int' ? 'whole number' : 'number';
  if (x.min !== undefined && x.max !== undefined) return `${kind} ${x.min}–${x.max}${unit}`;
  return `${kind}${unit}`;
}

function field(x) {
  const id = `in-${x.name}`;
  const f = { x, id };
  const desc = el('p', { class: 'desc', id: `${id}-desc`, text: x.description || '' });
  const range = el('p', { class: 'range', id: `${id}-range`, text: rangeText(x) });
  const error = el('p', { class: 'error', id: `${id}-error`, role: 'alert', hidden: true });
  const described = `${id}-desc ${id}-range ${id}-error`;
  const label = el('label', { for: id, class: 'name', text: words(x.name) });
  let control;
  if (x.type === 'bool' || x.type === 'enum') {
    const options = x.type === 'bool' ? [['true', 'yes'], ['false', 'no']] : (x.labels || x.values).map((l) => [l, words(l)]);
    control = el('select', { id, name: x.name, 'aria-describedby': described, onchange: () => changed(f) },
      el('option', { value: '', text: 'unknown' }), ...options.map(([v, t]) => el('option', { value: v, text: t })));
    f.read = () => (control.value === '' ? undefined : x.type === 'bool' ? control.value === 'true' : control.value);
    f.write = (v) => { control.value = v === undefined ? '' : String(v); };
    f.unknownControl = null;
  } else {
    control = el('input', { id, name: x.name, type: 'text', inputmode: x.type === 'int' ? 'numeric' : 'decimal',
      autocomplete: 'off', 'aria-describedby': described, class: 'number', oninput: () => { f.unknown.checked = control.value.trim() === ''; changed(f); } });
    const units = unitsFor(x);
    if (units.length > 1) {
      f.unitSelect = el('select', { id: `${id}-unit`, 'aria-label': `unit of ${words(x.name)}`, onchange: () => unitChanged(f) },
        ...units.map((u) => el('option', { value: u, text: u })));
      f.unitSelect.dataset.previous = x.unit;
    }
    f.unknown = el('input', { type: 'checkbox', id: `${id}-unknown`, checked: true,
      onchange: () => { if (f.unknown.checked) { control.value = ''; } else control.focus(); changed(f); } });
    f.read = () => {
      const t = control.value.trim();
      if (t === '') return undefined;
      const n = Number(t.replace(',', '.'));
      return Number.isNaN(n) ? t : n;
    };
    f.write = (v) => { control.value = v === undefined ? '' : String(v); f.unknown.checked = v === undefined; };
  }
  f.control = control;
  const controls = el('div', { class: 'controls' }, control,
    f.unitSelect || (x.unit ? el('span', { class: 'unit', text: x.unit }) : null),
    f.unknown ? el('label', { class: 'unknown', for: f.unknown.id }, f.unknown, ' unknown') : null);
  f.root = el('div', { class: 'field', id: `${id}-field`, 'data-input': x.name }, label, controls, desc, range, error);
  fields.set(x.name, f);
  return f.root;
}

function unit(f) { return f.unitSelect ? f.unitSelect.value : f.x.unit; }

function unitChanged(f) {
  // The number typed stays as typed: the unit says what it means.
  f.unitSelect.dataset.previous = f.unitSelect.value;
  changed(f);
}

function setError(f, message) {
  const e = $(`${f.id}-error`);
  e.hidden = !message;
  e.textContent = message || '';
  f.control.setAttribute('aria-invalid', message ? 'true' : 'false');
  f.root.classList.toggle('invalid', !!message);
}

// Gives the field's value to the runtime; false when the runtime refused it.
function apply(f) {
  const v = f.read();
  f.root.classList.toggle('is-unknown', v === undefined);
  try {
    if (v === undefined) input.clear(f.x.name);
    else if (typeof v === 'string' && f.x.type !== 'enum') throw new Error(`'${v}' is not a number`);
    else if (f.unitSelect && f.unitSelect.value !== f.x.unit) input.set(f.x.name, v, f.unitSelect.value);
    else input.set(f.x.name, v);
    setError(f, null);
    return true;
  } catch (error) {
    input.clear(f.x.name);
    setError(f, `${error.message} — left unknown until corrected`);
    return false;
  }
}

function changed(f) {
  apply(f);
  update();
}

// ---- patients: samples, load, save --------------------------------------
function buildTools() {
  const sample = $('sample');
  for (const p of data.patients || []) sample.append(el('option', { value: p.id, text: p.title || p.id }));
  sample.addEventListener('change', () => {
    const p = (data.patients || []).find((q) => q.id === sample.value);
    if (p) fillFrom(p.facts);
  });
  $('clear').addEventListener('click', () => fillFrom({}));
  $('load').addEventListener('change', async (e) => {
    const file = e.target.files[0];
    if (!file) return;
    const text = await file.text();
    e.target.value = '';
    let obj;
    try { obj = JSON.parse(text); } catch (error) { return loadError(`${file.name} is not JSON: ${error.message}`); }
    if (typeof obj !== 'object' || obj === null || Array.isArray(obj)) return loadError(`${file.name} is not a JSON object of the patient's facts`);
    fillFrom(obj, file.name);
  });
  $('save').addEventListener('click', () => {
    const blob = new Blob([JSON.stringify(patientObject(), null, 2) + '\n'], { type: 'application/json' });
    const a = el('a', { href: URL.createObjectURL(blob), download: 'patient.json' });
    document.body.append(a); a.click(); a.remove();
  });
  $('print').addEventListener('click', () => window.print());
  $('flow-all').addEventListener('click', () => { drawFlowchart(null); });
  $('flow-zoom').addEventListener('click', () => {
    const b = $('flow-zoom');
    b.setAttribute('aria-pressed', String(b.getAttribute('aria-pressed') !== 'true'));
    zoomFlowchart();
  });
  // A chart row reading an input links to #pw-in-NAME: go to that field.
  $('flowchart').addEventListener('click', (event) => {
    const a = event.target.closest('a');
    const href = a && (a.getAttribute('href') || a.getAttribute('xlink:href'));
    if (!href || !href.startsWith('#pw-in-')) return;
    event.preventDefault();
    const f = fields.get(href.slice('#pw-in-'.length));
    if (f) { f.root.scrollIntoView({ block: 'center' }); f.control.focus(); }
  });
}

function loadError(message) {
  const box = $('load-error');
  box.hidden = !message;
  box.textContent = message || '';
}

// The facts as a JSON object (quantities as typed when in the declared unit,
// else as {"value", "unit"}); unknown facts are left out.
function patientObject() {
  const out = {};
  for (const [name, f] of fields) {
    const v = f.read();
    if (v === undefined || f.root.classList.contains('invalid')) continue;
    out[name] = f.unitSelect && unit(f) !== f.x.unit ? +convert(v, unit(f), f.x.unit).toPrecision(12) : v;
  }
  return out;
}

function fillFrom(obj, source) {
  loadError(null);
  const unknownKeys = Object.keys(obj).filter((k) => !fields.has(k));
  for (const [name, f] of fields) {
    if (f.unitSelect) f.unitSelect.value = f.x.unit;
    let v = Object.prototype.hasOwnProperty.call(obj, name) ? obj[name] : undefined;
    if (v === null) v = undefined;
    if (v && typeof v === 'object' && 'value' in v) {
      if (f.unitSelect && v.unit && [...f.unitSelect.options].some((o) => o.value === v.unit)) f.unitSelect.value = v.unit;
      v = v.value;
    }
    f.write(v);
    if (f.control.tagName === 'SELECT' && v !== undefined && f.control.value !== String(v)) {
      // a value the menu lacks: tell the runtime, which says why
      input.clear(name);
      f.root.classList.remove('is-unknown');
      try { input.set(name, v); setError(f, null); } catch (error) { setError(f, `${error.message} — left unknown until corrected`); }
      continue;
    }
    apply(f);
  }
  if (unknownKeys.length) loadError(`${source || 'the patient'} has facts this pathway does not read: ${unknownKeys.join(', ')}`);
  update();
}

// ---- results ------------------------------------------------------------
function update() {
  const t0 = performance.now();
  view = engine.evaluate(input);
  timings.evaluations.push(performance.now() - t0);
  if (timings.evaluations.length > 1000) timings.evaluations.shift();
  drawResults();
  if (selected) explain(selected, false);
  colourFlowchart();
}

function evaluateTimes(n = 1000) {
  const t0 = performance.now();
  for (let i = 0; i < n; ++i) engine.evaluate(input).status(engine.recommendations[0].code);
  return (performance.now() - t0) / n;
}

function drawResults() {
  const box = $('recommendations');
  const recs = engine.recommendations;
  const counts = { fired: 0, undetermined: 0, superseded: 0, not_fired: 0 };
  const byCategory = new Map();
  for (const r of recs) {
    const s = view.status(r.code);
    counts[s] = (counts[s] || 0) + 1;
    if (!byCategory.has(r.category)) byCategory.set(r.category, []);
    byCategory.get(r.category).push(r);
  }
  const frag = document.createDocumentFragment();
  for (const [category, list] of byCategory) {
    const sec = el('section', { class: 'category' }, el('h3', { text: CATEGORY_TEXT(category) }));
    const sorted = [...list].sort((a, b) => URGENCY_ORDER.indexOf(a.urgency) - URGENCY_ORDER.indexOf(b.urgency));
    let lastUrgency = null, ul = null;
    for (const r of sorted) {
      if (r.urgency !== lastUrgency) {
        sec.append(el('h4', { class: `urgency u-${r.urgency}`, text: `${words(r.urgency)}` }));
        ul = el('ul', { class: 'recs' });
        sec.append(ul);
        lastUrgency = r.urgency;
      }
      ul.append(recItem(r));
      if (view.status(r.code) !== 'not_fired') { ul.dataset.some = 'true'; sec.dataset.some = 'true'; }
    }
    // printed: only the groups with something that applies or is undetermined
    for (const list of sec.querySelectorAll('ul.recs')) {
      if (!list.dataset.some) { list.classList.add('all-no'); list.previousElementSibling.classList.add('all-no'); }
    }
    if (!sec.dataset.some) sec.classList.add('all-no');
    frag.append(sec);
  }
  box.replaceChildren(frag);
  $('summary').textContent = `${counts.fired} apply, ${counts.undetermined} undetermined, ${counts.superseded} superseded, ${counts.not_fired} do not apply.`;
}

function recItem(r) {
  const s = view.status(r.code);
  const li = el('li', { class: `rec s-${s}${selected === r.code ? ' selected' : ''}`, 'data-code': r.code, 'data-status': s });
  li.append(el('div', { class: 'rec-head' },
    el('span', { class: `badge b-${s}`, text: STATUS_TEXT[s] || s }),
    el('span', { class: 'label', text: r.label || words(r.code) }),
    el('button', { type: 'button', class: 'why', 'aria-label': `Why: ${r.label || r.code}`, onclick: () => explain(r.code, true), text: 'Why?' })));
  if (s === 'fired' || s === 'undetermined' || s === 'superseded') {
    if (r.rationale) li.append(el('p', { class: 'rationale', text: r.rationale }));
  }
  if (s === 'superseded') {
    const by = view.supersededBy(r.code).map((c) => labelOf(c));
    li.append(el('p', { class: 'superseded', text: `Superseded by: ${by.join('; ')}` }));
  }
  if (s === 'undetermined') {
    const missing = view.missing(r.code);
    if (missing.length) {
      const p = el('p', { class: 'todo' }, 'To decide, record: ');
      missing.forEach((name, i) => {
        if (i) p.append(', ');
        p.append(el('a', { href: `#in-${name}`, class: 'record', 'data-input': name, text: words(name),
          onclick: (e) => { e.preventDefault(); focusField(name); } }));
      });
      li.append(p);
    }
  }
  if (r.citations && r.citations.length && s !== 'not_fired') {
    const p = el('p', { class: 'cites' }, 'Source: ');
    r.citations.forEach((c, i) => {
      if (i) p.append(' ');
      const text = (data.paragraphs || {})[c];
      const tipId = `tip-${r.code}-${i}`;
      const cite = el('span', { class: 'cite', tabindex: '0', 'aria-describedby': text ? tipId : null, text: c });
      p.append(el('span', { class: 'cite-wrap' }, cite, text ? el('span', { class: 'tip', role: 'tooltip', id: tipId, text }) : null));
    });
    li.append(p);
  }
  return li;
}

function labelOf(code) {
  const r = engine.recommendations.find((x) => x.code === code);
  return r ? (r.label || words(code)) : words(code);
}

function focusField(name) {
  const f = fields.get(name);
  if (!f) return;
  f.root.scrollIntoView({ block: 'center' });
  f.control.focus();
  f.root.classList.add('flash');
  setTimeout(() => f.root.classList.remove('flash'), 1500);
}

// ---- explanation -------------------------------------------------------
function explain(code, focus) {
  selected = code;
  for (const li of document.querySelectorAll('.rec')) li.classList.toggle('selected', li.dataset.code === code);
  $('explain-title').textContent = labelOf(code);
  const box = $('explanation');
  const tree = view.explain(code);
  const status = view.status(code);
  const parts = [el('p', { class: 'explain-status' }, 'Status: ', el('span', { class: `badge b-${status}`, text: STATUS_TEXT[status] }))];
  if (status === 'superseded') parts.push(el('p', { text: `Its own condition holds, but ${view.supersededBy(code).map(labelOf).join('; ')} supersedes it.` }));
  if (tree === null || tree === undefined) parts.push(el('p', { class: 'hint', text: 'This runtime gives no explanation tree.' }));
  else if (tree.error) parts.push(el('p', { class: 'error', text: tree.error }));
  else parts.push(el('ul', { class: 'tree', role: 'tree', 'aria-label': `condition of ${labelOf(code)}` }, treeNode(tree)));
  box.replaceChildren(...parts);
  if (focus) { drawFlowchart(code); $('explain-heading').scrollIntoView({ block: 'nearest' }); }
}

const VALUE_TEXT = { true: 'true', false: 'false', unknown: 'unknown', 1: 'true', 0: 'false', 2: 'unknown' };
function treeNode(n) {
  const value = VALUE_TEXT[String(n.value)] || String(n.value ?? '');
  const kids = n.children || n.args || n.nodes || [];
  const opText = n.op && n.op !== 'leaf' ? n.op.toUpperCase() : null;
  const title = n.name ? words(n.name) : (n.text || n.expr || n.label || '');
  const li = el('li', { role: 'treeitem', class: `node v-${value}`, 'aria-expanded': kids.length ? 'true' : null },
    el('span', { class: `val v-${value}`, text: value }), ' ',
    opText ? el('strong', { class: 'op', text: opText }) : null, opText && title ? ' ' : null,
    el('span', { class: 'expr', text: n.op === 'leaf' || !opText ? (n.text || title) : (n.name ? title : '') }));
  if (n.detail) li.append(el('span', { class: 'facts', text: ` (${n.detail})` }));
  const ins = n.inputs || [];
  if (ins.length) {
    const facts = ins.map((name) => {
      const f = fields.get(name);
      const v = f ? f.read() : undefined;
      const shown = v === undefined || (f && f.root.classList.contains('invalid')) ? 'unknown'
        : `${typeof v === 'boolean' ? (v ? 'yes' : 'no') : words(v)}${f && f.x.unit ? ' ' + unit(f) : ''}`;
      return `${words(name)} = ${shown}`;
    });
    li.append(el('span', { class: 'facts', text: ` (${facts.join('; ')})` }));
  }
  if (kids.length) li.append(el('ul', { role: 'group' }, ...kids.map(treeNode)));
  return li;
}

// ---- flowchart ---------------------------------------------------------
function drawFlowchart(code) {
  const box = $('flowchart');
  const fc = flowchart;
  flowFocus = code;
  if (!fc || !fc.svg) return;  // not loaded yet (or none: loadFlowchart says so)
  const svg = code && fc.subgraphs && fc.subgraphs[code] ? fc.subgraphs[code] : fc.svg;
  box.innerHTML = svg;
  $('flow-mode').textContent = code && fc.subgraphs && fc.subgraphs[code] ? `— only the condition of “${labelOf(code)}”` : '— the whole pathway';
  $('flow-all').hidden = !(code && fc.subgraphs && fc.subgraphs[code]);
  const s = box.querySelector('svg');
  if (s) {
    s.setAttribute('role', 'img');
    s.setAttribute('aria-label', 'flowchart of the pathway, coloured by this patient\'s values');
    // Fitted to the column by default; "Actual size" gives dot's size, scrolled in its box.
    s.dataset.width = s.getAttribute('width') || '';
    s.removeAttribute('width'); s.removeAttribute('height');
    zoomFlowchart();
  }
  colourFlowchart();
}

function zoomFlowchart() {
  const actual = $('flow-zoom').getAttribute('aria-pressed') === 'true';
  $('flow-zoom').textContent = actual ? 'Fit to width' : 'Actual size';
  $('flowchart').classList.toggle('actual', actual);
  const s = $('flowchart').querySelector('svg');
  if (s) s.style.width = actual && s.dataset.width ? s.dataset.width : '';
}

function nodeState(name) {
  if (engine.recommendations.some((r) => r.code === name)) {
    const s = view.status(name);
    return s === 'fired' ? 'fired' : s === 'undetermined' ? 'undetermined' : 'not-fired';
  }
  const t = view.node(name);
  if (t === undefined) {
    const f = fields.get(name);
    if (f) return f.read() === undefined ? 'undetermined' : 'fired';
    return null;
  }
  return t === 'true' ? 'fired' : t === 'false' ? 'not-fired' : 'undetermined';
}

function colourFlowchart() {
  const box = $('flowchart');
  if (!view) return;
  const states = new Map();
  for (const g of box.querySelectorAll('[id^="pw-node-"]')) {
    const name = g.id.slice('pw-node-'.length);
    const s = nodeState(name);
    states.set(name, s);
    g.classList.remove('pw-fired', 'pw-not-fired', 'pw-undetermined');
    if (s) g.classList.add(`pw-${s}`);
  }
  // Rows are ids a_pw-row-BOX-K around a link to their (first) input.
  for (const g of box.querySelectorAll('[id^="a_pw-row-"]')) {
    const a = g.querySelector('a');
    const href = a && (a.getAttribute('href') || a.getAttribute('xlink:href'));
    const f = href && href.startsWith('#pw-in-') ? fields.get(href.slice('#pw-in-'.length)) : undefined;
    g.classList.toggle('pw-row-unknown', !!f && f.read() === undefined);
  }
  for (const g of box.querySelectorAll('[id^="pw-edge-"]')) {
    const [from] = g.id.slice('pw-edge-'.length).split('--');
    const s = states.has(from) ? states.get(from) : nodeState(from);
    g.classList.remove('pw-fired', 'pw-not-fired', 'pw-undetermined');
    if (s) g.classList.add(`pw-${s}`);
  }
}
