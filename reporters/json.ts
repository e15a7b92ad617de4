// lockstep-report.json: the whole report, as documented in docs/report-schema.md.
import type { Report } from './report.js';

export function jsonReport(report: Report): string {
  return JSON.stringify(report, null, 2) + '\n';
}
