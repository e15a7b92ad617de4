// COMMON-BIND-1: is each operation served at the HTTP method and path template of its model
// binding? A probe sends one minimal request at the binding (placeholder labels and headers, body
// `{}`): a modelled refusal is fine, what matters is whether the operation is there. When it is
// not, the same path is tried with the other methods (body `{}`, so a validating implementation
// refuses it and nothing is written), which tells a mis-bound operation from one not implemented.
// Methods the model binds to another operation on that path are not tried: their answer is that
// operation's.
import { loadOpenApi, matchRoute } from '../../spec/load.js';
import type { ServiceName } from '../../spec/services.js';
import { buildRaw } from './builders.js';
import { clientFor, type ApiClient } from './client.js';
import { decodeError, isUnknownOperation } from './errors.js';
import { operationInfo, type OperationInfo } from './operations.js';
import { runContext } from './run-context.js';
import type { HttpResult, OutgoingRequest } from './transport.js';
import type { Exchange, Verdict } from './verdict.js';
import { VerdictRecorder } from './verdicts.js';

export const REQUIREMENT = 'COMMON-BIND-1';
/** The methods tried on the path when the binding does not answer. */
export const PROBE_METHODS = ['GET', 'PUT', 'POST', 'DELETE', 'PATCH'] as const;
/** Every label, required header and required query parameter of a probe gets this value. */
export const PLACEHOLDER = 'lockstep-binding-probe';
/** A probe never waits longer than this, whatever the run's timeout. */
export const PROBE_TIMEOUT_MS = 10_000;
const CHECK = 'served at its model binding';

/** How one probe was answered. */
export type Presence = 'served' | 'absent' | 'no-answer';
// 'no-answer' also covers an answer that tells nothing (an unmodelled 5xx).

export interface ProbeAnswer {
  method: string;
  presence: Presence;
  /** Status, with the decoded error type when there is one; or the transport failure. */
  summary: string;
  exchange: Exchange;
}

export interface BindingOutcome {
  operation: string;
  method: string;
  pathTemplate: string;
  /** The answer at the binding. */
  binding: ProbeAnswer;
  /** The other methods tried (only when the binding is absent). */
  others: ProbeAnswer[];
  /** Methods not tried because the model binds them to another operation on this path. */
  boundElsewhere: { method: string; operation: string }[];
}

/** Operations a seed page documents (the batch writes lockstep is about), in model order. */
export function seededOperations(service: ServiceName): string[] {
  const out: string[] = [];
  for (const item of Object.values(loadOpenApi(service).paths)) {
    for (const op of Object.values(item)) {
      if ((op['x-lockstep-sources'] ?? []).some((s) => s.startsWith('seed:'))) out.push(op.operationId);
    }
  }
  return out.sort();
}

/**
 * Absent: 405, 501, UnknownOperation, or a 404 that names none of the operation's modelled errors
 * (a 404 ResourceNotFoundException is the operation refusing a placeholder, so it is there).
 * A 5xx is the operation's only when it is one of its modelled errors: a server failing every
 * request says nothing about where the operation is bound. A transport failure says nothing either.
 * Any other answer is the operation's.
 */
export function presenceOf(info: OperationInfo, r: HttpResult): Presence {
  if (r.kind !== 'response') return 'no-answer';
  if (r.status === 405 || r.status === 501) return 'absent';
  if (isUnknownOperation(r.status, r.headers, r.json)) return 'absent';
  if (r.status === 404 || r.status >= 500) {
    const code = decodeError(r.headers, r.json).code;
    const modelled = info.errors.some((e) => e.shape === code && e.status === r.status);
    return modelled ? 'served' : r.status === 404 ? 'absent' : 'no-answer';
  }
  return 'served';
}

function summarize(r: HttpResult): string {
  if (r.kind !== 'response') return `${r.kind}: ${r.message}`;
  const code = r.status >= 300 ? decodeError(r.headers, r.json).code : undefined;
  return code ? `${r.status} ${code}` : String(r.status);
}

/** The minimal request at the binding: placeholders for every label and required header/query member, body `{}`. */
export function bindingRequest(info: OperationInfo): OutgoingRequest {
  const input: { path: Record<string, string>; query: Record<string, string>; header: Record<string, string> } = { path: {}, query: {}, header: {} };
  for (const p of info.params) if (p.required) input[p.in][p.name] = PLACEHOLDER;
  return buildRaw(info.service, info.operation, { ...input, body: {} });
}

