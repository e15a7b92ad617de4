// Checker benchmark: npx tsx bench/checker.bench.ts
// Prints the time to check Porcupine's 102 etcd histories, a generated 10,000-operation per-key CAS
// history (20 keys, 8 clients, 1% unknown outcomes) and the worst single history, each beside a
// same-run baseline (a plain pass over the same data: parsing, or copying and sorting) and the ratio.
// Each figure is the fastest of 5 runs.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { checkHistory } from '../suites/harness/linearizability/checker.js';
import type { Operation } from '../suites/harness/linearizability/history.js';
import { registerModel, type RegisterInput, type RegisterOutput, type RegisterValue } from '../suites/harness/linearizability/models/register.js';
import { parseExpected, parseJepsenLog } from '../test/checker/helpers/jepsen-log.js';
import { requirePorcupineHistories } from '../test/checker/helpers/shared-dir.js';

type Op = Operation<RegisterInput, RegisterOutput>;

const REPEATS = 5;

/** Fastest of REPEATS runs: the machine is shared, and the minimum is the least disturbed figure. */
function time<T>(fn: () => T): { ms: number; value: T } {
  let ms = Infinity;
  let value!: T;
  for (let i = 0; i < REPEATS; i++) {
    const start = performance.now();
    value = fn();
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms, value };
}

/** Deterministic PRNG (mulberry32) so every run benchmarks the same history. */
function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 8 sequential clients over 20 keys; each operation takes effect at a random instant inside its
 * interval, applied in that order to real registers, so the history is linearizable.
 */
function generateCasHistory(total: number, keys: number, clients: number, unknownRate: number, seed: number): Op[] {
  const rand = prng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(rand() * xs.length)];
  const values = [0, 1, 2, 3, 4];
  const clientFree = new Array(clients).fill(0);
  const planned: { op: Op; point: number; applies: boolean }[] = [];
  for (let i = 0; i < total; i++) {
    const client = i % clients;
    const call = clientFree[client] + rand() * 2;
    const duration = 1 + rand() * 20;
    const ret = call + duration;
    clientFree[client] = ret;
    const key = `k${Math.floor(rand() * keys)}`;
    const r = rand();
    const input: RegisterInput =
      r < 0.4 ? { kind: 'read', key } : r < 0.6 ? { kind: 'write', key, value: pick(values) } : { kind: 'cas', key, expected: pick([null, ...values]), value: pick(values) };
    planned.push({ op: { id: i, clientId: client, input, output: undefined, call, ret, outcome: 'ok' }, point: call + rand() * duration, applies: rand() < 0.5 });
  }
  const registers = new Map<string, RegisterValue>();
  for (const { op, point: _point, applies } of [...planned].sort((a, b) => a.point - b.point)) {
    const unknown = rand() < unknownRate;
    const key = op.input.key!;
    const cur = registers.get(key) ?? null;
    if (unknown) {
      op.outcome = 'unknown';
      op.ret = Infinity;
      if (!applies) continue; // timed out before reaching the store
    }
    if (op.input.kind === 'read') op.output = { value: cur };
    else if (op.input.kind === 'write') {
      registers.set(key, op.input.value);
      op.output = {};
    } else {
      const swapped = cur === op.input.expected;
      if (swapped) registers.set(key, op.input.value);
      if (!unknown) op.outcome = swapped ? 'ok' : 'fail';
      op.output = {};
    }
    if (unknown) op.output = undefined;
  }
  return planned.map((p) => p.op);
}

const fmt = (ms: number) => `${ms.toFixed(2)} ms`;
const ratio = (a: number, b: number) => (b > 0 ? `${(a / b).toFixed(1)}x` : 'n/a');

function main(): void {
  const dir = requirePorcupineHistories();
  const expected = parseExpected(readFileSync(path.join(dir, 'jepsen_expected.txt'), 'utf8'));
  const texts = [...expected.keys()].map((n) => ({ n, text: readFileSync(path.join(dir, `etcd_${String(n).padStart(3, '0')}.log`), 'utf8') }));

  // Baseline: parsing the logs (a plain linear pass over the same data).
  const parsed = time(() => texts.map(({ n, text }) => ({ n, ops: parseJepsenLog(text).ops })));
  let checkMs = 0;
  let worst = { n: -1, ms: 0, ops: 0 };
  let mismatches = 0;
  for (const { n, ops } of parsed.value) {
    const { ms, value } = time(() => checkHistory(registerModel, ops, { timeoutMs: 30_000 }));
    checkMs += ms;
    if (ms > worst.ms) worst = { n, ms, ops: ops.length };
    if (value.verdict !== (expected.get(n) ? 'ok' : 'illegal')) mismatches++;
  }
  const worstText = texts.find((t) => t.n === worst.n)!.text;
  const worstBaseline = time(() => parseJepsenLog(worstText)).ms;
  console.log(`etcd: ${parsed.value.length} histories, ${parsed.value.reduce((s, p) => s + p.ops.length, 0)} operations, ${mismatches} verdicts differing from Porcupine's`);
  console.log(`  check total      ${fmt(checkMs)} (target <= 2000 ms)`);
  console.log(`  baseline (parse) ${fmt(parsed.ms)}   ratio ${ratio(checkMs, parsed.ms)}`);
  console.log(`  worst single     etcd_${String(worst.n).padStart(3, '0')} (${worst.ops} ops): ${fmt(worst.ms)}; baseline (parse) ${fmt(worstBaseline)}, ratio ${ratio(worst.ms, worstBaseline)}`);

  const generated = time(() => generateCasHistory(10_000, 20, 8, 0.01, 20261122));
  const history = generated.value;
  const sortMs = time(() => [...history].sort((a, b) => a.call - b.call)).ms;
  const checked = time(() => checkHistory(registerModel, history, { timeoutMs: 30_000 }));
  const unknown = history.filter((op) => op.outcome === 'unknown').length;
  console.log(`generated CAS history: ${history.length} operations, 20 keys, 8 clients, ${unknown} unknown outcomes -> ${checked.value.verdict} (${checked.value.partitions.length} partitions)`);
  console.log(`  check            ${fmt(checked.ms)} (target <= 100 ms)`);
  console.log(`  baseline (sort)  ${fmt(sortMs)}   ratio ${ratio(checked.ms, sortMs)}; generating it took ${fmt(generated.ms)}`);
}

main();
