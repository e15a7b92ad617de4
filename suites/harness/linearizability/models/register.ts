// A compare-and-set register (etcd's as tested by Jepsen), optionally keyed so a history over many
// registers partitions per key. The empty register holds null.
import { partitionBy, type Model } from '../model.js';

export type RegisterValue = number | string | null;

export type RegisterInput =
  | { key?: string; kind: 'read' }
  | { key?: string; kind: 'write'; value: RegisterValue }
  | { key?: string; kind: 'cas'; expected: RegisterValue; value: RegisterValue };

/** read: the value seen; write and cas: nothing (for cas, outcome ok = swapped, fail = compare failed). */
export type RegisterOutput = { value?: RegisterValue };

export const registerModel: Model<RegisterValue, RegisterInput, RegisterOutput> = {
  init: () => null,
  step(state, input, output, outcome) {
    switch (input.kind) {
      case 'read':
        // A read reported failed observed nothing.
        return { ok: outcome === 'fail' || (output?.value ?? null) === state, next: state };
      case 'write':
        // A write reported failed is taken as not applied.
        return { ok: true, next: outcome === 'ok' ? input.value : state };
      case 'cas':
        return outcome === 'ok'
          ? { ok: state === input.expected, next: input.value }
          : { ok: state !== input.expected, next: state };
      default:
        return { ok: false, next: state };
    }
  },
  stepUnknown(state, input) {
    switch (input.kind) {
      case 'read':
        return [state];
      case 'write':
        return [input.value];
      case 'cas':
        return [state === input.expected ? input.value : state];
      default:
        return [];
    }
  },
  hash: (state) => (state === null ? 'null' : `${typeof state}:${state}`),
  partition: (history) => partitionBy(history, (input) => input.key ?? ''),
  describeOperation(input, output, outcome) {
    const key = input.key === undefined ? '' : `[${input.key}]`;
    const shown = (v: RegisterValue | undefined) => (v === null || v === undefined ? 'nil' : String(v));
    const result = outcome === 'unknown' ? ' (unknown)' : outcome === 'fail' ? ' -> fail' : '';
    switch (input.kind) {
      case 'read':
        return `read${key} -> ${outcome === 'ok' ? shown(output?.value) : outcome}`;
      case 'write':
        return `write${key}(${shown(input.value)})${result}`;
      case 'cas':
        return `cas${key}(${shown(input.expected)} -> ${shown(input.value)})${outcome === 'ok' ? ' -> ok' : result}`;
      default:
        return 'unrecognised register operation';
    }
  },
  describeState: (state) => (state === null ? 'nil' : String(state)),
};
