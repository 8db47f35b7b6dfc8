// A pathway module opened for apps: its schema (schema.js), inputs
// (input.js), evaluations (result.js).
import { PathwayError } from './errors.js';
import { instantiate } from './module.js';
import { parseSchema } from './schema.js';
import { Input } from './input.js';
import { Result } from './result.js';
import { parseGraph } from './explain.js';

export class Pathway {
  constructor(module) {
    this.module = module;
    this.schema = parseSchema(module.metadataText);
    this.maskWords = module.maskWords;
    this.graph = this.schema.explain ? parseGraph(this.schema.explain, this.schema.inputs.length,
      this.schema.recommendations.length) : null;
    this.recommendationIndex = new Map(this.schema.recommendations.map((r, i) => [r.code, i]));
  }

  get name() { return this.schema.name; }
  get title() { return this.schema.title; }
  get version() { return this.schema.version; }
  get contentHash() { return this.module.contentHash; }
  get inputs() { return this.schema.inputs; }
  get recommendations() { return this.schema.recommendations; }
  get findings() { return this.schema.findings; }
  get definitions() { return this.schema.definitions; }

  /** A new patient: every input unknown. */
  input() { return new Input(this.schema); }

  /**
   * Evaluates `input` (an Input of this pathway). With `explain` (default true) the evaluation is traced
   * so result.explain works; `masks` (default true) computes the missing inputs.
   */
  evaluate(input, { explain = true, masks = true } = {}) {
    if (!(input instanceof Input) || input.schema !== this.schema) {
      throw new PathwayError('argument', 'the input must be created from the pathway it is evaluated with');
    }
    if (explain && !this.graph) {
      throw new PathwayError('state', `pathway '${this.name}' has no explain graph, so it cannot be explained`);
    }
    const out = this.module.evaluate(input.values, input.known, { masks, trace: explain });
    return new Result(this, out, input.values, input.known);
  }
}

/** Opens a module built by `pathwayc build --target wasm32` (bytes, a Response or a WebAssembly.Module). */
export async function loadPathway(source) {
  return new Pathway(await instantiate(source));
}
