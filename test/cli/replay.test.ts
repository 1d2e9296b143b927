import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseReport } from '../../src/index.js';
import {
  cleanup,
  FAILING_SPEC,
  FIXED_SPEC,
  PASSING_SPEC,
  runCli,
  tempProject,
  writeFiles,
} from './harness.js';

let root = '';
beforeAll(async () => {
  root = await tempProject({ 'specs/pass.spec.ts': PASSING_SPEC, 'specs/fail.spec.ts': FAILING_SPEC });
});
afterAll(() => cleanup(root));

/** Splits a command line whose quoted words hold no single quote (what replayCommand prints here). */
const shellWords = (line: string) => [...line.matchAll(/'([^']*)'|(\S+)/g)].map((m) => m[2] ?? m[1]!);

const report = async (dir: string) => parseReport(await readFile(join(root, dir, 'report.json'), 'utf8'));

test('replay re-runs exactly the failures from their seed and path, and passes once the code is fixed', async () => {
  expect((await runCli(['check', 'specs/*.spec.ts', '--out', 'first'], root)).code).toBe(1);
  const original = (await report('first')).results.find((r) => !r.ok)!;

  const replay = await runCli(['replay', 'first/report.json', '--out', 'replayed'], root);
  expect(replay.code).toBe(1);
  const replayed = await report('replayed');
  expect(replayed.results).toHaveLength(1);
  const again = replayed.results[0]!;
  expect([again.name, again.seed, again.path, again.counterexampleText]).toEqual([
    original.name,
    original.seed,
    original.path,
    original.counterexampleText,
  ]);
  expect(again.numRuns).toBe(1);
  expect(again.source).toBe('specs/fail.spec.ts');

  // the replay command printed for the failure reproduces it too
  const command = /replay: npx gradcheck (.+)\n/.exec(replay.stdout)![1]!;
  const rerun = await runCli([...shellWords(command), '--out', 'cmd'], root);
  expect(rerun.code).toBe(1);
  expect((await report('cmd')).results[0]!.counterexampleText).toBe(original.counterexampleText);

  await writeFiles(root, { 'specs/fail.spec.ts': FIXED_SPEC });
  const fixed = await runCli(['replay', 'first/report.json', '--out', 'fixed'], root);
  expect(fixed.code).toBe(0);
  expect(fixed.stdout).toMatch(/1 check: 1 passed|PASS\s+abs is the identity/);
  await writeFiles(root, { 'specs/fail.spec.ts': FAILING_SPEC });
});

test('replaying a report without failures does nothing and exits 0', async () => {
  expect((await runCli(['check', 'specs/pass.spec.ts', '--out', 'green'], root)).code).toBe(0);
  const run = await runCli(['replay', 'green/report.json'], root);
  expect(run).toEqual({ code: 0, stdout: 'nothing to replay: every check in it held\n', stderr: '' });
});

test('replay fails with 2 when the spec file no longer exports the failing spec', async () => {
  expect((await runCli(['check', 'specs/fail.spec.ts', '--out', 'gone'], root)).code).toBe(1);
  await writeFiles(root, {
    'specs/fail.spec.ts': FAILING_SPEC.replace("'abs is the identity'", "'renamed'"),
  });
  const run = await runCli(['replay', 'gone/report.json', '--out', 'gone-replay'], root);
  expect(run.code).toBe(2);
  expect(run.stderr).toMatch(
    /specs\/fail.spec.ts must still export the spec "abs is the identity" to replay it/,
  );
  await writeFiles(root, { 'specs/fail.spec.ts': FAILING_SPEC });
});
