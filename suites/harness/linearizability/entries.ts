// The event list the search walks: calls and returns sorted by time in a doubly linked list
// over typed arrays, so that linearizing an operation (lift) and undoing it (unlift) are O(1).
import { effectiveReturn, type Operation } from './history.js';

const NIL = -1;

export class EntryList {
  /** Node 0 is the head sentinel; node 1 + 2i is op i's call, node 2 + 2i its return. */
  readonly next: Int32Array;
  readonly prev: Int32Array;
  readonly size: number;

  constructor(ops: readonly Operation[]) {
    this.size = ops.length;
    const nodes = ops.length * 2;
    const order: { node: number; time: number; isCall: boolean }[] = [];
    for (let i = 0; i < ops.length; i++) {
      order.push({ node: 1 + 2 * i, time: ops[i].call, isCall: true });
      order.push({ node: 2 + 2 * i, time: effectiveReturn(ops[i]), isCall: false });
    }
    // Calls before returns at equal times: touching intervals count as concurrent (never a false alarm).
    order.sort((a, b) => (a.time !== b.time ? a.time - b.time : a.isCall === b.isCall ? a.node - b.node : a.isCall ? -1 : 1));
    this.next = new Int32Array(nodes + 1).fill(NIL);
    this.prev = new Int32Array(nodes + 1).fill(NIL);
    let last = 0;
    for (const entry of order) {
      this.next[last] = entry.node;
      this.prev[entry.node] = last;
      last = entry.node;
    }
  }

  static isCall(node: number): boolean {
    return (node & 1) === 1;
  }

  static opIndex(node: number): number {
    return (node - 1) >> 1;
  }

  static returnOf(callNode: number): number {
    return callNode + 1;
  }

  first(): number {
    return this.next[0];
  }

  /** Removes an operation's call and return from the list. */
  lift(callNode: number): void {
    const { next, prev } = this;
    next[prev[callNode]] = next[callNode];
    prev[next[callNode]] = prev[callNode];
    const ret = callNode + 1;
    next[prev[ret]] = next[ret];
    if (next[ret] !== NIL) prev[next[ret]] = prev[ret];
  }

  /** Puts back the most recently lifted operation (lifts and unlifts must nest). */
  unlift(callNode: number): void {
    const { next, prev } = this;
    const ret = callNode + 1;
    next[prev[ret]] = ret;
    if (next[ret] !== NIL) prev[next[ret]] = ret;
    next[prev[callNode]] = callNode;
    prev[next[callNode]] = callNode;
  }
}

export const END = NIL;
