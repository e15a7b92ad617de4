// Response checks every suite shares (the COMMON-* requirements of the conformance profile).
// Each returns an outcome; the suite hands it to the verdict recorder with the requirement id.
import type { ServiceName } from '../../spec/services.js';
import { decodeError, type DecodedError } from './errors.js';
import { operationInfo, openApiDoc } from './operations.js';
import { validateErrorBody, validateResponseBody } from './schema.js';
import type { HttpResult } from './transport.js';

export interface Outcome {
  ok: boolean;
  message: string;
}

const ok = (message = 'ok'): Outcome => ({ ok: true, message });
const bad = (message: string): Outcome => ({ ok: false, message });

function describe(r: HttpResult): string {
  return r.kind === 'response' ? `HTTP ${r.status}` : `${r.kind} (${r.message})`;
}

/** The message member each service's errors carry. */
export function messageMember(service: ServiceName): 'Message' | 'message' {
  return service === 'cognito-sync' ? 'message' : 'Message';
}

export function isJsonContentType(ct: string | undefined): boolean {
  return ct !== undefined && /^application\/json\s*(;|$)/i.test(ct.trim());
}

/** COMMON-RESP-1: 200, JSON content type, body valid against the output schema. */
export function checkSuccess(service: ServiceName, operation: string, r: HttpResult): Outcome {
  if (r.kind !== 'response') return bad(`expected a 200 response, got ${describe(r)}`);
  if (r.status !== 200) {
    const e = decodeError(r.headers, r.json);
    return bad(`expected 200, got ${r.status}${e.code ? ` ${e.code}` : ''}${e.message ? `: ${e.message}` : ''}`);
  }
  if (!isJsonContentType(r.headers['content-type'])) return bad(`Content-Type is ${r.headers['content-type'] ?? 'missing'}, expected application/json`);
  if (r.json === undefined || r.json === null || typeof r.json !== 'object' || Array.isArray(r.json)) return bad('body is not a JSON object');
  const v = validateResponseBody(service, operation, 200, r.json);
  return v.valid ? ok() : bad(`body does not match ${operation}Response: ${v.errors}`);
}

export interface ErrorExpectation {
  /** Acceptable shapes; default: any shape the operation lists. */
  shapes?: string[];
  /** Acceptable statuses; default: the status of the decoded shape. */
  statuses?: number[];
}

/**
 * COMMON-ERR-1: the error carries X-Amzn-ErrorType naming a shape the operation lists, the status
 * of that shape, and a JSON body with the message member.
 */
export function checkError(service: ServiceName, operation: string, r: HttpResult, expect: ErrorExpectation = {}): Outcome & { error?: DecodedError } {
  if (r.kind !== 'response') return bad(`expected an error response, got ${describe(r)}`);
  if (r.status < 400) return bad(`expected an error, got ${r.status}`);
  const info = operationInfo(service, operation);
  const err = decodeError(r.headers, r.json);
  const header = Object.entries(r.headers).find(([k]) => k === 'x-amzn-errortype')?.[1];
  if (header === undefined) return { ...bad(`no X-Amzn-ErrorType header (decoded ${err.code ?? 'nothing'} from ${err.from})`), error: err };
  const listed = info.errors.find((e) => e.shape === err.code);
  if (!listed) return { ...bad(`error ${err.code} is not one ${operation} lists (${info.errors.map((e) => e.shape).join(', ')})`), error: err };
  if (r.status !== listed.status) return { ...bad(`${err.code} came with status ${r.status}, its shape has ${listed.status}`), error: err };
  if (expect.shapes && !expect.shapes.includes(listed.shape)) return { ...bad(`expected ${expect.shapes.join(' or ')}, got ${listed.shape}`), error: err };
  if (expect.statuses && !expect.statuses.includes(r.status)) return { ...bad(`expected status ${expect.statuses.join(' or ')}, got ${r.status}`), error: err };
  if (r.json === null || typeof r.json !== 'object' || Array.isArray(r.json)) return { ...bad('error body is not a JSON object'), error: err };
  const m = messageMember(service);
  const msg = (r.json as Record<string, unknown>)[m];
  if (msg !== undefined && typeof msg !== 'string') return { ...bad(`error body member ${m} is not a string`), error: err };
  if (msg === undefined) return { ...bad(`error body has no ${m} member`), error: err };
  const schema = validateErrorBody(service, listed.shape, r.json);
  if (!schema.valid) return { ...bad(`error body does not match ${listed.shape}: ${schema.errors}`), error: err };
  return { ...ok(`${listed.shape} ${r.status}`), error: err };
}

