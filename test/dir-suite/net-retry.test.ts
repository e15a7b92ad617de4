// NET-1, targeted: a five-operation BatchWrite whose answer the lost-response proxy drops, then the
// identical batch direct. On the reference the lost batch applied whole and the retry fails whole
// (its CreateObject meets its own link name: BatchWriteException at Index 1). With
// dir-partial-batch the failed retry keeps operation 0, which a whole application always
// overwrites with operation 4: the read-back shows part of a batch and NET-1 must fail.
import { afterEach, describe, expect, test } from 'vitest';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';
import type { Home } from '../../suites/clouddirectory/home.js';
import { appliedOnce, attrEntry, classify, netBatch } from '../../suites/clouddirectory/net-batch.js';
import { checkLostBatch, judgeLostBatch, LOST_BATCH_CHECK, runLostBatch } from '../../suites/clouddirectory/net-retry.js';
import type { DirNetTarget } from '../../suites/clouddirectory/net-target.js';
import type { Snapshot } from '../../suites/clouddirectory/readback.js';
import { dirNetKit, type DirNetKit } from './net-kit.js';

let kit: DirNetKit | undefined;
afterEach(async () => {
  await kit?.close();
  kit = undefined;
});

describe('a lost BatchWrite answer, then the identical batch again', () => {
  test('reference: the lost batch applied whole, the retry fails whole with LinkNameAlreadyInUseException at Index 1 and changes nothing', async () => {
    kit = await dirNetKit();
    const r = await runLostBatch(kit.target, kit.dir);
    expect(r.status, r.message).toBe('pass');
    expect(r.dropped).toBe(1);
    expect(r.first?.kind).toBe('whole');
    expect(r.second?.kind).toBe('none');
    const writes = r.evidence.filter((e) => e.operation === 'BatchWrite');
    expect(writes).toHaveLength(2);
    // The lost attempt has no response; the retry is a 400 BatchWriteException naming operation 1.
    expect(writes[0]!.response).toBeUndefined();
    expect(writes[1]!.response?.status).toBe(400);
    expect(r.message).toMatch(/Index 1 Type "LinkNameAlreadyInUseException"/);
    // Three read-backs: 10 home objects, then 11 with the created one, twice.
    expect(r.evidence.filter((e) => e.operation === 'BatchRead')).toHaveLength(10 + 11 + 11);
    expect(kit.server.internalErrors()).toBe(0);
  });

  test('dir-partial-batch: the failed retry leaves operation 0 applied and NET-1 fails', async () => {
    kit = await dirNetKit(['dir-partial-batch']);
    const rec = new VerdictRecorder('clouddirectory', 'clouddirectory/test', undefined, 1);
    const r = await checkLostBatch(kit.target, rec, kit.dir);
    expect(r.first?.kind).toBe('whole');
    expect(r.second?.kind).toBe('part');
    expect(rec.verdicts).toHaveLength(1);
    const v = rec.verdicts[0]!;
    expect(v).toMatchObject({ requirement: 'NET-1', service: 'clouddirectory', status: 'fail', operation: 'BatchWrite', check: LOST_BATCH_CHECK });
    expect(v.message).toMatch(/the retry .* is applied in part after the lost batch had applied whole/);
    expect(v.message).toMatch(/n0\.val holds the value of operation 0/);
    const steps = v.counterexample as string[];
    expect(steps.some((s) => /applied in part/.test(s))).toBe(true);
    // The batch itself closes the counterexample, one line per operation.
    expect(steps.slice(-5).map((s) => s.slice(0, 2))).toEqual(['0:', '1:', '2:', '3:', '4:']);
    expect(v.evidence.length).toBeGreaterThan(0);
  });

  test('the verdict is pass and recorded for clouddirectory on the reference', async () => {
    kit = await dirNetKit();
    const rec = new VerdictRecorder('clouddirectory', 'clouddirectory/test', undefined, 1);
    await checkLostBatch(kit.target, rec, kit.dir);
    expect(rec.verdicts.map((v) => [v.requirement, v.service, v.status])).toEqual([['NET-1', 'clouddirectory', 'pass']]);
  });

  test('n/a without sending anything when the proxy cannot be placed (https, base path, signed)', async () => {
    const unused = (): never => {
      throw new Error('no client may be made');
    };
    const dir = { arn: 'arn:d', schemaArn: 'arn:s', devSchemaArn: 'arn:dev', name: 'd' };
    for (const [url, signed, why] of [
      ['https://example.test', false, /plain http only/],
      ['http://example.test/base', false, /without a base path/],
      ['http://example.test', true, /signatures would not match/],
    ] as const) {
      const t: DirNetTarget = { url, signed, direct: unused, via: unused };
      const rec = new VerdictRecorder('clouddirectory', 'clouddirectory/test', undefined, 1);
      await checkLostBatch(t, rec, dir);
      expect(rec.verdicts.map((v) => [v.requirement, v.status])).toEqual([['NET-1', 'n/a']]);
      expect(rec.verdicts[0]!.message).toMatch(why);
    }
  });
});

