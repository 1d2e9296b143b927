import { readdir, readFile, readlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { USAGE } from '../../src/cli/usage.js';
import { packageVersion } from '../../src/cli/version.js';
import { parseReport } from '../../src/index.js';
import { cleanup, FAILING_SPEC, PASSING_SPEC, runCli, tempProject } from './harness.js';

let root = '';
beforeAll(async () => {
  root = await tempProject({
    'specs/pass.spec.ts': PASSING_SPEC,
    'specs/fail.spec.ts': FAILING_SPEC,
    'specs/empty.spec.ts': 'export const answer = 42;\nexport function helper() {}\n',
    'specs/throws.spec.ts': "throw new Error('cannot reach the GPU');\n",
    'specs/syntax.spec.ts': 'export const broken = (x: number => x;\n',
  });
});
afterAll(() => cleanup(root));

const readJson = async (dir: string) => parseReport(await readFile(join(dir, 'report.json'), 'utf8'));

test('--help prints the usage and --version the package version, both exiting 0', async () => {
  expect(await runCli(['--help'], root)).toEqual({ code: 0, stdout: USAGE, stderr: '' });
  const pkg = JSON.parse(await readFile(new URL('../../package.json', import.meta.url), 'utf8')) as {
    version: string;
  };
  expect(packageVersion()).toBe(pkg.version);
  expect(await runCli(['--version'], root)).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
});

test('usage errors exit 2 with the reason and a pointer to --help', async () => {
  const run = await runCli(['check', 'specs/pass.spec.ts', '--colour'], root);
  expect(run.code).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toBe(
    'error: gradcheck: unknown option --colour (see gradcheck --help)\nRun gradcheck --help for usage.\n',
  );
});

test('input errors exit 2 and say what is wrong', async () => {
  const cases: [string[], RegExp][] = [
    [['check', 'specs/missing.spec.ts'], /spec file "specs\/missing.spec.ts" must exist/],
    [['check', 'nowhere/**/*.spec.ts'], /pattern "nowhere\/\*\*\/\*.spec.ts" must match a file/],
    [
      ['check', 'specs/empty.spec.ts'],
      /specs\/empty.spec.ts must export specs made with defineCheck or defineProperty \(its exports: answer, helper\)/,
    ],
    [['check', 'specs/throws.spec.ts'], /specs\/throws.spec.ts must load \(cannot reach the GPU\)/],
    [['check', 'specs/syntax.spec.ts'], /specs\/syntax.spec.ts must load \([\s\S]+\)/],
    [
      ['check', 'specs/pass.spec.ts', '--grep', 'nothing like this'],
      /--grep "nothing like this" must match a spec name \(none of 2 matched\)/,
    ],
    [
      ['check', 'specs/pass.spec.ts', '--seed', '1', '--path', '0'],
      /--path replays one counterexample, so --grep must select exactly one spec \(it selected 2/,
    ],
    [['replay', 'reports/none.json'], /report "reports\/none.json" must be a readable file/],
    [['merge', 'specs/pass.spec.ts'], /specs\/pass.spec.ts must be a gradcheck report.json/],
  ];
  for (const [argv, reason] of cases) {
    const run = await runCli(argv, root);
    expect({ argv, code: run.code }).toEqual({ argv, code: 2 });
    expect(run.stderr).toMatch(reason);
  }
});

test('a passing spec file exits 0 and writes the four reports into a fresh run folder', async () => {
  const run = await runCli(['check', 'specs/pass.spec.ts'], root);
  expect(run.stderr).toBe('');
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/\[1\/2\] ✓ addition commutes \(20 runs, \d+ ms\)/);
  expect(run.stdout).toMatch(/PASS\s+squares are non-negative\s+invariant/);
  expect(run.stdout).toMatch(/2 checks: 2 passed, 0 failed, 0 errors/);
  const dir = /reports: (reports\/[\w-]+)\n$/.exec(run.stdout)?.[1];
  expect(dir).toBeDefined();
  expect((await readdir(join(root, dir!))).sort()).toEqual([
    'junit.xml',
    'report.html',
    'report.json',
    'summary.md',
  ]);
  expect(await readlink(join(root, 'reports', 'latest'))).toBe(dir!.slice('reports/'.length));
  const report = await readJson(join(root, dir!));
  expect(report.summary).toMatchObject({ total: 2, passed: 2, failed: 0, errors: 0 });
  expect(report.results.map((r) => [r.name, r.source])).toEqual([
    ['addition commutes', 'specs/pass.spec.ts'],
    ['squares are non-negative', 'specs/pass.spec.ts'],
  ]);
  expect(report.command).toEqual(['check', 'specs/pass.spec.ts']);
});

test('a failing spec exits 1 and prints its worst entry and the command that replays it', async () => {
  const run = await runCli(
    ['check', 'specs/{pass,fail}.spec.ts', '--grep', 'abs', '--out', 'out/fail'],
    root,
  );
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/FAIL\s+abs is the identity/);
  expect(run.stdout).toMatch(
    /✗ abs is the identity — mismatch \(invariant, float64, seed -?\d+, path [\d:]+\)/,
  );
  expect(run.stdout).toMatch(/worst entries:\n\s+entry\s+analytic\s+oracle/);
  expect(run.stdout).toMatch(/abs\[0\]\s+1\s+-1\s+2\s+0\s+-2/);
  expect(run.stdout).toMatch(/counterexample: \[?-1\]?/);
  const report = await readJson(join(root, 'out/fail'));
  const failure = report.results[0]!;
  expect(run.stdout).toContain(
    `replay: npx gradcheck check specs/fail.spec.ts --seed ${failure.seed} --path ${failure.path} --grep 'abs is the identity'`,
  );
  expect(run.stdout).toMatch(/reports: out\/fail\n$/);
  expect(await readFile(join(root, 'out/fail/report.html'), 'utf8')).toContain('abs is the identity');
});

test('--reporter limits the files and --out replaces the folder wholesale', async () => {
  expect((await runCli(['check', 'specs/pass.spec.ts', '--out', 'out/x'], root)).code).toBe(0);
  expect((await readdir(join(root, 'out/x'))).length).toBe(4);
  const run = await runCli(
    ['check', 'specs/pass.spec.ts', '--out', 'out/x', '--reporter', 'md,junit', '--quiet'],
    root,
  );
  expect(run.code).toBe(0);
  expect((await readdir(join(root, 'out/x'))).sort()).toEqual(['junit.xml', 'summary.md']);
  expect(run.stdout).toMatch(/^2 checks: 2 passed, 0 failed, 0 errors \([\d.]+ m?s\)\n\nreports: out\/x\n$/);
});

test('--seed and --runs reach every property and are recorded in the report', async () => {
  const run = await runCli(
    ['check', 'specs/pass.spec.ts', '--seed', '7', '--runs', '3', '--out', 'out/seeded'],
    root,
  );
  expect(run.code).toBe(0);
  const report = await readJson(join(root, 'out/seeded'));
  expect(report.seed).toBe(7);
  expect(report.results.map((r) => [r.seed, r.numRuns])).toEqual([
    [7, 3],
    [7, 3],
  ]);
});
