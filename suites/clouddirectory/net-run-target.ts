// The DirNetTarget of the current `lockstep run`: direct clients are the suite's own; clients
// through the proxy get their own connection pools (closed with `close`).
import os from 'node:os';
import path from 'node:path';
import { ApiClient } from '../harness/client.js';
import { runContext } from '../harness/run-context.js';
import type { VerdictRecorder } from '../harness/verdicts.js';
import { DirApi } from './api.js';
import type { DirNetTarget } from './net-target.js';

export interface DirNetRun {
  target: DirNetTarget;
  /** Where the HTML timeline of a lossy counterexample goes. */
  timelinePath: string;
  close(): Promise<void>;
}

export function dirNetRun(direct: (name: string) => DirApi, rec: VerdictRecorder, suite: string): DirNetRun {
  const ctx = runContext();
  const clients = new Map<string, ApiClient<'clouddirectory'>>();
  const via = (baseUrl: string) => (name: string): DirApi => {
    const key = `${baseUrl} ${name}`;
    let c = clients.get(key);
    if (!c) {
      c = new ApiClient('clouddirectory', baseUrl, { name: `dir-${suite}-lossy-${name}`, observe: rec.observe, region: ctx.resources.region, timeoutMs: ctx.timeoutMs, origin: ctx.origin });
      clients.set(key, c);
    }
    return new DirApi(c);
  };
  return {
    target: { url: ctx.urls.clouddirectory ?? '', signed: ctx.signed, direct, via },
    timelinePath: path.join(ctx.outDir ?? os.tmpdir(), 'lockstep-timelines', `clouddirectory-NET-1-seed${ctx.seed}-${Date.now().toString(36)}.html`),
    close: async () => {
      for (const c of clients.values()) await c.close();
    },
  };
}
