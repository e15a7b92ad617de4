// A property stops at its first divergence by throwing this; the requirement it carries is the one
// the verdict names.
import type { Exchange } from '../harness/verdict.js';

export class DivergenceError extends Error {
  override name = 'DivergenceError';
  constructor(
    readonly requirement: string,
    message: string,
    readonly evidence: Exchange[] = [],
  ) {
    super(`${requirement}: ${message}`);
  }
}

/** Throws the first divergence of a check, if any. */
export function stopAtFirst(divs: Array<{ requirement: string; message: string }>, evidence: Exchange[]): void {
  const d = divs[0];
  if (d) throw new DivergenceError(d.requirement, d.message, evidence);
}
