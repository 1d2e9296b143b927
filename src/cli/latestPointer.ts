/**
 * `reports/latest`: a stable name for the newest run. It is a relative symbolic link
 * (`latest -> <run-id>`), switched atomically by creating a new link beside it and renaming it over
 * the old one. Where links cannot be made (Windows without the privilege) it falls back to an atomic
 * copy of the run's files.
 */
import { lstat, rename, rm, symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { type FileSet, writeDirAtomic } from './atomicDir.js';

/** Name of the pointer inside the reports folder. */
export const LATEST = 'latest';

/**
 * Points `reportsDir/latest` at `reportsDir/runId` (which holds `files`).
 *
 * @example
 * await pointLatest('reports', '2025-11-28T18-20-31-123Z', files); // reports/latest -> 2025-…Z
 */
export async function pointLatest(reportsDir: string, runId: string, files: FileSet): Promise<void> {
  const latest = join(reportsDir, LATEST);
  const current = await lstat(latest).catch(() => undefined);
  if (current?.isDirectory()) await rm(latest, { recursive: true, force: true });
  const link = join(reportsDir, `.${LATEST}.link-${process.pid}`);
  await rm(link, { force: true });
  try {
    await symlink(runId, link, 'junction');
    await rename(link, latest);
  } catch {
    await rm(link, { force: true });
    await writeDirAtomic(latest, files);
  }
}
