// Builds one service's OpenAPI 3.1 document from its (possibly page-corrected) model,
// following docs/CONVENTIONS.md "OpenAPI shape".
import { GenerateError } from '../errors.js';
import type { ServiceModel } from '../model/types.js';
import type { ServicePlan } from '../operations.js';
import type { Provenance } from './provenance.js';
import { REF_PREFIX, SchemaEmitter, type Schema } from './schemas.js';

const REQUEST_ID_HEADER = { 'x-amzn-RequestId': { description: 'Request id', schema: { type: 'string' } } };

export interface DocumentInput {
  plan: ServicePlan;
  model: ServiceModel;
  modelFile: string;
  provenance: Provenance;
  /** operation -> facts settled by reconciliation (recorded on the operation) */
  reconciled?: Map<string, { fact: string; winner: string }[]>;
}

export function errorStatus(model: ServiceModel, shape: string): number {
  const s = model.shapes[shape];
  // restJson1: an error shape without an explicit status is 400 (client) or 500 (fault)
  return s?.error?.httpStatusCode ?? (s?.fault ? 500 : 400);
}

export function buildDocument({ plan, model, modelFile, provenance, reconciled }: DocumentInput): Record<string, unknown> {
  const emitter = new SchemaEmitter(model, modelFile, provenance, new Set(plan.unions));
  const paths: Record<string, Record<string, unknown>> = {};

  for (const [opName, lockstep] of Object.entries(plan.operations)) {
    const op = model.operations[opName];
    if (!op) throw new GenerateError(`${modelFile}: the model has no operation ${opName} (needed for ${plan.service})`);
    if (!op.http?.method || !op.http.requestUri) throw new GenerateError(`${modelFile}: operation ${opName} has no http binding`);
    const [uriPath] = op.http.requestUri.split('?');
    const greedy = new Set<string>();
    const pathKey = uriPath.replace(/\{([^}]+?)(\+)?\}/g, (_m, label: string, plus?: string) => {
      if (plus) greedy.add(label);
      return `{${label}}`;
    });

    const parameters: Record<string, unknown>[] = [];
    const bodyMembers = new Set<string>();
    let bodyRequired = false;
    const requestName = `${opName}Request`;
    if (op.input) {
      const input = emitter.shape(op.input.shape, `${opName} input`);
      const order = { uri: 0, querystring: 1, header: 2 } as const;
      const located = Object.entries(input.members ?? {}).filter(([, r]) => r.location !== undefined);
      located.sort((a, b) => (order[a[1].location as keyof typeof order] ?? 3) - (order[b[1].location as keyof typeof order] ?? 3));
      for (const [member, ref] of located) {
        const inKind = ref.location === 'uri' ? 'path' : ref.location === 'querystring' ? 'query' : ref.location === 'header' ? 'header' : undefined;
        if (!inKind) throw new GenerateError(`${modelFile}: ${op.input.shape}.${member} has unsupported location ${String(ref.location)}`);
        const wire = ref.locationName ?? member;
        if (inKind === 'path' && !pathKey.includes(`{${wire}}`)) {
          throw new GenerateError(`${modelFile}: ${opName} path parameter ${wire} is not in requestUri ${op.http.requestUri}`);
        }
        const p: Record<string, unknown> = {
          in: inKind,
          name: wire,
          required: inKind === 'path' ? true : (input.required ?? []).includes(member),
          schema: emitter.withSource(emitter.inline(ref.shape, `${op.input.shape}.${member}`), op.input.shape, member),
          'x-lockstep-member': member,
        };
        if (greedy.has(wire)) p['x-lockstep-greedy'] = true;
        parameters.push(p);
      }
      for (const [member, ref] of Object.entries(input.members ?? {})) {
        if (ref.location !== undefined) continue;
        bodyMembers.add(member);
        if ((input.required ?? []).includes(member)) bodyRequired = true;
      }
      emitter.rename(op.input.shape, requestName);
      emitter.components[requestName] = emitter.structure(op.input.shape, (m) => bodyMembers.has(m));
    } else {
      emitter.components[requestName] = { type: 'object', properties: {} };
    }

    const responseName = `${opName}Response`;
    if (op.output) {
      emitter.rename(op.output.shape, responseName);
      const output = emitter.shape(op.output.shape, `${opName} output`);
      const isBody = (m: string) => output.members?.[m]?.location === undefined;
      emitter.components[responseName] = emitter.structure(op.output.shape, isBody);
    } else {
      emitter.components[responseName] = { type: 'object', properties: {} };
    }

    const responses: Record<string, unknown> = {
      '200': {
        description: `${opName} succeeded`,
        headers: REQUEST_ID_HEADER,
        content: { 'application/json': { schema: { $ref: REF_PREFIX + responseName } } },
      },
    };
    const errors = (op.errors ?? []).map((e) => ({ shape: e.shape, status: errorStatus(model, e.shape) }));
    errors.sort((a, b) => (a.shape < b.shape ? -1 : a.shape > b.shape ? 1 : 0));
    const byStatus = new Map<number, string[]>();
    for (const e of errors) {
      emitter.ref(e.shape);
      byStatus.set(e.status, [...(byStatus.get(e.status) ?? []), e.shape]);
    }
    for (const [status, shapes] of byStatus) {
      responses[String(status)] = {
        description: `Errors with HTTP status ${status}`,
        headers: {
          ...REQUEST_ID_HEADER,
          'X-Amzn-ErrorType': { required: true, schema: { type: 'string', enum: shapes } },
        },
        content: { 'application/json': { schema: { anyOf: shapes.map((s) => ({ $ref: REF_PREFIX + s })) } } },
      };
    }

    const operation: Record<string, unknown> = {
      operationId: opName,
      responses,
      'x-lockstep': lockstep,
      'x-lockstep-errors': errors,
      'x-lockstep-sources': provenance.operation(opName),
    };
    const settled = reconciled?.get(opName);
    if (settled && settled.length > 0) operation['x-lockstep-reconciled'] = settled;
    if (parameters.length > 0) operation.parameters = parameters;
    if (bodyMembers.size > 0) {
      operation.requestBody = {
        required: bodyRequired,
        content: { 'application/json': { schema: { $ref: REF_PREFIX + requestName } } },
      };
    }
    const method = op.http.method.toLowerCase();
    paths[pathKey] ??= {};
    if (paths[pathKey][method]) throw new GenerateError(`${modelFile}: two operations bind ${op.http.method} ${pathKey}`);
    paths[pathKey][method] = operation;
    emitter.flush();
  }
  emitter.flush();

  return {
    openapi: '3.1.0',
    info: {
      title: `lockstep: ${model.metadata?.serviceId ?? plan.service}`,
      version: model.metadata?.apiVersion ?? '0',
      'x-lockstep-service': plan.service,
    },
    paths,
    components: { schemas: emitter.components as Record<string, Schema> },
  };
}
