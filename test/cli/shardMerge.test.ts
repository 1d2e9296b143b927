import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseReport } from '../../src/index.js';
import { cleanup, FAILING_SPEC, PASSING_SPEC, runCli, tempProject } from './harness.js';

let root = '';
beforeAll(async () => {
  root = await tempProject({ 'pass.spec.ts': PASSING_SPEC, 'fail.spec.ts': FAILING_SPEC });
});
afterAll(() => cleanup(root));

const names = async (dir: string) =>
  parseReport(await readFile(join(root, dir, 'report.json'), 'utf8')).results.map((r) => r.name);

test('shards split the specs deterministically, each spec in exactly one shard, and merge back', async () => {
  const specs = ['check', 'pass.spec.ts', 'fail.spec.ts', '--runs', '10'];
  const codes: number[] = [];
  for (const i of [1, 2, 3])
    codes.push((await runCli([...specs, '--shard', `${i}/3`, '--out', `s${i}`], root)).code);
  const shards = [await names('s1'), await names('s2'), await names('s3')];
  // names sorted: 'abs is the identity', 'addition commutes', 'squares are non-negative', dealt round-robin
  expect(shards).toEqual([['abs is the identity'], ['addition commutes'], ['squares are non-negative']]);
  expect(codes).toEqual([1, 0, 0]);
  const again = await runCli([...specs, '--shard', '1/3', '--out', 's1-again'], root);
  expect(again.code).toBe(1);
  expect(await names('s1-again')).toEqual(shards[0]);

  const merged = await runCli(
    ['merge', 's3/report.json', 's1/report.json', 's2/report.json', '--out', 'merged'],
    root,
  );
  expect(merged.code).toBe(1);
  expect(merged.stdout).toMatch(/3 checks: 2 passed, 1 failed, 0 errors/);
  const report = parseReport(await readFile(join(root, 'merged', 'report.json'), 'utf8'));
  expect(report.summary).toMatchObject({ total: 3, passed: 2, failed: 1 });
  expect([...report.results.map((r) => r.name)].sort()).toEqual(shards.flat().sort());

  const passing = await runCli(
    ['merge', 's2/report.json', 's3/report.json', '--out', 'merged-ok', '--quiet'],
    root,
  );
  expect(passing.code).toBe(0);
});

test('a shard holding no spec writes an empty report and passes', async () => {
  const run = await runCli(['check', 'pass.spec.ts', '--shard', '3/3', '--out', 'empty'], root);
  expect(run.code).toBe(0);
  expect(run.stdout).toMatch(/^shard 3\/3 holds none of the 2 specs\n/);
  expect(await names('empty')).toEqual([]);
});
