// `lockstep merge`: the lockstep-report.json files of `lockstep run --shard i/n` runs (several CI
// machines) into one report and the usual report files, exiting as `run` would on the merged summary.
import { mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Command } from '../command.js';
import { UsageError } from '../command.js';
import { parseReporters } from './run.js';
import { FILE_REPORTERS } from '../../reporters/index.js';
import { consoleSummary } from '../../reporters/console.js';
import { ReportInputError, readReportFile } from '../../reporters/compare-input.js';
import { mergeReports, type MergeInput } from '../../reporters/merge.js';

const REPORT_FILE = 'lockstep-report.json';
// How deep a directory argument is searched (e.g. artifacts/shard-1/lockstep-out/lockstep-report.json).
const MAX_DEPTH = 4;

/** Every lockstep-report.json under dir (sorted), except `exclude` (the merge's own output). */
export function findReports(dir: string, exclude: string, depth = 0): string[] {
  let entries: import('node:fs').Dirent[];
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    throw new UsageError(`cannot read directory ${dir}: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message}`);
  }
  const found: string[] = [];
  for (const e of entries.sort((a, b) => a.name.localeCompare(b.name))) {
    const p = path.join(dir, e.name);
    if (e.isFile() && e.name === REPORT_FILE && path.resolve(p) !== exclude) found.push(p);
    else if (e.isDirectory() && depth < MAX_DEPTH) found.push(...findReports(p, exclude, depth + 1));
  }
  return found;
}

function inputFiles(args: string[], outFile: string): string[] {
  const files: string[] = [];
  for (const a of args) {
    let isDir = false;
    try {
      isDir = statSync(a).isDirectory();
    } catch {
      // A missing file is reported when it is read.
    }
    if (!isDir) {
      files.push(a);
      continue;
    }
    const found = findReports(a, outFile);
    if (found.length === 0) throw new UsageError(`no ${REPORT_FILE} under ${a}`);
    files.push(...found);
  }
  // The same file named twice (directly and through its directory) would double its verdicts.
  return [...new Map(files.map((f) => [path.resolve(f), f])).values()];
}

export const mergeCommand: Command = {
  name: 'merge',
  summary: 'merge the reports of `lockstep run --shard i/n` runs into one report',
  usage: [
    'REPORT.json|DIR... [--out DIR] [--reporter console,json,junit,markdown] [--force]',
    '',
    `A directory stands for every ${REPORT_FILE} under it. The shards must come from one run`,
    '(same seed, profile, strict setting, APIs, target and shard count, each shard once);',
    'otherwise merge refuses (exit 2) unless --force.',
    `Writes DIR/${REPORT_FILE}, lockstep-junit.xml, lockstep-report.md (DIR defaults to lockstep-out).`,
    'Exit: as `lockstep run` on the merged report: 0 conformant, 1 divergences, 2 usage error.',
  ].join('\n'),
  options: {
    out: { type: 'string' },
    reporter: { type: 'string' },
    force: { type: 'boolean' },
  },
  allowPositionals: true,
  async run(values, positionals, io) {
    const reporters = parseReporters(values.reporter);
    const outDir = path.resolve(typeof values.out === 'string' ? values.out : 'lockstep-out');
    if (positionals.length === 0) throw new UsageError('expected shard reports (files or directories) to merge');
    const files = inputFiles(positionals, path.join(outDir, REPORT_FILE));
    const inputs: MergeInput[] = [];
    for (const file of files) {
      try {
        inputs.push({ file, report: readReportFile(file) });
      } catch (e) {
        if (e instanceof ReportInputError) throw new UsageError(e.message);
        throw e;
      }
    }
    const { report, problems } = mergeReports(inputs);
    if (problems.length && values.force !== true) {
      throw new UsageError(`these reports are not the shards of one run (--force merges them anyway): ${problems.join(' | ')}`);
    }
    for (const p of problems) io.err.write(`lockstep merge: warning (forced): ${p}\n`);

    mkdirSync(outDir, { recursive: true });
    const written: string[] = [];
    for (const name of reporters) {
      if (name === 'console') continue;
      const file = path.join(outDir, FILE_REPORTERS[name].file);
      writeFileSync(file, FILE_REPORTERS[name].render(report));
      written.push(file);
    }
    io.out.write(`lockstep merge: ${inputs.length} report(s): ${inputs.map((x) => `${x.file}${x.report.shard ? ` (shard ${x.report.shard})` : ''}`).join(', ')}\n`);
    if (reporters.includes('console')) io.out.write(consoleSummary(report));
    if (written.length) io.out.write(`Reports: ${written.join(', ')}\n`);
    return report.summary.exitCode;
  },
};
