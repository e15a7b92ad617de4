// A key-value store with get, put and append on string values; a missing key reads as "".
// State is the value of one key: the model is only ever run on a per-key partition.
import { partitionBy, type Model } from '../model.js';

export type KvInput = { op: 'get'; key: string } | { op: 'put' | 'append'; key: string; value: string };
export type KvOutput = { value?: string };

export const kvModel: Model<string, KvInput, KvOutput> = {
  init: () => '',
  step(state, input, output, outcome) {
    if (outcome === 'fail') return { ok: true, next: state };
    switch (input.op) {
      case 'get':
        return { ok: (output?.value ?? '') === state, next: state };
      case 'put':
        return { ok: true, next: input.value };
      case 'append':
        return { ok: true, next: state + input.value };
      default:
        return { ok: false, next: state };
    }
  },
  stepUnknown(state, input) {
    switch (input.op) {
      case 'get':
        return [state];
      case 'put':
        return [input.value];
      case 'append':
        return [state + input.value];
      default:
        return [];
    }
  },
  hash: (state) => state,
  partition: (history) => partitionBy(history, (input) => input.key),
  describeOperation(input, output, outcome) {
    const tail = outcome === 'unknown' ? ' (unknown)' : outcome === 'fail' ? ' -> fail' : '';
    if (input.op === 'get') return `get(${JSON.stringify(input.key)}) -> ${outcome === 'ok' ? JSON.stringify(output?.value ?? '') : outcome}`;
    return `${input.op}(${JSON.stringify(input.key)}, ${JSON.stringify(input.value)})${tail}`;
  },
  describeState: (state) => JSON.stringify(state),
};
