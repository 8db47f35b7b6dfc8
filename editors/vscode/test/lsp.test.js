// `pathwayc lsp` driven by a real LSP client: every request type on the PT
// pathway and on broken files, with exact ranges and texts.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { execFileSync } = require('child_process');
const { Client, rpc, pathwayc, positionOf, rangeOf, textOf, ptText, ptUri } = require('./client');

const BROKEN = `pathway p {
  title "T";
  version "1.0.0";
  source src "S" { S1.P1 }
}
enum Quality { dull, sharp }
input pain: int in 0..10;
input quality: Quality;
input unused_flag: bool;
finding f { label "F"; when pain > 11 and quality == shrap; cite S1.P1; }
recommendation r { label "R"; when f or painn > 2; category execution; urgency routine; rationale "x"; cite S1.P1; }
`;
const brokenUri = 'file:///tmp/broken.pw';

let client;
test.before(async () => {
  client = await Client.start();
  await client.open(ptUri, ptText);
});
test.after(async () => {
  assert.strictEqual(await client.stop(), 0);
});

const doc = (uri = ptUri) => ({ textDocument: { uri } });
const at = (needle, options) => ({ ...doc(), position: positionOf(ptText, needle, options) });

test('initialize: capabilities and server info', () => {
  const r = client.initializeResult;
  assert.strictEqual(r.serverInfo.name, 'pathwayc');
  const caps = r.capabilities;
  assert.strictEqual(caps.positionEncoding, 'utf-16');
  assert.deepStrictEqual(caps.textDocumentSync, { openClose: true, change: 2, save: { includeText: false } });
  for (const p of ['hoverProvider', 'definitionProvider', 'referencesProvider', 'documentHighlightProvider',
    'documentSymbolProvider', 'documentFormattingProvider']) {
    assert.strictEqual(caps[p], true, p);
  }
  assert.deepStrictEqual(caps.renameProvider, { prepareProvider: true });
  assert.deepStrictEqual(caps.codeActionProvider, { codeActionKinds: ['quickfix'] });
  assert.deepStrictEqual(caps.semanticTokensProvider.legend.tokenTypes,
    ['enum', 'enumMember', 'parameter', 'variable', 'event', 'function', 'type', 'namespace']);
});

test('diagnostics: the PT pathway is clean', () => {
  const published = client.diagnostics.get(ptUri);
  assert.deepStrictEqual(published[published.length - 1], { uri: ptUri, version: 1, diagnostics: [] });
});

test('diagnostics: kinds, ranges, severities and notes of a broken file', async () => {
  const published = await client.open(brokenUri, BROKEN);
  assert.strictEqual(published.version, 1);
  const note = (line, start, end, message) => ({
    location: { uri: brokenUri, range: { start: { line, character: start }, end: { line, character: end } } },
    message,
  });
  const d = (line, start, end, severity, code, message, relatedInformation) => {
    const out = { range: { start: { line, character: start }, end: { line, character: end } }, severity, code,
      source: 'pathwayc', message };
    if (relatedInformation) out.relatedInformation = relatedInformation;
    return out;
  };
  assert.deepStrictEqual(published.diagnostics, [
    { ...d(8, 6, 17, 2, 'unused-input', "input 'unused_flag' is never used"), tags: [1] },
    d(9, 35, 37, 1, 'literal-out-of-range', "11 is outside the range 0..10 of 'pain'",
      [note(6, 16, 24, "range of 'pain' declared here")]),
    d(9, 53, 58, 1, 'unknown-enum-label', "'shrap' is not a label of enum 'Quality'",
      [note(9, 53, 58, "did you mean 'sharp'?")]),
    d(10, 40, 45, 1, 'unknown-name', "use of undeclared name 'painn'", [note(10, 40, 45, "did you mean 'pain'?")]),
  ]);
});

test('diagnostics: a syntax error', async () => {
  const uri = 'file:///tmp/syntax.pw';
  const first = await client.open(uri, 'pathway p { title "T"; version "1.0.0"; }\ninput x: bool\n');
  assert.deepStrictEqual(first.diagnostics.map((x) => [x.code, x.range.start, x.message]), [
    ['syntax-error', { line: 2, character: 0 }, "unexpected end of file; expected ';', 'in' or a string"],
  ]);
});

