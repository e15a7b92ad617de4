// Known divergences: a baseline file lists (requirement, operation[, service], optional expiry)
// whose failures are reported but do not fail the run. Expired entries no longer apply; entries
// that match no failing verdict are reported as stale so the file can be trimmed.
import { readFileSync } from 'node:fs';
import { isServiceName, type ServiceName } from '../../spec/services.js';
import { ConfigError } from './config.js';
import type { Verdict } from './verdict.js';

export interface BaselineEntry {
  requirement: string;
  operation: string;
  service?: ServiceName;
  /** ISO date (YYYY-MM-DD); from that day on the entry no longer applies. */
  expires?: string;
  reason?: string;
}

export interface BaselineOutcome {
  file: string;
  /** Entries that excused at least one failing verdict. */
  applied: { entry: BaselineEntry; verdicts: number }[];
  /** Entries past their expiry date (their failures count). */
  expired: BaselineEntry[];
  /** Entries that matched no failing verdict: the divergence is gone (or the check did not run). */
  stale: BaselineEntry[];
}

function isDate(s: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(`${s}T00:00:00Z`));
}

export function parseBaseline(text: string, file: string): BaselineEntry[] {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (e) {
    throw new ConfigError(`baseline ${file} is not valid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(raw) ? raw : raw && typeof raw === 'object' ? (raw as { entries?: unknown }).entries : undefined;
  if (!Array.isArray(list)) throw new ConfigError(`baseline ${file} must be a list of entries or { "entries": [...] }`);
  return list.map((e, i) => {
    const where = `baseline ${file} entry ${i}`;
    if (!e || typeof e !== 'object') throw new ConfigError(`${where} is not an object`);
    const { requirement, operation, service, expires, reason, ...rest } = e as Record<string, unknown>;
    const extra = Object.keys(rest);
    if (extra.length) throw new ConfigError(`${where} has unknown key(s) ${extra.join(', ')}`);
    if (typeof requirement !== 'string' || !requirement) throw new ConfigError(`${where} needs a "requirement" string`);
    if (typeof operation !== 'string' || !operation) throw new ConfigError(`${where} needs an "operation" string`);
    if (service !== undefined && (typeof service !== 'string' || !isServiceName(service))) throw new ConfigError(`${where} has an unknown "service"`);
    if (expires !== undefined && (typeof expires !== 'string' || !isDate(expires))) throw new ConfigError(`${where}: "expires" must be a date YYYY-MM-DD`);
    if (reason !== undefined && typeof reason !== 'string') throw new ConfigError(`${where}: "reason" must be a string`);
    return { requirement, operation, ...(service ? { service: service as ServiceName } : {}), ...(expires ? { expires } : {}), ...(reason ? { reason } : {}) };
  });
}

export function readBaseline(file: string): BaselineEntry[] {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    throw new ConfigError(`cannot read baseline ${file}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  return parseBaseline(text, file);
}

const failing = (v: Verdict) => v.status === 'fail' || v.status === 'non-strict';

function matches(e: BaselineEntry, v: Verdict): boolean {
  return e.requirement === v.requirement && e.operation === v.operation && (e.service === undefined || e.service === v.service);
}

/** Marks excused failures (`baselined`) and reports the state of every entry. `today` is YYYY-MM-DD. */
export function applyBaseline(verdicts: Verdict[], entries: BaselineEntry[], file: string, today = new Date().toISOString().slice(0, 10)): { verdicts: Verdict[]; outcome: BaselineOutcome } {
  const outcome: BaselineOutcome = { file, applied: [], expired: [], stale: [] };
  const active: BaselineEntry[] = [];
  for (const e of entries) (e.expires !== undefined && e.expires <= today ? outcome.expired : active).push(e);
  const counts = new Map<BaselineEntry, number>();
  const out = verdicts.map((v) => {
    if (!failing(v)) return v;
    const e = active.find((a) => matches(a, v));
    if (!e) return v;
    counts.set(e, (counts.get(e) ?? 0) + 1);
    return { ...v, baselined: { ...(e.reason ? { reason: e.reason } : {}), ...(e.expires ? { expires: e.expires } : {}) } };
  });
  for (const e of active) {
    const n = counts.get(e) ?? 0;
    if (n > 0) outcome.applied.push({ entry: e, verdicts: n });
    else outcome.stale.push(e);
  }
  return { verdicts: out, outcome };
}
