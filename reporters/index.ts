// The file reporters `lockstep run --reporter` accepts (console always prints its summary).
import { jsonReport } from './json.js';
import { junitReport } from './junit.js';
import { markdownReport } from './markdown.js';
import type { Report } from './report.js';

export const REPORTERS = ['console', 'json', 'junit', 'markdown'] as const;
export type ReporterName = (typeof REPORTERS)[number];

/** File name and content for each file reporter. */
export const FILE_REPORTERS: Record<Exclude<ReporterName, 'console'>, { file: string; render(r: Report): string }> = {
  json: { file: 'lockstep-report.json', render: jsonReport },
  junit: { file: 'lockstep-junit.xml', render: junitReport },
  markdown: { file: 'lockstep-report.md', render: markdownReport },
};
