// The TextMate grammar tokenizes Pathway as expected: pinned tokens on a
// file of every construct, and the whole PT pathway with no keyword,
// number or unit left unscoped.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const vsctm = require('vscode-textmate');
const oniguruma = require('vscode-oniguruma');

const root = path.resolve(__dirname, '../../..');
const wasm = fs.readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));

async function loadGrammar() {
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new vsctm.Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (sources) => new oniguruma.OnigScanner(sources),
      createOnigString: (s) => new oniguruma.OnigString(s),
    }),
    loadGrammar: async () => {
      const file = path.join(__dirname, '../syntaxes/pathway.tmLanguage.json');
      return vsctm.parseRawGrammar(fs.readFileSync(file, 'utf8'), file);
    },
  });
  return registry.loadGrammar('source.pathway');
}

// [{text, scope}] for each line: the innermost scope of each token.
function tokenize(grammar, text) {
  let state = vsctm.INITIAL;
  return text.split('\n').map((line) => {
    const r = grammar.tokenizeLine(line, state);
    state = r.ruleStack;
    return r.tokens.map((t) => ({ text: line.slice(t.startIndex, t.endIndex), scope: t.scopes[t.scopes.length - 1] }))
      .filter((t) => t.text.trim() !== '');
  });
}

const grammarPromise = loadGrammar();

test('every construct is tokenized with its scope', async () => {
  const grammar = await grammarPromise;
  const source = fs.readFileSync(path.join(root, 'tests/files/ast/all_constructs.pw'), 'utf8');
  const lines = tokenize(grammar, source);
  const at = (n) => lines[n - 1].map((t) => `${t.text}|${t.scope}`);
  assert.deepStrictEqual(at(1), ['/*|punctuation.definition.comment.pathway',
    ' Every construct of the language once, for the AST dump. |comment.block.pathway',
    '*/|punctuation.definition.comment.pathway']);
  assert.deepStrictEqual(at(2), ['pathway|storage.type.pathway.pathway', 'all|entity.name.namespace.pathway',
    '{|punctuation.section.block.begin.pathway']);
  assert.deepStrictEqual(at(3), ['title|keyword.other.header.pathway', '"|punctuation.definition.string.begin.pathway',
    'All constructs|string.quoted.double.pathway', '"|punctuation.definition.string.end.pathway',
    ';|punctuation.terminator.pathway']);
  assert.deepStrictEqual(at(6), ['source|keyword.other.header.pathway', 'src|entity.name.namespace.source.pathway',
    '"|punctuation.definition.string.begin.pathway', 'Source|string.quoted.double.pathway',
    '"|punctuation.definition.string.end.pathway', '{|punctuation.section.block.begin.pathway',
    'S1.P1|constant.other.paragraph.pathway', ',|punctuation.separator.comma.pathway',
    'S1.P2|constant.other.paragraph.pathway', ',|punctuation.separator.comma.pathway',
    '}|punctuation.section.block.end.pathway']);
  assert.deepStrictEqual(at(9), ['enum|storage.type.enum.pathway', 'Quality|entity.name.type.enum.pathway',
    '{|punctuation.section.block.begin.pathway', 'dull|variable.other.pathway', ',|punctuation.separator.comma.pathway',
    'sharp|variable.other.pathway', ',|punctuation.separator.comma.pathway', 'electrical|variable.other.pathway',
    ',|punctuation.separator.comma.pathway', '}|punctuation.section.block.end.pathway']);
  assert.deepStrictEqual(at(11), ['input|storage.type.input.pathway', 'pain|variable.parameter.input.pathway',
    ':|punctuation.separator.type.pathway', 'int|support.type.primitive.pathway', 'in|keyword.operator.in.pathway',
    '0|constant.numeric.pathway', '..|keyword.operator.range.pathway', '10|constant.numeric.pathway',
    '"|punctuation.definition.string.begin.pathway', 'Pain now|string.quoted.double.pathway',
    '"|punctuation.definition.string.end.pathway', ';|punctuation.terminator.pathway']);
  assert.deepStrictEqual(at(12), ['input|storage.type.input.pathway', 'duration|variable.parameter.input.pathway',
    ':|punctuation.separator.type.pathway', 'weeks|entity.name.type.pathway', 'in|keyword.operator.in.pathway',
    '0|constant.numeric.pathway', 'days|keyword.other.unit.pathway', '..|keyword.operator.range.pathway',
    '2|constant.numeric.pathway', 'years|keyword.other.unit.pathway', ';|punctuation.terminator.pathway']);
  assert.deepStrictEqual(at(13).slice(5, 9), ['-|keyword.operator.arithmetic.pathway', '10|constant.numeric.pathway',
    '..|keyword.operator.range.pathway', '45.5|constant.numeric.pathway']);
  assert.deepStrictEqual(at(17), ['const|storage.type.const.pathway', 'LIMIT|variable.other.constant.pathway',
    '=|keyword.operator.assignment.pathway', '6|constant.numeric.pathway', 'weeks|keyword.other.unit.pathway',
    ';|punctuation.terminator.pathway']);
  assert.deepStrictEqual(at(19), ['// Derived facts.|comment.line.double-slash.pathway']);
  assert.deepStrictEqual(at(20), ['define|storage.type.define.pathway', 'severe|variable.other.definition.pathway',
    '=|keyword.operator.assignment.pathway', 'pain|variable.other.pathway', '>=|keyword.operator.comparison.pathway',
    '7|constant.numeric.pathway', 'and|keyword.operator.logical.pathway', 'quality|variable.other.pathway',
    'in|keyword.operator.in.pathway', '{|punctuation.section.block.begin.pathway', 'sharp|variable.other.pathway',
    ',|punctuation.separator.comma.pathway', 'electrical|variable.other.pathway',
    '}|punctuation.section.block.end.pathway', 'or|keyword.operator.logical.pathway',
    'not|keyword.operator.logical.pathway', 'fever|variable.other.pathway', ';|punctuation.terminator.pathway']);
  assert.deepStrictEqual(at(23), ['finding|storage.type.finding.pathway',
    'too_short|entity.name.function.finding.pathway', '{|punctuation.section.block.begin.pathway']);
  assert.deepStrictEqual(at(24), ['label|keyword.other.field.pathway', '"|punctuation.definition.string.begin.pathway',
    'Too short |string.quoted.double.pathway', '\\"|constant.character.escape.pathway',
    'trial|string.quoted.double.pathway', '\\"|constant.character.escape.pathway',
    '"|punctuation.definition.string.end.pathway', ';|punctuation.terminator.pathway']);
  const when = at(25);
  assert.ok(when.includes('known|support.function.pathway'));
  assert.ok(when.includes('unknown|support.function.pathway'));
  assert.ok(when.includes('!=|keyword.operator.comparison.pathway'));
  assert.deepStrictEqual(when.slice(when.indexOf('Quality|entity.name.type.enum.pathway'),
    when.indexOf('Quality|entity.name.type.enum.pathway') + 3),
  ['Quality|entity.name.type.enum.pathway', '.|punctuation.accessor.pathway', 'dull|variable.other.enummember.pathway']);
  assert.deepStrictEqual(at(26), ['cite|keyword.other.field.pathway', 'src|entity.name.namespace.source.pathway',
    ':|punctuation.separator.source.pathway', 'S1.P1|constant.other.paragraph.pathway', ';|punctuation.terminator.pathway']);
  assert.deepStrictEqual(at(29), ['recommendation|storage.type.recommendation.pathway',
    'keep_going|entity.name.function.recommendation.pathway', '{|punctuation.section.block.begin.pathway']);
  assert.deepStrictEqual(at(31).slice(-6), ['80|constant.numeric.pathway', '%|keyword.other.unit.pathway',
    '>|keyword.operator.comparison.pathway', '1|constant.numeric.pathway', '%|keyword.other.unit.pathway',
    ';|punctuation.terminator.pathway']);
  assert.deepStrictEqual(at(32), ['category|keyword.other.field.pathway', 'execution|constant.language.category.pathway',
    ';|punctuation.terminator.pathway']);
  assert.deepStrictEqual(at(33), ['urgency|keyword.other.field.pathway', 'routine|constant.language.urgency.pathway',
    ';|punctuation.terminator.pathway']);
  assert.deepStrictEqual(at(35), ['cite|keyword.other.field.pathway', 'S1.P1|constant.other.paragraph.pathway',
    ',|punctuation.separator.comma.pathway', 'S1.P2|constant.other.paragraph.pathway', ';|punctuation.terminator.pathway']);
  assert.deepStrictEqual(at(40), ['when|keyword.other.field.pathway', 'fever|variable.other.pathway',
    '==|keyword.operator.comparison.pathway', 'true|constant.language.boolean.pathway', ';|punctuation.terminator.pathway']);
  assert.deepStrictEqual(at(45), ['supersedes|keyword.other.field.pathway',
    'keep_going|entity.name.function.recommendation.pathway', ',|punctuation.separator.comma.pathway',
    'category|keyword.other.field.pathway', 'execution|constant.language.category.pathway',
    ';|punctuation.terminator.pathway']);
});