describe('reading one application of the batch', () => {
  // A synthetic home: the snapshot holds only what the batch touches.
  const h = { dir: { schemaArn: 'arn:s' }, link: 'home', home: 'H', nodes: ['N0', 'N1', 'N2'], leaf: 'L' } as unknown as Home;
  const b = netBatch(h, 'tok');
  const empty = { facets: ['LsNode'], attrs: [], children: [], policies: [], indices: [] };
  const before: Snapshot = { H: { ...empty, children: ['leaf->L', 'n0->N0', 'n1->N1'] }, N0: { ...empty, attrs: [attrEntry('val', 'old')] }, N1: empty, L: { ...empty, facets: ['LsLeaf'] } };
  const whole = appliedOnce(h, b, before, 'X')!;

  test('the batch has five operations: update, create, attach, update, update', () => {
    expect(b.ops.map((op) => Object.keys(op)[0])).toEqual(['UpdateObjectAttributes', 'CreateObject', 'AttachObject', 'UpdateObjectAttributes', 'UpdateObjectAttributes']);
  });
  test('one whole application: n0.val late (old value replaced), n1.val set, new object with the leaf under it', () => {
    expect(whole.N0!.attrs).toEqual([attrEntry('val', 'tok-late')]);
    expect(whole.N1!.attrs).toEqual([attrEntry('val', 'tok')]);
    expect(whole.H!.children).toContain('nettok->X');
    expect(whole.X!.children).toEqual(['leaf->L']);
    expect(classify(h, b, before, whole)).toEqual({ kind: 'whole', made: 'X' });
    expect(classify(h, b, before, before)).toEqual({ kind: 'none' });
  });
  test('the created object without the leaf under it is part of the batch', () => {
    const part = { ...whole, X: { ...whole.X!, children: [] } };
    const c = classify(h, b, before, part);
    expect(c.kind).toBe('part');
  });
  test('only operation 0 applied is part of the batch, and named', () => {
    const part = { ...before, N0: { ...before.N0!, attrs: [attrEntry('val', 'tok-early')] } };
    const c = classify(h, b, before, part);
    expect(c.kind).toBe('part');
    expect(c.kind === 'part' && c.seen.join(';')).toMatch(/operation 0/);
  });
});

describe('judging the two attempts (NET-1: every application whole, answers agree with it)', () => {
  const part = { kind: 'part' as const, diff: ['object N0 attrs: changed'], seen: [] };
  const whole = { kind: 'whole' as const, made: 'X' };
  const none = { kind: 'none' as const };
  const refused = { status: 400, text: '400 BatchWriteException Index 1' };
  const ok = { status: 200, text: '200' };

  test('applied whole, retry refused and nothing changed: pass', () => {
    expect(judgeLostBatch(whole, refused, none).status).toBe('pass');
  });
  test('not applied, retry applied whole: pass', () => {
    expect(judgeLostBatch(none, ok, whole)).toEqual({ status: 'pass', message: 'the lost batch did not apply; its retry (200) applied whole once more' });
  });
  test('applied whole and the retry applied whole again: pass (no idempotency token)', () => {
    expect(judgeLostBatch(whole, ok, whole).status).toBe('pass');
  });
  test('the lost batch seen in part: fail', () => {
    expect(judgeLostBatch(part, refused, none).message).toMatch(/lost is applied in part/);
  });
  test('the retry seen in part: fail', () => {
    expect(judgeLostBatch(whole, refused, part).status).toBe('fail');
  });
  test('retry answered 200 with nothing visible: fail', () => {
    expect(judgeLostBatch(whole, ok, none).status).toBe('fail');
  });
  test('retry refused yet applied: fail', () => {
    expect(judgeLostBatch(none, refused, whole).status).toBe('fail');
  });
  test('neither attempt applied and the retry refused: n/a (the batch is refused anyway)', () => {
    expect(judgeLostBatch(none, refused, none).status).toBe('n/a');
  });
});
