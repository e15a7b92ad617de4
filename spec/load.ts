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

/** Finds the operation a request line addresses, across all three services. A query string is ignored. */
export function matchRoute(method: string, rawPath: string): RouteMatch | undefined {
  const path = rawPath.split('?')[0];
  const m = method.toUpperCase();
  for (const service of SERVICES) {
    for (const op of operations(service)) {
      if (op.method !== m) continue;
      const hit = op.pathRegex.exec(path);
      if (!hit) continue;
      const pathParams: Record<string, string> = {};
      let ok = true;
      op.pathParams.forEach((name, i) => {
        try {
          pathParams[name] = decodeURIComponent(hit[i + 1]);
        } catch {
          ok = false; // malformed percent-encoding: not this route
        }
      });
      if (ok) return { service, operation: op, pathParams };
    }
  }
  return undefined;
}
