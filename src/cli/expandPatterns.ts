/**
 * Turns the operands of `gradcheck check` into a sorted list of absolute file paths: plain paths must
 * exist, a directory stands for every `*.spec.{ts,mts,js,mjs}` below it, and a glob must match at
 * least one file. `node_modules` and dot-directories are never searched.
 */
import { readdir, stat } from 'node:fs/promises';
import { isAbsolute, join, relative, resolve, sep } from 'node:path';
import { GradcheckError } from '../errors.js';
import { globToRegExp, hasGlob } from './globToRegExp.js';

const SPEC_FILE = /\.spec\.(?:c|m)?[jt]s$/;

async function walk(dir: string): Promise<string[]> {
  let entries: import('node:fs').Dirent[];
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return [];
  }
  const files: string[] = [];
  for (const entry of entries) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== 'node_modules' && !entry.name.startsWith('.')) files.push(...(await walk(full)));
    } else if (entry.isFile()) files.push(full);
  }
  return files;
}

function toPosix(path: string): string {
  return sep === '/' ? path : path.split(sep).join('/');
}

async function expandGlob(pattern: string, cwd: string): Promise<string[]> {
  const posix = toPosix(pattern);
  const segments = posix.split('/');
  const firstGlob = segments.findIndex(hasGlob);
  const baseText = segments.slice(0, firstGlob).join('/');
  const base = resolve(cwd, baseText === '' && posix.startsWith('/') ? '/' : baseText || '.');
  const matcher = globToRegExp(segments.slice(firstGlob).join('/'));
  return (await walk(base)).filter((file) => matcher.test(toPosix(relative(base, file))));
}

function notFound(pattern: string, message: string): GradcheckError {
  return new GradcheckError('GC_USAGE', 'gradcheck check', message, { arg: pattern, details: { pattern } });
}

/**
 * Expands spec operands against `cwd`. Throws `GC_USAGE` for a missing file or a pattern (or
 * directory) that matches no file.
 *
 * @example
 * await expandPatterns(['specs/**\/*.spec.ts'], process.cwd()); // ['/repo/specs/a.spec.ts', ...]
 */
export async function expandPatterns(patterns: readonly string[], cwd: string): Promise<string[]> {
  const found = new Set<string>();
  for (const pattern of patterns) {
    let matches: string[];
    if (hasGlob(pattern)) {
      matches = await expandGlob(pattern, cwd);
      if (matches.length === 0)
        throw notFound(pattern, `pattern ${JSON.stringify(pattern)} must match a file (it matched none)`);
    } else {
      const file = isAbsolute(pattern) ? pattern : resolve(cwd, pattern);
      const info = await stat(file).catch(() => undefined);
      if (info === undefined)
        throw notFound(pattern, `spec file ${JSON.stringify(pattern)} must exist (not found)`);
      matches = info.isDirectory() ? (await walk(file)).filter((f) => SPEC_FILE.test(f)) : [file];
      if (matches.length === 0) {
        throw notFound(
          pattern,
          `directory ${JSON.stringify(pattern)} must contain *.spec.ts or *.spec.js files (none found)`,
        );
      }
    }
    for (const match of matches) found.add(match);
  }
  return [...found].sort();
}
