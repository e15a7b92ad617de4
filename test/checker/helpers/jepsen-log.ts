// Parser for Jepsen's etcd logs in Porcupine's test data: one register, read/write/cas.
// Time is the line number; :info (timed out) and never-completed operations have unknown outcomes.
import type { Operation } from '../../../suites/harness/linearizability/history.js';
import type { RegisterInput, RegisterOutput, RegisterValue } from '../../../suites/harness/linearizability/models/register.js';

export type RegisterOp = Operation<RegisterInput, RegisterOutput>;

const LINE = /^INFO\s+jepsen\.util\s+-\s+(\d+)\s+:(invoke|ok|fail|info)\s+:(read|write|cas)\s+(.*?)\s*$/;

export function parseJepsenLog(text: string): { ops: RegisterOp[]; errors: string[] } {
  const ops: RegisterOp[] = [];
  const errors: string[] = [];
  const open = new Map<string, RegisterOp>();
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.trim() === '') continue;
    const m = LINE.exec(line);
    if (!m) {
      errors.push(`line ${i + 1}: not understood`);
      continue;
    }
    const [, proc, type, f, arg] = m;
    if (type === 'invoke') {
      const op: RegisterOp = {
        id: ops.length,
        clientId: Number(proc),
        input: inputOf(f, arg),
        output: undefined,
        call: i,
        ret: Number.POSITIVE_INFINITY,
        outcome: 'unknown',
      };
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
    if (type === 'info') continue; // timed out: may or may not have happened
    op.ret = i;
    op.outcome = type === 'ok' ? 'ok' : 'fail';
    op.output = f === 'read' ? { value: valueOf(arg) } : {};
  }
  return { ops, errors };
}

function inputOf(f: string, arg: string): RegisterInput {
  if (f === 'read') return { kind: 'read' };
  if (f === 'write') return { kind: 'write', value: valueOf(arg) };
  const pair = /^\[(\S+)\s+(\S+)\]$/.exec(arg);
  return pair ? { kind: 'cas', expected: valueOf(pair[1]), value: valueOf(pair[2]) } : { kind: 'cas', expected: null, value: null };
}

function valueOf(text: string): RegisterValue {
  if (text === 'nil') return null;
  const n = Number(text);
  return Number.isFinite(n) ? n : text;
}

/** jepsen_expected.txt: "<N> <true|false>" per line. */
export function parseExpected(text: string): Map<number, boolean> {
  const expected = new Map<number, boolean>();
  for (const line of text.split('\n')) {
    const m = /^(\d+)\s+(true|false)\s*$/.exec(line.trim());
    if (m) expected.set(Number(m[1]), m[2] === 'true');
  }
  return expected;
}
