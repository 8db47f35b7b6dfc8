// Types of @pathway/runtime (src/index.js): a pathway compiled by
// `pathwayc build --target wasm32`, opened in a browser or in Node, with the
// C runtime's inputs, statuses, missing inputs and explanations.

import type { Unit } from './units.js';

/** The runtime's error kinds: pw_status names in lower case without their prefix. */
export type PathwayErrorStatus =
  | 'argument' | 'load' | 'not_pathway' | 'abi' | 'corrupt' | 'not_found' | 'type' | 'range'
  | 'json' | 'unit' | 'state' | 'internal';

/** Every failure of the runtime; `message` is the text pw_last_error would give. */
export class PathwayError extends Error {
  constructor(status: PathwayErrorStatus, message: string);
  readonly name: 'PathwayError';
  readonly status: PathwayErrorStatus;
}

export type InputType = 'bool' | 'int' | 'number' | 'enum' | 'quantity';

export interface Citation {
  readonly source: string;
  readonly paragraph: string;
}

export interface InputSchema {
  readonly index: number;
  readonly name: string;
  readonly type: InputType;
  /** Same as `type`. */
  readonly kind: InputType;
  readonly description: string;
  /** Declared bounds (quantities in `unit`), null when not declared. */
  readonly min: number | null;
  readonly max: number | null;
  /** A quantity's declared unit ("weeks"), else "". */
  readonly unit: string;
  /** A quantity's dimension ("time"), else "". */
  readonly dimension: string;
  /** The canonical units of the dimension. */
  readonly units: readonly string[];
  /** Every accepted spelling of those units. */
  readonly spellings: readonly string[];
  readonly unitEntry: Unit | null;
  /** An enum input's enum type name. */
  readonly enumName: string;
  /** An enum's labels: its value is a label's index. */
  readonly labels: readonly string[];
  /** Same as `labels`. */
  readonly values: readonly string[];
}

export interface DefinitionSchema {
  readonly index: number;
  readonly name: string;
  readonly type: 'bool' | 'number';
}

export interface FindingSchema {
  readonly index: number;
  readonly name: string;
  readonly label: string;
  readonly citations: readonly Citation[];
}

export type Urgency = 'immediate' | 'soon' | 'routine';

export interface RecommendationSchema {
  readonly index: number;
  readonly name: string;
  /** Same as `name`. */
  readonly code: string;
  readonly label: string;
  readonly category: string;
  readonly urgency: Urgency;
  readonly rationale: string;
  readonly citations: readonly Citation[];
  readonly supersedes: readonly string[];
  readonly supersededBy: readonly string[];
  readonly supersedesIndices: readonly number[];
  readonly supersededByIndices: readonly number[];
}

export interface Schema {
  readonly name: string;
  readonly title: string;
  readonly version: string;
  readonly authors: readonly string[];
  readonly sources: readonly { readonly name: string; readonly title: string; readonly paragraphs: readonly string[] }[];
  readonly inputs: readonly InputSchema[];
  readonly definitions: readonly DefinitionSchema[];
  readonly findings: readonly FindingSchema[];
  readonly recommendations: readonly RecommendationSchema[];
  /** The raw explain graph (present in modules built with explanations), or null. */
  readonly explain: unknown;
  /** The raw FHIR bindings, or null. */
  readonly fhir: unknown;
  readonly inputNames: readonly string[];
  readonly definitionNames: readonly string[];
  readonly findingNames: readonly string[];
  readonly recommendationNames: readonly string[];
  readonly inputIndex: ReadonlyMap<string, number>;
}

/** Parses and checks a module's metadata JSON; throws PathwayError('corrupt') when it is not a schema. */
export function parseSchema(metadataText: string | Uint8Array): Schema;

/** An input named by its name or its index in the schema. */
export type InputRef = string | number;

/** A quantity as JSON gives it: a number in the declared unit, "6 weeks" or {value, unit}. */
export type QuantityValue = number | string | { value: number; unit: string };
/** A value as `Input.set` and `Input.setObject` take it; null and undefined are unknown. */
export type InputValue = boolean | number | string | { value: number; unit: string } | null | undefined;

/**
 * One patient's facts for one pathway (pw_input): every input starts
 * unknown; every setter checks the value as the C runtime does and leaves
 * the input unchanged when it throws. Setters return the input, to chain.
 */
