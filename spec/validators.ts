// Ajv (JSON Schema 2020-12) validators compiled once from the committed OpenAPI documents.
// Each service's components are registered as one schema resource; validators reference into it.
import { Ajv2020 } from 'ajv/dist/2020.js';
import type { ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { RegExpLike } from 'ajv/dist/types/index.js';
import { loadOpenApi, findOperation } from './load.js';
import type { ServiceName } from './services.js';

export interface ValidationResult {
  ok: boolean;
  errors: string[];
}

const COMPONENTS_PREFIX = '#/components/schemas/';

function resourceId(service: ServiceName): string {
  return `https://lockstep.invalid/${service}/components.json`;
}

let ajv: Ajv2020 | undefined;
const registered = new Set<ServiceName>();
const compiled = new Map<string, ValidateFunction>();

function collectExtensionKeywords(node: unknown, into: Set<string>): void {
  if (Array.isArray(node)) node.forEach((n) => collectExtensionKeywords(n, into));
  else if (node && typeof node === 'object') {
    for (const [k, v] of Object.entries(node)) {
      if (k.startsWith('x-')) into.add(k);
      collectExtensionKeywords(v, into);
    }
  }
}

function rewriteRefs(node: unknown, service: ServiceName): unknown {
  if (Array.isArray(node)) return node.map((n) => rewriteRefs(n, service));
  if (node && typeof node === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(node)) {
      out[k] = k === '$ref' && typeof v === 'string' && v.startsWith(COMPONENTS_PREFIX) ? `${resourceId(service)}#/$defs/${v.slice(COMPONENTS_PREFIX.length)}` : rewriteRefs(v, service);
    }
    return out;
  }
  return node;
}

/** Strings longer than this are tested directly and never remembered (bounds the memory a memo holds). */
const MEMO_MAX_LENGTH = 256;
const MEMO_MAX_ENTRIES = 4096;

/**
 * Ajv's `pattern` engine: a RegExp that remembers its answers for short strings. Names (attribute
 * names, keys) repeat from request to request, and a \p{...} class under the `u` flag costs far more
 * than a map lookup. Safe because a RegExp without the g or y flag is a pure function of its input.
 */
function memoRegExp(pattern: string, flags: string): RegExpLike {
  const re = new RegExp(pattern, flags);
  const seen = new Map<string, boolean>();
  const engine: RegExpLike & { toString(): string } = {
    test(s: string): boolean {
      if (s.length > MEMO_MAX_LENGTH) return re.test(s);
      let hit = seen.get(s);
      if (hit === undefined) {
        hit = re.test(s);
        if (seen.size >= MEMO_MAX_ENTRIES) seen.clear();
        seen.set(s, hit);
      }
      return hit;
    },
    // Ajv shares one compiled pattern per distinct toString(): it must name the pattern.
    toString: () => re.toString(),
  };
  return engine;
}
// Only read by Ajv's standalone code generation (not used here): plain RegExp there.
memoRegExp.code = 'new RegExp';

function instance(service: ServiceName): Ajv2020 {
  // strictTypes off: a $ref beside an annotation keyword is fine in 2020-12 but trips the type linter
  ajv ??= new Ajv2020({ allErrors: true, strict: true, strictTypes: false, unicodeRegExp: true, code: { regExp: memoRegExp } });
  if (!registered.has(service)) {
    const doc = loadOpenApi(service);
    const keywords = new Set<string>();
    collectExtensionKeywords(doc.components.schemas, keywords);
    for (const k of ['x-lockstep-source', 'x-lockstep-member', 'x-lockstep-greedy', 'x-lockstep-union', 'x-lockstep-timestamp', 'x-lockstep-model-pattern', 'x-lockstep-minBytes', 'x-lockstep-maxBytes']) keywords.add(k);
    for (const k of keywords) if (!ajv.getKeyword(k)) ajv.addKeyword({ keyword: k });
    ajv.addSchema({ $id: resourceId(service), $defs: rewriteRefs(doc.components.schemas, service) as Record<string, unknown> });
    registered.add(service);
  }
  return ajv;
}

function compile(service: ServiceName, key: string, build: () => Record<string, unknown>): ValidateFunction {
  const cacheKey = `${service}:${key}`;
  let v = compiled.get(cacheKey);
  if (!v) {
    const fresh = instance(service).compile(rewriteRefs(build(), service) as Record<string, unknown>);
    compiled.set(cacheKey, fresh);
    return fresh;
  }
  return v;
}

export function formatError(e: ErrorObject): string {
  const where = e.instancePath === '' ? '(root)' : e.instancePath;
  switch (e.keyword) {
    case 'required':
      return `${where}: missing required member ${(e.params as { missingProperty: string }).missingProperty}`;
    case 'enum':
      return `${where}: must be one of ${JSON.stringify((e.params as { allowedValues: unknown[] }).allowedValues)}`;
    case 'additionalProperties':
      return `${where}: unexpected member ${(e.params as { additionalProperty: string }).additionalProperty}`;
    case 'pattern':
      return `${where}: must match pattern ${(e.params as { pattern: string }).pattern}`;
    default:
      return `${where}: ${e.message ?? e.keyword}`;
  }
}

function run(v: ValidateFunction, value: unknown): ValidationResult {
  const ok = v(value) as boolean;
  return { ok, errors: ok ? [] : (v.errors ?? []).map(formatError) };
}

function operationOf(service: ServiceName, op: string) {
  const info = findOperation(service, op);
  if (!info) throw new Error(`unknown operation ${service}:${op}`);
  return info;
}

/**
 * Validates an operation's input as the SDK shapes it: one object keyed by member name holding the
 * path, query and header members (already converted to their types) and the body members.
 */
export function requestValidator(service: ServiceName, op: string): (input: unknown) => ValidationResult {
  const info = operationOf(service, op);
  const v = compile(service, `request:${op}`, () => {
    const properties: Record<string, unknown> = {};
    const required: string[] = [];
    for (const p of info.params) {
      properties[p['x-lockstep-member']] = p.schema;
      if (p.required) required.push(p['x-lockstep-member']);
    }
    return {
      allOf: [{ $ref: `${COMPONENTS_PREFIX}${op}Request` }, { type: 'object', properties, required: required.sort() }],
    };
  });
  return (input) => run(v, input);
}

/** Validates the JSON body of a 200 response. */
export function responseValidator(service: ServiceName, op: string): (body: unknown) => ValidationResult {
  operationOf(service, op);
  const v = compile(service, `response:${op}`, () => ({ $ref: `${COMPONENTS_PREFIX}${op}Response` }));
  return (body) => run(v, body);
}

/** Validates the JSON body of an error response against its error shape. */
export function errorValidator(service: ServiceName, shape: string): (body: unknown) => ValidationResult {
  const doc = loadOpenApi(service);
  if (!(shape in doc.components.schemas)) throw new Error(`unknown error shape ${service}:${shape}`);
  const v = compile(service, `error:${shape}`, () => ({ $ref: `${COMPONENTS_PREFIX}${shape}` }));
  return (body) => run(v, body);
}

/** Validates a value against any named component schema of a service. */
export function schemaValidator(service: ServiceName, component: string): (value: unknown) => ValidationResult {
  const doc = loadOpenApi(service);
  if (!(component in doc.components.schemas)) throw new Error(`unknown schema ${service}:${component}`);
  const v = compile(service, `schema:${component}`, () => ({ $ref: `${COMPONENTS_PREFIX}${component}` }));
  return (value) => run(v, value);
}
