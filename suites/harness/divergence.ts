// A property stops at its first divergence by throwing a Divergence: the requirement it names is
// the one the failing verdict names; `level` marks a part of a requirement the profile levels lower
// than the catalog does; `transcript` is what the failing run sent, when the property kept one.
// Any other exception means the property could not run (not a conformance finding).
import type { Level } from '../../spec/requirements/types.js';
import type { Exchange } from './verdict.js';

export class Divergence extends Error {
  override name = 'Divergence';
  /** The commands of the failing run as they were sent (set by the property that caught it). */
  transcript?: string[];
  constructor(
    readonly requirement: string,
    message: string,
    readonly evidence: Exchange[] = [],
    readonly level?: Level,
  ) {
    super(`${requirement}: ${message}`);
  }
}

/** What a check finds (the suites' own divergence records have at least these fields). */
export interface Finding {
  requirement: string;
  message: string;
  level?: Level;
}

/** Throws the first of `found` as a Divergence, if there is one. */
export function stopAtFirst(found: readonly Finding[], evidence: Exchange[]): void {
  const d = found[0];
  if (d) throw new Divergence(d.requirement, d.message, evidence, d.level);
}
