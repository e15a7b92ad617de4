// Cloud Directory smoke suite: create a schema with one facet, publish it, create a directory,
// then a BatchWrite that succeeds and one that fails, plus a malformed body; every run thereby
// exercises the COMMON-* checks on Cloud Directory.
import { afterAll, describe, test } from 'vitest';
import { checkServedAtBindings } from '../harness/binding.js';
import { clientFor } from '../harness/client.js';
import { expectClientError, expectMalformedRejected, expectSuccess } from '../harness/common.js';
import { runContext } from '../harness/run-context.js';
import { VerdictRecorder } from '../harness/verdicts.js';

const ctx = runContext();
const rec = new VerdictRecorder('clouddirectory', 'clouddirectory/contract', undefined, ctx.seed);
const api = clientFor('clouddirectory', { name: 'dir-contract', observe: rec.observe });
const suffix = `${ctx.seed}-${Date.now().toString(36)}`;
const FACET = 'LockstepNode';
let devSchemaArn: string | undefined;
let publishedArn: string | undefined;
let directoryArn: string | undefined;
let appliedArn: string | undefined;

afterAll(async () => {
  // Best-effort clean-up on real targets; results are not judged.
  if (directoryArn) {
    await api.call('DisableDirectory', { header: { 'x-amz-data-partition': directoryArn } });
    await api.call('DeleteDirectory', { header: { 'x-amz-data-partition': directoryArn } });
  }
  if (devSchemaArn) await api.call('DeleteSchema', { header: { 'x-amz-data-partition': devSchemaArn } });
  await api.close();
});

function skip(operation: string, why: string): void {
  rec.notApplicable('COMMON-RESP-1', operation, `call ${operation}`, why);
}

describe('clouddirectory contract', () => {
  test('schema, facet, publish and directory set-up return valid 200s', async () => {
    const s = await api.call('CreateSchema', { body: { Name: `lockstep-${suffix}` } });
    if (!expectSuccess(rec, 'clouddirectory', 'CreateSchema', s, 'create a development schema')) return;
    devSchemaArn = s.data?.SchemaArn;
    if (!devSchemaArn) return skip('CreateFacet', 'no SchemaArn');
    const f = await api.call('CreateFacet', { header: { 'x-amz-data-partition': devSchemaArn }, body: { Name: FACET, ObjectType: 'NODE', Attributes: [] } });
    if (!expectSuccess(rec, 'clouddirectory', 'CreateFacet', f, 'create a NODE facet')) return;
    const p = await api.call('PublishSchema', { header: { 'x-amz-data-partition': devSchemaArn }, body: { Version: '1' } });
    if (!expectSuccess(rec, 'clouddirectory', 'PublishSchema', p, 'publish the schema')) return;
    publishedArn = p.data?.PublishedSchemaArn;
    if (!publishedArn) return skip('CreateDirectory', 'no PublishedSchemaArn');
    const d = await api.call('CreateDirectory', { header: { 'x-amz-data-partition': publishedArn }, body: { Name: `lockstep-${suffix}` } });
    if (!expectSuccess(rec, 'clouddirectory', 'CreateDirectory', d, 'create a directory')) return;
    directoryArn = d.data?.DirectoryArn;
    appliedArn = d.data?.AppliedSchemaArn;
  });

  test('BatchWrite: a successful batch, then a failing one', async () => {
    if (!directoryArn || !appliedArn) return skip('BatchWrite', 'no directory (set-up failed)');
    const header = { 'x-amz-data-partition': directoryArn };
    const create = {
      CreateObject: {
        SchemaFacet: [{ SchemaArn: appliedArn, FacetName: FACET }],
        ObjectAttributeList: [],
        ParentReference: { Selector: '/' },
        LinkName: 'contract-child',
      },
    };
    const ok = await api.call('BatchWrite', { header, body: { Operations: [create] } });
    if (!expectSuccess(rec, 'clouddirectory', 'BatchWrite', ok, 'create one object under the root')) return;
    // The same link name again: the batch fails as a whole with a listed BatchWriteException.
    const dup = await api.call('BatchWrite', { header, body: { Operations: [create] } });
    expectClientError(rec, 'clouddirectory', 'BatchWrite', dup, 'reuse a taken link name', { shapes: ['BatchWriteException'] });
  });

  test('malformed and non-object bodies are refused as validation errors', async () => {
    const partition = directoryArn ?? `arn:aws:clouddirectory:${ctx.resources.region}:123456789012:directory/lockstep-missing`;
    const bad = await api.raw('BatchWrite', { header: { 'x-amz-data-partition': partition } }, { rawBody: '{"Operations": [{' });
    expectMalformedRejected(rec, 'clouddirectory', 'BatchWrite', bad, 'truncated JSON body');
    const num = await api.raw('BatchWrite', { header: { 'x-amz-data-partition': partition } }, { rawBody: '42' });
    expectMalformedRejected(rec, 'clouddirectory', 'BatchWrite', num, 'JSON number as body');
  });

  test('each seeded operation is served at its model binding (COMMON-BIND-1)', async () => {
    await checkServedAtBindings('clouddirectory', 'clouddirectory/contract');
  });
});