/** COMMON-ERR-2: a client mistake never earns a 5xx (nor a transport failure). */
export function checkNot5xx(r: HttpResult): Outcome {
  if (r.kind !== 'response') return bad(`no response: ${describe(r)}`);
  if (r.status >= 500) {
    const e = decodeError(r.headers, r.json);
    return bad(`client mistake answered with ${r.status}${e.code ? ` ${e.code}` : ''}`);
  }
  return ok(`HTTP ${r.status}`);
}

/** COMMON-VAL-2 (MUST part): a 4xx. */
export function check4xx(r: HttpResult): Outcome {
  if (r.kind !== 'response') return bad(`no response: ${describe(r)}`);
  return r.status >= 400 && r.status < 500 ? ok(`HTTP ${r.status}`) : bad(`expected a 4xx, got ${r.status}`);
}

/** COMMON-RESP-2: x-amzn-RequestId present (transport failures are not judged here). */
export function checkRequestId(r: HttpResult): Outcome {
  if (r.kind !== 'response') return bad(`no response: ${describe(r)}`);
  const id = r.headers['x-amzn-requestid'];
  return id && id.trim() !== '' ? ok(id) : bad('x-amzn-RequestId header missing');
}

type Json = Record<string, any>;

function deref(doc: Json, node: Json | undefined): Json | undefined {
  let n = node;
  for (let i = 0; i < 20 && n && typeof n.$ref === 'string'; i++) {
    n = (n.$ref as string).replace(/^#\//, '').split('/').reduce<Json | undefined>((a, p) => a?.[p], doc);
  }
  return n;
}

/** Paths of values in `value` that the schema marks as timestamps but that are not JSON numbers. */
export function nonNumericTimestamps(doc: Json, schema: Json | undefined, value: unknown, at = '$', depth = 0): string[] {
  const s = deref(doc, schema);
  if (!s || depth > 40 || value === null || value === undefined) return [];
  if (s['x-lockstep-timestamp'] === true) return typeof value === 'number' && Number.isFinite(value) ? [] : [at];
  const out: string[] = [];
  for (const alt of [...(s.oneOf ?? []), ...(s.anyOf ?? []), ...(s.allOf ?? [])]) out.push(...nonNumericTimestamps(doc, alt, value, at, depth + 1));
  if (Array.isArray(value)) {
    value.forEach((item, i) => out.push(...nonNumericTimestamps(doc, s.items, item, `${at}[${i}]`, depth + 1)));
  } else if (typeof value === 'object') {
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      const sub = s.properties?.[k] ?? (typeof s.additionalProperties === 'object' ? s.additionalProperties : undefined);
      if (sub) out.push(...nonNumericTimestamps(doc, sub, v, `${at}.${k}`, depth + 1));
    }
  }
  return [...new Set(out)];
}

/** COMMON-TS-1: every timestamp in a 200 body is a JSON number. */
export function checkTimestamps(service: ServiceName, operation: string, r: HttpResult): Outcome {
  if (r.kind !== 'response' || r.status !== 200 || r.json === undefined) return bad(`no 200 JSON body to inspect (${describe(r)})`);
  const doc = openApiDoc(service);
  const schema = doc.components?.schemas?.[`${operation}Response`];
  const badPaths = nonNumericTimestamps(doc, schema, r.json);
  return badPaths.length === 0 ? ok() : bad(`timestamps not sent as numbers at ${badPaths.join(', ')}`);
}
