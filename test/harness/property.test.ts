// The harness's property runner on tiny in-memory properties (no server): a fc.commands model with a
// planted bug fails on its requirement, and the recorded path, passed back in, replays the same
// failure; an exception that is not a Divergence becomes `error` and is not shrunk against the
// target; a path that does not fit is refused without a crash; outcomes become the right verdicts.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { Divergence, stopAtFirst } from '../../suites/harness/divergence.js';
import { commandsReplayPath, guarded, joinPath, recordProperty, runProperty, splitPath, type PropertyOutcome } from '../../suites/harness/property.js';
import { VerdictRecorder } from '../../suites/harness/verdicts.js';

const REQ = 'TEST-STORE-1';

/** A key-value store whose planted bug: overwriting a key with a value above 5 is silently dropped. */
class BuggyStore {
  private readonly data = new Map<string, number>();
  put(k: string, v: number): void {
    if (this.data.has(k) && v > 5) return;
    this.data.set(k, v);
  }
  get(k: string): number | undefined {
    return this.data.get(k);
  }
}

type Model = Map<string, number>;
type Cmd = fc.AsyncCommand<Model, BuggyStore>;

class Put implements Cmd {
  constructor(
    readonly k: string,
    readonly v: number,
  ) {}
  check(): boolean {
    return true;
  }
  async run(m: Model, s: BuggyStore): Promise<void> {
    s.put(this.k, this.v);
    m.set(this.k, this.v);
  }
  toString(): string {
    return `put ${this.k}=${this.v}`;
  }
}

class Get implements Cmd {
  constructor(readonly k: string) {}
  check(): boolean {
    return true;
  }
  async run(m: Model, s: BuggyStore): Promise<void> {
    const got = s.get(this.k);
    if (got !== m.get(this.k)) throw new Divergence(REQ, `get ${this.k} gave ${got}, model says ${m.get(this.k)}`);
  }
  toString(): string {
    return `get ${this.k}`;
  }
}

const key = fc.constantFrom('a', 'b', 'c');
const storeCommands = (replayPath: string | undefined) =>
  fc.commands([fc.tuple(key, fc.nat({ max: 9 })).map(([k, v]) => new Put(k, v)), key.map((k) => new Get(k))], { maxCommands: 30, ...(replayPath ? { replayPath } : {}) });

function runStore(opts: { seed: number; numRuns: number; path?: string }): Promise<PropertyOutcome> {
  return runProperty(
    storeCommands,
    (cmds) => fc.asyncModelRun(() => ({ model: new Map<string, number>(), real: new BuggyStore() }), cmds),
    (cmds) => [...cmds].map(String),
    opts,
  );
}

describe('runProperty on a fc.commands model with a planted bug', () => {
  test('fails on the requirement, and the recorded path replays the same failure', async () => {
    const o = await runStore({ seed: 11, numRuns: 200 });
    expect(o.error).toBeUndefined();
    expect(o.ok).toBe(false);
    expect(o.requirement).toBe(REQ);
    // The path carries the commands replayPath next to fast-check's own.
    const { fcPath, replay } = splitPath(o.path);
    expect(fcPath).toMatch(/^\d+(:\d+)*$/);
    expect(replay).toMatch(/^[A-Za-z0-9+/]*:[A-Za-z0-9+/]*$/);
    // Shrunk to the bug's essence: a first put, an overwrite above 5 of the same key, a get of it.
    expect(o.counterexample).toHaveLength(3);
    const [first, second, third] = o.counterexample!;
    const k = /^put (\w)=\d$/.exec(first!)?.[1];
    expect(k).toBeDefined();
    expect(second).toMatch(new RegExp(`^put ${k}=[6-9]$`));
    expect(third).toBe(`get ${k}`);

    const again = await runStore({ seed: 11, numRuns: 200, path: o.path! });
    expect(again.error).toBeUndefined();
    expect(again.ok).toBe(false);
    expect(again.requirement).toBe(REQ);
    expect(again.counterexample).toEqual(o.counterexample);
    expect(again.message).toBe(o.message);
  });

  test('a path that does not fit the property is an error outcome, not a crash', async () => {
    const o = await runStore({ seed: 11, numRuns: 20, path: '0:999:999' });
    expect(o.ok).toBe(false);
    expect(o.requirement).toBeUndefined();
    expect(o.error).toMatch(/0:999:999/);
  });
});

