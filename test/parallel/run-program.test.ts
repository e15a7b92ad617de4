// Recording histories: barrier start, per-client order, timeouts and errors as unknown outcomes.
import { describe, expect, it } from 'vitest';
import { runProgram, type Executor } from '../../suites/harness/parallel/run-program.js';

describe('runProgram', () => {
  it('runs the prefix first, clients together, then the final reads', async () => {
    let inFlight = 0;
    let maxInFlight = 0;
    const executor: Executor<string, string> = async (_client, op) => {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 5));
      inFlight--;
      return { outcome: 'ok', output: op };
    };
    const history = await runProgram({ prefix: ['p1', 'p2'], clients: [['a1', 'a2'], ['b1'], ['c1']] }, executor, { finalReads: ['f'] });
    expect(history.map((op) => op.input).sort()).toEqual(['a1', 'a2', 'b1', 'c1', 'f', 'p1', 'p2']);
    expect(maxInFlight).toBe(3);
    const byInput = new Map(history.map((op) => [op.input, op]));
    const clientOps = ['a1', 'a2', 'b1', 'c1'].map((i) => byInput.get(i)!);
    for (const op of clientOps) {
      expect(op.call).toBeGreaterThanOrEqual(byInput.get('p2')!.ret);
      expect(op.ret).toBeLessThanOrEqual(byInput.get('f')!.call);
      expect(op.output).toBe(op.input);
    }
    expect(byInput.get('a2')!.call).toBeGreaterThanOrEqual(byInput.get('a1')!.ret);
    expect(byInput.get('p1')!.clientId).toBe('prefix');
    expect(byInput.get('f')!.clientId).toBe('final');
    expect(new Set(history.map((op) => op.id)).size).toBe(history.length);
  });

  it('records a hung call, a throwing call and a malformed result as unknown outcomes', async () => {
    const executor: Executor<string, string> = (_client, op) => {
      if (op === 'hang') return new Promise(() => undefined);
      if (op === 'throw') return Promise.reject(new Error('reset'));
      if (op === 'junk') return Promise.resolve({ outcome: 'maybe' } as never);
      return Promise.resolve({ outcome: 'fail', output: 'no' });
    };
    const history = await runProgram({ prefix: [], clients: [['hang', 'after'], ['throw'], ['junk']] }, executor, { opTimeoutMs: 30 });
    const byInput = new Map(history.map((op) => [op.input, op]));
    for (const name of ['hang', 'throw', 'junk']) {
      expect(byInput.get(name)!.outcome).toBe('unknown');
      expect(byInput.get(name)!.ret).toBe(Infinity);
    }
    expect(byInput.get('after')!.outcome).toBe('fail');
    expect(byInput.get('after')!.output).toBe('no');
  });
});
