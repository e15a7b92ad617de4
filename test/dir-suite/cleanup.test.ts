// Every directory a check group provisions has a name of its own and is gone afterwards (disabled,
// then deleted): read back after the run it is neither ENABLED nor DISABLED.
import { describe, expect, test } from 'vitest';
import { isObject } from '../../suites/clouddirectory/api.js';
import { DIR_SIZES } from '../../suites/clouddirectory/profiles.js';
import type { Directory } from '../../suites/clouddirectory/provision.js';
import { runOnReference } from './run-checks.js';

async function stateOf(api: { withPartition: (op: string, p: string) => Promise<{ status: number; json?: unknown }> }, arn: string): Promise<string> {
  const r = await api.withPartition('GetDirectory', arn);
  const d = isObject(r.json) && isObject(r.json.Directory) ? r.json.Directory : undefined;
  return r.status === 200 ? String(d?.State) : `error ${r.status}`;
}

describe('provisioning', () => {
  test('directories made for the steps are distinct, enabled while used, and removed at the end', async () => {
    const made: Directory[] = [];
    const during: string[] = [];
    const afterwards: string[] = [];
    await runOnReference(
      [],
      1,
      DIR_SIZES.quick,
      (o) =>
        ['one', 'two', 'three'].map((name) => ({
          name,
          covers: [],
          run: async (d: Directory) => {
            made.push(d);
            during.push(await stateOf(o.apiFor('probe'), d.arn));
          },
        })),
      undefined,
      async (apiFor) => {
        for (const d of made) afterwards.push(await stateOf(apiFor('probe'), d.arn));
      },
    );
    expect(new Set(made.map((d) => d.name)).size).toBe(3);
    expect(during).toEqual(['ENABLED', 'ENABLED', 'ENABLED']);
    expect(afterwards.filter((s) => s === 'ENABLED' || s === 'DISABLED')).toEqual([]);
    expect(afterwards).toHaveLength(3);
  });
});
