// Every Connect fault changes the reference's behaviour in the way its description says, and the
// correct reference does not. Handler level (no HTTP); the race fault is shown through the server in
// connect-race.test.ts.
import { describe, expect, it } from 'vitest';
import { CONNECT_FAULT, FAULTS, type ConnectFaultName } from '../../fixtures/faults/connect.js';
import { requirementById } from '../../spec/requirements/catalog.js';
import { Kit } from '../reference/connect-kit.js';

const pk = (v: string) => [{ AttributeName: 'id', Value: v }];

async function keyed(k: Kit, level: string) {
  const t = await k.table(level);
  await k.attribute(t.Id, 'id', 'TEXT', { Primary: true });
  await k.attribute(t.Id, 'name', 'TEXT', { Validation: { MaxLength: 3 } });
  await k.attribute(t.Id, 'qty', 'NUMBER');
  await k.attribute(t.Id, 'color', 'TEXT', { Validation: { Enum: { Strict: true, Values: ['red'] } } });
  return t;
}

/** A scenario observes something; `correct` is what the reference shows, `faulty` what the fault shows. */
interface Scenario {
  run(k: Kit): Promise<unknown>;
  correct: unknown;
  faulty: unknown;
}

const SCENARIOS: Record<Exclude<ConnectFaultName, 'connect-lock-check-race'>, Scenario> = {
  // PRIMARY_VALUE: a record token made stale by a sibling value's update must be refused.
  [CONNECT_FAULT.lockWrongComponent]: {
    async run(k) {
      const t = await keyed(k, 'PRIMARY_VALUE');
      await k.createOne(t.Id, 'name', 'a', pk('r1'));
      const qty = await k.createOne(t.Id, 'qty', '1', pk('r1'));
      const name = await k.read(t.Id, 'name', pk('r1'));
      await k.updateOne(t.Id, 'name', 'b', name.LockVersion, pk('r1')); // record r1 moves on
      const stale = { ...qty.LockVersion, PrimaryValues: name.LockVersion.PrimaryValues };
      return (await k.updateOne(t.Id, 'qty', '2', stale, pk('r1'))).Successful.length;
    },
    correct: 0,
    faulty: 1,
  },
  [CONNECT_FAULT.lockMissingAccepted]: {
    async run(k) {
      const t = await keyed(k, 'VALUE');
      await k.createOne(t.Id, 'qty', '1', pk('r1'));
      return (await k.updateOne(t.Id, 'qty', '2', undefined, pk('r1'))).Successful.length;
    },
    correct: 0,
    faulty: 1,
  },
  [CONNECT_FAULT.valueVersionNotBumped]: {
    async run(k) {
      const t = await keyed(k, 'VALUE');
      const c = await k.createOne(t.Id, 'qty', '1', pk('r1'));
      const u = await k.updateOne(t.Id, 'qty', '2', c.LockVersion, pk('r1'));
      return u.Successful[0].LockVersion.Value === c.LockVersion.Value;
    },
    correct: false,
    faulty: true,
  },
  // ABA: write 1 -> 2 -> 1; the first token must stay dead.
  [CONNECT_FAULT.valueVersionContentHash]: {
    async run(k) {
      const t = await keyed(k, 'VALUE');
      const c = await k.createOne(t.Id, 'qty', '1', pk('r1'));
      const u1 = await k.updateOne(t.Id, 'qty', '2', c.LockVersion, pk('r1'));
      await k.updateOne(t.Id, 'qty', '1', u1.Successful[0].LockVersion, pk('r1'));
      return (await k.updateOne(t.Id, 'qty', '3', c.LockVersion, pk('r1'))).Successful.length;
    },
    correct: 0,
    faulty: 1,
  },
  [CONNECT_FAULT.recordVersionNotBumped]: {
    async run(k) {
      const t = await keyed(k, 'VALUE');
      const c = await k.createOne(t.Id, 'qty', '1', pk('r1'));
      const u = await k.updateOne(t.Id, 'qty', '2', c.LockVersion, pk('r1'));
      return u.Successful[0].LockVersion.PrimaryValues === c.LockVersion.PrimaryValues;
    },
    correct: false,
    faulty: true,
  },
  [CONNECT_FAULT.failedItemWritesValue]: {
    async run(k) {
      const t = await keyed(k, 'VALUE');
      const c = await k.createOne(t.Id, 'qty', '1', pk('r1'));
      const u = await k.updateOne(t.Id, 'qty', 'not a number', c.LockVersion, pk('r1'));
      return [u.Failed.length, (await k.read(t.Id, 'qty', pk('r1'))).Value];
    },
    correct: [1, '1'],
    faulty: [1, 'not a number'],
  },
  [CONNECT_FAULT.invalidItemDropped]: {
    async run(k) {
      const t = await keyed(k, 'VALUE');
      const c = await k.createOne(t.Id, 'qty', '1', pk('r1'));
      const u = await k.updateOne(t.Id, 'qty', 'x', c.LockVersion, pk('r1'));
      return u.Successful.length + u.Failed.length;
    },
    correct: 1,
    faulty: 0,
  },
  [CONNECT_FAULT.staleLockFailsRequest]: {
    async run(k) {
      const t = await keyed(k, 'VALUE');
      await k.createOne(t.Id, 'qty', '1', pk('r1'));
      try {
        const out = await k.updateOne(t.Id, 'qty', '2', { Value: 'stale' }, pk('r1'));
        return `200 with ${out.Failed.length} failed`;
      } catch (e) {
        return (e as Error).name;
      }
    },
    correct: '200 with 1 failed',
    faulty: 'ConflictException',
  },
  // NONE: two writes to one value in one batch; the later one in request order must win.
  [CONNECT_FAULT.batchAppliedInReverse]: {
    async run(k) {
      const t = await keyed(k, 'NONE');
      await k.createOne(t.Id, 'qty', '1', pk('r1'));
      const out = await k.update(t.Id, [
        { PrimaryValues: pk('r1'), AttributeName: 'qty', Value: '2' },
        { PrimaryValues: pk('r1'), AttributeName: 'qty', Value: '3' },
      ]);
      return [out.Successful.length, (await k.read(t.Id, 'qty', pk('r1'))).Value];
    },
    correct: [2, '3'],
    faulty: [2, '2'],
  },
  // MaxLength 3: three astral characters are 3 code points but 6 UTF-16 units.
  [CONNECT_FAULT.maxLengthUtf16]: {
    async run(k) {
      const t = await keyed(k, 'NONE');
      return (await k.create(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'name', Value: '𝄞𝄞𝄞' }])).Successful.length;
    },
    correct: 1,
    faulty: 0,
  },
  [CONNECT_FAULT.enumStrictIgnored]: {
    async run(k) {
      const t = await keyed(k, 'NONE');
      return (await k.create(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'color', Value: 'blue' }])).Successful.length;
    },
    correct: 0,
    faulty: 1,
  },
  [CONNECT_FAULT.numberSyntaxLenient]: {
    async run(k) {
      const t = await keyed(k, 'NONE');
      const values = ['0x1F', ' 12 ', 'Infinity', ''];
      const out = await k.create(t.Id, values.map((v, i) => ({ PrimaryValues: pk(`r${i}`), AttributeName: 'qty', Value: v })));
      return out.Successful.length;
    },
    correct: 0,
    faulty: 4,
  },
  [CONNECT_FAULT.duplicateCreateOverwrites]: {
    async run(k) {
      const t = await keyed(k, 'NONE');
      await k.createOne(t.Id, 'qty', '1', pk('r1'));
      const out = await k.create(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'qty', Value: '2' }]);
      return [out.Successful.length, (await k.read(t.Id, 'qty', pk('r1'))).Value];
    },
    correct: [0, '1'],
    faulty: [1, '2'],
  },
  [CONNECT_FAULT.recordIdChangesOnUpdate]: {
    async run(k) {
      const t = await keyed(k, 'NONE');
      const c = await k.createOne(t.Id, 'qty', '1', pk('r1'));
      await k.updateOne(t.Id, 'qty', '2', undefined, pk('r1'));
      return (await k.read(t.Id, 'qty', pk('r1'))).RecordId === c.RecordId;
    },
    correct: true,
    faulty: false,
  },
  [CONNECT_FAULT.arnIdRejected]: {
    async run(k) {
      const t = await keyed(k, 'NONE');
      const results: string[] = [];
      for (const id of [t.Arn, `${t.Arn}:$LATEST`]) {
        results.push(await k.call('DescribeDataTable', { DataTableId: id }).then(() => 'found', (e: Error) => e.name));
      }
      return results;
    },
    correct: ['found', 'found'],
    faulty: ['ResourceNotFoundException', 'ResourceNotFoundException'],
  },
  [CONNECT_FAULT.staleLockVersionReturned]: {
    async run(k) {
      const t = await keyed(k, 'VALUE');
      const c = await k.createOne(t.Id, 'qty', '1', pk('r1'));
      const u = await k.updateOne(t.Id, 'qty', '2', c.LockVersion, pk('r1'));
      const read = await k.read(t.Id, 'qty', pk('r1'));
      return JSON.stringify(read.LockVersion) === JSON.stringify(u.Successful[0].LockVersion);
    },
    correct: true,
    faulty: false,
  },
  [CONNECT_FAULT.deleteIgnoresLock]: {
    async run(k) {
      const t = await keyed(k, 'VALUE');
      await k.createOne(t.Id, 'qty', '1', pk('r1'));
      const out = await k.remove(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'qty', LockVersion: { Value: 'stale' } }]);
      return [out.Successful.length, (await k.read(t.Id, 'qty', pk('r1')))?.Value ?? 'gone'];
    },
    correct: [0, '1'],
    faulty: [1, 'gone'],
  },
  [CONNECT_FAULT.partialPrimaryValuesAccepted]: {
    async run(k) {
      const t = await keyed(k, 'NONE');
      await k.attribute(t.Id, 'region', 'TEXT', { Primary: true });
      const out = await k.create(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'qty', Value: '1' }]);
      return out.Successful.length;
    },
    correct: 0,
    faulty: 1,
  },
};

