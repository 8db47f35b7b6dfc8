// 1,000 random edits (inserts, deletes and replacements anywhere, mid-token
// included) with requests in between: the server never crashes or answers
// with anything but a result or RequestFailed, and its final diagnostics
// are exactly `pathwayc check`'s for the final text.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { execFileSync } = require('child_process');
const { Client, pathwayc, ptText } = require('./client');

// A small seeded generator (mulberry32), so a failure can be replayed.
function random(seed) {
  return () => {
    seed |= 0; seed = (seed + 0x6D2B79F5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SNIPPETS = ['a', 'x', '_', '1', '6 weeks', '%', ' ', '\n', ';', ',', '{', '}', '(', ')', '"', '//', '/*', '*/',
  '.', ':', '==', '!=', ' and ', ' or ', 'not ', ' in {', 'known(', 'input ', 'define q = ', 'finding ',
  'recommendation ', 'cite S1.P1;', 'pain_now', 'PainQuality.sharp', 'sharp', 'when ', 'label "z";', '0..10',
  'mm/h', '-', '*', '/', '..', '\\', 'é'];

function positionAt(text, offset) {
  const before = text.slice(0, offset);
  const line = before.split('\n').length - 1;
  return { line, character: offset - (before.lastIndexOf('\n') + 1) };
}

// `pathwayc check --error-format=json` in the LSP's shape (0-based lines,
// UTF-16 columns; the edits keep to the BMP, where the JSON's byte columns
// are converted through the text of the line).
function checkDiagnostics(text) {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'pw-lsp-')), 'random.pw');
  fs.writeFileSync(file, text);
  let stderr;
  try {
    execFileSync(pathwayc, ['check', '--error-format=json', file], { stdio: ['ignore', 'ignore', 'pipe'] });
    stderr = '[]';
  } catch (e) {
    stderr = e.stderr.toString();
  }
  const lines = text.split('\n');
  const col = (line, byteColumn) => Buffer.from(lines[line - 1] || '', 'utf8').subarray(0, byteColumn - 1).toString('utf8').length;
  const range = (j) => (j.line === undefined ? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } : {
    start: { line: j.line - 1, character: col(j.line, j.column) },
    end: { line: j.endLine - 1, character: col(j.endLine, j.endColumn) } });
  return JSON.parse(stderr).map((d) => {
    let message = d.message;
    const related = [];
    for (const n of d.notes) {
      if (n.line === undefined) message += '\n' + n.message;
      else related.push({ range: range(n), message: n.message });
    }
    return { range: range(d), severity: d.severity === 'error' ? 1 : 2, code: d.kind, message, related };
  });
}

test('1,000 random edits: no crash, and the final diagnostics are pathwayc check\'s', async () => {
  const seed = Number(process.env.PATHWAY_LSP_SEED || 20261202);
  const rand = random(seed);
  const pick = (n) => Math.floor(rand() * n);
  const client = await Client.start({ debounceMs: 5 });
  const uri = 'file:///tmp/random_edits.pw';
  let text = ptText;
  await client.open(uri, text);
  const unexpected = [];
  const tryRequest = async (method, params) => {
    try {
      await client.request(method, params);
    } catch (e) {
      if (e.code !== -32803) unexpected.push(`${method}: ${e.code} ${e.message}`);
    }
  };
  const EDITS = 1000;
  const final = client.nextDiagnostics(uri, EDITS + 1);
  for (let version = 2; version <= EDITS + 1; ++version) {
    const begin = pick(text.length + 1);
    const kind = pick(3);
    const end = kind === 0 ? begin : Math.min(text.length, begin + 1 + pick(kind === 1 ? 20 : 6));
    const insert = kind === 1 ? '' : SNIPPETS[pick(SNIPPETS.length)];
    const range = { start: positionAt(text, begin), end: positionAt(text, end) };
    text = text.slice(0, begin) + insert + text.slice(end);
    await client.notify('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ range, text: insert }] });
    if (version % 25 === 0) {
      const position = positionAt(text, pick(text.length + 1));
      const doc = { textDocument: { uri } };
      await tryRequest('textDocument/hover', { ...doc, position });
      await tryRequest('textDocument/completion', { ...doc, position });
      await tryRequest('textDocument/definition', { ...doc, position });
      await tryRequest('textDocument/references', { ...doc, position, context: { includeDeclaration: true } });
      await tryRequest('textDocument/documentHighlight', { ...doc, position });
      await tryRequest('textDocument/prepareRename', { ...doc, position });
      await tryRequest('textDocument/rename', { ...doc, position, newName: 'renamed_' + version });
      await tryRequest('textDocument/documentSymbol', doc);
      await tryRequest('textDocument/semanticTokens/full', doc);
      await tryRequest('textDocument/formatting', { ...doc, options: { tabSize: 2, insertSpaces: true } });
      await tryRequest('textDocument/codeAction', { ...doc, range: { start: position, end: position }, context: { diagnostics: [] } });
    }
  }
  const published = await final;
  assert.deepStrictEqual(unexpected, []);
  if (process.env.PATHWAY_LSP_VERBOSE) console.log(published.diagnostics.length, client.diagnostics.get(uri).length);
  const got = published.diagnostics.map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message,
    related: (d.relatedInformation || []).map((r) => ({ range: r.location.range, message: r.message })) }));
  assert.deepStrictEqual(got, checkDiagnostics(text), `seed ${seed}`);
  // Debouncing: far fewer publications than edits.
  assert.ok(client.diagnostics.get(uri).length < EDITS, String(client.diagnostics.get(uri).length));
  assert.strictEqual(await client.stop(), 0);
});
