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

function loadWithFakes(config, editorFile) {
  const registered = [];
  const commands = {};
  const clients = [];
  const tasks = [];
  const panels = [];
  const errors = [];
  const document = editorFile && {
    languageId: editorFile.endsWith('.pw') ? 'pathway' : 'json', isDirty: false, fileName: editorFile,
    uri: { fsPath: editorFile }, save: async () => true,
  };
  const vscode = {
    window: {
      createOutputChannel: () => ({ appendLine() {}, show() {}, dispose() {} }),
      showErrorMessage: (m) => errors.push(m),
      activeTextEditor: document && { document },
      createWebviewPanel: (id, title) => { const p = { id, title, webview: { html: '' } }; panels.push(p); return p; },
    },
    commands: { registerCommand: (id, fn) => { registered.push(id); commands[id] = fn; return { dispose() {} }; } },
    workspace: {
      getConfiguration: () => ({ get: (key, fallback) => (key in config ? config[key] : fallback) }),
      onDidChangeConfiguration: () => ({ dispose() {} }),
      findFiles: async () => [],
    },
    Task: class { constructor(definition, scope, name, source, execution, matchers) { Object.assign(this, { definition, name, execution, matchers }); } },
    ProcessExecution: class { constructor(process, args, options) { Object.assign(this, { process, args, options }); } },
    TaskScope: { Workspace: 1 },
    tasks: { executeTask: async (t) => { tasks.push(t); } },
    ViewColumn: { Beside: 2 },
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
    return { extension: require('../extension.js'), registered, commands, clients, tasks, panels, errors };
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
  assert.deepStrictEqual(c.taskDefinitions.map((t) => t.type), ['pathway']);
  assert.deepStrictEqual(c.problemMatchers.map((m) => m.name), ['pathwayc']);
  assert.ok(manifest.activationEvents.includes('onLanguage:pathway'));
});

test('Build library and Run scenario tests run pathwayc as tasks with the problem matcher', async () => {
  const file = '/work/p/triage.pw';
  const { extension, commands, tasks } = loadWithFakes({ pathwaycPath: '/bin/pathwayc', buildOptions: ['-O1'] }, file);
  await extension.activate({ subscriptions: [] });
  await commands['pathway.buildLibrary']();
  assert.strictEqual(tasks.length, 1);
  assert.deepStrictEqual([tasks[0].execution.process, tasks[0].execution.args, tasks[0].execution.options.cwd],
    ['/bin/pathwayc', ['build', file, '-o', '/work/p/libtriage.so', '-O1'], '/work/p']);
  assert.deepStrictEqual(tasks[0].matchers, ['$pathwayc']);
  const scenarios = loadWithFakes({ pathwaycPath: '/bin/pathwayc' }, '/work/p/triage.pwtest');
  await scenarios.extension.activate({ subscriptions: [] });
  await scenarios.commands['pathway.runScenarioTests']();
  assert.deepStrictEqual(scenarios.tasks[0].execution.args, ['test', '/work/p/triage.pwtest']);
});

test('the problem matcher reads pathwayc diagnostics', () => {
  const { pattern } = manifest.contributes.problemMatchers[0];
  const m = new RegExp(pattern.regexp).exec("pt.pw:13:54: error: 'shrap' is not a label of enum 'Quality'");
  assert.deepStrictEqual([m[pattern.file], m[pattern.line], m[pattern.column], m[pattern.severity], m[pattern.message]],
    ['pt.pw', '13', '54', 'error', "'shrap' is not a label of enum 'Quality'"]);
});

test('Show flowchart puts pathwayc graph\'s SVG in a panel', async () => {
  const { pathwayc, ptPath } = require('./client');
  const { extension, commands, panels, errors } = loadWithFakes({ pathwaycPath: pathwayc }, ptPath);
  await extension.activate({ subscriptions: [] });
  await commands['pathway.showFlowchart']();
  for (let i = 0; i < 200 && panels.length === 0 && errors.length === 0; ++i) await new Promise((r) => setTimeout(r, 50));
  assert.deepStrictEqual(errors, []);
  assert.strictEqual(panels[0].title, 'Flowchart: pt_failure.pw');
  assert.match(panels[0].webview.html, /<svg[\s\S]*<\/svg>/);
  assert.match(panels[0].webview.html, /Content-Security-Policy/);
});
