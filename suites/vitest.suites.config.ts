// The vitest options `lockstep run` hands to startVitest: only the selected APIs' suite files,
// no config file (the project's own tests are not collected), our progress reporter only.
import type { ServiceName } from '../spec/services.js';
import type { Reporter } from 'vitest/node';

export function suiteGlobs(apis: readonly ServiceName[]): string[] {
  return apis.map((api) => `suites/${api}/**/*.suite.ts`);
}

export interface SuitesConfigInput {
  root: string;
  apis: readonly ServiceName[];
  reporter: Reporter;
  env: Record<string, string>;
  /** Per-test budget; a property run in the deep profile may take minutes. */
  testTimeoutMs: number;
  /** vitest `--shard i/n`: this machine runs the i-th of n slices of the suite files. */
  shard?: string;
}

export function suitesVitestOptions(i: SuitesConfigInput) {
  return {
    config: false as const,
    root: i.root,
    include: suiteGlobs(i.apis),
    watch: false,
    run: true,
    passWithNoTests: true,
    reporters: [i.reporter],
    pool: 'forks' as const,
    // Suites use the network, not the CPU: two workers is plenty on small CI machines.
    maxWorkers: 2,
    testTimeout: i.testTimeoutMs,
    hookTimeout: i.testTimeoutMs,
    env: i.env,
    silent: true,
    ...(i.shard ? { shard: i.shard } : {}),
  };
}