test('diagnostics: lone CR and CRLF end lines as LF does', async () => {
  const uri = 'file:///tmp/line_ends.pw';
  const text = 'pathway p {\r  title "T";\r\n  version "1.0.0";\n}\rinput x: int\rinput y: bool;\r';
  const published = await client.open(uri, text);
  assert.deepStrictEqual(published.diagnostics.map((x) => [x.code, x.range.start]), [
    ['syntax-error', { line: 5, character: 0 }],
  ]);
});

test('hover: an input shows its declaration, description, type and range', async () => {
  const h = await client.request('textDocument/hover', at('pain_now', { occurrence: 1, offset: 3 }));
  assert.deepStrictEqual(h.range, rangeOf(ptText, 'pain_now', { occurrence: 1 }));
  assert.strictEqual(h.contents.kind, 'markdown');
  assert.strictEqual(h.contents.value,
    '```pathway\ninput pain_now: int in 0..10\n```\n\nAverage back or leg pain on the 0-10 numeric rating scale now\n' +
    '\n- type: an int\n- range: 0 to 10\n- unknown when missing from the patient\'s data');
});

test('hover: a quantity input shows its unit; an enum input its labels', async () => {
  const h = await client.request('textDocument/hover', at('pt_duration: weeks'));
  assert.match(h.contents.value, /\n- type: a quantity in weeks\n- unit: weeks \(time\)\n- range: 0 to 520\n/);
  const e = await client.request('textDocument/hover', at('pain_quality: PainQuality'));
  assert.match(e.contents.value, /\n- labels: dull_aching, sharp, electrical\n/);
});

test('hover: a constant shows its value and its comment', async () => {
  const h = await client.request('textDocument/hover', at('MIN_PT_DURATION', { occurrence: 1 }));
  assert.strictEqual(h.contents.value,
    '```pathway\nconst MIN_PT_DURATION = 6 weeks\n```\n\n- type: a quantity in weeks\n- value: 6\n\n---\n' +
    'Shortest PT trial that can be judged. The source says "several weeks"; muscle\n' +
    'strength adaptation needs about 6 weeks and most guidelines judge conservative\n' +
    'care after 6 weeks. Less than this = stopped too soon.\n');
});

test('hover: a definition shows its expression and type', async () => {
  const h = await client.request('textDocument/hover', at('pain_improvement', { occurrence: 1 }));
  assert.strictEqual(h.contents.value,
    '```pathway\ndefine pain_improvement = pain_at_pt_start - pain_now\n```\n\n- type: an int');
});

test('hover: a finding and a recommendation show label, condition and citations', async () => {
  const f = await client.request('textDocument/hover', at('finding pt_not_helping', { offset: 9 }));
  assert.strictEqual(f.contents.value, '```pathway\nfinding pt_not_helping\n```\n\n' +
    '**PT has not given meaningful pain relief**\n\n- when: `pain_improvement < MIN_PAIN_IMPROVEMENT`\n- cites: S0.P1');
  const r = await client.request('textDocument/hover', at('recommendation immediate_medical_evaluation', { offset: 16 }));
  assert.match(r.contents.value, /^```pathway\nrecommendation immediate_medical_evaluation\n```\n\n\*\*Immediate medical evaluation for red flags\*\*\n\n- when: `red_flags`\n- category: urgent\n- urgency: immediate\n- rationale: Unexplained weight loss/);
  assert.match(r.contents.value, /\n- supersedes: category execution, category intervention, assess_hips_feet, record_pt_delivery\n- cites: S2.P3$/);
});

test('hover: an enum label and a citation', async () => {
  const l = await client.request('textDocument/hover', at('in {sharp, electrical}', { offset: 4 }));
  assert.strictEqual(l.contents.value, '```pathway\nPainQuality.sharp\n```\n\nlabel 2 of 3 of enum `PainQuality`');
  const c = await client.request('textDocument/hover', at('cite S2.P3', { offset: 6 }));
  assert.strictEqual(c.contents.value,
    'paragraph **S2.P3** of source `clinical`: "Clinical source for the PT-failure pathway"');
  const cite = positionOf(ptText, 'cite S2.P3', { offset: 5 });
  assert.deepStrictEqual(c.range, { start: cite, end: { line: cite.line, character: cite.character + 5 } });
  assert.strictEqual(await client.request('textDocument/hover', at('// pt_failure.pw')), null);
});

