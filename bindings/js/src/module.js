// The wasm layer: instantiates a module built by `pathwayc build --target
// wasm32`, checks its descriptor as the C runtime's loader does (magic, ABI
// version, size, metadata checksum; pathway/abi.h gives the wasm32 layout)
// and calls its entry points on buffers placed above __heap_base.
import { PathwayError } from './errors.js';

const MAGIC = 0x59445750; // "PWDY"
const ABI_VERSION = 1;
const DESCRIPTOR_SIZE = 96; // PW_WASM32_DESCRIPTOR_SIZE
const OFFSET = {
  magic: 0, abiVersion: 4, descriptorSize: 8, nInputs: 12, nRecommendations: 16, nFindings: 20,
  nDefinitions: 24, nSlots: 28, maskWords: 32, checksum: 36, contentHash: 40, name: 48, version: 52,
  metadata: 56, metadataSize: 64, evaluate: 72, evaluateBatch: 76, evaluateColumns: 80,
  evaluateTrace: 84, nTraceNodes: 88,
};
const PAGE = 65536;

// FNV-1a (32-bit) over the content hash (8 bytes, least significant first),
// the name, NUL, the version, NUL and the metadata bytes (abi.h).
function checksum(contentHash, nameBytes, versionBytes, metadataBytes) {
  let hash = 0x811c9dc5;
  const step = (byte) => { hash = Math.imul(hash ^ byte, 0x01000193) >>> 0; };
  for (let b = 0n; b < 8n; ++b) step(Number((contentHash >> (8n * b)) & 0xffn));
  for (const part of [nameBytes, versionBytes]) {
    for (const byte of part) step(byte);
    step(0);
  }
  for (const byte of metadataBytes) step(byte);
  return hash >>> 0;
}

function fail(status, message) {
  throw new PathwayError(status, message);
}

async function compile(source) {
  if (source instanceof WebAssembly.Module) return source;
  let bytes = source;
  if (typeof Response !== 'undefined' && source instanceof Response) bytes = await source.arrayBuffer();
  if (!(bytes instanceof ArrayBuffer) && !ArrayBuffer.isView(bytes)) {
    fail('argument', 'a pathway module is given as bytes (ArrayBuffer or typed array), a Response or a WebAssembly.Module');
  }
  try {
    return await WebAssembly.compile(bytes);
  } catch (error) {
    fail('load', `not a WebAssembly module: ${error.message}`);
  }
}