describe('Connect fault catalog', () => {
  it('has at least 10 well-formed faults, each naming one catalogued Connect requirement', () => {
    expect(FAULTS.length).toBeGreaterThanOrEqual(10);
    const names = new Set<string>();
    for (const f of FAULTS) {
      expect(f.name).toMatch(/^connect-[a-z0-9-]+$/);
      expect(names.has(f.name)).toBe(false);
      names.add(f.name);
      expect(f.service).toBe('connect');
      expect(f.requirement).toMatch(/^CONNECT-/);
      expect(requirementById(f.requirement), f.requirement).toBeDefined();
      expect(f.description.length).toBeGreaterThan(20);
    }
    expect(FAULTS.filter((f) => f.concurrencyOnly).map((f) => f.name)).toEqual([CONNECT_FAULT.lockCheckRace]);
    expect(new Set(Object.values(CONNECT_FAULT))).toEqual(names);
  });

  it('has a scenario for every fault that shows without concurrency', () => {
    const sequential = FAULTS.filter((f) => !f.concurrencyOnly).map((f) => f.name).sort();
    expect(Object.keys(SCENARIOS).sort()).toEqual(sequential);
  });

  for (const [name, s] of Object.entries(SCENARIOS) as [string, Scenario][]) {
    const req = FAULTS.find((f) => f.name === name)?.requirement;
    it(`${name} (${req}): the reference shows ${JSON.stringify(s.correct)}, the fault ${JSON.stringify(s.faulty)}`, async () => {
      expect(await s.run(new Kit())).toEqual(s.correct);
      expect(await s.run(new Kit([name]))).toEqual(s.faulty);
    });
  }

  it('the two lock-rule faults affect updates only: deletes stay lock-checked (CONNECT-DELETE-1 intact)', async () => {
    for (const [fault, level, presented] of [
      [CONNECT_FAULT.lockMissingAccepted, 'VALUE', {}],
      [CONNECT_FAULT.lockWrongComponent, 'PRIMARY_VALUE', 'value-token-only'],
    ] as const) {
      const k = new Kit([fault]);
      const t = await keyed(k, level);
      const c = await k.createOne(t.Id, 'qty', '1', pk('r1'));
      await k.createOne(t.Id, 'name', 'a', pk('r1')); // moves record r1 on
      const lock = presented === 'value-token-only' ? { ...c.LockVersion } : presented;
      const out = await k.remove(t.Id, [{ PrimaryValues: pk('r1'), AttributeName: 'qty', LockVersion: lock }]);
      expect({ fault, failed: out.Failed.length }).toEqual({ fault, failed: 1 });
    }
  });

  it('each fault leaves the other scenarios correct (it is a single defect)', async () => {
    // Spot check: a fault of one area does not disturb a scenario of another.
    const pairs: [string, string][] = [
      [CONNECT_FAULT.enumStrictIgnored, CONNECT_FAULT.lockWrongComponent],
      [CONNECT_FAULT.valueVersionNotBumped, CONNECT_FAULT.recordVersionNotBumped],
      [CONNECT_FAULT.recordVersionNotBumped, CONNECT_FAULT.valueVersionNotBumped],
      [CONNECT_FAULT.arnIdRejected, CONNECT_FAULT.duplicateCreateOverwrites],
      [CONNECT_FAULT.deleteIgnoresLock, CONNECT_FAULT.lockMissingAccepted],
      [CONNECT_FAULT.lockCheckRace, CONNECT_FAULT.batchAppliedInReverse],
    ];
    for (const [fault, scenarioName] of pairs) {
      const s = SCENARIOS[scenarioName as keyof typeof SCENARIOS];
      expect({ fault, scenarioName, seen: await s.run(new Kit([fault])) }).toEqual({ fault, scenarioName, seen: s.correct });
    }
  });
});