test('definition: a use goes to its declaration; a citation to its paragraph', async () => {
  const d = await client.request('textDocument/definition', at('pain_improvement <'));
  assert.deepStrictEqual(d, { uri: ptUri, range: rangeOf(ptText, 'pain_improvement') });
  const label = await client.request('textDocument/definition', at('in {sharp, electrical}', { offset: 4 }));
  assert.deepStrictEqual(label.range, rangeOf(ptText, 'sharp', { occurrence: 0 }));
  assert.strictEqual(textOf(ptText, label.range), 'sharp');
  assert.ok(ptText.split('\n')[label.range.start.line].startsWith('enum PainQuality'));
  const cite = await client.request('textDocument/definition', at('cite S2.P3', { offset: 6 }));
  assert.deepStrictEqual(cite.range, rangeOf(ptText, 'S2.P3'));
  const supersedes = await client.request('textDocument/definition', at('category intervention, assess_hips_feet', { offset: 24 }));
  assert.deepStrictEqual(supersedes.range,
    { start: positionOf(ptText, 'assess_hips_feet {'), end: { ...positionOf(ptText, 'assess_hips_feet {'),
      character: positionOf(ptText, 'assess_hips_feet {').character + 'assess_hips_feet'.length } });
});

test('references and highlights: every use, with and without the declaration', async () => {
  const params = { ...at('MIN_ADHERENCE', { occurrence: 1 }), context: { includeDeclaration: true } };
  const refs = await client.request('textDocument/references', params);
  const expected = [];
  for (let i = 0; ; ++i) {
    try { expected.push(rangeOf(ptText, 'MIN_ADHERENCE', { occurrence: i })); } catch { break; }
  }
  // Comments mention it too; only code counts.
  const inCode = expected.filter((r) => !ptText.split('\n')[r.start.line].trimStart().startsWith('//'));
  assert.deepStrictEqual(refs.map((r) => r.range), inCode);
  assert.ok(refs.every((r) => r.uri === ptUri));
  const noDecl = await client.request('textDocument/references', { ...params, context: { includeDeclaration: false } });
  assert.deepStrictEqual(noDecl.map((r) => r.range), inCode.slice(1));
  const highlights = await client.request('textDocument/documentHighlight', params);
  assert.deepStrictEqual(highlights, inCode.map((range, i) => ({ range, kind: i === 0 ? 3 : 2 })));
});

test('references and highlights of a paragraph: its header entry and every citation', async () => {
  const header = positionOf(ptText, 'S1.P2');
  const refs = await client.request('textDocument/references', { ...at('S1.P2'), context: { includeDeclaration: true } });
  const cites = [];
  ptText.split('\n').forEach((l, line) => {
    const m = /^\s*cite (.*);/.exec(l);
    if (!m) return;
    for (const id of m[1].split(',').map((x) => x.trim())) {
      if (id === 'S1.P2') {
        const character = l.indexOf('S1.P2', l.indexOf('cite'));
        cites.push({ start: { line, character }, end: { line, character: character + 5 } });
      }
    }
  });
  assert.ok(cites.length >= 1);
  assert.deepStrictEqual(refs.map((r) => r.range), [{ start: header, end: { ...header, character: header.character + 5 } }, ...cites]);
  const fromCite = await client.request('textDocument/references', { textDocument: { uri: ptUri },
    position: cites[0].start, context: { includeDeclaration: false } });
  assert.deepStrictEqual(fromCite.map((r) => r.range), cites);
  const highlights = await client.request('textDocument/documentHighlight', { textDocument: { uri: ptUri }, position: cites[0].start });
  assert.deepStrictEqual(highlights.map((h) => h.kind), [3, ...cites.map(() => 2)]);
});

