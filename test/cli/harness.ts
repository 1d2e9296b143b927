/**
 * Running the CLI in-process for tests: a temporary project folder, fake streams, and a module
 * loader that goes through vitest (so spec files import `gradcheck` from the sources).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CliIo } from '../../src/cli/io.js';
import { main } from '../../src/cli/main.js';

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

let generation = 0;

/** Imports through vitest; a fresh query per call so that edited spec files are re-read. */
export const vitestLoader = async (file: string): Promise<Record<string, unknown>> => {
  generation += 1;
  return (await import(/* @vite-ignore */ `${pathToFileURL(file).href}?v=${generation}`)) as Record<
    string,
    unknown
  >;
};

/** Runs `gradcheck argv…` in `cwd` and captures what it printed. */
export async function runCli(argv: readonly string[], cwd: string, io: Partial<CliIo> = {}): Promise<CliRun> {
  let stdout = '';
  let stderr = '';
  const code = await main(argv, {
    stdout: (t) => {
      stdout += t;
    },
    stderr: (t) => {
      stderr += t;
    },
    cwd,
    env: {},
    isTTY: false,
    importModule: vitestLoader,
    ...io,
  });
  return { code, stdout, stderr };
}

/** A temporary folder holding `files` (path → contents); remove it with `cleanup`. */
export async function tempProject(files: Readonly<Record<string, string>>): Promise<string> {
  const root = await mkdtemp(join(tmpdir(), 'gradcheck-cli-'));
  await writeFiles(root, files);
  return root;
}

export async function writeFiles(root: string, files: Readonly<Record<string, string>>): Promise<void> {
  for (const [path, text] of Object.entries(files)) {
    await mkdir(dirname(join(root, path)), { recursive: true });
    await writeFile(join(root, path), text);
  }
}

export async function cleanup(root: string): Promise<void> {
  await rm(root, { recursive: true, force: true });
}

/** A spec module whose two properties hold. */
export const PASSING_SPEC = `
import fc from 'fast-check';
import { checkInvariant, defineProperty } from 'gradcheck';

export const commutes = defineProperty({
  name: 'addition commutes',
  input: fc.tuple(fc.integer({ min: -100, max: 100 }), fc.integer({ min: -100, max: 100 })),
  check: ([a, b]) => checkInvariant([a + b], [b + a], 0),
  options: { numRuns: 20 },
});

export const squares = [
  defineProperty({
    name: 'squares are non-negative',
    input: fc.integer({ min: -1000, max: 1000 }),
    check: (a) => checkInvariant([Math.max(a * a, 0)], [a * a], 0),
    options: { numRuns: 20 },
  }),
];

export const notASpec = 42;
`;

/** A spec module with one property that fails (|a| = a is false for a < 0; shrinks to a = -1). */
export const FAILING_SPEC = `
import fc from 'fast-check';
import { checkInvariant, defineProperty } from 'gradcheck';

export const absIsIdentity = defineProperty({
  name: 'abs is the identity',
  input: fc.integer({ min: -1000, max: 1000 }),
  check: (a) => checkInvariant([Math.abs(a)], [a], 0, { name: 'abs' }),
  options: { numRuns: 50 },
});
`;

/** The failing spec, fixed. */
export const FIXED_SPEC = FAILING_SPEC.replace('[Math.abs(a)], [a]', '[Math.abs(a)], [Math.abs(a)]');
