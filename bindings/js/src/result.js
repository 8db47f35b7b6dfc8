// One evaluation's results, read as the C runtime reads them (runtime/src/
// Result.cpp): statuses after supersedes, own conditions, findings,
// definitions, missing inputs from the masks, superseded-by sets and, for a
// traced evaluation, explanations (explain.js).
import { PathwayError } from './errors.js';
import { explainOne, explanationText, explanationJson, allText, allJson, valueText } from './explain.js';

const TRI = ['false', 'true', 'unknown'];
const STATUS = ['no', 'fire', 'undetermined']; // PW_NO, PW_FIRE, PW_UNDETERMINED: the state byte's meaning

export class Result {
  /** Made by Pathway.evaluate: the module's outputs and a copy of the patient's inputs. */
  constructor(pathway, outputs, values, known) {
    this.pathway = pathway;
    this.schema = pathway.schema;
    this.state = outputs.state.slice();
    this.numbers = outputs.numbers.slice();
    this.masks = outputs.missing ? outputs.missing.slice() : null;
    this.trace = outputs.trace ? outputs.trace.slice() : null;
    this.values = values.slice();
    this.known = known.slice();
  }

  // The recommendation index for a code or an index (the C API's lookup and messages).
  recommendationIndex(rec) {
    const recs = this.schema.recommendations;
    if (typeof rec === 'number') {
      if (!Number.isInteger(rec) || rec < 0 || rec >= recs.length) {
        throw new PathwayError('argument', `recommendation index ${rec} is out of range (the pathway has ${recs.length})`);
      }
      return rec;
    }
    const i = this.pathway.recommendationIndex.get(rec);
    if (i === undefined) throw new PathwayError('not_found', `no recommendation named '${rec}'`);
    return i;
  }

  /** 'fire' | 'no' | 'undetermined', after supersedes (pw_result_status). */
  status(rec) {
    return STATUS[this.state[this.recommendationIndex(rec)]];
  }

  /** The recommendation's own condition before supersedes: 'true' | 'false' | 'unknown'. */
  condition(rec) {
    return TRI[this.state[this.schema.recommendations.length + this.recommendationIndex(rec)]];
  }

  /** Every recommendation's status by code. */
  statuses() {
    return Object.fromEntries(this.schema.recommendations.map((r, i) => [r.code, STATUS[this.state[i]]]));
  }

  /** The codes of the recommendations that fired. */
  fired() {
    return this.schema.recommendations.filter((r, i) => this.state[i] === 1).map((r) => r.code);
  }

  /** The inputs that could still decide an undetermined recommendation, in schema order. */
  missing(rec) {
    const r = this.recommendationIndex(rec);
    if (this.state[r] !== 2) return [];
    if (!this.masks) throw new PathwayError('state', 'the result was evaluated without missing-input masks');
    const words = this.pathway.maskWords;
    const names = [];
    for (let w = 0; w < words; ++w) {
      const bits = this.masks[r * words + w];
      for (let b = 0n; b < 64n; ++b) {
        if ((bits >> b) & 1n) {
          const input = w * 64 + Number(b);
          if (input < this.schema.inputs.length) names.push(this.schema.inputs[input].name);
        }
      }
    }
    return names;
  }

  /** The recommendations that fired and superseded this one (its condition true or unknown). */
  supersededBy(rec) {
    const r = this.recommendationIndex(rec);
    if (this.state[this.schema.recommendations.length + r] === 0) return [];
    return this.schema.recommendations[r].supersededByIndices
      .filter((s) => this.state[s] === 1)
      .map((s) => this.schema.recommendations[s].code);
  }

  /** Findings by name: 'true' | 'false' | 'unknown'. */
  findings() {
    const base = 2 * this.schema.recommendations.length;
    return Object.fromEntries(this.schema.findings.map((f, i) => [f.name, TRI[this.state[base + i]]]));
  }

  /** Definitions by name: {value: 'true'|'false'|'unknown', number} (number only for number definitions). */
  definitions() {
    const base = 2 * this.schema.recommendations.length + this.schema.findings.length;
    return Object.fromEntries(this.schema.definitions.map((d, i) => {
      const tri = TRI[this.state[base + i]];
      return [d.name, d.type === 'number' ? { value: tri, number: this.numbers[base + i] } : { value: tri }];
    }));
  }

  /** The patient's value of an input as explanations show it ("6 weeks", "unknown"). */
  inputValue(name) {
    const i = typeof name === 'number' ? name : this.schema.inputIndex.get(name);
    if (i === undefined) throw new PathwayError('not_found', `no input named '${name}'`);
    return valueText(this.schema.inputs[i], this.known[i] === 1, this.values[i]);
  }

  // explain.js's view of this evaluation.
  evaluation() {
    const schema = this.schema;
    return {
      graph: this.pathway.graph,
      recommendationCount: schema.recommendations.length,
      recommendation: (i) => schema.recommendations[i],
      status: (i) => STATUS[this.state[i]],
      node: (g) => this.trace[g],
      missing: (i) => this.missing(i).map((n) => schema.inputIndex.get(n)),
      inputName: (i) => schema.inputs[i].name,
      inputValue: (i) => valueText(schema.inputs[i], this.known[i] === 1, this.values[i]),
    };
  }

  /**
   * pw_result_explain: the explanation of one recommendation (code or index), or of those worth
   * explaining when `rec` is null, as 'text' or 'json' (an object; JSON.stringify gives the C text).
   */
  explain(rec = null, format = 'text') {
    if (format !== 'text' && format !== 'json') throw new PathwayError('argument', `unknown explanation format ${format}`);
    if (!this.trace) {
      throw new PathwayError('state', 'the result was not evaluated with pw_evaluate_traced, so it holds nothing to explain');
    }
    const ev = this.evaluation();
    if (rec === null) return format === 'json' ? allJson(ev, this.schema.name, this.schema.version) : allText(ev);
    const e = explainOne(ev, this.recommendationIndex(rec));
    return format === 'json' ? explanationJson(ev, e) : explanationText(ev, e);
  }
}