test('prepareRename and rename: every occurrence; collisions refused with a message', async () => {
  const p = await client.request('textDocument/prepareRename', at('SEVERE_PAIN', { occurrence: 1 }));
  assert.deepStrictEqual(p, { range: rangeOf(ptText, 'SEVERE_PAIN', { occurrence: 1 }), placeholder: 'SEVERE_PAIN' });
  assert.strictEqual(await client.request('textDocument/prepareRename', at('// pt_failure.pw')), null);
  const edit = await client.request('textDocument/rename', { ...at('SEVERE_PAIN = 7'), newName: 'HIGH_PAIN' });
  const edits = edit.changes[ptUri];
  assert.ok(edits.length >= 2);
  for (const e of edits) {
    assert.strictEqual(e.newText, 'HIGH_PAIN');
    assert.strictEqual(textOf(ptText, e.range), 'SEVERE_PAIN');
  }
  const refuse = async (newName, message) => {
    await assert.rejects(client.request('textDocument/rename', { ...at('SEVERE_PAIN = 7'), newName }),
      (e) => e.code === -32803 && e.message === message);
  };
  await refuse('pain_now', "cannot rename constant 'SEVERE_PAIN': 'pain_now' already names the input on line 63");
  await refuse('when', "cannot rename constant 'SEVERE_PAIN': 'when' is a reserved word");
  await refuse('9lives', "cannot rename constant 'SEVERE_PAIN': '9lives' is not a valid name");
  const largeLine = ptText.split('\n').findIndex((l) => l.includes('== large')) + 1;
  await refuse('large', `cannot rename constant 'SEVERE_PAIN': 'large' is used as an enum label (line ${largeLine}); a declaration of that name would hide it`);
  await assert.rejects(
    client.request('textDocument/rename', { ...at('in {sharp, electrical}', { offset: 4 }), newName: 'electrical' }),
    (e) => e.message === "cannot rename label 'sharp' of enum 'PainQuality': enum 'PainQuality' already has a label 'electrical' (line 45)");
  const label = await client.request('textDocument/rename', { ...at('in {sharp, electrical}', { offset: 4 }), newName: 'stabbing' });
  assert.deepStrictEqual(label.changes[ptUri].map((e) => textOf(ptText, e.range)), ['sharp', 'sharp']);
});

test('document symbols: the header, then a section per kind of declaration', async () => {
  const symbols = await client.request('textDocument/documentSymbol', doc());
  assert.deepStrictEqual(symbols.map((s) => [s.name, s.kind]), [['pathway pt_failure', 2], ['enums', 3], ['inputs', 3],
    ['code sets', 3], ['FHIR bindings', 3], ['constants', 3], ['definitions', 3], ['findings', 3], ['recommendations', 3], ['properties', 3]]);
  assert.deepStrictEqual(symbols[0].children.map((c) => c.name), ['clinical']);
  const enums = symbols[1].children;
  assert.deepStrictEqual(enums[0].name, 'PainQuality');
  assert.deepStrictEqual(enums[0].children.map((c) => c.name), ['dull_aching', 'sharp', 'electrical']);
  assert.deepStrictEqual(enums[0].selectionRange, rangeOf(ptText, 'PainQuality'));
  const inputs = symbols[2].children;
  assert.deepStrictEqual(inputs.find((c) => c.name === 'pain_now'), {
    name: 'pain_now', detail: 'int', kind: 8,
    range: { start: positionOf(ptText, 'input pain_now'), end: { line: positionOf(ptText, 'input pain_now').line,
      character: ptText.split('\n')[positionOf(ptText, 'input pain_now').line].length } },
    selectionRange: rangeOf(ptText, 'pain_now'),
  });
  const recs = symbols[8].children;
  assert.strictEqual(recs[0].name, 'immediate_medical_evaluation');
  assert.strictEqual(recs[0].kind, 12);
  assert.strictEqual(recs.length, (ptText.match(/^recommendation /gm) || []).length);
});

