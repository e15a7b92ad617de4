// Replays the evidence of failed verdicts from a report against a target and says, for each,
// whether it still diverges. COMMON-* checks are re-evaluated on the new response; for other
// requirements the new response is compared with the recorded one.
import { readFileSync } from 'node:fs';
import { isServiceName, type ServiceName } from '../../spec/services.js';
import type { Report } from '../../reporters/report.js';
import { check4xx, checkError, checkNot5xx, checkRequestId, checkSuccess, checkTimestamps, type Outcome } from './checks.js';
import { MALFORMED_BODY_ERROR } from './common.js';
import { ConfigError, credentialsFromEnv } from './config.js';
import { decodeError } from './errors.js';
import { REDACTED } from './redact.js';
import { createSigner } from './signing.js';
import { Transport, type HttpResult, type OutgoingRequest } from './transport.js';
import type { Exchange, Verdict } from './verdict.js';

export type ReplayStatus = 'still-diverges' | 'no-longer-diverges' | 'differs' | 'error';

export interface ReplayResult {
  verdict: Verdict;
  status: ReplayStatus;
  message: string;
}

export function readReport(file: string): Report {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new ConfigError(`cannot read report ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const r = raw as Partial<Report>;
  if (!r || typeof r !== 'object' || !Array.isArray(r.verdicts)) throw new ConfigError(`${file} is not a lockstep report (no "verdicts" list)`);
  return r as Report;
}

export function failuresOf(report: Report): Verdict[] {
  return report.verdicts.filter((v) => (v.status === 'fail' || v.status === 'non-strict') && !v.baselined && Array.isArray(v.evidence) && v.evidence.length > 0);
}

const DROP = new Set(['host', 'content-length', 'authorization', 'x-amz-date', 'x-amz-content-sha256', 'x-amz-security-token', 'connection']);

/** The recorded request, minus what the transport or the signer regenerates. */
export function outgoingFrom(e: Exchange, recordedBase: string | undefined): OutgoingRequest {
  const u = new URL(e.request.url);
  let path = u.pathname + u.search;
  if (recordedBase) {
    const base = new URL(recordedBase);
    const prefix = base.pathname.replace(/\/+$/, '');
    if (u.origin === base.origin && prefix && path.startsWith(prefix)) path = path.slice(prefix.length);
  }
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(e.request.headers)) if (!DROP.has(k.toLowerCase()) && v !== REDACTED) headers[k] = v;
  return { operation: e.operation, method: e.request.method, path, headers, ...(e.request.body !== undefined ? { body: e.request.body } : {}) };
}

/** Re-evaluates a COMMON-* requirement on a fresh response; undefined when it is not one. */
export function recheck(v: Verdict, r: HttpResult): Outcome | undefined {
  switch (v.requirement) {
    case 'COMMON-RESP-1':
      return checkSuccess(v.service, v.operation, r);
    case 'COMMON-RESP-2':
      return checkRequestId(r);
    case 'COMMON-ERR-1':
      return checkError(v.service, v.operation, r);
    case 'COMMON-ERR-2':
      return checkNot5xx(r);
    case 'COMMON-TS-1':
      return checkTimestamps(v.service, v.operation, r);
    case 'COMMON-VAL-2':
      return /4xx/.test(v.check) ? check4xx(r) : checkError(v.service, v.operation, r, { shapes: [MALFORMED_BODY_ERROR[v.service]], statuses: [400] });
    default:
      return undefined;
  }
}

function sameAsRecorded(e: Exchange, r: HttpResult): boolean {
  if (!e.response) return r.kind !== 'response';
  if (r.kind !== 'response') return false;
  if (e.response.status !== r.status) return false;
  let body: unknown;
  try {
    body = e.response.body ? JSON.parse(e.response.body) : undefined;
  } catch {
    body = undefined;
  }
  return decodeError(e.response.headers, body).code === decodeError(r.headers, r.json).code;
}

export async function replayVerdict(v: Verdict, base: string, opts: { recordedBase?: string; region: string; timeoutMs: number }): Promise<ReplayResult> {
  if (!isServiceName(v.service)) return { verdict: v, status: 'error', message: `unknown service ${String(v.service)}` };
  const creds = credentialsFromEnv();
  const t = new Transport({ client: 'replay', baseUrl: base, timeoutMs: opts.timeoutMs, signer: creds ? createSigner(v.service as ServiceName, opts.region, creds) : undefined });
  try {
    let last: HttpResult | undefined;
    for (const e of v.evidence) last = await t.send(outgoingFrom(e, opts.recordedBase));
    if (!last) return { verdict: v, status: 'error', message: 'no evidence to replay' };
    const again = recheck(v, last);
    if (again) {
      return again.ok
        ? { verdict: v, status: 'no-longer-diverges', message: `${v.requirement} holds now (${again.message})` }
        : { verdict: v, status: 'still-diverges', message: again.message };
    }
    const recorded = v.evidence[v.evidence.length - 1]!;
    return sameAsRecorded(recorded, last)
      ? { verdict: v, status: 'still-diverges', message: 'the target answers as recorded' }
      : { verdict: v, status: 'differs', message: `the answer changed (${last.kind === 'response' ? `HTTP ${last.status}` : last.kind}); re-run the suite to judge` };
  } finally {
    await t.close();
  }
}
