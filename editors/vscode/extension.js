// The Pathway extension: starts `pathwayc lsp` through vscode-languageclient
// and adds three commands that run pathwayc on the active .pw file.
'use strict';

const path = require('path');
const vscode = require('vscode');
const { LanguageClient, TransportKind } = require('vscode-languageclient/node');

let client;
let output;

function settings() {
  const config = vscode.workspace.getConfiguration('pathway');
  return {
    pathwayc: config.get('pathwaycPath', 'pathwayc'),
    debounceMs: config.get('debounceMs', 150),
    buildOptions: config.get('buildOptions', []),
  };
}

function startClient(context) {
  const { pathwayc, debounceMs } = settings();
  const server = { command: pathwayc, args: ['lsp'], transport: TransportKind.stdio };
  client = new LanguageClient(
    'pathway',
    'Pathway language server',
    { run: server, debug: server },
    {
      documentSelector: [{ language: 'pathway' }],
      initializationOptions: { debounceMs },
      outputChannel: output,
    },
  );
  context.subscriptions.push(client);
  return client.start();
}

// The active .pw file, saved first so pathwayc reads what the author sees.
async function activePathway() {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'pathway') {
    vscode.window.showErrorMessage('Open a pathway (.pw) file first.');
    return undefined;
  }
  if (editor.document.isDirty) await editor.document.save();
  return editor.document.uri.fsPath;
}

// Runs pathwayc with `args` in a task, so the output and its problems
// (file:line:col: error: ...) appear in the terminal and Problems view.
function runPathwayc(name, args, cwd) {
  const { pathwayc } = settings();
  const task = new vscode.Task(
    { type: 'pathway', command: args[0], file: args[1] },
    vscode.TaskScope.Workspace,
    name,
    'pathway',
    new vscode.ProcessExecution(pathwayc, args, { cwd }),
    ['$pathwayc'],
  );
  return vscode.tasks.executeTask(task);
}

async function buildLibrary() {
  const file = await activePathway();
  if (!file) return;
  const name = path.basename(file, '.pw');
  const out = path.join(path.dirname(file), `lib${name}.so`);
  await runPathwayc(`build ${name}`, ['build', file, '-o', out, ...settings().buildOptions], path.dirname(file));
}

async function showFlowchart() {
  const file = await activePathway();
  if (!file) return;
  const { execFile } = require('child_process');
  execFile(settings().pathwayc, ['graph', file, '--format', 'svg'], { maxBuffer: 64 << 20 }, (err, stdout, stderr) => {
    if (err) {
      output.appendLine(stderr || String(err));
      output.show(true);
      vscode.window.showErrorMessage(`pathwayc graph failed: ${(stderr || String(err)).split('\n')[0]}`);
      return;
    }
    const panel = vscode.window.createWebviewPanel('pathwayFlowchart', `Flowchart: ${path.basename(file)}`,
                                                   vscode.ViewColumn.Beside, { enableScripts: false });
    panel.webview.html = `<!DOCTYPE html><html><head><meta http-equiv="Content-Security-Policy" ` +
      `content="default-src 'none'; style-src 'unsafe-inline'; img-src data:;"></head>` +
      `<body style="background:white">${stdout}</body></html>`;
  });
}

async function runScenarioTests() {
  let files = [];
  const editor = vscode.window.activeTextEditor;
  if (editor && editor.document.fileName.endsWith('.pwtest')) {
    if (editor.document.isDirty) await editor.document.save();
    files = [editor.document.uri.fsPath];
  } else {
    files = (await vscode.workspace.findFiles('**/*.pwtest', '**/node_modules/**')).map((u) => u.fsPath);
  }
  if (files.length === 0) {
    vscode.window.showErrorMessage('No scenario files (.pwtest) in the workspace.');
    return;
  }
  await runPathwayc('scenario tests', ['test', ...files], path.dirname(files[0]));
}

function activate(context) {
  output = vscode.window.createOutputChannel('Pathway');
  context.subscriptions.push(output);
  context.subscriptions.push(
    vscode.commands.registerCommand('pathway.buildLibrary', buildLibrary),
    vscode.commands.registerCommand('pathway.showFlowchart', showFlowchart),
    vscode.commands.registerCommand('pathway.runScenarioTests', runScenarioTests),
    vscode.commands.registerCommand('pathway.restartServer', async () => {
      if (client) await client.stop();
      await startClient(context);
    }),
    vscode.workspace.onDidChangeConfiguration(async (e) => {
      if (e.affectsConfiguration('pathway.pathwaycPath') || e.affectsConfiguration('pathway.debounceMs')) {
        if (client) await client.stop();
        await startClient(context);
      }
    }),
  );
  return startClient(context).catch((err) => {
    vscode.window.showErrorMessage(
      `Could not start '${settings().pathwayc} lsp' (${err.message}). Set pathway.pathwaycPath to pathwayc.`);
  });
}

function deactivate() {
  return client ? client.stop() : undefined;
}

module.exports = { activate, deactivate };