test('completion: enum labels after == and in {, units after a number, keywords, names', async () => {
  const uri = 'file:///tmp/complete.pw';
  const base = ptText + '\ndefine probe = pain_quality == ';
  await client.open(uri, ptText);  // names come from the last text that parsed
  const end = (text) => { const lines = text.split('\n'); return { line: lines.length - 1, character: lines[lines.length - 1].length }; };
  const complete = async (text, context) => {
    await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 },
      contentChanges: [{ text }] });
    const r = await client.request('textDocument/completion', { textDocument: { uri }, position: end(text), context });
    return r.items.map((i) => `${i.label}:${i.kind}`);
  };
  assert.deepStrictEqual(await complete(base, { triggerKind: 2, triggerCharacter: ' ' }),
    ['dull_aching:20', 'sharp:20', 'electrical:20']);
  assert.deepStrictEqual(await complete(ptText + '\ndefine probe = stenosis in {mild, '),
    ['none:20', 'mild:20', 'moderate:20', 'severe:20']);
  assert.deepStrictEqual(await complete(ptText + '\ndefine probe = DiscHerniation.'), ['none:20', 'small:20', 'large:20']);
  const units = await complete(ptText + '\ndefine probe = pt_duration > 6 ', { triggerKind: 2, triggerCharacter: ' ' });
  assert.ok(units.includes('weeks:11') && units.includes('mg/L:11') && units.includes('%:11'), units.join());
  assert.deepStrictEqual(await complete(ptText + '\nrecommendation x { category '),
    ['execution:12', 'urgent:12', 'reevaluation:12', 'imaging:12', 'labs:12', 'electrodiagnostics:12',
      'intervention:12', 'surgery:12']);
  assert.deepStrictEqual(await complete(ptText + '\nrecommendation x { urgency '),
    ['routine:12', 'soon:12', 'immediate:12']);
  const fields = await complete(ptText + '\nrecommendation x { label "y"; ');
  assert.deepStrictEqual(fields, ['label:14', 'when:14', 'category:14', 'urgency:14', 'rationale:14', 'cite:14',
    'supersedes:14', 'orders:14']);
  assert.deepStrictEqual(await complete(ptText + '\nproperty x { label "y"; '), ['label:14', 'assume:14', 'holds:14',
    'cite:14']);
  const top = await complete(ptText + '\n');
  assert.deepStrictEqual(top.slice(0, 6), ['enum:14', 'input:14', 'const:14', 'define:14', 'finding:14',
    'recommendation:14']);
  const names = await complete(ptText + '\ndefine probe = pain');
  assert.ok(names.includes('pain_now:5') && names.includes('pain_improvement:6') && names.includes('SEVERE_PAIN:21') &&
    names.includes('red_flags:23') && names.includes('and:14'), names.join());
  assert.ok(!names.includes('PainQuality:13') && !names.includes('mri_lumbar:3'));
  const known = await complete(ptText + '\ndefine probe = known(');
  assert.ok(known.includes('pain_now:5') && !known.includes('SEVERE_PAIN:21'));
  const superseded = await complete(ptText + '\nrecommendation x { supersedes mri_lumbar, ');
  assert.ok(superseded.includes('ct_spine:3') && !superseded.includes('pain_now:5'));
  const cites = await complete(ptText + '\nfinding x { cite S0.P1, ');
  assert.deepStrictEqual(cites.slice(0, 2), ['S0.P1:18', 'S1.P1:18']);
  const types = await complete(ptText + '\ninput probe: ');
  assert.ok(types.includes('bool:7') && types.includes('PainQuality:13') && types.includes('weeks:11'));
  assert.deepStrictEqual(await complete(ptText + '\n// a comment pain'), []);
  await client.notify('textDocument/didClose', { textDocument: { uri } });
});

test('formatting: one edit to the formatter\'s output; refused on syntax errors', async () => {
  const uri = 'file:///tmp/fmt.pw';
  const text = BROKEN.replace('input pain: int in 0..10;', 'input   pain :int in 0 .. 10 ;');
  await client.open(uri, text);
  const edits = await client.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  const expected = execFileSync(pathwayc, ['fmt', '-'], { input: text }).toString();
  assert.strictEqual(edits.length, 1);
  assert.strictEqual(edits[0].newText, expected);
  assert.deepStrictEqual(edits[0].range, { start: { line: 0, character: 0 }, end: { line: 11, character: 0 } });
  const clean = await client.request('textDocument/formatting', { textDocument: { uri: ptUri }, options: {} });
  assert.deepStrictEqual(clean, []);
  const broken = 'file:///tmp/fmt_broken.pw';
  await client.open(broken, 'pathway p {');
  await assert.rejects(client.request('textDocument/formatting', { textDocument: { uri: broken }, options: {} }),
    (e) => e.code === -32803 && e.message === 'the file has syntax errors; fix them to format it');
});

test('code actions: the did-you-mean fix-its as quick fixes', async () => {
  const range = rangeOf(BROKEN, 'shrap');
  const actions = await client.request('textDocument/codeAction', { textDocument: { uri: brokenUri }, range,
    context: { diagnostics: [] } });
  assert.strictEqual(actions.length, 1);
  assert.strictEqual(actions[0].title, "Change 'shrap' to 'sharp'");
  assert.strictEqual(actions[0].kind, 'quickfix');
  assert.strictEqual(actions[0].isPreferred, true);
  assert.deepStrictEqual(actions[0].edit, { changes: { [brokenUri]: [{ range, newText: 'sharp' }] } });
  assert.strictEqual(actions[0].diagnostics[0].code, 'unknown-enum-label');
  const whole = await client.request('textDocument/codeAction', { textDocument: { uri: brokenUri },
    range: { start: { line: 0, character: 0 }, end: { line: 12, character: 0 } }, context: { diagnostics: [] } });
  assert.deepStrictEqual(whole.map((a) => a.title), ["Change 'shrap' to 'sharp'", "Change 'painn' to 'pain'"]);
  const onlyRefactor = await client.request('textDocument/codeAction', { textDocument: { uri: brokenUri },
    range, context: { diagnostics: [], only: ['refactor'] } });
  assert.deepStrictEqual(onlyRefactor, []);
});

