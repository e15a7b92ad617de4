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
  /** Memo entries allowed per partition (default 500,000); past it the verdict is 'unknown'. */
  maxCacheEntries?: number;
}

/** @internal the budget one partition search runs under */
export interface SearchLimits {
  deadline: number;
  maxCacheEntries?: number;
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
const DEFAULT_MAX_CACHE_ENTRIES = 500_000;

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
  const limits = { deadline, maxCacheEntries: options.maxCacheEntries };
  const searches = groups.map((group) => searchPartition(model, group, limits));
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
export function checkPartition<S, I, O>(model: Model<S, I, O>, ops: Operation<I, O>[], limits: SearchLimits): PartitionResult<I, O> {
  const search = searchPartition(model, ops, limits);
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
  limits: SearchLimits,
): Generator<void, PartitionResult<I, O>, void> {
  const { deadline } = limits;
  const maxCacheEntries = limits.maxCacheEntries ?? DEFAULT_MAX_CACHE_ENTRIES;
  let cacheEntries = 0;
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

  // Depth-first search over configurations, one frame per linearized operation. The operations that may
  // go next are the calls before the first pending return (just-in-time linearization); they are tried
  // in two passes, definite outcomes first, because unknown ones are usually not needed.
  const frameNode: number[] = [];
  const framePass: number[] = [];
  const frameChoice: number[] = [];
  const frameBefore: S[] = [];
  const frameCandidates: (S[] | null)[] = [];
  const unknownOp = ops.map((op) => op.outcome === 'unknown');
  let remainingDefinite = unknownOp.reduce((n, u) => n + (u ? 0 : 1), 0);
  let steps = 0;
  let best = { depth: -1, prefix: [] as number[], stuck: [] as number[], state: undefined as S | undefined };

  const result = (verdict: LinearizabilityVerdict, reason?: string): PartitionResult<I, O> => {
    const stack = frameNode.map((node) => ops[EntryList.opIndex(node)].id);
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

  /** With the operation already marked linearized: is (set, next) new? If so it is remembered. */
  const fresh = (next: S): boolean => {
    const key = mix(linearized.hash, hashOf(next));
    const bucket = cache.get(key);
    if (bucket) {
      for (const entry of bucket) if (linearized.equalsWords(entry.bits) && equal(entry.state, next)) return false;
      bucket.push({ bits: linearized.snapshot(), state: next });
    } else {
      cache.set(key, [{ bits: linearized.snapshot(), state: next }]);
    }
    cacheEntries++;
    return true;
  };

  /** For an unknown operation: the first candidate from `from` that changes the state and is new; -1 if none. */
  const freshCandidate = (state: S, candidates: S[], from: number): number => {
    for (let k = from; k < candidates.length; k++) {
      // Applying it without changing the state is covered by not applying it at all.
      if (!equal(candidates[k], state) && fresh(candidates[k])) return k;
    }
    return -1;
  };

  const push = (node: number, pass: number, choice: number, before: S, candidates: S[] | null) => {
    frameNode.push(node);
    framePass.push(pass);
    frameChoice.push(choice);
    frameBefore.push(before);
    frameCandidates.push(candidates);
    list.lift(node);
    if (!unknownOp[EntryList.opIndex(node)]) remainingDefinite--;
  };

  try {
    let state = model.init();
    let node = list.first();
    let pass = 0;
    // Once only unknown-outcome operations remain they can all go last, i.e. never take effect.
    search: while (remainingDefinite > 0) {
      while (node !== -1 && EntryList.isCall(node)) {
        if ((++steps & 255) === 0) {
          if (performance.now() > deadline) return result('unknown', 'time budget exhausted');
          if (cacheEntries > maxCacheEntries) return result('unknown', 'memory budget exhausted (memo entries)');
          if (steps % SLICE_STEPS === 0) yield;
        }
        const opIdx = EntryList.opIndex(node);
        if (unknownOp[opIdx] === (pass === 1)) {
          const op = ops[opIdx];
          linearized.set(opIdx);
          if (pass === 0) {
            const stepped = model.step(state, op.input, op.output as O, op.outcome as 'ok' | 'fail');
            if (stepped.ok && fresh(stepped.next)) {
              push(node, 0, 0, state, null);
              state = stepped.next;
              node = list.first();
              continue search;
            }
          } else {
            const candidates = model.stepUnknown(state, op.input);
            const choice = freshCandidate(state, candidates, 0);
            if (choice >= 0) {
              push(node, 1, choice, state, candidates);
              state = candidates[choice];
              node = list.first();
              pass = 0;
              continue search;
            }
          }
          linearized.clear(opIdx);
        }
        node = list.next[node];
      }
      if (pass === 0) {
        pass = 1;
        node = list.first();
        continue;
      }
      // Nothing can go next: the operation returning at `node` cannot be placed. Record, then backtrack.
      if (frameNode.length > best.depth) best = snapshotBest(ops, frameNode, node, state);
      for (;;) {
        if (frameNode.length === 0) return result('illegal');
        const top = frameNode.pop()!;
        const topPass = framePass.pop()!;
        const choice = frameChoice.pop()!;
        const before = frameBefore.pop()!;
        const candidates = frameCandidates.pop()!;
        const topIdx = EntryList.opIndex(top);
        list.unlift(top);
        if (!unknownOp[topIdx]) remainingDefinite++;
        state = before;
        if (candidates) {
          // still marked linearized: try its other possible effects
          const other = freshCandidate(state, candidates, choice + 1);
          if (other >= 0) {
            push(top, topPass, other, before, candidates);
            state = candidates[other];
            node = list.first();
            pass = 0;
            continue search;
          }
        }
        linearized.clear(topIdx);
        node = list.next[top];
        pass = topPass;
        continue search;
      }
    }
    return result('ok');
  } catch (err) {
    return result('unknown', `model error: ${errorText(err)}`);
  }
}

function snapshotBest<S, I, O>(ops: Operation<I, O>[], frameNode: number[], stopAt: number, state: S) {
  const prefix = frameNode.map((node) => ops[EntryList.opIndex(node)].id);
  return { depth: frameNode.length, prefix, stuck: stopAt === -1 ? [] : concurrentWith(ops, EntryList.opIndex(stopAt)), state };
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
