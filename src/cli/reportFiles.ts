/**
 * Rendering a report into the files of a report set: `report.json`, `summary.md`, `report.html`,
 * `junit.xml` (the `--reporter` subset, in that order). Strings only; `publishReports` writes them.
 */

import type { FileSet } from './atomicDir.js';
import { type Report, renderHtml, renderJson, renderJunit, renderMarkdown } from './engine.js';
import type { ReporterName } from './options.js';

/** The file each reporter writes. */
export const REPORT_FILES: Readonly<Record<ReporterName, string>> = {
  json: 'report.json',
  md: 'summary.md',
  html: 'report.html',
  junit: 'junit.xml',
};

const RENDER: Readonly<Record<ReporterName, (report: Report) => string>> = {
  json: renderJson,
  md: (report) => renderMarkdown(report),
  html: (report) => renderHtml(report),
  junit: renderJunit,
};

/**
 * @example
 * reportFiles(report, ['json', 'md']); // { 'report.json': '{…}', 'summary.md': '# gradcheck …' }
 */
export function reportFiles(report: Report, reporters: readonly ReporterName[]): FileSet {
  const files: Record<string, string> = {};
  for (const reporter of reporters) files[REPORT_FILES[reporter]] = RENDER[reporter](report);
  return files;
}
