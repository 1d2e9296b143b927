import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { expandPatterns } from '../../src/cli/expandPatterns.js';
import { globToRegExp, hasGlob } from '../../src/cli/globToRegExp.js';
import { isGradcheckError } from '../../src/errors.js';

let root = '';
const files = [
  'specs/a.spec.ts',
  'specs/b.spec.mts',
  'specs/helpers.ts',
  'specs/deep/c.spec.js',
  'specs/deep/deeper/d.spec.ts',
  'specs/node_modules/x.spec.ts',
  'specs/.hidden/y.spec.ts',
  'other/e.spec.ts',
];

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gradcheck-globs-'));
  for (const file of files) {
    await mkdir(join(root, file, '..'), { recursive: true });
    await writeFile(join(root, file), '');
  }
});

afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

const rel = (paths: string[]) => paths.map((p) => p.slice(root.length + 1));

test('globs follow bash globstar rules', () => {
  expect(globToRegExp('*.ts').test('a.ts')).toBe(true);
  expect(globToRegExp('*.ts').test('d/a.ts')).toBe(false);
  expect(globToRegExp('**/*.ts').test('a.ts')).toBe(true);
  expect(globToRegExp('**/*.ts').test('d/e/a.ts')).toBe(true);
  expect(globToRegExp('d/**').test('d/e/a.ts')).toBe(true);
  expect(globToRegExp('?.ts').test('ab.ts')).toBe(false);
  expect(globToRegExp('[ab].ts').test('b.ts')).toBe(true);
  expect(globToRegExp('[!ab].ts').test('b.ts')).toBe(false);
  expect(globToRegExp('*.{ts,js}').test('x.js')).toBe(true);
  expect(globToRegExp('*.{ts,js}').test('x.mjs')).toBe(false);
  expect(globToRegExp('a+(b).ts').test('a+(b).ts')).toBe(true);
  expect(hasGlob('specs/a.ts')).toBe(false);
  expect(hasGlob('specs/*.ts')).toBe(true);
});

test('patterns expand to sorted absolute files, skipping node_modules and dot-folders', async () => {
  expect(rel(await expandPatterns(['specs/**/*.spec.*'], root))).toEqual([
    'specs/a.spec.ts',
    'specs/b.spec.mts',
    'specs/deep/c.spec.js',
    'specs/deep/deeper/d.spec.ts',
  ]);
  expect(rel(await expandPatterns(['other/e.spec.ts', 'specs/*.ts'], root))).toEqual([
    'other/e.spec.ts',
    'specs/a.spec.ts',
    'specs/helpers.ts',
  ]);
});

test('a folder stands for the spec files below it, and duplicates collapse', async () => {
  expect(rel(await expandPatterns(['specs/deep', 'specs/deep/c.spec.js'], root))).toEqual([
    'specs/deep/c.spec.js',
    'specs/deep/deeper/d.spec.ts',
  ]);
  expect(rel(await expandPatterns([join(root, 'other', '*.ts')], '/'))).toEqual(['other/e.spec.ts']);
});

test('missing files and empty globs are usage errors naming the pattern', async () => {
  const reason = async (patterns: string[]) =>
    expandPatterns(patterns, root).then(
      () => 'resolved',
      (e: unknown) => (isGradcheckError(e, 'GC_USAGE') ? e.message : String(e)),
    );
  expect(await reason(['specs/missing.spec.ts'])).toBe(
    'gradcheck check: spec file "specs/missing.spec.ts" must exist (not found)',
  );
  expect(await reason(['specs/**/*.spec.py'])).toMatch(/pattern "specs\/\*\*\/\*.spec.py" must match a file/);
  expect(await reason(['nowhere/*.ts'])).toMatch(/must match a file \(it matched none\)/);
});
