// Reads the committed OpenAPI documents and indexes their operations. Data only: no HTTP here.
import fs from 'node:fs';
import { SERVICES, openApiPath, type ServiceName } from './services.js';

export type OpenApiDocument = {
  openapi: string;
  info: { title: string; version: string; 'x-lockstep-service': ServiceName };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, Record<string, unknown>> };
};

export interface OpenApiParameter {
  in: 'path' | 'query' | 'header';
  name: string;
  required: boolean;
  schema: Record<string, unknown>;
  'x-lockstep-member': string;
  'x-lockstep-greedy'?: boolean;
}

export interface LockstepInfo {
  batch: 'per-item' | 'all-or-nothing' | 'none';
  itemList?: string;
  itemKey?: string[];
  successList?: string;
  failureList?: string;
  versionFields?: string[];
  requirements: string[];
}

export interface OpenApiOperation {
  operationId: string;
  parameters?: OpenApiParameter[];
  requestBody?: { required: boolean; content: Record<string, { schema: { $ref: string } }> };
  responses: Record<string, unknown>;
  'x-lockstep': LockstepInfo;
  'x-lockstep-errors': { shape: string; status: number }[];
  'x-lockstep-sources': string[];
}

export interface OperationInfo {
  service: ServiceName;
  operationId: string;
  /** upper case, e.g. POST */
  method: string;
  pathTemplate: string;
  /** anchored; one capture group per path parameter, in `pathParams` order */
  pathRegex: RegExp;
  /** The template's literal text after its last parameter: every matching path ends with it (a cheap pre-check). */
  pathTail: string;
  pathParams: string[];
  params: OpenApiParameter[];
  hasBody: boolean;
  errors: { shape: string; status: number }[];
  'x-lockstep': LockstepInfo;
}

export interface RouteMatch {
  service: ServiceName;
  operation: OperationInfo;
  /** wire name -> percent-decoded value */
  pathParams: Record<string, string>;
}

const docs = new Map<ServiceName, OpenApiDocument>();
const indexes = new Map<ServiceName, OperationInfo[]>();

export function loadOpenApi(service: ServiceName): OpenApiDocument {
  let doc = docs.get(service);
  if (!doc) {
    const file = openApiPath(service);
    let text: string;
    try {
      text = fs.readFileSync(file, 'utf8');
    } catch {
      throw new Error(`${file} is missing: run \`npm run spec:generate\``);
    }
    doc = JSON.parse(text) as OpenApiDocument;
    docs.set(service, doc);
  }
  return doc;
}

function escapeRegex(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function compileTemplate(template: string, params: OpenApiParameter[]): { regex: RegExp; names: string[] } {
  const names: string[] = [];
  let source = '';
  let last = 0;
  for (const m of template.matchAll(/\{([^}]+)\}/g)) {
    source += escapeRegex(template.slice(last, m.index));
    const name = m[1];
    names.push(name);
    const greedy = params.some((p) => p.in === 'path' && p.name === name && p['x-lockstep-greedy']);
    source += greedy ? '(.+)' : '([^/]+)';
    last = m.index! + m[0].length;
  }
  source += escapeRegex(template.slice(last));
  return { regex: new RegExp(`^${source}$`), names };
}

export function operations(service: ServiceName): OperationInfo[] {
  let list = indexes.get(service);
  if (!list) {
    const doc = loadOpenApi(service);
    list = [];
    for (const [pathTemplate, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        const params = op.parameters ?? [];
        const { regex, names } = compileTemplate(pathTemplate, params);
        list.push({
          service,
          operationId: op.operationId,
          method: method.toUpperCase(),
          pathTemplate,
          pathRegex: regex,
          pathTail: pathTemplate.slice(pathTemplate.lastIndexOf('}') + 1),
          pathParams: names,
          params,
          hasBody: op.requestBody !== undefined,
          errors: op['x-lockstep-errors'],
          'x-lockstep': op['x-lockstep'],
        });
      }
    }
    // most specific first: more literal characters win over parameters
    const literal = (t: string) => t.replace(/\{[^}]+\}/g, '').length;
    list.sort((a, b) => literal(b.pathTemplate) - literal(a.pathTemplate) || a.pathTemplate.localeCompare(b.pathTemplate) || a.method.localeCompare(b.method));
    indexes.set(service, list);
  }
  return list;
}

export function findOperation(service: ServiceName, operationId: string): OperationInfo | undefined {
  return operations(service).find((o) => o.operationId === operationId);
}

/** Every operation of every service with this (upper-case) method, in matching order: services in order, then most specific first. */
const byMethod = new Map<string, OperationInfo[]>();

function candidates(method: string): OperationInfo[] {
  let list = byMethod.get(method);
  if (!list) {
    list = [];
    for (const service of SERVICES) for (const op of operations(service)) if (op.method === method) list.push(op);
    if (list.length) byMethod.set(method, list); // only real methods: no growth from arbitrary strings
  }
  return list;
}

/** Finds the operation a request line addresses, across all three services. A query string is ignored. */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  const q = rawPath.indexOf('?');
  const path = q < 0 ? rawPath : rawPath.slice(0, q);
  const list = candidates(method.toUpperCase());
  for (let k = 0; k < list.length; k++) {
    const op = list[k]!;
    if (!path.endsWith(op.pathTail)) continue;
    const hit = op.pathRegex.exec(path);
    if (!hit) continue;
    const pathParams: Record<string, string> = {};
    let ok = true;
    for (let i = 0; i < op.pathParams.length; i++) {
      const raw = hit[i + 1]!;
      if (raw.indexOf('%') < 0) {
        pathParams[op.pathParams[i]!] = raw; // nothing to decode
        continue;
      }
      try {
        pathParams[op.pathParams[i]!] = decodeURIComponent(raw);
      } catch {
        ok = false; // malformed percent-encoding: not this route
        break;
      }
    }
    if (ok) return { service: op.service, operation: op, pathParams };
  }
  return undefined;
}
