// A property stops at its first divergence by throwing this; its requirement (and, for a part of a
// requirement the profile levels lower, the SHOULD level) is what the failing verdict names.
import type { Exchange } from '../harness/verdict.js';
import type { Divergence } from './model.js';

export class SyncDivergence extends Error {
  override name = 'SyncDivergence';
  /** The commands of the failing run as they were sent (set by the property that caught it). */
  transcript?: string[];
  constructor(
    readonly requirement: string,
    message: string,
    readonly evidence: Exchange[] = [],
    readonly level?: 'SHOULD',
  ) {
    super(`${requirement}: ${message}`);
  }
}

/** Throws the first of `divs`, if any. */
export function stopAtFirst(divs: Divergence[], evidence: Exchange[]): void {
  const d = divs[0];
  if (d) throw new SyncDivergence(d.requirement, d.message, evidence, d.level);
}