test('the PT pathway: keywords, numbers and units are always scoped', async () => {
  const grammar = await grammarPromise;
  const source = fs.readFileSync(path.join(root, 'pathways/pt_failure.pw'), 'utf8');
  const lines = tokenize(grammar, source);
  const keywords = new Set(['and', 'or', 'not', 'in', 'when', 'label', 'cite', 'category', 'urgency', 'rationale',
    'supersedes', 'input', 'define', 'finding', 'recommendation', 'enum', 'const', 'known', 'unknown']);
  let counted = { numbers: 0, units: 0, comments: 0, recommendations: 0 };
  lines.forEach((tokens, i) => {
    for (const t of tokens) {
      const inText = /^(comment|string|punctuation\.definition)/.test(t.scope) || t.scope.startsWith('constant.character');
      if (inText) continue;
      assert.ok(t.scope !== 'source.pathway', `line ${i + 1}: '${t.text}' has no scope`);
      if (keywords.has(t.text)) {
        assert.ok(!t.scope.startsWith('variable'), `line ${i + 1}: keyword '${t.text}' scoped ${t.scope}`);
      }
      if (/^\d/.test(t.text)) assert.strictEqual(t.scope, 'constant.numeric.pathway', `line ${i + 1}: ${t.text}`);
    }
    for (const t of tokens) {
      if (t.scope === 'constant.numeric.pathway') counted.numbers++;
      if (t.scope === 'keyword.other.unit.pathway') counted.units++;
      if (t.scope.startsWith('comment')) counted.comments++;
      if (t.scope === 'entity.name.function.recommendation.pathway') counted.recommendations++;
    }
  });
  const line = (n) => lines[n - 1].map((t) => `${t.text}|${t.scope}`);
  const index = source.split('\n').findIndex((l) => l.startsWith('input exercise_adherence')) + 1;
  assert.deepStrictEqual(line(index).slice(0, 4), ['input|storage.type.input.pathway',
    'exercise_adherence|variable.parameter.input.pathway', ':|punctuation.separator.type.pathway',
    '%|entity.name.type.pathway']);
  assert.ok(counted.numbers > 20 && counted.units > 5 && counted.comments > 20 && counted.recommendations > 10,
    JSON.stringify(counted));
});
