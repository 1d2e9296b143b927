import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { builtinSpecs } from '../../properties/index.js';
import { parseReport } from '../../src/index.js';
import { runCli } from './harness.js';

let root = '';
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'gradcheck-gate-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

const names = async (dir: string) =>
  parseReport(await readFile(join(root, dir, 'report.json'), 'utf8')).results.map((r) => r.name);

test('the gate runs every built-in spec on the reference kernels and holds', async () => {
  const run = await runCli(['--runs', '10', '--out', 'all'], root);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(await names('all')).toEqual(builtinSpecs.map((s) => s.name));
  const report = parseReport(await readFile(join(root, 'all', 'report.json'), 'utf8'));
  expect(new Set(report.results.map((r) => r.source))).toEqual(new Set(['builtin']));
  expect(new Set(report.results.map((r) => r.dtype))).toEqual(new Set(['float64', 'float32']));
});

test('the gate splits into shards that together hold every spec once', async () => {
  for (const i of [1, 2, 3]) {
    expect(
      (await runCli(['--runs', '3', '--shard', `${i}/3`, '--out', `shard${i}`, '--quiet'], root)).code,
    ).toBe(0);
  }
  const all = [...(await names('shard1')), ...(await names('shard2')), ...(await names('shard3'))];
  expect(all.sort()).toEqual(builtinSpecs.map((s) => s.name).sort());
});

test('--grep and --mode select and reshape the gate', async () => {
  const run = await runCli(
    ['--grep', 'softmax vjp (float64)', '--mode', 'fast', '--runs', '5', '--out', 'one'],
    root,
  );
  expect(run.code).toBe(0);
  const report = parseReport(await readFile(join(root, 'one', 'report.json'), 'utf8'));
  const expected = builtinSpecs.map((s) => s.name).filter((name) => name.includes('softmax vjp (float64)'));
  expect(expected).toContain('softmax vjp (float64)');
  expect(report.results.map((r) => [r.name, r.mode])).toEqual(expected.map((name) => [name, 'fast']));
});

test('replay finds a failure of the gate among the built-in specs (source "builtin")', async () => {
  const text = await readFile(join(root, 'one', 'report.json'), 'utf8');
  const json = JSON.parse(text) as { results: Record<string, unknown>[]; summary: Record<string, number> };
  // Mark the first result as failed, as a report from a broken build of the kernels would.
  const target = json.results.find((r) => r.name === 'softmax vjp (float64)')!;
  Object.assign(target, { ok: false, status: 'failed', verdict: 'mismatch' });
  Object.assign(json.summary, { passed: json.summary.passed! - 1, failed: 1 });
  await writeFile(join(root, 'one', 'edited.json'), JSON.stringify(json));
  const run = await runCli(['replay', 'one/edited.json', '--out', 'replayed'], root);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  const replayed = parseReport(await readFile(join(root, 'replayed', 'report.json'), 'utf8')).results;
  expect(replayed.map((r) => [r.name, r.source, r.mode, r.ok])).toEqual([
    ['softmax vjp (float64)', 'builtin', 'fast', true],
  ]);
});
