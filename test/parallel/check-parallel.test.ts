// The parallel-program engine against in-memory fakes.
import { describe, expect, it } from 'vitest';
import { registerModel, type RegisterInput } from '../../suites/harness/linearizability/models/register.js';
import { checkParallel } from '../../suites/harness/parallel/check-parallel.js';
import { parallelProgram, programSize } from '../../suites/harness/parallel/program.js';
import { KEYS, registerCommand, registerStore } from './fake-register-store.js';

const finalReads = (): RegisterInput[] => KEYS.map((key) => ({ kind: 'read', key }));
const arbitrary = parallelProgram(registerCommand, { maxPrefix: 2, maxClients: 4, maxOpsPerClient: 3 });

describe('checkParallel', () => {
  it('passes a correct CAS register', async () => {
    const result = await checkParallel({
      arbitrary, model: registerModel, setup: () => registerStore(false), finalReads, runs: 40, seed: 42, repeats: 2,
    });
    expect(result.error).toBeUndefined();
    expect(result.ok).toBe(true);
    expect(result.numRuns).toBe(40);
    expect(result.inconclusive).toBe(0);
  });

  it('fails a racy CAS register and shrinks the program to at most 4 operations', async () => {
    const result = await checkParallel({
      arbitrary, model: registerModel, setup: () => registerStore(true), finalReads, runs: 100, seed: 7, repeats: 3,
    });
    expect(result.ok).toBe(false);
    expect(result.error).toBeUndefined();
    expect(result.seed).toBe(7);
    expect(result.path).toMatch(/^\d+(:\d+)*$/);
    expect(result.program).toBeDefined();
    expect(programSize(result.program!)).toBeLessThanOrEqual(4);
    expect(result.check?.verdict).toBe('illegal');
    // the recorded history holds the shrunk program's operations plus the final reads
    expect(result.history!.length).toBe(programSize(result.program!) + KEYS.length);
    expect(result.explanation).toContain('seed 7');
    expect(result.explanation).toContain('illegal');
  });

  it('reports a setup error instead of throwing', async () => {
    const result = await checkParallel({
      arbitrary, model: registerModel, setup: () => { throw new Error('no target'); }, runs: 3, seed: 1, repeats: 1,
    });
    expect(result.ok).toBe(false);
    expect(result.error).toContain('no target');
  });
});
