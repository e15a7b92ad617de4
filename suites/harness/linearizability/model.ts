// The interface a sequential specification implements for the checker (shape after Porcupine's model.go).
import type { Operation, Outcome } from './history.js';

export interface StepResult<State> {
  /** Whether the operation, applied to `state`, could have produced the recorded output. */
  ok: boolean;
  /** The state after it (ignored when ok is false). */
  next: State;
}

export interface Model<State, Input, Output> {
  init(): State;
  /** A completed operation (outcome ok or fail) applied at one instant. */
  step(state: State, input: Input, output: Output, outcome: 'ok' | 'fail'): StepResult<State>;
  /**
   * An operation whose outcome is unknown, taking effect with any output it could have had:
   * every state it may leave behind. Not taking effect at all needs no entry here: the checker
   * gets that by placing the operation after everything else.
   */
  stepUnknown(state: State, input: Input): State[];
  /** A key for the memo cache; equal states must hash equally. */
  hash(state: State): string | number;
  /** Defaults to comparing hashes, which is exact when hash is injective. */
  equal?(a: State, b: State): boolean;
  /** P-compositionality: independent sub-histories (e.g. one per key), each checked alone. */
  partition?(history: Operation<Input, Output>[]): Operation<Input, Output>[][];
  describeOperation?(input: Input, output: Output | undefined, outcome: Outcome): string;
  describeState?(state: State): string;
}

export function describeOp<S, I, O>(model: Model<S, I, O>, op: Operation<I, O>): string {
  if (model.describeOperation) return model.describeOperation(op.input, op.output, op.outcome);
  const out = op.outcome === 'unknown' ? '?' : safeJson(op.output);
  return `${safeJson(op.input)} -> ${op.outcome} ${out}`;
}

export function describeModelState<S, I, O>(model: Model<S, I, O>, state: S): string {
  return model.describeState ? model.describeState(state) : safeJson(state);
}

export function safeJson(value: unknown): string {
  try {
    const text = JSON.stringify(value);
    return text === undefined ? String(value) : text;
  } catch {
    return String(value);
  }
}

/** Groups operations by a key; operations with several keys cannot be split this way. */
export function partitionBy<I, O>(history: Operation<I, O>[], keyOf: (input: I) => string): Operation<I, O>[][] {
  const groups = new Map<string, Operation<I, O>[]>();
  for (const op of history) {
    const key = keyOf(op.input);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    group.push(op);
  }
  return [...groups.values()];
}
