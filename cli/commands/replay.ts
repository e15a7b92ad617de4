// `lockstep replay FILE`: re-sends the evidence of each failure in a report and says whether the
// target still diverges. Exit 1 when at least one still does, 0 otherwise, 2 on usage errors.
import type { Command } from '../command.js';
import type { Report } from '../../reporters/report.js';
import { rerunCommand } from '../../reporters/rerun.js';
import { UsageError } from '../command.js';
import { ConfigError, DEFAULT_RESOURCES, DEFAULT_TIMEOUT_MS } from '../../suites/harness/config.js';

/**
 * Generated failures (properties, concurrency programs) depend on the state their earlier steps
 * built: re-sending one request proves little, re-running the suite with the seed regenerates the
 * case. Listed after the replay, with the commands.
 */
function writeReruns(report: Report, target: string | undefined): void {
  const withTarget: Report = target ? { ...report, target: { ...report.target, endpoints: Object.fromEntries(Object.keys(report.target.endpoints).map((api) => [api, { url: target, embedded: false }])) } } : report;
  const lines: string[] = [];
  for (const v of report.verdicts) {
    if ((v.status !== 'fail' && v.status !== 'non-strict') || v.baselined) continue;
    const cmd = rerunCommand(withTarget, v);
    if (cmd) lines.push(`  ${v.requirement} ${v.service} ${v.operation}: ${v.check}\n    ${cmd}`);
  }
  if (lines.length) process.stdout.write(`Generated failures reproduce by re-running their suite with the same seed and profile:\n${lines.join('\n')}\n`);
}

export const replayCommand: Command = {
  name: 'replay',
  summary: 're-run the recorded counterexamples of a report against a target',
  usage: [
    'REPORT.json [--target URL] [--index N] [--timeout-ms N]',
    '',
    'Replays the evidence requests of every failure (or only failure N, as numbered in the output)',
    'against --target, or the endpoint recorded in the report (a fresh embedded reference when the',
    'report ran against it). Exit 1 when a divergence is reproduced, 0 when none is.',
  ].join('\n'),
  options: { target: { type: 'string' }, index: { type: 'string' }, 'timeout-ms': { type: 'string' } },
  allowPositionals: true,
  async run(values, positionals) {
    if (positionals.length !== 1) throw new UsageError('expected exactly one report file');
    const timeoutMs = values['timeout-ms'] === undefined ? DEFAULT_TIMEOUT_MS : Number(values['timeout-ms']);
    if (!Number.isInteger(timeoutMs) || timeoutMs < 1 || timeoutMs > 600_000) throw new UsageError('--timeout-ms must be an integer from 1 to 600000');
    const { readReport, failuresOf, replayVerdict } = await import('../../suites/harness/replay.js');
    const { probe } = await import('../../suites/harness/probe.js');
    let report;
    try {
      report = readReport(positionals[0]!);
    } catch (e) {
      if (e instanceof ConfigError) throw new UsageError(e.message);
      throw e;
    }
    let failures = failuresOf(report);
    if (values.index !== undefined) {
      const i = Number(values.index);
      if (!Number.isInteger(i) || i < 1 || i > failures.length) throw new UsageError(`--index must be from 1 to ${failures.length}`);
      failures = [failures[i - 1]!];
    }
    const rerunTarget = typeof values.target === 'string' ? values.target.replace(/\/+$/, '') : undefined;
    if (failures.length === 0) {
      process.stdout.write('no failures with evidence in this report: nothing to replay\n');
      writeReruns(report, rerunTarget);
      return 0;
    }
    let target = typeof values.target === 'string' ? values.target.replace(/\/+$/, '') : undefined;
    if (target) {
      const p = await probe(target, Math.min(2_000, timeoutMs));
      if (!p.reachable) throw new UsageError(`target unreachable: ${target}: ${p.reason}`);
    }
    let embedded: { url: string; close(): Promise<void> } | undefined;
    const region = report.target?.region ?? DEFAULT_RESOURCES.region;
    let still = 0;
    try {
      for (const [n, v] of failures.entries()) {
        const recorded = report.target?.endpoints?.[v.service];
        let base = target ?? recorded?.url;
        if (!target && (recorded?.embedded || !base)) {
          if (!embedded) embedded = await (await import('../../suites/harness/embedded.js')).startEmbeddedReference();
          base = embedded.url;
        }
        const r = await replayVerdict(v, base!, { recordedBase: recorded?.url, region, timeoutMs });
        if (r.status === 'still-diverges') still++;
        process.stdout.write(`${n + 1}. ${v.requirement} ${v.service} ${v.operation}: ${v.check}\n   ${r.status}: ${r.message}\n`);
      }
    } finally {
      await embedded?.close();
    }
    process.stdout.write(`${still} of ${failures.length} still diverge\n`);
    if (values.index === undefined) writeReruns(report, rerunTarget);
    return still > 0 ? 1 : 0;
  },
};
