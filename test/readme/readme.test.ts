/**
 * Every example in README.md runs here, so the README cannot rot: TypeScript blocks are executed
 * (their `// => value` comments become assertions), excerpts marked `<!-- readme: file … -->` must
 * match the real file, and every `npx gradcheck …` command must parse and name files that exist.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, test } from 'vitest';
import { parseArgs } from '../../src/cli/parseArgs.js';
import { instrument, readmeBlocks } from './blocks.js';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const blocks = readmeBlocks(join(root, 'README.md'));
const scratch = join(root, 'test/readme/.blocks');
rmSync(scratch, { recursive: true, force: true });
mkdirSync(scratch, { recursive: true });

const isTs = (lang: string) => lang === 'ts' || lang === 'typescript';
const label = (b: { line: number; heading: string }) => `README.md:${b.line} (${b.heading})`;

test('the README has runnable examples and each skip says why', () => {
  expect(blocks.filter((b) => isTs(b.lang) && b.directive === undefined).length).toBeGreaterThan(5);
  for (const b of blocks)
    if (b.directive?.kind === 'skip') expect(b.directive.arg, label(b)).toMatch(/\(.{8,}\)/);
});

describe('README TypeScript examples run', () => {
  for (const b of blocks.filter((x) => isTs(x.lang) && x.directive === undefined)) {
    test(label(b), async () => {
      const file = join(scratch, `block-${b.line}.ts`);
      const prelude = "import { readmeExpect as __readmeExpect } from '../expectValue.js';\n";
      writeFileSync(file, prelude + instrument(b.code, b.line));
      await import(pathToFileURL(file).href);
    });
  }
});

describe('README excerpts match the files they quote', () => {
  for (const b of blocks.filter((x) => x.directive?.kind === 'file')) {
    test(label(b), () => {
      const path = join(root, b.directive!.arg);
      expect(existsSync(path), `${b.directive!.arg} exists`).toBe(true);
      // Indentation may differ (an excerpt from inside a block is shown dedented).
      const squash = (s: string) => s.replace(/^[ \t]+|[ \t]+$/gm, '').trim();
      expect(squash(readFileSync(path, 'utf8'))).toContain(squash(b.code));
    });
  }
});

describe('README commands parse and name real files', () => {
  const commands = blocks
    .filter((b) => b.lang === 'bash' || b.lang === 'sh')
    .flatMap((b) =>
      b.code
        .split('\n')
        .map((l) => l.replace(/^\$ /, '').replace(/#.*$/, '').trim())
        .flatMap((l) => l.split('&&').map((c) => c.trim()))
        .filter((c) => c.startsWith('npx gradcheck'))
        .map((c) => ({ b, c })),
    );
  test('there are gradcheck commands to check', () => expect(commands.length).toBeGreaterThan(2));
  for (const { b, c } of commands) {
    test(`${label(b)}: ${c}`, () => {
      const argv = (c.match(/'[^']*'|"[^"]*"|\S+/g) ?? []).slice(2).map((a) => a.replace(/^['"]|['"]$/g, ''));
      expect(() => parseArgs(argv)).not.toThrow();
      for (const a of argv) {
        if (/\.(ts|mts|js|mjs)$/.test(a) && !a.includes('*')) expect(existsSync(join(root, a)), a).toBe(true);
      }
    });
  }
});
