// Per-operation HTTP facts for the harness, from spec/load.ts (the operation index over the
// committed OpenAPI documents): method, path template, parameter bindings, statuses, errors.
import { findOperation, loadOpenApi } from '../../spec/load.js';
import type { ServiceName } from '../../spec/services.js';

export interface ParamBinding {
  in: 'path' | 'query' | 'header';
  /** Wire name (label, query key, header name). */
  name: string;
  /** Input member name. */
  member: string;
  required: boolean;
  greedy: boolean;
}

export interface OperationInfo {
  service: ServiceName;
  operation: string;
  method: string;
  pathTemplate: string;
  params: ParamBinding[];
  hasBody: boolean;
  /** Status codes the operation declares. */
  statuses: number[];
  /** Error shapes with their status. */
  errors: { shape: string; status: number }[];
}

const cache = new Map<string, OperationInfo>();

/** The committed OpenAPI document of a service. */
export function openApiDoc(service: ServiceName): Record<string, any> {
  return loadOpenApi(service) as unknown as Record<string, any>;
}

export function operationInfo(service: ServiceName, operation: string): OperationInfo {
  const key = `${service}:${operation}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const op = findOperation(service, operation);
  if (!op) throw new Error(`${service} has no operation ${operation} in its OpenAPI document`);
  const declared = loadOpenApi(service).paths[op.pathTemplate]?.[op.method.toLowerCase()]?.responses ?? {};
  const info: OperationInfo = {
    service,
    operation,
    method: op.method,
    pathTemplate: op.pathTemplate,
    params: op.params.map((p) => ({
      in: p.in,
      name: p.name,
      member: p['x-lockstep-member'] ?? p.name,
      required: p.in === 'path' || p.required,
      greedy: p['x-lockstep-greedy'] === true,
    })),
    hasBody: op.hasBody,
    statuses: Object.keys(declared).filter((s) => /^\d{3}$/.test(s)).map(Number),
    errors: op.errors ?? [],
  };
  cache.set(key, info);
  return info;
}
