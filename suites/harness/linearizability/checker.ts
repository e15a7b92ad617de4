// Linearizability search: Wing & Gong's algorithm with Lowe's just-in-time linearization and
// memoisation of (linearized set, state), as in Porcupine's checker.go; run per partition with a deadline.
import { LinearizedSet } from './bitset.js';
import { EntryList } from './entries.js';
import { effectiveReturn, historyProblems, type Operation } from './history.js';
import { describeModelState, type Model } from './model.js';

export type LinearizabilityVerdict = 'ok' | 'illegal' | 'unknown';

export interface CheckOptions {
  /** Budget for the whole check in milliseconds (default 10 s); past it the verdict is 'unknown'. */
  timeoutMs?: number;
  /** Stop at the first illegal partition (default true); the unfinished ones are reported 'unknown'. */
  stopAtFirstIllegal?: boolean;
}

export interface PartitionResult<Input, Output> {
  verdict: LinearizabilityVerdict;
  operations: Operation<Input, Output>[];
  /** ok: a witness order (ids); operations with unknown outcome missing from it did not take effect. */
  linearization: number[];
  /** illegal/unknown: the longest prefix the search could order (ids, in that order). */
  longestPrefix: number[];
  /** Description of the model state after that prefix. */
  stateAfterPrefix?: string;
  /**
   * illegal: a best-effort smallest set that cannot be ordered — the operation whose return the
   * deepest attempt reached without placing it, and every operation overlapping it in time.
   */
  stuck: number[];
  /** Search steps taken (a rough cost figure). */
  steps: number;
  /** Why the verdict is unknown (deadline, model error). */
  reason?: string;
}

export interface CheckResult<Input, Output> {
  verdict: LinearizabilityVerdict;
  partitions: PartitionResult<Input, Output>[];
  /** Input problems (bad times, duplicate ids); when present the verdict is 'unknown'. */
  problems: string[];
  elapsedMs: number;
}

const DEFAULT_TIMEOUT_MS = 10_000;