async function ask(api: ApiClient<ServiceName>, info: OperationInfo, req: OutgoingRequest, method: string): Promise<ProbeAnswer> {
  const r = await api.transport.send({ ...req, method });
  return { method, presence: presenceOf(info, r), summary: summarize(r), exchange: r.exchange };
}

/** Probes one operation: its binding, then (only if absent there) the other methods on the same path. */
export async function probeBinding(api: ApiClient<ServiceName>, info: OperationInfo): Promise<BindingOutcome> {
  const req = bindingRequest(info);
  const binding = await ask(api, info, req, info.method);
  const outcome: BindingOutcome = { operation: info.operation, method: info.method, pathTemplate: info.pathTemplate, binding, others: [], boundElsewhere: [] };
  if (binding.presence !== 'absent') return outcome;
  const path = req.path.split('?')[0]!;
  for (const method of PROBE_METHODS) {
    if (method === info.method) continue;
    const other = matchRoute(method, path);
    if (other) {
      outcome.boundElsewhere.push({ method, operation: other.operation.operationId });
      continue;
    }
    outcome.others.push(await ask(api, info, req, method));
  }
  return outcome;
}

/** The COMMON-BIND-1 verdict of one outcome: pass, fail (mis-bound), or n/a (not implemented, or no answer). */
export function recordBinding(rec: VerdictRecorder, o: BindingOutcome): Verdict {
  const at = `${o.method} ${o.pathTemplate}`;
  if (o.binding.presence === 'served') {
    return rec.check(REQUIREMENT, { operation: o.operation, check: CHECK, ok: true, message: `${o.operation} is served at ${at} (answered ${o.binding.summary})`, evidence: [o.binding.exchange] });
  }
  if (o.binding.presence === 'no-answer') {
    return rec.notApplicable(REQUIREMENT, o.operation, CHECK, `no usable answer from ${at} (${o.binding.summary}): cannot tell whether ${o.operation} is served there`, [o.binding.exchange]);
  }
  const evidence = [o.binding.exchange, ...o.others.map((a) => a.exchange)];
  const servedAt = o.others.filter((a) => a.presence === 'served');
  if (servedAt.length === 0) {
    const tried = o.others.map((a) => `${a.method} ${a.summary}`).join(', ');
    return rec.notApplicable(REQUIREMENT, o.operation, CHECK, `${o.operation} is not implemented by the target: ${at} answered ${o.binding.summary}${tried ? `; other methods: ${tried}` : ''}`, evidence);
  }
  const where = servedAt.map((a) => `${a.method} (${a.summary})`).join(', ');
  return rec.check(REQUIREMENT, {
    operation: o.operation,
    check: CHECK,
    ok: false,
    message: `${o.operation} is not served at ${at} (answered ${o.binding.summary}) but answers at ${where}`,
    evidence,
    counterexample: [{ method: o.method, answer: o.binding.summary }, ...o.others.map((a) => ({ method: a.method, answer: a.summary }))],
  });
}

/** Probes and records every seeded operation of `service` with `api`. */
export async function checkBindings(api: ApiClient<ServiceName>, rec: VerdictRecorder): Promise<Verdict[]> {
  const out: Verdict[] = [];
  for (const op of seededOperations(rec.service)) out.push(recordBinding(rec, await probeBinding(api, operationInfo(rec.service, op))));
  return out;
}

/**
 * The contract suites' entry point. Its own client and recorder: the off-binding probes must not
 * count as calls of the operation for the suite's other checks (an operation absent at its binding
 * keeps their verdicts n/a, as before this check existed).
 */
export async function checkServedAtBindings(service: ServiceName, suite: string): Promise<Verdict[]> {
  const ctx = runContext();
  const rec = new VerdictRecorder(service, suite, undefined, ctx.seed);
  const api = clientFor(service, { name: `${service}-binding`, connections: 1, timeoutMs: Math.min(ctx.timeoutMs, PROBE_TIMEOUT_MS), observe: rec.observe });
  try {
    return await checkBindings(api, rec);
  } finally {
    await api.close();
  }
}
