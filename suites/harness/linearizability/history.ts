// The recorded history a checker reads: one record per operation, times from one clock.

/**
 * ok: the call completed and reported success; fail: it completed and reported a definite failure
 * (it still happened at some instant, e.g. a conditional write that saw a different version);
 * unknown: no answer (timeout, reset) — it may or may not have taken effect.
 */
export type Outcome = 'ok' | 'fail' | 'unknown';

export interface Operation<Input = unknown, Output = unknown> {
  /** Unique within the history. */
  id: number;
  clientId: number | string;
  input: Input;
  /** Undefined when the outcome is unknown. */
  output: Output | undefined;
  /** Invocation time. */
  call: number;
  /** Response time; +Infinity when the outcome is unknown. */
  ret: number;
  outcome: Outcome;
}

/** Problems that make a history unusable; checked before any search. */
export function historyProblems(ops: readonly Operation[]): string[] {
  const problems: string[] = [];
  const ids = new Set<number>();
  for (const op of ops) {
    if (typeof op !== 'object' || op === null) {
      problems.push('every history entry must be an operation object');
      continue;
    }
    if (ids.has(op.id)) problems.push(`duplicate operation id ${op.id}`);
    ids.add(op.id);
    if (typeof op.call !== 'number' || Number.isNaN(op.call) || !Number.isFinite(op.call)) {
      problems.push(`operation ${op.id}: call time must be a finite number`);
    }
    if (typeof op.ret !== 'number' || Number.isNaN(op.ret)) {
      problems.push(`operation ${op.id}: return time must be a number`);
    } else if (op.ret < op.call) {
      problems.push(`operation ${op.id}: returns (${op.ret}) before it is called (${op.call})`);
    }
    if (op.outcome !== 'ok' && op.outcome !== 'fail' && op.outcome !== 'unknown') {
      problems.push(`operation ${op.id}: outcome must be ok, fail or unknown`);
    }
  }
  return problems;
}

/** An unknown outcome has no return: treat it as returning at +Infinity whatever was recorded. */
export function effectiveReturn(op: Operation): number {
  return op.outcome === 'unknown' ? Number.POSITIVE_INFINITY : op.ret;
}