test('semantic tokens: names by what sema says they are', async () => {
  const r = await client.request('textDocument/semanticTokens/full', doc());
  const legend = client.initializeResult.capabilities.semanticTokensProvider.legend;
  const lines = ptText.split('\n');
  const tokens = [];
  let line = 0, character = 0;
  for (let i = 0; i < r.data.length; i += 5) {
    line += r.data[i];
    character = r.data[i] === 0 ? character + r.data[i + 1] : r.data[i + 1];
    const mods = legend.tokenModifiers.filter((_, b) => r.data[i + 4] & (1 << b));
    tokens.push({ line, text: lines[line].substr(character, r.data[i + 2]), type: legend.tokenTypes[r.data[i + 3]], mods });
  }
  const find = (l, text) => tokens.filter((t) => t.line === l && t.text === text).map((t) => [t.type, ...t.mods].join('.'));
  const pos = (needle) => positionOf(ptText, needle).line;
  assert.deepStrictEqual(find(pos('enum PainQuality'), 'PainQuality'), ['enum.declaration']);
  assert.deepStrictEqual(find(pos('enum PainQuality'), 'sharp'), ['enumMember.declaration.readonly']);
  assert.deepStrictEqual(find(pos('input pt_duration'), 'pt_duration'), ['parameter.declaration']);
  assert.deepStrictEqual(find(pos('input pt_duration'), 'weeks'), ['type']);
  assert.deepStrictEqual(find(pos('const MIN_PT_DURATION'), 'MIN_PT_DURATION'), ['variable.declaration.readonly']);
  assert.deepStrictEqual(find(pos('define pain_improvement'), 'pain_now'), ['parameter']);
  assert.deepStrictEqual(find(pos('pain_quality in {sharp'), 'sharp'), ['enumMember.readonly']);
  assert.deepStrictEqual(find(pos('finding pt_not_helping'), 'pt_not_helping'), ['event.declaration']);
  assert.deepStrictEqual(find(pos('recommendation address_adherence'), 'address_adherence'), ['function.declaration']);
  assert.deepStrictEqual(find(pos('source clinical'), 'clinical'), ['namespace.declaration']);
  assert.ok(tokens.length > 300, String(tokens.length));
});

test('UTF-16 and UTF-8 positions around non-ASCII text', async () => {
  const text = 'pathway p { title "T"; version "1.0.0"; }\ninput x: bool "fièvre 🤒"; define y = x;\n';
  const uri = 'file:///tmp/utf.pw';
  await client.open(uri, text);
  const h = await client.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 38 } });
  assert.deepStrictEqual(h.range, { start: { line: 1, character: 38 }, end: { line: 1, character: 39 } });
  const utf8 = await Client.start({ encodings: ['utf-8', 'utf-16'] });
  assert.strictEqual(utf8.initializeResult.capabilities.positionEncoding, 'utf-8');
  await utf8.open(uri, text);
  const h8 = await utf8.request('textDocument/hover', { textDocument: { uri }, position: { line: 1, character: 41 } });
  assert.deepStrictEqual(h8.range, { start: { line: 1, character: 41 }, end: { line: 1, character: 42 } });
  assert.strictEqual(await utf8.stop(), 0);
});

test('requests on a document that is not open, unknown methods and bad params are errors', async () => {
  await assert.rejects(client.request('textDocument/hover', { textDocument: { uri: 'file:///nope.pw' }, position: { line: 0, character: 0 } }),
    (e) => e.code === -32803 && e.message === 'document is not open: file:///nope.pw');
  await assert.rejects(client.request('textDocument/inlayHint', doc()), (e) => e.code === -32601);
  await assert.rejects(client.request('textDocument/hover', { textDocument: { uri: ptUri } }),
    (e) => e.code === -32602 && e.message.startsWith('invalid params'));
  await assert.rejects(client.request('textDocument/hover', { ...doc(), position: { line: -1, character: 0 } }),
    (e) => e.code === -32602 && e.message === 'a position has a negative line or character');
});