export class Input {
  constructor(schema: Schema | string | Uint8Array);
  readonly schema: Schema;
  /** The values in the ABI layout (unknown: 0), updated in place. */
  readonly values: Float64Array;
  /** 1 for a known input, 0 for an unknown one, updated in place. */
  readonly known: Uint8Array;
  setBool(input: InputRef, value: boolean): this;
  setInt(input: InputRef, value: number | bigint): this;
  setNumber(input: InputRef, value: number): this;
  setEnum(input: InputRef, label: string): this;
  setEnumIndex(input: InputRef, index: number): this;
  /** `value` in `unit` ("days", "mg/dL"...), stored in the input's declared unit. */
  setQuantity(input: InputRef, value: number, unit: string): this;
  setUnknown(input: InputRef): this;
  /** Same as setUnknown. */
  clear(input: InputRef): this;
  /** Every input unknown. */
  clearAll(): this;
  isKnown(input: InputRef): boolean;
  /** The stored value: bool 0/1, an enum's label index, a quantity in its declared unit. */
  get(input: InputRef): { known: boolean; value: number };
  /** One input by the JSON rules; with `unit`, setQuantity(input, value, unit). */
  set(input: InputRef, value: InputValue, unit?: string): this;
  /** pw_input_set_json: replaces every input from a JSON object text (or UTF-8 bytes), all or nothing. */
  setJson(text: string | Uint8Array | ArrayBuffer | ArrayBufferView): this;
  /** setJson on a JS object. */
  setObject(object: Record<string, InputValue>): this;
  /** Every input from a row in the ABI layout; without `known`, NaN is unknown. */
  setRow(values: ArrayLike<number>, known?: ArrayLike<number>): this;
}

export type Status = 'fire' | 'no' | 'undetermined';
export type Truth = 'true' | 'false' | 'unknown';

/** An explanation as JSON (JSON.stringify gives the C runtime's text byte for byte). */
export type ExplanationJson = Record<string, unknown>;

/** One evaluation (pw_result), independent of later evaluations. */
export class Result {
  readonly pathway: Pathway;
  readonly schema: Schema;
  /** 'fire' | 'no' | 'undetermined', after supersedes (pw_result_status). */
  status(rec: string | number): Status;
  /** The recommendation's own condition, before supersedes. */
  condition(rec: string | number): Truth;
  /** Every recommendation's status by code. */
  statuses(): Record<string, Status>;
  /** The codes of the recommendations that fired. */
  fired(): string[];
  /** The inputs that could still decide an undetermined recommendation (empty otherwise), in schema order. */
  missing(rec: string | number): string[];
  /** The recommendations that fired and superseded this one. */
  supersededBy(rec: string | number): string[];
  findings(): Record<string, Truth>;
  definitions(): Record<string, { value: Truth; number?: number }>;
  /** An input's value as explanations write it ("6 weeks", "unknown"). */
  inputValue(input: InputRef): string;
  /**
   * pw_result_explain: one recommendation's explanation, or (rec null) those worth explaining;
   * needs an evaluation with `explain: true`.
   */
  explain(rec?: string | number | null, format?: 'text'): string;
  explain(rec: string | number | null, format: 'json'): ExplanationJson;
}

export interface EvaluateOptions {
  /** Trace the evaluation so Result.explain works (default true). */
  explain?: boolean;
  /** Compute the missing inputs of undetermined recommendations (default true). */
  masks?: boolean;
}

/** An opened pathway module. */
export class Pathway {
  readonly name: string;
  readonly title: string;
  readonly version: string;
  /** The pathway's 64-bit content hash. */
  readonly contentHash: bigint;
  readonly schema: Schema;
  readonly inputs: readonly InputSchema[];
  readonly recommendations: readonly RecommendationSchema[];
  readonly findings: readonly FindingSchema[];
  readonly definitions: readonly DefinitionSchema[];
  /** A new patient of this pathway, every input unknown. */
  input(): Input;
  /** Evaluates one patient; throws PathwayError('argument') for an Input of another pathway. */
  evaluate(input: Input, options?: EvaluateOptions): Result;
}

/**
 * Opens a module built by `pathwayc build --target wasm32`: its bytes, a
 * fetch() Response or a compiled WebAssembly.Module. Checks the descriptor
 * (magic, ABI version, size, checksum) as the C loader does.
 */
export function loadPathway(source: ArrayBuffer | ArrayBufferView | Response | WebAssembly.Module): Promise<Pathway>;

/** A number as the C runtime writes it in messages and explanations (fmt's shortest round trip). */
export function formatNumber(value: number): string;