export async function instantiate(source) {
  const compiled = await compile(source);
  const imports = WebAssembly.Module.imports(compiled);
  if (imports.length !== 0) {
    fail('not_pathway', `the module imports ${imports.map((i) => `${i.module}.${i.name}`).join(', ')}; ` +
      'a pathway module imports nothing (was it built by pathwayc --target wasm32?)');
  }
  const exports = new Map(WebAssembly.Module.exports(compiled).map((e) => [e.name, e.kind]));
  for (const [name, kind] of [['memory', 'memory'], ['pathway_descriptor', 'global'],
    ['__indirect_function_table', 'table'], ['__heap_base', 'global']]) {
    if (exports.get(name) !== kind) fail('not_pathway', `the module does not export the ${kind} '${name}'; it is not a pathway module`);
  }
  const instance = await WebAssembly.instantiate(compiled, {});
  const { memory } = instance.exports;
  const table = instance.exports.__indirect_function_table;
  const base = instance.exports.pathway_descriptor.value >>> 0;
  const heapBase = instance.exports.__heap_base.value >>> 0;
  if (base + DESCRIPTOR_SIZE > memory.buffer.byteLength) fail('corrupt', 'the descriptor lies outside the module\'s memory');
  const view = new DataView(memory.buffer);
  const u32 = (field) => view.getUint32(base + OFFSET[field], true);
  if (u32('magic') !== MAGIC) fail('abi', 'the descriptor has the wrong magic number; not a pathway module');
  if (u32('abiVersion') !== ABI_VERSION) {
    fail('abi', `the module was built for ABI version ${u32('abiVersion')}; this runtime supports ABI version ${ABI_VERSION}`);
  }
  if (u32('descriptorSize') !== DESCRIPTOR_SIZE) {
    fail('abi', `the module's descriptor is ${u32('descriptorSize')} bytes; a wasm32 descriptor of ABI version 1 is ${DESCRIPTOR_SIZE}`);
  }
  const bytesAt = (address, length) => {
    if (address + length > memory.buffer.byteLength) fail('corrupt', 'the descriptor points outside the module\'s memory');
    return new Uint8Array(memory.buffer, address, length).slice();
  };
  const cString = (address) => {
    const all = new Uint8Array(memory.buffer);
    let end = address;
    while (end < all.length && all[end] !== 0) ++end;
    if (end === all.length) fail('corrupt', 'a descriptor string is not terminated');
    return all.slice(address, end);
  };
  const contentHash = view.getBigUint64(base + OFFSET.contentHash, true);
  const metadataSize = Number(view.getBigUint64(base + OFFSET.metadataSize, true));
  const nameBytes = cString(u32('name'));
  const versionBytes = cString(u32('version'));
  const metadataBytes = bytesAt(u32('metadata'), metadataSize);
  if (checksum(contentHash, nameBytes, versionBytes, metadataBytes) !== u32('checksum')) {
    fail('corrupt', 'the descriptor checksum does not match: the module was changed after it was built');
  }
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const fn = (field) => {
    const index = u32(field);
    const f = index === 0 ? null : table.get(index);
    if (f === null && field !== 'evaluateColumns') fail('corrupt', `the module has no ${field} entry point`);
    return f;
  };
  const counts = {
    nInputs: u32('nInputs'), nRecommendations: u32('nRecommendations'), nFindings: u32('nFindings'),
    nDefinitions: u32('nDefinitions'), nSlots: u32('nSlots'), maskWords: u32('maskWords'),
    nTraceNodes: Number(view.getBigUint64(base + OFFSET.nTraceNodes, true)),
  };
  if (counts.nSlots !== 2 * counts.nRecommendations + counts.nFindings + counts.nDefinitions) {
    fail('corrupt', 'the descriptor\'s slot count does not match its counts');
  }
  const evaluateTrace = fn('evaluateTrace');
  const evaluateBatch = fn('evaluateBatch');

  // The one region of buffers above __heap_base that every call uses, made
  // for `count` patients (8-byte aligned; the memory grows as needed, which
  // detaches older views), with a view of each buffer. Making it again
  // overwrites it, so each region has a generation and is current only
  // until the next one is made.
  let generation = 0;
  const region = (count, masks, trace) => {
    let at = (heapBase + 7) & ~7;
    const take = (bytes) => { const start = at; at = (at + bytes + 7) & ~7; return start; };
    const inputs = count * counts.nInputs;
    const slots = count * counts.nSlots;
    const words = count * counts.nRecommendations * counts.maskWords;
    const l = {
      values: take(inputs * 8), known: take(inputs), state: take(slots), numbers: take(slots * 8),
      missing: masks ? take(words * 8) : 0, trace: trace ? take(counts.nTraceNodes) : 0,
    };
    if (at > memory.buffer.byteLength) memory.grow(Math.ceil((at - memory.buffer.byteLength) / PAGE));
    const buffer = memory.buffer;
    return {
      generation: ++generation, at: l,
      values: new Float64Array(buffer, l.values, inputs), known: new Uint8Array(buffer, l.known, inputs),
      state: new Uint8Array(buffer, l.state, slots), numbers: new Float64Array(buffer, l.numbers, slots),
      missing: masks ? new BigUint64Array(buffer, l.missing, words) : null,
      trace: trace ? new Uint8Array(buffer, l.trace, counts.nTraceNodes) : null,
    };
  };
  const current = (r) => r.generation === generation;
  const checkCount = (count) => {
    if (!Number.isSafeInteger(count) || count < 0) fail('argument', 'count must be a non-negative integer');
  };
  const checkRows = (count, values, known) => {
    if (!(values instanceof Float64Array) || values.length !== count * counts.nInputs) {
      fail('argument', `values must be a Float64Array of ${count * counts.nInputs} numbers`);
    }
    if (!(known instanceof Uint8Array) || known.length !== count * counts.nInputs) {
      fail('argument', `known must be a Uint8Array of ${count * counts.nInputs} bytes`);
    }
  };
  const batch = (count, r) => evaluateBatch(BigInt(count), r.at.values, r.at.known, r.at.state, r.at.numbers, r.at.missing);

  // evaluate's region (one patient, masks and trace), kept while current.
  let single = null;

  return {
    abiVersion: ABI_VERSION, descriptorSize: DESCRIPTOR_SIZE, ...counts, contentHash,
    name: decoder.decode(nameBytes), version: decoder.decode(versionBytes),
    metadataText: decoder.decode(metadataBytes),
    evaluate(values, known, { masks = true, trace = true } = {}) {
      checkRows(1, values, known);
      if (single === null || !current(single)) single = region(1, true, true);
      const { at } = single;
      single.values.set(values);
      single.known.set(known);
      evaluateTrace(at.values, at.known, at.state, at.numbers, masks ? at.missing : 0, trace ? at.trace : 0);
      return {
        state: single.state.slice(), numbers: single.numbers.slice(),
        missing: masks ? single.missing.slice() : null, trace: trace ? single.trace.slice() : null,
      };
    },
    evaluateRows(count, values, known, { masks = false } = {}) {
      checkCount(count);
      checkRows(count, values, known);
      const r = region(count, masks, false);
      r.values.set(values);
      r.known.set(known);
      batch(count, r);
      return { state: r.state.slice(), numbers: r.numbers.slice(), missing: masks ? r.missing.slice() : null, trace: null };
    },
    // Zero-copy rows: views of the module's memory for `count` patients,
    // filled and read in place. They are the module's buffers until its next
    // call (evaluate, evaluateRows or rows), which may overwrite them or grow
    // the memory; evaluate() refuses after that.
    rows(count, { masks = false } = {}) {
      checkCount(count);
      const r = region(count, masks, false);
      return {
        values: r.values, known: r.known, state: r.state, numbers: r.numbers, missing: r.missing,
        evaluate() {
          if (!current(r)) {
            fail('state', 'another call of the module has used its buffers since these rows were made; make them again');
          }
          batch(count, r);
        },
      };
    },
  };
}
