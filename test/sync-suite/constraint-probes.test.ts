// The constraint probes against the bounds the documents give (seed page 004 for the path labels
// and DeviceId, the cognito-sync model for Key and Value): one probe at each bound and one just past
// it, pattern probes that match in full or nowhere, each required member removed.
import { describe, expect, test } from 'vitest';
import { applyProbe, fullMatch, probesFor, requirementOfProbe, type Probe } from '../../suites/cognito-sync/constraint-probes.js';

const update = probesFor('UpdateRecords');
const find = (at: string, constraint: RegExp, inside: boolean): Probe | undefined =>
  update.find((p) => p.at.join('.') === at && constraint.test(p.constraint) && p.inside === inside);

describe('UpdateRecords probes', () => {
  test.each([
    ['DatasetName', 128],
    ['IdentityPoolId', 55],
    ['IdentityId', 55],
    ['DeviceId', 256],
    ['RecordPatches.0.Key', 1024],
    ['RecordPatches.0.Value', 1048575],
  ])('%s: a value of %i characters is inside, one more is outside', (at, max) => {
    expect((find(at, /maxLength/, true)?.value as string).length).toBe(max);
    expect((find(at, /maxLength/, false)?.value as string).length).toBe(max + 1);
  });

  test('path label values at the bound still match the pattern (only the length is probed)', () => {
    for (const at of ['IdentityPoolId', 'IdentityId']) expect(fullMatch('[\\w-]+:[0-9a-f-]+', find(at, /maxLength/, true)!.value as string)).toBe(true);
    expect(fullMatch('[a-zA-Z0-9_.:-]+', find('DatasetName', /maxLength/, true)!.value as string)).toBe(true);
  });

  test('pattern probes: inside matches in full, outside matches nowhere', () => {
    const inside = find('DatasetName', /pattern/, true)!.value as string;
    const outside = find('DatasetName', /pattern/, false)!.value as string;
    expect(/^[a-zA-Z0-9_.:-]+$/.test(inside)).toBe(true);
    expect(/[a-zA-Z0-9_.:-]/.test(outside)).toBe(false);
  });

  test('Key and DeviceId are probed empty (minLength 1); Op outside its enum; the required members removed', () => {
    expect(find('RecordPatches.0.Key', /minLength/, false)?.value).toBe('');
    expect(find('DeviceId', /minLength/, false)?.value).toBe('');
    expect(find('RecordPatches.0.Op', /enum$/, false)?.value).toBe('LOCKSTEP_NOT_IN_ENUM');
    const removed = update.filter((p) => p.remove).map((p) => p.at.join('.')).sort();
    expect(removed).toEqual(['RecordPatches.0.Key', 'RecordPatches.0.Op', 'RecordPatches.0.SyncCount', 'SyncSessionToken']);
  });

  test('each probe names the derived requirement of its constraint', () => {
    expect(requirementOfProbe('UpdateRecords', find('DatasetName', /maxLength/, false)!)).toBe('SYNC-REQ-2');
    expect(requirementOfProbe('UpdateRecords', find('IdentityId', /pattern/, false)!)).toBe('SYNC-REQ-1');
    expect(requirementOfProbe('UpdateRecords', find('DeviceId', /maxLength/, false)!)).toBe('SYNC-REQ-3');
    expect(requirementOfProbe('UpdateRecords', find('RecordPatches.0.Value', /maxLength/, false)!)).toBe('SYNC-PATCH-2');
    expect(requirementOfProbe('UpdateRecords', update.find((p) => p.remove && p.at.join('.') === 'RecordPatches.0.Op')!)).toBe('SYNC-PATCH-1');
    expect(requirementOfProbe('UpdateRecords', update.find((p) => p.remove && p.at.join('.') === 'SyncSessionToken')!)).toBe('SYNC-TOKEN-1');
  });
});

describe('companion probes and applying a probe', () => {
  test('ListRecords integer query members are probed with a non-number', () => {
    const q = probesFor('ListRecords').filter((p) => p.where === 'query').map((p) => p.at[0]).sort();
    expect(q).toEqual(['lastSyncCount', 'maxResults']);
  });

  test('applyProbe edits a copy at the probed path, or removes the member', () => {
    const base = { SyncSessionToken: 't', RecordPatches: [{ Op: 'replace', Key: 'k', SyncCount: 0 }] };
    const key = applyProbe(base, { where: 'body', at: ['RecordPatches', 0, 'Key'], value: '', inside: false, constraint: 'x' });
    expect(key).toEqual({ SyncSessionToken: 't', RecordPatches: [{ Op: 'replace', Key: '', SyncCount: 0 }] });
    const gone = applyProbe(base, { where: 'body', at: ['SyncSessionToken'], remove: true, inside: false, constraint: 'x' });
    expect(gone).toEqual({ RecordPatches: base.RecordPatches });
    expect(base.RecordPatches[0]!.Key).toBe('k');
  });
});
