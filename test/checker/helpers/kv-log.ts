// Parser for Porcupine's key-value histories (EDN-like maps, one event per line; time = line number).
import type { Operation } from '../../../suites/harness/linearizability/history.js';
import type { KvInput, KvOutput } from '../../../suites/harness/linearizability/models/kv.js';

export type KvOp = Operation<KvInput, KvOutput>;

const LINE = /^\{:process (\d+), :type :(invoke|ok|fail|info), :f :(get|put|append), :key "([^"]*)", :value (nil|"[^"]*")\}$/;

export function parseKvLog(text: string): { ops: KvOp[]; errors: string[] } {
  const ops: KvOp[] = [];
  const errors: string[] = [];
  const open = new Map<string, KvOp>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i].trim();
    if (line === '') continue;
    const m = LINE.exec(line);
    if (!m) {
      errors.push(`line ${i + 1}: not understood`);
      continue;
    }
    const [, proc, type, f, key, rawValue] = m;
    const value = rawValue === 'nil' ? undefined : rawValue.slice(1, -1);
    if (type === 'invoke') {
      const input: KvInput = f === 'get' ? { op: 'get', key } : { op: f as 'put' | 'append', key, value: value ?? '' };
      const op: KvOp = { id: ops.length, clientId: Number(proc), input, output: undefined, call: i, ret: Number.POSITIVE_INFINITY, outcome: 'unknown' };
      ops.push(op);
      open.set(proc, op);
      continue;
    }
    const op = open.get(proc);
    if (!op) {
      errors.push(`line ${i + 1}: completion without invocation for process ${proc}`);
      continue;
    }
    open.delete(proc);
    if (type === 'info') continue;
    op.ret = i;
    op.outcome = type === 'ok' ? 'ok' : 'fail';
    op.output = f === 'get' ? { value: value ?? '' } : {};
  }
  return { ops, errors };
}
