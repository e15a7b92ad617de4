// NET-1 through parallel programs, API-neutral. The programs run with the program clients behind
// the lost-response proxy; when one fails, its shrunk program is replayed with every client direct
// (the control) before lost answers are blamed: a defect that fails without any lost answer is for
// the API's concurrency requirement to judge, and NET-1 is n/a saying so. Each suite supplies how to
// run its programs and the words of its verdict.
import type { VerdictRecorder } from '../verdicts.js';
import { startLossyRoute } from './lossy-route.js';

/** The fields of a suite's parallel-program run that NET-1 judges by. */
export interface ProgramsOutcome {
  ok: boolean;
  seed: number;
  numRuns: number;
  path?: string;
  explanation?: string;
  counterexample?: string[];
  error?: string;
}

export type LossyProgramsOutcome<O extends ProgramsOutcome> = O & {
  /** Answers the proxy dropped after the target had answered. */
  dropped: number;
  /** The shrunk program failed with every client direct too (undefined: no failure to replay). */
  controlFailed?: boolean;
  /** The control replay could not run. */
  controlError?: string;
};

export interface LossyRunners<O extends ProgramsOutcome> {
  /** The programs, with the program clients sending through the proxy at `proxyUrl`. */
  lossy(proxyUrl: string): Promise<O>;
  /** One program replayed from its path, every client direct. */
  control(seed: number, path: string): Promise<O>;
}

export async function runLossyPrograms<O extends ProgramsOutcome>(targetUrl: string, dropEvery: number, run: LossyRunners<O>): Promise<LossyProgramsOutcome<O>> {
  const route = await startLossyRoute(targetUrl, dropEvery);
  let out: O;
  try {
    out = await run.lossy(route.url);
  } finally {
    await route.close();
  }
  const dropped = route.dropped();
  if (out.ok || out.error !== undefined || out.path === undefined) return { ...out, dropped };
  // A race may not show in one replay: a few, so a defect that needs no lost answer is not blamed on one.
  let controlError: string | undefined;
  for (let attempt = 0; attempt < CONTROL_ATTEMPTS; attempt++) {
    const control = await run.control(out.seed, out.path);
    if (control.error !== undefined) controlError = control.error;
    else if (!control.ok) return { ...out, dropped, controlFailed: true };
  }
  return controlError !== undefined ? { ...out, dropped, controlError } : { ...out, dropped, controlFailed: false };
}

/** Control replays of a failing program before lost answers are blamed. */
export const CONTROL_ATTEMPTS = 3;

export interface LossyVerdictWords {
  operation: string;
  check: string;
  /** What judges a defect that needs no lost answer, e.g. 'CONNECT-CONC-1 and the sequential checks'. */
  judgedBy: string;
  /** The pass message, before the notes (answers lost, control problems). */
  passed: string;
  /** The failure message when the run gave no explanation. */
  failed: string;
}

/** The NET-1 verdict of a lossy run: n/a when it could not run, lost nothing, or fails without lost answers too. */
export function recordLossyVerdict(rec: VerdictRecorder, r: LossyProgramsOutcome<ProgramsOutcome>, w: LossyVerdictWords): void {
  const { operation, check } = w;
  if (r.error !== undefined) return void rec.notApplicable('NET-1', operation, check, `property could not run: ${r.error}`);
  if (r.ok && r.dropped === 0) return void rec.notApplicable('NET-1', operation, check, 'no answer was lost during the runs');
  if (r.controlFailed) {
    const why = `not judged: the shrunk counterexample fails with no answer lost too, so the defect does not need a lost answer (see ${w.judgedBy})`;
    return void rec.notApplicable('NET-1', operation, check, [why, r.explanation ?? ''].join('\n'));
  }
  const notes = [`${r.dropped} answers lost`, r.controlError ? `the replay with no answer lost could not run: ${r.controlError}` : undefined].filter((s): s is string => s !== undefined);
  rec.check('NET-1', {
    operation,
    check,
    ok: r.ok,
    message: r.ok ? `${w.passed}; ${notes.join('; ')}` : [r.explanation ?? w.failed, ...notes].join('\n'),
    ...(r.path !== undefined ? { path: r.path } : {}),
    ...(r.counterexample ? { counterexample: r.counterexample } : {}),
  });
}

/** 'every third' for 3, and so on. */
export function everyNth(n: number): string {
  if (n <= 1) return 'every';
  const words: Record<number, string> = { 2: 'second', 3: 'third', 4: 'fourth', 5: 'fifth' };
  return `every ${words[n] ?? `${n}th`}`;
}
