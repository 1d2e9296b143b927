/**
 * Writing a report set so that readers only ever see a complete one. The files are written (and
 * fsync'ed) into a temporary sibling folder `.<name>.tmp-<pid>-<n>`, which is then renamed into place.
 * Replacing an existing folder takes two renames (old → `.<name>.old-…`, temp → name) and then deletes
 * the old one; a crash or Ctrl-C at any point leaves either the previous complete set or the new
 * complete set at `<name>` (or, only between the two renames, the previous set under `.<name>.old-…`),
 * never a mixture and never a half-written file. Leftovers of dead processes are swept on the next
 * write into the same parent folder.
 */
import { mkdir, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { GradcheckError } from '../errors.js';

/** File name → contents, e.g. `{ 'report.json': '…', 'summary.md': '…' }`. */
export type FileSet = Readonly<Record<string, string>>;

/** Writes one file; injectable so tests can simulate a crash midway. */
export type FileWriter = (path: string, contents: string) => Promise<void>;

/** Writes and fsyncs one file (so that a rename after it never exposes an empty file). */
export const durableWrite: FileWriter = async (path, contents) => {
  const handle = await open(path, 'wx');
  try {
    await handle.writeFile(contents, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
};

let counter = 0;

function scratchName(target: string, kind: 'tmp' | 'old'): string {
  counter += 1;
  return join(dirname(target), `.${basename(target)}.${kind}-${process.pid}-${counter}`);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (e) {
    return (e as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** Removes `.<name>.tmp-<pid>-*` and `.<name>.old-<pid>-*` folders left by processes that died. */
async function sweepLeftovers(target: string): Promise<void> {
  const prefix = `.${basename(target)}.`;
  const names = await readdir(dirname(target)).catch(() => [] as string[]);
  for (const name of names) {
    const match = /^\.(?:.*)\.(?:tmp|old)-(\d+)-\d+$/.exec(name);
    if (match && name.startsWith(prefix) && !isAlive(Number(match[1]))) {
      await rm(join(dirname(target), name), { recursive: true, force: true });
    }
  }
}

/** Writes `files` into a fresh scratch folder next to `target` and returns its path. */
async function stage(target: string, files: FileSet, write: FileWriter): Promise<string> {
  await mkdir(dirname(target), { recursive: true });
  const scratch = scratchName(target, 'tmp');
  await mkdir(scratch);
  try {
    for (const [name, contents] of Object.entries(files)) await write(join(scratch, name), contents);
  } catch (e) {
    await rm(scratch, { recursive: true, force: true });
    throw e;
  }
  return scratch;
}

/**
 * Replaces the folder `target` wholesale by a folder holding exactly `files` (see the file comment
 * for the crash guarantees). Throws `GC_USAGE` when `target` exists and is not a folder.
 *
 * @example
 * await writeDirAtomic('reports/ci', { 'report.json': json, 'summary.md': md });
 */
export async function writeDirAtomic(
  target: string,
  files: FileSet,
  write: FileWriter = durableWrite,
): Promise<void> {
  const existing = await stat(target).catch(() => undefined);
  if (existing !== undefined && !existing.isDirectory()) {
    throw new GradcheckError('GC_USAGE', 'gradcheck', `--out must name a folder (${target} is a file)`, {
      arg: '--out',
    });
  }
  await sweepLeftovers(target);
  const scratch = await stage(target, files, write);
  if (existing === undefined) {
    await rename(scratch, target);
    return;
  }
  const old = scratchName(target, 'old');
  await rename(target, old);
  try {
    await rename(scratch, target);
  } catch (e) {
    await rename(old, target);
    await rm(scratch, { recursive: true, force: true });
    throw e;
  }
  await rm(old, { recursive: true, force: true });
}

/**
 * Writes `files` into a NEW folder `parent/<id>` (never replacing one: if `<id>` is taken, `<id>-2`,
 * `<id>-3`, … are tried) and returns the folder's path. Runs therefore never mix.
 */
export async function writeNewDir(
  parent: string,
  id: string,
  files: FileSet,
  write: FileWriter = durableWrite,
): Promise<string> {
  const first = join(parent, id);
  await sweepLeftovers(first);
  const scratch = await stage(first, files, write);
  for (let k = 1; ; k++) {
    const target = k === 1 ? first : `${first}-${k}`;
    if ((await stat(target).catch(() => undefined)) !== undefined) continue;
    try {
      await rename(scratch, target);
      return target;
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      if (code !== 'ENOTEMPTY' && code !== 'EEXIST' && code !== 'EISDIR') {
        await rm(scratch, { recursive: true, force: true });
        throw e;
      }
    }
  }
}
