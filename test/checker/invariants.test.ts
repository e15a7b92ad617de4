// Tier-1 version-chain invariants on small hand-built histories.
import { describe, expect, it } from 'vitest';
import { checkVersionInvariants, type VersionedOp } from '../../suites/harness/linearizability/invariants.js';

const w = (id: number, call: number, ret: number, key: string, base: string | null, version?: string, outcome: VersionedOp['outcome'] = 'ok', value = `v${id}`): VersionedOp => ({
  id, call, ret, outcome, writes: [{ key, base, version, value }],
});
const r = (id: number, call: number, ret: number, reads: { key: string; version: string | null; value?: string | null }[]): VersionedOp => ({
  id, call, ret, outcome: 'ok', reads,
});
const rules = (ops: VersionedOp[]) => checkVersionInvariants(ops).map((v) => v.rule).sort();

describe('version-chain invariants', () => {
  it('accept a clean chain with concurrent failures and fresh reads', () => {
    const ops = [
      w(1, 0, 1, 'a', null, 'A1'),
      w(2, 2, 4, 'a', 'A1', 'A2'),
      w(3, 2, 5, 'a', 'A1', undefined, 'fail'),
      r(4, 6, 7, [{ key: 'a', version: 'A2', value: 'v2' }]),
      r(5, 3, 7, [{ key: 'a', version: 'A1', value: 'v1' }]),
    ];
    expect(checkVersionInvariants(ops)).toEqual([]);
  });

  it('flag two successes from one base version (lost update)', () => {
    expect(rules([w(1, 0, 1, 'a', null, 'A1'), w(2, 2, 4, 'a', 'A1', 'A2'), w(3, 2, 4, 'a', 'A1', 'A3')])).toEqual(['duplicate-base']);
  });

  it('flag a repeated version', () => {
    expect(rules([w(1, 0, 1, 'a', null, 'A1'), w(2, 2, 4, 'a', 'A1', 'A1')])).toEqual(['fresh-version']);
    expect(rules([w(1, 0, 1, 'a', null, 'A1'), w(2, 2, 4, 'a', 'A1', 'A2'), w(3, 5, 6, 'a', 'A2', 'A1')])).toContain('fresh-version');
  });

  it('flag a read older than a write acknowledged before it began, not one concurrent with it', () => {
    const base = [w(1, 0, 1, 'a', null, 'A1'), w(2, 2, 4, 'a', 'A1', 'A2')];
    expect(rules([...base, r(3, 5, 6, [{ key: 'a', version: 'A1' }])])).toEqual(['stale-read']);
    expect(rules([...base, r(3, 3, 6, [{ key: 'a', version: 'A1' }])])).toEqual([]);
    expect(rules([...base, r(3, 5, 6, [{ key: 'a', version: null }])])).toEqual(['stale-read']);
  });

  it('flag a read that observes a failed write', () => {
    const ops = [w(1, 0, 1, 'a', null, 'A1'), w(2, 2, 3, 'a', 'A0', undefined, 'fail'), r(3, 4, 5, [{ key: 'a', version: 'A1', value: 'v2' }])];
    expect(rules(ops)).toEqual(['failed-write-observed']);
  });

  it('flag a version no write produced, unless an unknown-outcome write may have', () => {
    const ops = [w(1, 0, 1, 'a', null, 'A1'), r(2, 4, 5, [{ key: 'a', version: 'ZZ' }])];
    expect(rules(ops)).toEqual(['unknown-version']);
    expect(rules([...ops, w(3, 2, Infinity, 'a', 'A1', undefined, 'unknown')])).toEqual([]);
  });

  it('flag a snapshot read that sees part of an atomic batch', () => {
    const batch: VersionedOp = {
      id: 3, call: 2, ret: 3, outcome: 'ok', atomic: true,
      writes: [{ key: 'a', base: 'A1', version: 'A2', value: 'ba' }, { key: 'b', base: 'B1', version: 'B2', value: 'bb' }],
    };
    const setup = [w(1, 0, 1, 'a', null, 'A1'), w(2, 0, 1, 'b', null, 'B1')];
    const partial = r(4, 2.5, 5, [{ key: 'a', version: 'A2', value: 'ba' }, { key: 'b', version: 'B1', value: 'v2' }]);
    const whole = r(4, 2.5, 5, [{ key: 'a', version: 'A2', value: 'ba' }, { key: 'b', version: 'B2', value: 'bb' }]);
    const none = r(4, 2.5, 5, [{ key: 'a', version: 'A1', value: 'v1' }, { key: 'b', version: 'B1', value: 'v2' }]);
    expect(rules([...setup, batch, partial])).toEqual(['partial-batch']);
    expect(rules([...setup, batch, whole])).toEqual([]);
    expect(rules([...setup, batch, none])).toEqual([]);
  });

  it('flag a partial batch by value tokens when there are no versions (Cloud Directory)', () => {
    const setup: VersionedOp[] = [
      { id: 1, call: 0, ret: 1, outcome: 'ok', writes: [{ key: 'a', value: 'a0' }, { key: 'b', value: 'b0' }], atomic: true },
    ];
    const batch: VersionedOp = { id: 2, call: 2, ret: 3, outcome: 'ok', atomic: true, writes: [{ key: 'a', value: 'a1' }, { key: 'b', value: 'b1' }] };
    const partial: VersionedOp = { id: 3, call: 2.5, ret: 4, outcome: 'ok', reads: [{ key: 'a', version: 'x', value: 'a1' }, { key: 'b', version: 'x', value: 'b0' }] };
    expect(checkVersionInvariants([...setup, batch, partial]).map((v) => v.rule)).toContain('partial-batch');
  });
});