export function checkHistory<S, I, O>(
  model: Model<S, I, O>,
  history: Operation<I, O>[],
  options: CheckOptions = {},
): CheckResult<I, O> {
  const started = performance.now();
  const deadline = started + (options.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const finish = (verdict: LinearizabilityVerdict, partitions: PartitionResult<I, O>[], problems: string[] = []) => ({
    verdict,
    partitions,
    problems,
    elapsedMs: performance.now() - started,
  });
  if (!Array.isArray(history)) return finish('unknown', [], ['history must be an array of operations']);
  const problems = historyProblems(history);
  if (problems.length > 0) return finish('unknown', [], problems);

  let groups: Operation<I, O>[][];
  try {
    groups = model.partition ? model.partition(history) : [history];
  } catch (err) {
    return finish('unknown', [], [`model.partition failed: ${errorText(err)}`]);
  }
  // Partitions share the budget round-robin, so one slow legal partition cannot hide an illegal one.
  const stopEarly = options.stopAtFirstIllegal ?? true;
  const results: (PartitionResult<I, O> | undefined)[] = groups.map(() => undefined);
  const searches = groups.map((group) => searchPartition(model, group, deadline));
  let running = searches.length;
  let illegalFound = false;
  while (running > 0 && !(illegalFound && stopEarly)) {
    for (let i = 0; i < searches.length; i++) {
      if (results[i]) continue;
      const step = searches[i].next();
      if (!step.done) continue;
      results[i] = step.value;
      running--;
      if (step.value.verdict === 'illegal') {
        illegalFound = true;
        if (stopEarly) break;
      }
    }
  }
  const finished = results.map(
    (r, i): PartitionResult<I, O> =>
      r ?? {
        verdict: 'unknown',
        operations: groups[i],
        linearization: [],
        longestPrefix: [],
        stuck: [],
        steps: 0,
        reason: 'not searched to the end: another partition is already illegal',
      },
  );
  const verdict = finished.some((r) => r.verdict === 'illegal')
    ? 'illegal'
    : finished.some((r) => r.verdict === 'unknown')
      ? 'unknown'
      : 'ok';
  return finish(verdict, finished);
}

interface CacheEntry<S> {
  bits: Uint32Array;
  state: S;
}

function mix(a: number, b: number): number {
  return (Math.imul(a ^ (b >>> 15), 0x85ebca6b) ^ b) | 0;
}


/** One partition, searched alone to the end or the deadline. */
export function checkPartition<S, I, O>(model: Model<S, I, O>, ops: Operation<I, O>[], deadline: number): PartitionResult<I, O> {
  const search = searchPartition(model, ops, deadline);
  for (;;) {
    const step = search.next();
    if (step.done) return step.value;
  }
}

/** Steps between yields of a partition search, so that partitions can share the time budget. */
const SLICE_STEPS = 4096;

/**
 * The search for one partition as a generator: it yields every SLICE_STEPS steps so that the caller can
 * interleave partitions (an illegal one is found without first finishing a slow legal one).
 */
export function* searchPartition<S, I, O>(
  model: Model<S, I, O>,
  ops: Operation<I, O>[],
  deadline: number,
): Generator<void, PartitionResult<I, O>, void> {
  const list = new EntryList(ops);
  const linearized = new LinearizedSet(ops.length);
  const cache = new Map<number, CacheEntry<S>[]>();
  const equal = model.equal ? model.equal.bind(model) : (a: S, b: S) => model.hash(a) === model.hash(b);
  // Distinct string hashes get small ids: V8 caches a string's own hash, so this avoids rehashing long states.
  const stringIds = new Map<string, number>();
  const hashOf = (s: S): number => {
    const h = model.hash(s);
    if (typeof h === 'number') return h | 0;
    let id = stringIds.get(h);
    if (id === undefined) stringIds.set(h, (id = stringIds.size + 1));
    return id;
  };

  // Depth-first search over configurations. A frame is one linearized operation: the children list it
  // was chosen from, its position there, the states it could lead to and the one taken, the state before.
  const frames: Frame<S>[] = [];
  let remainingDefinite = ops.reduce((n, op) => n + (op.outcome === 'unknown' ? 0 : 1), 0);
  let steps = 0;
  let best = { depth: -1, prefix: [] as number[], stuck: [] as number[], state: undefined as S | undefined };

  const result = (verdict: LinearizabilityVerdict, reason?: string): PartitionResult<I, O> => {
    const stack = frames.map((f) => ops[EntryList.opIndex(f.children[f.index])].id);
    return {
      verdict,
      operations: ops,
      linearization: verdict === 'ok' ? stack : [],
      longestPrefix: verdict === 'ok' ? stack : best.prefix,
      stateAfterPrefix:
        verdict === 'ok' || best.state === undefined ? undefined : safeDescribe(model, best.state),
      stuck: verdict === 'illegal' ? best.stuck : [],
      steps,
      reason,
    };
  };

  /**
   * The operations that may go next: calls before the first pending return (just-in-time
   * linearization). Definite outcomes first: unknown ones are usually not needed, so try them last.
   */
  const children = (): { nodes: number[]; stopAt: number } => {
    const definite: number[] = [];
    const unknown: number[] = [];
    let n = list.first();
    while (n !== -1 && EntryList.isCall(n)) {
      (ops[EntryList.opIndex(n)].outcome === 'unknown' ? unknown : definite).push(n);
      n = list.next[n];
    }
    for (const u of unknown) definite.push(u);
    return { nodes: definite, stopAt: n };
  };

  /** The first candidate from `from` whose configuration is new (and records it); -1 if none. */
  const takeFresh = (state: S, opIdx: number, candidates: S[], from: number): number => {
    const unknownOp = ops[opIdx].outcome === 'unknown';
    linearized.set(opIdx);
    for (let k = from; k < candidates.length; k++) {
      const next = candidates[k];
      // An unknown operation that leaves the state unchanged is covered by not applying it at all.
      if (unknownOp && equal(next, state)) continue;
      const key = mix(linearized.hash, hashOf(next));
      const bucket = cache.get(key);
      if (bucket) {
        let seen = false;
        for (const entry of bucket) {
          if (linearized.equalsWords(entry.bits) && equal(entry.state, next)) {
            seen = true;
            break;
          }
        }
        if (seen) continue;
        bucket.push({ bits: linearized.snapshot(), state: next });
      } else {
        cache.set(key, [{ bits: linearized.snapshot(), state: next }]);
      }
      return k;
    }
    linearized.clear(opIdx);
    return -1;
  };

  const candidatesOf = (state: S, op: Operation<I, O>): S[] => {
    if (op.outcome === 'unknown') return model.stepUnknown(state, op.input);
    const stepped = model.step(state, op.input, op.output as O, op.outcome);
    return stepped.ok ? [stepped.next] : [];
  };

  try {
    let state = model.init();
    let { nodes, stopAt } = children();
    let index = 0;
    // Once only unknown-outcome operations remain they can all go last, i.e. never take effect.
    search: while (remainingDefinite > 0) {
      for (; index < nodes.length; index++) {
        if ((++steps & 255) === 0) {
          if (performance.now() > deadline) return result('unknown', 'time budget exhausted');
          if (steps % SLICE_STEPS === 0) yield;
        }
        const node = nodes[index];
        const opIdx = EntryList.opIndex(node);
        const candidates = candidatesOf(state, ops[opIdx]);
        const choice = candidates.length > 0 ? takeFresh(state, opIdx, candidates, 0) : -1;
        if (choice < 0) continue;
        frames.push({ children: nodes, stopAt, index, candidates, choice, before: state });
        list.lift(node);
        if (ops[opIdx].outcome !== 'unknown') remainingDefinite--;
        state = candidates[choice];
        ({ nodes, stopAt } = children());
        index = 0;
        continue search;
      }
      // No operation can go next: the one returning at stopAt cannot be placed. Record, then backtrack.
      if (frames.length > best.depth) best = snapshotBest(ops, frames, stopAt, state);
      for (;;) {
        const frame = frames.pop();
        if (!frame) return result('illegal');
        const node = frame.children[frame.index];
        const opIdx = EntryList.opIndex(node);
        linearized.clear(opIdx);
        list.unlift(node);
        if (ops[opIdx].outcome !== 'unknown') remainingDefinite++;
        state = frame.before;
        nodes = frame.children;
        stopAt = frame.stopAt;
        index = frame.index;
        const other = takeFresh(state, opIdx, frame.candidates, frame.choice + 1);
        if (other >= 0) {
          frames.push({ ...frame, choice: other });
          list.lift(node);
          if (ops[opIdx].outcome !== 'unknown') remainingDefinite--;
          state = frame.candidates[other];
          ({ nodes, stopAt } = children());
          index = 0;
          continue search;
        }
        index++;
        continue search;
      }
    }
    return result('ok');
  } catch (err) {
    return result('unknown', `model error: ${errorText(err)}`);
  }
}

interface Frame<S> {
  children: number[];
  stopAt: number;
  index: number;
  candidates: S[];
  choice: number;
  before: S;
}

function snapshotBest<S, I, O>(ops: Operation<I, O>[], frames: Frame<S>[], stopAt: number, state: S) {
  const prefix = frames.map((f) => ops[EntryList.opIndex(f.children[f.index])].id);
  return { depth: frames.length, prefix, stuck: stopAt === -1 ? [] : concurrentWith(ops, EntryList.opIndex(stopAt)), state };
}

/** The operation that could not be placed and every operation overlapping it in time, by call time. */
function concurrentWith<I, O>(ops: Operation<I, O>[], index: number): number[] {
  const owner = ops[index];
  const ownerRet = effectiveReturn(owner);
  return ops
    .filter((op) => op === owner || (op.call <= ownerRet && effectiveReturn(op) >= owner.call))
    .sort((a, b) => a.call - b.call)
    .map((op) => op.id);
}

function safeDescribe<S, I, O>(model: Model<S, I, O>, state: S): string {
  try {
    return describeModelState(model, state);
  } catch (err) {
    return `(state not describable: ${errorText(err)})`;
  }
}

function errorText(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
