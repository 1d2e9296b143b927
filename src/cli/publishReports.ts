/**
 * Where a run's reports go. With `--out <dir>`: exactly that folder, replaced atomically. Otherwise a
 * fresh `reports/<run-id>/` under the working directory (run ids sort by time; a taken id gets a
 * suffix, so runs never mix) and `reports/latest` switched to point at it.
 */
import { join, resolve } from 'node:path';
import { writeDirAtomic, writeNewDir } from './atomicDir.js';
import type { Report } from './engine.js';
import { pointLatest } from './latestPointer.js';
import type { ReporterName } from './options.js';
import { reportFiles } from './reportFiles.js';
import { runId } from './runId.js';

/** Default parent folder of run folders, relative to the working directory. */
export const REPORTS_DIR = 'reports';

/**
 * Renders and writes the report set; returns the absolute folder written.
 *
 * @example
 * await publishReports(report, { reporters: ['json', 'html'] }, '/repo', new Date());
 * // '/repo/reports/2025-11-28T18-20-31-123Z'
 */
export async function publishReports(
  report: Report,
  options: { readonly reporters: readonly ReporterName[]; readonly out?: string },
  cwd: string,
  started: Date,
): Promise<string> {
  const files = reportFiles(report, options.reporters);
  if (options.out !== undefined) {
    const target = resolve(cwd, options.out);
    await writeDirAtomic(target, files);
    return target;
  }
  const parent = join(cwd, REPORTS_DIR);
  const dir = await writeNewDir(parent, runId(started), files);
  await pointLatest(parent, dir.slice(parent.length + 1), files);
  return dir;
}
