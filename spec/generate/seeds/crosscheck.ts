// Compares what a page states with what the model says. Each difference is a Disagreement naming
// both sources; the facts a page does state are recorded as provenance marks.
import type { ModelShape, ServiceModel } from '../model/types.js';
import { errorStatus } from '../emit/document.js';
import type { Constraints, FactType, MemberFact, PageFacts } from './facts.js';

/** A page-wins change to the model, applied only when a reconciliation says so. */
export type Patch =
  | { kind: 'http'; operation: string; method: string; uri: string }
  | { kind: 'error-add'; operation: string; shape: string; status: number }
  | { kind: 'error-remove'; operation: string; shape: string }
  | { kind: 'error-status'; shape: string; status: number }
  | { kind: 'required'; structure: string; member: string; required: boolean }
  | { kind: 'constraint'; structure: string; member: string; key: keyof Constraints; value: unknown }
  | { kind: 'member-remove'; structure: string; member: string }
  | { kind: 'unsupported'; what: string };

export interface Disagreement {
  /** stable id: service:Operation:kind:path[:attribute] */
  fact: string;
  pageSays: string;
  modelSays: string;
  /** page file + section */
  page: string;
  /** model file + shape/member */
  model: string;
  patch: Patch;
}

export interface Mark {
  structure: string;
  member: string;
  file: string;
  /** the page stated at least one constraint for it */
  constraints: boolean;
}

export interface CheckResult {
  disagreements: Disagreement[];
  marks: Mark[];
}

const COMPATIBLE: Record<FactType, ModelShape['type'][]> = {
  string: ['string'],
  number: ['integer', 'long', 'float', 'double', 'timestamp'],
  integer: ['integer', 'long'],
  float: ['float', 'double'],
  boolean: ['boolean'],
  timestamp: ['timestamp'],
  blob: ['blob'],
  list: ['list'],
  structure: ['structure', 'map'],
  map: ['map'],
};

const show = (v: unknown): string => (v === undefined ? 'absent' : typeof v === 'string' ? v : JSON.stringify(v));

/** Model value of a page constraint for a shape, in the page's terms. */
function modelConstraint(shape: ModelShape, key: keyof Constraints): unknown {
  switch (key) {
    case 'minLength':
      return shape.type === 'string' ? shape.min : undefined;
    case 'maxLength':
      return shape.type === 'string' ? shape.max : undefined;
    case 'minItems':
      return shape.type === 'list' ? shape.min : undefined;
    case 'maxItems':
      return shape.type === 'list' ? shape.max : undefined;
    case 'minimum':
      return shape.type !== 'string' && shape.type !== 'list' ? shape.min : undefined;
    case 'maximum':
      return shape.type !== 'string' && shape.type !== 'list' ? shape.max : undefined;
    case 'pattern':
      return shape.pattern;
    case 'enum':
      return shape.enum ? [...shape.enum].sort() : undefined;
  }
}

