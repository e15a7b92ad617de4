// Request builders: from an operation name and its input (path, query, header and body members
// keyed by their wire names) to an HTTP request. The typed entry point `request()` takes the input
// type generated from the OpenAPI (spec/types), so a wrong member name or type does not compile.
import type { ServiceName } from '../../spec/services.js';
import type { operations as ConnectOps } from '../../spec/types/connect.js';
import type { operations as CognitoSyncOps } from '../../spec/types/cognito-sync.js';
import type { operations as CloudDirectoryOps } from '../../spec/types/clouddirectory.js';
import { operationInfo } from './operations.js';
import { encodeGreedyLabel, encodeLabel } from './encode.js';
import type { OutgoingRequest } from './transport.js';

export interface ServiceOperations {
  connect: ConnectOps;
  'cognito-sync': CognitoSyncOps;
  clouddirectory: CloudDirectoryOps;
}
export type OperationName<S extends ServiceName> = keyof ServiceOperations[S] & string;
type Op<S extends ServiceName, O extends OperationName<S>> = ServiceOperations[S][O];

type Params<T> = T extends { parameters: infer P } ? P : {};
/** Drops the `never` slots openapi-typescript emits for absent parameter kinds. */
type Present<T> = { [K in keyof T as K extends 'cookie' ? never : [NonNullable<T[K]>] extends [never] ? never : K]: T[K] };
type BodyPart<T> = T extends { requestBody: { content: { 'application/json': infer B } } }
  ? { body: B }
  : T extends { requestBody?: { content: { 'application/json': infer B } } }
    ? { body?: B }
    : {};

/** The input of an operation: `{ path, query, header, body }` as the OpenAPI binds them. */
export type RequestInput<S extends ServiceName, O extends OperationName<S>> = Present<Params<Op<S, O>>> & BodyPart<Op<S, O>>;

/** The 200 body of an operation. */
export type ResponseBody<S extends ServiceName, O extends OperationName<S>> =
  Op<S, O> extends { responses: { 200: { content: { 'application/json': infer R } } } } ? R : unknown;

/** Untyped input, for hostile or hand-made requests. */
export interface RawInput {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
  body?: unknown;
}

export interface BuildOptions {
  /** Send this text as the body instead of serialising `body` (malformed JSON tests). */
  rawBody?: string;
  /** Extra headers, e.g. a custom Content-Type. */
  headers?: Record<string, string>;
}

/** Replaces `{name}` or `{name+}` in a template (plain string search: this runs per request). */
function replaceLabel(template: string, name: string, greedy: boolean, value: string): string {
  const token = greedy ? `{${name}+}` : `{${name}}`;
  let i = template.indexOf(token);
  let len = token.length;
  if (i < 0) {
    // The other spelling, in case the binding and the template disagree about greediness.
    const other = greedy ? `{${name}}` : `{${name}+}`;
    i = template.indexOf(other);
    len = other.length;
  }
  return i < 0 ? template : template.slice(0, i) + value + template.slice(i + len);
}

function scalar(v: unknown): string {
  return typeof v === 'string' ? v : typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
}

/** Builds the HTTP request for any input; missing required labels throw (a suite bug, not a target's). */
export function buildRaw(service: ServiceName, operation: string, input: RawInput, opts: BuildOptions = {}): OutgoingRequest {
  const info = operationInfo(service, operation);
  let path = info.pathTemplate;
  const query: string[] = [];
  const headers: Record<string, string> = {};
  for (const p of info.params) {
    const src = p.in === 'path' ? input.path : p.in === 'query' ? input.query : input.header;
    const v = src?.[p.name];
    if (p.in === 'path') {
      if (v === undefined || v === null) throw new Error(`${operation}: path label ${p.name} is required`);
      const enc = p.greedy ? encodeGreedyLabel(scalar(v)) : encodeLabel(scalar(v));
      path = replaceLabel(path, p.name, p.greedy, enc);
    } else if (v !== undefined && v !== null) {
      if (p.in === 'query') {
        for (const item of Array.isArray(v) ? v : [v]) query.push(`${encodeLabel(p.name)}=${encodeLabel(scalar(item))}`);
      } else {
        headers[p.name.toLowerCase()] = scalar(v);
      }
    }
  }
  if (path.includes('{')) throw new Error(`${operation}: unbound label in ${path}`);
  // Query parameters fixed by the template (e.g. `?x=1`) are not in OpenAPI paths keys, so none here.
  const full = query.length ? `${path}?${query.join('&')}` : path;
  let body: string | undefined;
  if (opts.rawBody !== undefined) body = opts.rawBody;
  else if (input.body !== undefined) body = JSON.stringify(input.body);
  else if (info.hasBody) body = '{}';
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (opts.headers) for (const k in opts.headers) headers[k.toLowerCase()] = opts.headers[k]!;
  return { operation, method: info.method, path: full, headers, ...(body !== undefined ? { body } : {}) };
}

/** Typed builder: the input is checked at compile time against the generated types. */
export function request<S extends ServiceName, O extends OperationName<S>>(
  service: S,
  operation: O,
  input: RequestInput<S, O>,
  opts?: BuildOptions,
): OutgoingRequest {
  return buildRaw(service, operation, input as RawInput, opts);
}