test('cancellation: a request cancelled while queued is answered RequestCancelled', async () => {
  // A large change keeps the server busy while the cancel arrives.
  const big = ptText + '\n' + Array.from({ length: 3000 }, (_, i) => `define extra_${i} = pain_now + ${i};`).join('\n');
  const uri = 'file:///tmp/cancel.pw';
  await client.open(uri, big);
  await client.notify('textDocument/didChange', { textDocument: { uri, version: 2 }, contentChanges: [{ text: big + '\n' }] });
  const slow = client.request('textDocument/semanticTokens/full', { textDocument: { uri } });
  const source = new rpc.CancellationTokenSource();
  const cancelled = client.request('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 0 } }, source.token);
  source.cancel();
  await slow;
  await assert.rejects(cancelled, (e) => e.code === -32800);
  await client.notify('textDocument/didClose', { textDocument: { uri } });
});

test('debounce: quick changes publish once, for the last version', async () => {
  const slow = await Client.start({ debounceMs: 1000 });
  const uri = 'file:///tmp/debounce.pw';
  await slow.open(uri, ptText);
  const last = slow.nextDiagnostics(uri, 6);
  for (let version = 2; version <= 6; ++version) {
    await slow.notify('textDocument/didChange', { textDocument: { uri, version },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }] });
  }
  const published = await last;
  assert.deepStrictEqual(slow.diagnostics.get(uri).map((p) => p.version), [1, 6]);
  assert.deepStrictEqual(published.diagnostics.map((d) => [d.code, d.range.start]),
    [['syntax-error', { line: 0, character: 0 }]]);
  // Saving publishes at once.
  const saved = slow.nextDiagnostics(uri, 6);
  await slow.notify('textDocument/didSave', { textDocument: { uri } });
  await saved;
  // Closing clears the file's diagnostics.
  const cleared = slow.nextDiagnostics(uri);
  await slow.notify('textDocument/didClose', { textDocument: { uri } });
  assert.deepStrictEqual((await cleared).diagnostics, []);
  assert.strictEqual(await slow.stop(), 0);
});

test('requests on broken files: sema errors keep names usable, syntax errors give empty answers', async () => {
  // Sema errors: the names that resolved still navigate.
  const def = await client.request('textDocument/definition', { textDocument: { uri: brokenUri },
    position: positionOf(BROKEN, 'pain >', {}) });
  assert.deepStrictEqual(def, { uri: brokenUri, range: rangeOf(BROKEN, 'pain') });
  const unresolved = await client.request('textDocument/hover', { textDocument: { uri: brokenUri },
    position: positionOf(BROKEN, 'painn') });
  assert.strictEqual(unresolved, null);
  const refs = await client.request('textDocument/references', { textDocument: { uri: brokenUri },
    position: positionOf(BROKEN, 'quality:'), context: { includeDeclaration: true } });
  assert.deepStrictEqual(refs.map((r) => r.range), [rangeOf(BROKEN, 'quality'), rangeOf(BROKEN, 'quality', { occurrence: 1 })]);
  // Syntax errors: no names are known for this text.
  const uri = 'file:///tmp/syntax_broken.pw';
  const text = ptText.replace('define pain_improvement = pain_at_pt_start - pain_now;', 'define pain_improvement = pain_at_pt_start -;');
  await client.open(uri, text);
  const position = positionOf(text, 'pain_now', { occurrence: 1 });
  for (const method of ['textDocument/hover', 'textDocument/definition', 'textDocument/references',
    'textDocument/documentHighlight', 'textDocument/prepareRename']) {
    assert.strictEqual(await client.request(method, { textDocument: { uri }, position, context: { includeDeclaration: true } }), null, method);
  }
  assert.deepStrictEqual(await client.request('textDocument/semanticTokens/full', { textDocument: { uri } }), { data: [] });
  await assert.rejects(client.request('textDocument/rename', { textDocument: { uri }, position, newName: 'x' }),
    (e) => e.code === -32803 && e.message === 'the file has syntax errors; fix them first');
  // The outline is empty until the file has parsed once.
  assert.deepStrictEqual(await client.request('textDocument/documentSymbol', { textDocument: { uri } }), []);
});