describe('runProperty on other exceptions', () => {
  test('an exception that is not a Divergence becomes `error`, and the predicate is not called again', async () => {
    let calls = 0;
    const o = await runProperty(
      fc.array(fc.nat(), { minLength: 5 }),
      async () => {
        calls++;
        if (calls >= 3) throw new Error('setup refused');
      },
      (xs) => [JSON.stringify(xs)],
      { seed: 5, numRuns: 50 },
    );
    expect(o.ok).toBe(false);
    expect(o.requirement).toBeUndefined();
    expect(o.error).toBe('Error: setup refused');
    // Shrinking went on without calling the predicate: the third call was the last one.
    expect(calls).toBe(3);
  });

  test('a Divergence is shrunk: the predicate runs again after the first failure', async () => {
    let calls = 0;
    let firstFailure = 0;
    const o = await runProperty(
      fc.nat({ max: 1000 }),
      async (n) => {
        calls++;
        if (n >= 10) {
          if (firstFailure === 0) firstFailure = calls;
          throw new Divergence(REQ, `${n} is too big`);
        }
      },
      (n) => [String(n)],
      { seed: 5, numRuns: 100 },
    );
    expect(o.requirement).toBe(REQ);
    expect(o.counterexample).toEqual(['10']);
    expect(o.path).toBeDefined();
    // A non-commands property's path has no commands part.
    expect(o.path).not.toContain('~');
    expect(calls).toBeGreaterThan(firstFailure);
  });
});

describe('replay path helpers', () => {
  test('join and split are inverse; a path without a commands part stays as it is', () => {
    expect(joinPath('3:1:0', 'CD:A')).toBe('3:1:0~CD:A');
    expect(splitPath('3:1:0~CD:A')).toEqual({ fcPath: '3:1:0', replay: 'CD:A' });
    expect(joinPath('3:1', undefined)).toBe('3:1');
    expect(splitPath('3:1')).toEqual({ fcPath: '3:1' });
    expect(joinPath(undefined, 'CD:A')).toBeUndefined();
    expect(splitPath(undefined)).toEqual({});
  });

  test('commandsReplayPath reads a commands value and nothing else', () => {
    expect(commandsReplayPath({ toString: () => 'put a=1,get a /*replayPath="Bc:A"*/' })).toBe('Bc:A');
    expect(commandsReplayPath({ k: 1 })).toBeUndefined();
  });
});

describe('recordProperty and guarded', () => {
  const covers = ['SYNC-COUNT-1', 'SYNC-COUNT-2'];
  const check = { operation: 'UpdateRecords', check: 'tiny property', covers };

  test('the divergence fails its requirement (with path and counterexample); the others pass', () => {
    const rec = new VerdictRecorder('cognito-sync', 'test', undefined);
    const o: PropertyOutcome = { ok: false, requirement: 'SYNC-COUNT-1', message: 'SYNC-COUNT-1: lost', seed: 9, numRuns: 4, path: '2:0~A:B', counterexample: ['x'], evidence: [] };
    recordProperty(rec, o, check);
    const byReq = new Map(rec.verdicts.map((v) => [v.requirement, v]));
    expect(byReq.get('SYNC-COUNT-1')).toMatchObject({ status: 'fail', path: '2:0~A:B', counterexample: ['x'], message: 'SYNC-COUNT-1: lost' });
    expect(byReq.get('SYNC-COUNT-2')?.status).toBe('pass');
    recordProperty(rec, o, { ...check, replayInMessage: true });
    expect(rec.verdicts.at(-1)?.message).toBe('SYNC-COUNT-1: lost (seed 9, path 2:0~A:B)');
  });

  test("a divergence's own SHOULD level makes the failure non-strict", () => {
    const rec = new VerdictRecorder('cognito-sync', 'test', undefined);
    recordProperty(rec, { ok: false, requirement: 'SYNC-COUNT-2', level: 'SHOULD', message: 'm', seed: 1, numRuns: 1, evidence: [] }, check);
    expect(rec.verdicts.find((v) => v.requirement === 'SYNC-COUNT-2')?.status).toBe('non-strict');
  });

  test('an error outcome makes every covered requirement n/a', () => {
    const rec = new VerdictRecorder('cognito-sync', 'test', undefined);
    recordProperty(rec, { ok: false, error: 'Error: setup refused', seed: 1, numRuns: 1, evidence: [] }, check);
    expect(rec.verdicts.map((v) => [v.requirement, v.status])).toEqual([
      ['SYNC-COUNT-1', 'n/a'],
      ['SYNC-COUNT-2', 'n/a'],
    ]);
    expect(rec.verdicts[0]!.message).toMatch(/setup refused/);
  });

  test('guarded records n/a under the operation it is given when the step throws', async () => {
    const rec = new VerdictRecorder('clouddirectory', 'test', undefined);
    await guarded(rec, 'BatchWrite', ['DIR-EXC-1'], 'step', () => {
      throw new Error('no directory');
    });
    await guarded(rec, 'BatchWrite', ['DIR-EXC-2'], 'fine step', async () => undefined);
    expect(rec.verdicts).toHaveLength(1);
    expect(rec.verdicts[0]).toMatchObject({ requirement: 'DIR-EXC-1', operation: 'BatchWrite', status: 'n/a', message: 'could not run: no directory' });
  });

  test('stopAtFirst throws the first finding as a Divergence with its level', () => {
    expect(() => stopAtFirst([], [])).not.toThrow();
    let caught: unknown;
    try {
      stopAtFirst([{ requirement: 'A-1', message: 'first', level: 'SHOULD' }, { requirement: 'B-1', message: 'second' }], []);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(Divergence);
    expect(caught).toMatchObject({ requirement: 'A-1', level: 'SHOULD', message: 'A-1: first' });
  });
});
