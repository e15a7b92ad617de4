// A parallel program: a short sequential prefix, then 2–8 clients each issuing a few operations.
import fc from 'fast-check';

export interface ParallelProgram<Cmd> {
  prefix: Cmd[];
  clients: Cmd[][];
}

export interface ProgramShape<Cmd> {
  /** Commands for the prefix (defaults to the client command arbitrary). */
  prefixCommand?: fc.Arbitrary<Cmd>;
  maxPrefix?: number;
  minClients?: number;
  maxClients?: number;
  maxOpsPerClient?: number;
}

/**
 * Programs shrink with fast-check's array shrinking: whole clients go, then operations within clients,
 * then the commands themselves.
 */
export function parallelProgram<Cmd>(command: fc.Arbitrary<Cmd>, shape: ProgramShape<Cmd> = {}): fc.Arbitrary<ParallelProgram<Cmd>> {
  const minClients = clamp(shape.minClients ?? 2, 2, 8);
  const maxClients = clamp(shape.maxClients ?? 4, minClients, 8);
  const maxOps = Math.max(1, shape.maxOpsPerClient ?? 3);
  return fc.record({
    prefix: fc.array(shape.prefixCommand ?? command, { maxLength: Math.max(0, shape.maxPrefix ?? 3) }),
    clients: fc.array(fc.array(command, { minLength: 1, maxLength: maxOps }), { minLength: minClients, maxLength: maxClients }),
  });
}

export function programSize(program: ParallelProgram<unknown>): number {
  return program.prefix.length + program.clients.reduce((n, ops) => n + ops.length, 0);
}

export function describeProgram<Cmd>(program: ParallelProgram<Cmd>, show: (cmd: Cmd) => string = (c) => JSON.stringify(c)): string {
  const lines = [`prefix: ${program.prefix.map(show).join('; ') || '(none)'}`];
  program.clients.forEach((ops, i) => lines.push(`client ${i}: ${ops.map(show).join('; ')}`));
  return lines.join('\n');
}

function clamp(n: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, Math.floor(n)));
}
