// A real LSP client (vscode-languageserver-protocol over stdio) for the
// tests: starts `pathwayc lsp`, records published diagnostics, and offers
// helpers for opening and editing documents.
'use strict';

const { spawn } = require('child_process');
const path = require('path');
const fs = require('fs');
const rpc = require('vscode-languageserver-protocol/node');

const root = path.resolve(__dirname, '../../..');
const pathwayc = process.env.PATHWAYC || path.join(root, 'build/compiler/driver/pathwayc');

class Client {
  static async start({ encodings = ['utf-16'], debounceMs = 0, args = [] } = {}) {
    const c = new Client();
    c.process = spawn(pathwayc, ['lsp', ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
    c.exited = new Promise((resolve) => c.process.on('exit', (code) => resolve(code)));
    c.connection = rpc.createProtocolConnection(new rpc.StreamMessageReader(c.process.stdout),
                                                new rpc.StreamMessageWriter(c.process.stdin));
    c.diagnostics = new Map();  // uri -> [params...] in arrival order
    c.waiters = [];
    c.connection.onNotification(rpc.PublishDiagnosticsNotification.type, (params) => {
      if (!c.diagnostics.has(params.uri)) c.diagnostics.set(params.uri, []);
      c.diagnostics.get(params.uri).push(params);
      c.waiters = c.waiters.filter((w) => !w(params));
    });
    c.connection.listen();
    c.initializeResult = await c.connection.sendRequest(rpc.InitializeRequest.type, {
      processId: process.pid, rootUri: null, capabilities: { general: { positionEncodings: encodings } },
      initializationOptions: { debounceMs },
    });
    await c.connection.sendNotification(rpc.InitializedNotification.type, {});
    return c;
  }

  request(method, params, token) {
    return token ? this.connection.sendRequest(method, params, token) : this.connection.sendRequest(method, params);
  }
  notify(method, params) { return this.connection.sendNotification(method, params); }

  // The next diagnostics for `uri` (with `version`, if given).
  nextDiagnostics(uri, version) {
    return new Promise((resolve) => {
      this.waiters.push((p) => {
        if (p.uri !== uri || (version !== undefined && p.version !== version)) return false;
        resolve(p);
        return true;
      });
    });
  }

  async open(uri, text, version = 1) {
    const published = this.nextDiagnostics(uri, version);
    await this.notify('textDocument/didOpen', { textDocument: { uri, languageId: 'pathway', version, text } });
    return published;
  }

  async stop() {
    await this.request('shutdown');
    await this.notify('exit');
    const code = await this.exited;
    this.connection.dispose();
    return code;
  }
}

// Position helpers over a text (ASCII: UTF-16 columns are byte columns).
function positionOf(text, needle, { occurrence = 0, offset = 0 } = {}) {
  let index = -1;
  for (let i = 0; i <= occurrence; ++i) {
    index = text.indexOf(needle, index + 1);
    if (index < 0) throw new Error(`'${needle}' (occurrence ${occurrence}) not in text`);
  }
  index += offset;
  const before = text.slice(0, index);
  const line = before.split('\n').length - 1;
  return { line, character: index - (before.lastIndexOf('\n') + 1) };
}

function rangeOf(text, needle, options = {}) {
  const start = positionOf(text, needle, options);
  return { start, end: { line: start.line, character: start.character + needle.length } };
}

function textOf(text, range) {
  const lines = text.split('\n');
  if (range.start.line !== range.end.line) throw new Error('multi-line range');
  return lines[range.start.line].slice(range.start.character, range.end.character);
}

const ptPath = path.join(root, 'pathways/pt_failure.pw');
const ptText = fs.readFileSync(ptPath, 'utf8');
const ptUri = 'file://' + ptPath;

module.exports = { Client, rpc, pathwayc, root, positionOf, rangeOf, textOf, ptText, ptUri, ptPath };
