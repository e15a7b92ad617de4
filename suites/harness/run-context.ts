// What `lockstep run` hands to the suites running in vitest workers: a JSON file named by
// LOCKSTEP_CONTEXT. Credentials are never written here: workers read them from their environment.
import { readFileSync } from 'node:fs';
import type { ServiceName } from '../../spec/services.js';
import { DEFAULT_RESOURCES, DEFAULT_TIMEOUT_MS, type Profile, type Resources } from './config.js';

export const CONTEXT_ENV = 'LOCKSTEP_CONTEXT';
export const VERDICTS_ENV = 'LOCKSTEP_VERDICTS_FILE';

export interface RunContext {
  /** Base URL per API under test. */
  urls: Partial<Record<ServiceName, string>>;
  resources: Resources;
  profile: Profile;
  seed: number;
  timeoutMs: number;
  /** Epoch milliseconds all Exchange times are measured from. */
  origin: number;
  /** True when the requests are signed (credentials present in the environment). */
  signed: boolean;
  /** Where the run's reports go; suites write artifacts (e.g. HTML timelines) under it. */
  outDir?: string;
}

let cached: RunContext | undefined;

/** The context of the current run. Throws when a suite is run outside `lockstep run` without setup. */
export function runContext(env: NodeJS.ProcessEnv = process.env): RunContext {
  if (cached) return cached;
  const file = env[CONTEXT_ENV];
  if (!file) throw new Error(`${CONTEXT_ENV} is not set: suites are run by \`lockstep run\``);
  const raw = JSON.parse(readFileSync(file, 'utf8')) as Partial<RunContext>;
  cached = {
    urls: raw.urls ?? {},
    resources: { ...DEFAULT_RESOURCES, ...(raw.resources ?? {}) },
    profile: raw.profile ?? 'standard',
    seed: raw.seed ?? 0,
    timeoutMs: raw.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    origin: raw.origin ?? performance.timeOrigin,
    signed: raw.signed ?? false,
    outDir: raw.outDir,
  };
  return cached;
}

/** Test hook: forget the cached context. */
export function resetRunContext(): void {
  cached = undefined;
}

/** Property-test sizes per profile, so every suite scales the same way. */
export const PROFILE_RUNS: Record<Profile, number> = { quick: 10, standard: 50, deep: 300 };

/** The report directory of the current run, or undefined outside `lockstep run` (e.g. in-process tests). */
export function runContextOutDir(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (!cached && !env[CONTEXT_ENV]) return undefined;
  return runContext(env).outDir;
}