export function crossCheck(page: PageFacts, service: string, model: ServiceModel, modelFile: string): CheckResult {
  const disagreements: Disagreement[] = [];
  const marks: Mark[] = [];
  const opName = page.operation;
  const op = model.operations[opName];
  const idBase = `${service}:${opName}`;
  const add = (d: Omit<Disagreement, 'page' | 'model'> & { section: string; modelWhere: string }) => {
    const { section, modelWhere, ...rest } = d;
    disagreements.push({ ...rest, page: `${page.file} section "${section}"`, model: `${modelFile} ${modelWhere}` });
  };
  if (!op) return { disagreements, marks }; // the caller reports a missing operation

  if (page.http) {
    const pageSays = `${page.http.method} ${page.http.uri}`;
    const modelSays = `${op.http.method} ${op.http.requestUri.split('?')[0]}`;
    if (pageSays !== modelSays) {
      add({ fact: `${idBase}:http`, pageSays, modelSays, section: page.http.section, modelWhere: `operation ${opName} http`, patch: { kind: 'http', operation: opName, method: page.http.method, uri: page.http.uri } });
    }
  }

  const inputName = op.input?.shape;
  const input = inputName ? model.shapes[inputName] : undefined;
  for (const h of page.headers) {
    const ref = input?.members?.[h.member];
    const modelSays = ref ? `${ref.location ?? 'body'} ${ref.locationName ?? h.member}` : 'absent';
    const pageSays = `header ${h.wireName}`;
    if (modelSays.toLowerCase() !== pageSays.toLowerCase()) {
      add({ fact: `${idBase}:header:${h.member}`, pageSays, modelSays, section: h.section, modelWhere: `shape ${inputName} member ${h.member}`, patch: { kind: 'unsupported', what: 'a header binding' } });
    }
  }

  /** Compares one page member with member `m.name` of model structure `structName` (at `path`). */
  const member = (m: MemberFact, structName: string, path: string, kind: string): void => {
    const struct = model.shapes[structName];
    const ref = struct?.members?.[m.name];
    const factId = `${idBase}:${kind}:${path}`;
    const where = `shape ${structName} member ${m.name}`;
    if (!struct || !ref) {
      add({ fact: `${factId}:presence`, pageSays: 'present', modelSays: 'absent', section: m.section, modelWhere: where, patch: { kind: 'unsupported', what: 'a member the model lacks' } });
      return;
    }
    const stated = Object.keys(m.constraints).length > 0;
    marks.push({ structure: structName, member: m.name, file: page.file, constraints: stated });
    const shape = model.shapes[ref.shape];
    if (!shape) return;
    if (m.type && !COMPATIBLE[m.type].includes(shape.type)) {
      add({ fact: `${factId}:type`, pageSays: m.type, modelSays: shape.type, section: m.section, modelWhere: `${where} (shape ${ref.shape})`, patch: { kind: 'unsupported', what: 'a type' } });
    }
    if (m.required !== undefined) {
      const modelRequired = (struct.required ?? []).includes(m.name) || ref.location === 'uri';
      if (m.required !== modelRequired) {
        add({ fact: `${factId}:required`, pageSays: String(m.required), modelSays: String(modelRequired), section: m.section, modelWhere: `shape ${structName} required`, patch: { kind: 'required', structure: structName, member: m.name, required: m.required } });
      }
    }
    for (const [key, value] of Object.entries(m.constraints) as [keyof Constraints, unknown][]) {
      const pageValue = key === 'enum' ? [...(value as string[])].sort() : value;
      const modelValue = modelConstraint(shape, key);
      if (show(pageValue) !== show(modelValue)) {
        add({ fact: `${factId}:${key}`, pageSays: show(pageValue), modelSays: show(modelValue), section: m.section, modelWhere: `shape ${ref.shape} (${where})`, patch: { kind: 'constraint', structure: structName, member: m.name, key, value } });
      }
    }
    // the element or structure the nested members belong to
    let inner: string | undefined;
    if (shape.type === 'list' && shape.member) {
      inner = shape.member.shape;
      if (m.itemShape && m.itemShape !== inner) {
        add({ fact: `${factId}:itemShape`, pageSays: m.itemShape, modelSays: inner, section: m.section, modelWhere: `shape ${ref.shape} member`, patch: { kind: 'unsupported', what: 'a list element shape' } });
      }
    } else if (shape.type === 'structure') inner = ref.shape;
    if (m.members && inner && model.shapes[inner]?.type === 'structure') {
      const sep = shape.type === 'list' ? '[].' : '.';
      children(m.members, inner, `${path}${sep}`, kind, m.section, () => true);
    }
  };

  /** Page members of a structure against the model's, both ways. */
  const children = (members: MemberFact[], structName: string, prefix: string, kind: string, section: string, modelKeep: (name: string) => boolean) => {
    for (const m of members) member(m, structName, `${prefix}${m.name}`, kind);
    const listed = new Set(members.map((m) => m.name));
    for (const [name, ref] of Object.entries(model.shapes[structName]?.members ?? {})) {
      if (listed.has(name) || !modelKeep(name)) continue;
      add({
        fact: `${idBase}:${kind}:${prefix}${name}:presence`,
        pageSays: 'absent',
        modelSays: `present (${ref.shape})`,
        section,
        modelWhere: `shape ${structName} member ${name}`,
        patch: { kind: 'member-remove', structure: structName, member: name },
      });
    }
  };

  if (inputName && input) {
    const located = (n: string) => input.members?.[n]?.location !== undefined;
    if (page.requestIncludesUri) {
      children(page.request, inputName, '', 'request', 'Parameters', () => true);
    } else {
      children(page.request, inputName, '', 'request', 'Request Body', (n) => !located(n));
      children(page.uriParams, inputName, '', 'uri', 'URI Request Parameters', located);
    }
  }
  const outputName = op.output?.shape;
  if (outputName && model.shapes[outputName]) {
    const output = model.shapes[outputName];
    children(page.response, outputName, '', 'response', page.format === 'boto3-rst' ? 'Response Structure' : 'Response Elements', (n) => output.members?.[n]?.location === undefined);
  }

  const modelErrors = new Set((op.errors ?? []).map((e) => e.shape));
  const pageErrors = new Set(page.errors.map((e) => e.shape));
  for (const e of page.errors) {
    const fact = `${idBase}:error:${e.shape}`;
    if (!modelErrors.has(e.shape)) {
      const status = e.status ?? 400;
      add({ fact, pageSays: e.status !== undefined ? `present (${e.status})` : 'present', modelSays: 'absent', section: e.section, modelWhere: `operation ${opName} errors`, patch: { kind: 'error-add', operation: opName, shape: e.shape, status } });
      continue;
    }
    const modelStatus = errorStatus(model, e.shape);
    if (e.status !== undefined && e.status !== modelStatus) {
      add({ fact: `${fact}:status`, pageSays: String(e.status), modelSays: String(modelStatus), section: e.section, modelWhere: `shape ${e.shape} error.httpStatusCode`, patch: { kind: 'error-status', shape: e.shape, status: e.status } });
    }
    for (const name of e.members) {
      if (!model.shapes[e.shape]?.members?.[name]) {
        add({ fact: `${fact}:member:${name}`, pageSays: 'present', modelSays: 'absent', section: e.section, modelWhere: `shape ${e.shape}`, patch: { kind: 'unsupported', what: 'an error member the model lacks' } });
      } else marks.push({ structure: e.shape, member: name, file: page.file, constraints: false });
    }
  }
  for (const shape of modelErrors) {
    if (pageErrors.has(shape)) continue;
    add({ fact: `${idBase}:error:${shape}`, pageSays: 'absent', modelSays: `present (${errorStatus(model, shape)})`, section: page.format === 'boto3-rst' ? 'Exceptions' : 'Errors', modelWhere: `operation ${opName} errors`, patch: { kind: 'error-remove', operation: opName, shape } });
  }

  // one entry per fact (shared shapes are reached through several paths)
  const seen = new Set<string>();
  return {
    disagreements: disagreements.filter((d) => {
      const k = `${d.fact}|${d.pageSays}|${d.modelSays}`;
      if (seen.has(k)) return false;
      seen.add(k);
      return true;
    }),
    marks,
  };
}
