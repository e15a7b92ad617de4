// The checker against Porcupine's own recorded histories and the verdicts its tests expect.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkHistory } from '../../suites/harness/linearizability/checker.js';
import { kvModel } from '../../suites/harness/linearizability/models/kv.js';
import { registerModel } from '../../suites/harness/linearizability/models/register.js';
import { parseExpected, parseJepsenLog } from './helpers/jepsen-log.js';
import { parseKvLog } from './helpers/kv-log.js';
import { requirePorcupineHistories } from './helpers/shared-dir.js';

describe("Porcupine's etcd Jepsen histories", () => {
  it('gives the expected verdict for every one of the 102 logs', () => {
    const dir = requirePorcupineHistories();
    const expected = parseExpected(readFileSync(path.join(dir, 'jepsen_expected.txt'), 'utf8'));
    expect(expected.size).toBe(102);
    const wrong: string[] = [];
    let legal = 0;
    for (const [n, linearizable] of expected) {
      const file = path.join(dir, `etcd_${String(n).padStart(3, '0')}.log`);
      const { ops, errors } = parseJepsenLog(readFileSync(file, 'utf8'));
      expect(errors, file).toEqual([]);
      expect(ops.length, file).toBeGreaterThan(0);
      const result = checkHistory(registerModel, ops, { timeoutMs: 30_000 });
      if (result.verdict !== (linearizable ? 'ok' : 'illegal')) wrong.push(`${n}: expected ${linearizable}, got ${result.verdict}`);
      if (linearizable) legal++;
    }
    expect(wrong).toEqual([]);
    // jepsen_expected.txt lists 23 linearizable logs and 79 that are not.
    expect(legal).toBe(23);
  });

  it('reads timed-out and never-completed operations as unknown outcomes', () => {
    const dir = requirePorcupineHistories();
    const { ops } = parseJepsenLog(readFileSync(path.join(dir, 'etcd_000.log'), 'utf8'));
    const unknown = ops.filter((op) => op.outcome === 'unknown');
    expect(unknown.length).toBeGreaterThan(0);
    for (const op of unknown) expect(op.ret).toBe(Number.POSITIVE_INFINITY);
    expect(unknown.every((op) => op.input.kind !== 'read')).toBe(true);
  });
});

describe("Porcupine's key-value histories", () => {
  for (const name of ['c01-ok', 'c01-bad', 'c10-ok', 'c10-bad', 'c50-ok', 'c50-bad']) {
    it(`${name} is ${name.endsWith('-ok') ? 'linearizable' : 'not linearizable'}`, () => {
      const dir = requirePorcupineHistories();
      const { ops, errors } = parseKvLog(readFileSync(path.join(dir, `${name}.txt`), 'utf8'));
      expect(errors).toEqual([]);
      expect(ops.every((op) => op.outcome === 'ok')).toBe(true);
      const result = checkHistory(kvModel, ops, { timeoutMs: 60_000 });
      expect(result.verdict).toBe(name.endsWith('-ok') ? 'ok' : 'illegal');
      if (result.verdict === 'illegal') {
        const illegal = result.partitions.find((p) => p.verdict === 'illegal')!;
        expect(illegal.stuck.length).toBeGreaterThan(0);
        // every operation of a partition concerns one key
        expect(new Set(illegal.operations.map((op) => op.input.key)).size).toBe(1);
      }
    });
  }
});
