// The extension's wiring, with VS Code and the language client replaced by
// recording fakes: activation registers every command package.json
// declares and starts `pathwayc lsp` with the configured path and debounce;
// every file package.json points at exists.
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const fs = require('fs');
const path = require('path');
const Module = require('module');

const here = path.join(__dirname, '..');
const manifest = JSON.parse(fs.readFileSync(path.join(here, 'package.json'), 'utf8'));

function loadWithFakes(config) {
  const registered = [];
  const clients = [];
  const vscode = {
    window: { createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }), showErrorMessage() {} },
    commands: { registerCommand: (id, fn) => { registered.push(id); return { dispose() {}, fn }; } },
    workspace: {
      getConfiguration: () => ({ get: (key, fallback) => (key in config ? config[key] : fallback) }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
    },
  };
  class LanguageClient {
    constructor(id, name, server, options) { clients.push({ id, name, server, options }); }
    start() { return Promise.resolve(); }
    stop() { return Promise.resolve(); }
    dispose() {}
  }
  const client = { LanguageClient, TransportKind: { stdio: 0 } };
  const load = Module._load;
  Module._load = function (request, ...rest) {
    if (request === 'vscode') return vscode;
    if (request === 'vscode-languageclient/node') return client;
    return load.call(this, request, ...rest);
  };
  try {
    delete require.cache[require.resolve('../extension.js')];
    return { extension: require('../extension.js'), registered, clients };
  } finally {
    Module._load = load;
  }
}

test('activation registers the commands and starts pathwayc lsp', async () => {
  const { extension, registered, clients } = loadWithFakes({ pathwaycPath: '/opt/pathway/bin/pathwayc', debounceMs: 40 });
  const context = { subscriptions: [] };
  await extension.activate(context);
  assert.deepStrictEqual(registered.sort(), manifest.contributes.commands.map((c) => c.command).sort());
  assert.strictEqual(clients.length, 1);
  assert.deepStrictEqual(clients[0].server.run, { command: '/opt/pathway/bin/pathwayc', args: ['lsp'], transport: 0 });
  assert.deepStrictEqual(clients[0].options.documentSelector, [{ language: 'pathway' }]);
  assert.deepStrictEqual(clients[0].options.initializationOptions, { debounceMs: 40 });
  await extension.deactivate();
});

test('the manifest points at files that exist, and names the three commands', () => {
  const c = manifest.contributes;
  for (const file of [manifest.main, c.languages[0].configuration, c.grammars[0].path, c.jsonValidation[0].url]) {
    assert.ok(fs.existsSync(path.join(here, file)), file);
  }
  assert.deepStrictEqual(c.commands.map((x) => x.title),
    ['Build library', 'Show flowchart', 'Run scenario tests', 'Restart language server']);
  JSON.parse(fs.readFileSync(path.join(here, c.languages[0].configuration), 'utf8'));
  assert.strictEqual(c.grammars[0].scopeName, 'source.pathway');
});
