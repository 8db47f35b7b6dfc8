// The base protocol at the byte level: framing errors, malformed JSON-RPC,
// the size limit, and the lifecycle (initialize, shutdown, exit codes).
'use strict';

const test = require('node:test');
const assert = require('node:assert');
const { spawn } = require('child_process');
const { pathwayc } = require('./client');

const frame = (body) => {
  const b = Buffer.isBuffer(body) ? body : Buffer.from(typeof body === 'string' ? body : JSON.stringify(body));
  return Buffer.concat([Buffer.from(`Content-Length: ${b.length}\r\n\r\n`), b]);
};

// Writes `chunks` to a fresh server, closes its input, and returns the
// messages it wrote and its exit code.
function session(chunks) {
  return new Promise((resolve, reject) => {
    const p = spawn(pathwayc, ['lsp'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const out = [];
    p.stdout.on('data', (d) => out.push(d));
    p.on('error', reject);
    p.on('exit', (code) => {
      const all = Buffer.concat(out).toString('utf8');
      const messages = [];
      let i = 0;
      while (i < all.length) {
        const h = all.indexOf('\r\n\r\n', i);
        const n = Number(/Content-Length: (\d+)/.exec(all.slice(i, h))[1]);
        messages.push(JSON.parse(all.slice(h + 4, h + 4 + n)));
        i = h + 4 + n;
      }
      resolve({ code, messages });
    });
    p.stdin.on('error', () => {});
    for (const c of chunks) p.stdin.write(c);
    p.stdin.end();
  });
}

const init = frame({ jsonrpc: '2.0', id: 0, method: 'initialize', params: { capabilities: {} } });
const shutdown = frame({ jsonrpc: '2.0', id: 99, method: 'shutdown' });
const exit = frame({ jsonrpc: '2.0', method: 'exit' });
const errorOf = (m) => [m.id, m.error.code, m.error.message];

test('shutdown then exit: exit code 0; requests after shutdown are refused', async () => {
  const { code, messages } = await session([init, shutdown,
    frame({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: {} }), exit]);
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(messages[1], { jsonrpc: '2.0', id: 99, result: null });
  assert.deepStrictEqual(errorOf(messages[2]), [1, -32600, 'the server is shut down']);
  assert.strictEqual(messages.length, 3);
});

test('exit without shutdown, or end of input: exit code 1', async () => {
  assert.strictEqual((await session([init, exit])).code, 1);
  assert.strictEqual((await session([init])).code, 1);
});

test('before initialize: requests get ServerNotInitialized, notifications are dropped', async () => {
  const { messages } = await session([
    frame({ jsonrpc: '2.0', id: 1, method: 'textDocument/hover', params: {} }),
    frame({ jsonrpc: '2.0', method: 'textDocument/didOpen', params: { textDocument: { uri: 'file:///a.pw', text: 'x' } } }),
    init, frame({ jsonrpc: '2.0', id: 2, method: 'initialize', params: {} }), shutdown, exit]);
  assert.deepStrictEqual(errorOf(messages[0]), [1, -32002, 'the server is not initialized']);
  assert.strictEqual(messages[1].id, 0);
  assert.deepStrictEqual(errorOf(messages[2]), [2, -32600, 'the server is already initialized']);
  assert.strictEqual(messages.length, 4);  // no diagnostics for the dropped didOpen
});

test('malformed messages get JSON-RPC errors and the server goes on', async () => {
  const { code, messages } = await session([
    init,
    frame('{"jsonrpc": "2.0", "id": 1, "method": '),             // invalid JSON
    frame('[1, 2, 3]'),                                             // not an object
    frame({ jsonrpc: '1.0', id: 2, method: 'shutdown' }),           // wrong version
    frame({ jsonrpc: '2.0', id: 3 }),                               // no method
    frame({ jsonrpc: '2.0', id: 4, method: 7 }),                    // method not a string
    frame({ jsonrpc: '2.0', id: { x: 1 }, method: 'shutdown' }),    // bad id
    frame({ jsonrpc: '2.0', id: 5, method: 'textDocument/hover', params: 3 }),
    frame({ jsonrpc: '2.0', id: 6, method: 'textDocument/hover', params: { textDocument: 1 } }),
    frame({ jsonrpc: '2.0', id: 7, method: 'no/such/method' }),
    Buffer.from('Content-Type: x\r\n\r\n'),                        // header without Content-Length
    Buffer.from('Content-Length: abc\r\n\r\n'),                    // not a number
    frame(Buffer.from([0x22, 0xff, 0x22])),                         // not UTF-8 JSON
    frame({ jsonrpc: '2.0', method: 'unknown/notification' }),     // ignored
    frame({ jsonrpc: '2.0', id: 8, result: null }),                // a response: ignored
    shutdown, exit]);
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(messages.slice(1).map((m) => (m.error ? [m.id, m.error.code] : [m.id, 'ok'])), [
    [null, -32700], [null, -32600], [2, -32600], [3, -32600], [4, -32600], [null, -32600], [5, -32602],
    [6, -32602], [7, -32601], [null, -32700], [null, -32700], [null, -32700], [99, 'ok']]);
  assert.strictEqual(messages[1].error.message, 'message body is not valid JSON');
  assert.strictEqual(messages[10].error.message, 'message header has no Content-Length');
  assert.strictEqual(messages[11].error.message, "malformed message header: Content-Length is not a number: ' abc'");
});

test('a message over the size limit is skipped unread and refused', async () => {
  const limit = 96 * 1024 * 1024;
  const big = Buffer.alloc(limit + 1, 0x20);
  const { code, messages } = await session([init, Buffer.from(`Content-Length: ${big.length}\r\n\r\n`), big,
    shutdown, exit]);
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(errorOf(messages[1]), [null, -32600,
    `message of ${limit + 1} bytes exceeds the limit of ${limit} bytes`]);
  assert.deepStrictEqual(messages[2], { jsonrpc: '2.0', id: 99, result: null });
});

test('a header line that never ends is a framing error, not unbounded memory', async () => {
  const { messages } = await session([init, Buffer.alloc(100000, 0x41), Buffer.from('\r\n\r\n'), shutdown, exit]);
  assert.deepStrictEqual(errorOf(messages[1]), [null, -32700, 'malformed message header: header line longer than 4096 bytes']);
  assert.strictEqual(messages[2].id, 99);
});

test('more header lines than the limit are a framing error', async () => {
  // A header block of 33 lines and no body: the server refuses it at the
  // 33rd line, skips to the blank line that ends it, and reads on.
  const headers = Array.from({ length: 33 }, (_, i) => `X-Filler-${i}: y\r\n`).join('');
  const { messages } = await session([init, Buffer.from(`${headers}\r\n`), shutdown, exit]);
  assert.deepStrictEqual(errorOf(messages[1]), [null, -32700, 'malformed message header: more than 32 header lines']);
  assert.strictEqual(messages[2].id, 99);
});
