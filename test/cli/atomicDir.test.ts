import { mkdir, mkdtemp, readdir, readFile, readlink, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect, test } from 'vitest';
import { durableWrite, type FileWriter, writeDirAtomic, writeNewDir } from '../../src/cli/atomicDir.js';
import { pointLatest } from '../../src/cli/latestPointer.js';
import { runId } from '../../src/cli/runId.js';
import { isGradcheckError } from '../../src/errors.js';

let root = '';
beforeEach(async () => {
  root = await mkdtemp(join(tmpdir(), 'gradcheck-atomic-'));
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
});

async function contents(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of (await readdir(dir)).sort()) out[name] = await readFile(join(dir, name), 'utf8');
  return out;
}

/** A writer that dies (like a crash) after writing `n` files, the last one only half. */
function crashingAfter(n: number): FileWriter {
  let written = 0;
  return async (path, text) => {
    if (written === n) {
      await writeFile(path, text.slice(0, text.length >> 1));
      throw new Error('simulated crash while writing');
    }
    written += 1;
    await durableWrite(path, text);
  };
}

test('a fresh --out folder receives exactly the files, and nothing else is left beside it', async () => {
  const out = join(root, 'out');
  await writeDirAtomic(out, { 'report.json': '{}', 'summary.md': '# ok' });
  expect(await contents(out)).toEqual({ 'report.json': '{}', 'summary.md': '# ok' });
  expect(await readdir(root)).toEqual(['out']);
});

test('an existing --out folder is replaced wholesale, old files never mixed in', async () => {
  const out = join(root, 'out');
  await mkdir(out);
  await writeFile(join(out, 'junit.xml'), 'old run');
  await writeFile(join(out, 'report.json'), 'old run');
  await writeDirAtomic(out, { 'report.json': 'new run' });
  expect(await contents(out)).toEqual({ 'report.json': 'new run' });
  expect(await readdir(root)).toEqual(['out']);
});

test('a writer that throws midway leaves the previous report set intact and no scratch folder', async () => {
  const out = join(root, 'out');
  const previous = { 'report.json': 'previous', 'summary.md': 'previous' };
  await writeDirAtomic(out, previous);
  const next = { 'report.json': 'next'.repeat(100), 'summary.md': 'next'.repeat(100), 'junit.xml': 'x' };
  await expect(writeDirAtomic(out, next, crashingAfter(1))).rejects.toThrow('simulated crash');
  expect(await contents(out)).toEqual(previous);
  expect(await readdir(root)).toEqual(['out']);
});

test('a crash that kills the process mid-write leaves only a hidden scratch folder, swept next time', async () => {
  const out = join(root, 'out');
  await writeDirAtomic(out, { 'report.json': 'previous' });
  // What a SIGKILL during staging leaves behind: a half-written scratch folder of a dead process.
  const dead = join(root, '.out.tmp-999999999-1');
  await mkdir(dead);
  await writeFile(join(dead, 'report.json'), '{"half');
  expect(await contents(out)).toEqual({ 'report.json': 'previous' });
  await writeDirAtomic(out, { 'report.json': 'next' });
  expect(await contents(out)).toEqual({ 'report.json': 'next' });
  expect(await readdir(root)).toEqual(['out']);
});

test('--out naming a file is a usage error', async () => {
  const file = join(root, 'file');
  await writeFile(file, 'x');
  const error = await writeDirAtomic(file, { a: 'b' }).catch((e: unknown) => e);
  expect(isGradcheckError(error, 'GC_USAGE')).toBe(true);
});

test('run folders are never reused: a taken id gets a suffix', async () => {
  const first = await writeNewDir(root, 'run', { a: '1' });
  const second = await writeNewDir(root, 'run', { a: '2' });
  expect(first).toBe(join(root, 'run'));
  expect(second).toBe(join(root, 'run-2'));
  expect(await contents(first)).toEqual({ a: '1' });
  expect(await contents(second)).toEqual({ a: '2' });
});

test('a failed run folder write leaves no folder at all', async () => {
  await expect(writeNewDir(root, 'run', { a: '1', b: '2' }, crashingAfter(1))).rejects.toThrow();
  expect(await readdir(root)).toEqual([]);
});

test('reports/latest points at the newest run, replacing an older pointer or folder', async () => {
  await writeNewDir(root, 'r1', { a: '1' });
  await pointLatest(root, 'r1', { a: '1' });
  expect(await readlink(join(root, 'latest'))).toBe('r1');
  await writeNewDir(root, 'r2', { a: '2' });
  await pointLatest(root, 'r2', { a: '2' });
  expect(await contents(join(root, 'latest'))).toEqual({ a: '2' });
  await rm(join(root, 'latest'));
  await mkdir(join(root, 'latest'));
  await writeFile(join(root, 'latest', 'stale'), 'x');
  await pointLatest(root, 'r1', { a: '1' });
  expect(await contents(join(root, 'latest'))).toEqual({ a: '1' });
  expect((await readdir(root)).sort()).toEqual(['latest', 'r1', 'r2']);
});

test('run ids sort by time as strings and are file-name safe', () => {
  const a = runId(new Date(Date.UTC(2025, 10, 28, 9, 5, 1, 7)));
  const b = runId(new Date(Date.UTC(2025, 10, 28, 10, 0, 0, 0)));
  expect(a).toBe('2025-11-28T09-05-01-007Z');
  expect(a < b).toBe(true);
  expect(a).toMatch(/^[\w-]+$/);
});
