// The Cloud Directory API of the current `lockstep run`: one harness client per logical client name
// (own connection pool), the run's seed, profile sizes, verdicts to the run's file.
import os from 'node:os';
import path from 'node:path';
import { clientFor, type ApiClient } from '../harness/client.js';
import { runContext } from '../harness/run-context.js';
import { VerdictRecorder } from '../harness/verdicts.js';
import type { DirChecksOptions } from './all-checks.js';
import { DirApi } from './api.js';
import { DIR_SIZES } from './profiles.js';

export interface DirSuiteTarget {
  options: DirChecksOptions;
  close(): Promise<void>;
}

export function dirSuiteTarget(suite: string): DirSuiteTarget {
  const ctx = runContext();
  const rec = new VerdictRecorder('clouddirectory', `clouddirectory/${suite}`, undefined, ctx.seed);
  const clients = new Map<string, ApiClient<'clouddirectory'>>();
  const apiFor = (name: string): DirApi => {
    let c = clients.get(name);
    if (!c) clients.set(name, (c = clientFor('clouddirectory', { name: `dir-${suite}-${name}`, observe: rec.observe })));
    return new DirApi(c);
  };
  const timelinePath = path.join(ctx.outDir ?? os.tmpdir(), 'lockstep-timelines', `clouddirectory-DIR-CONC-1-seed${ctx.seed}-${Date.now().toString(36)}.html`);
  return {
    options: { apiFor, rec, seed: ctx.seed, sizes: DIR_SIZES[ctx.profile], opTimeoutMs: ctx.timeoutMs + 5_000, timelinePath },
    close: async () => {
      for (const c of clients.values()) await c.close();
    },
  };
}
