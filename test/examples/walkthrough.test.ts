import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { parseReport } from '../../src/index.js';
import { runCli } from '../cli/harness.js';
import { REPO, runBin } from './packed.js';

// The README walk-through on the example specs of examples/specs/, run in-process from the repository.
let out = '';
beforeAll(async () => {
  out = await mkdtemp(join(tmpdir(), 'gradcheck-walkthrough-'));
});
afterAll(() => rm(out, { recursive: true, force: true }));

test('the example specs type-check', async () => {
  const tsc = await runBin('tsc', ['-p', 'examples/tsconfig.json'], REPO);
  // Errors elsewhere (someone's work in progress in src/) are the library's tests' business.
  const ours = tsc.stdout.split('\n').filter((line) => line.startsWith('examples/'));
  expect(ours).toEqual([]);
});

test('gradcheck check passes the correct kernel', async () => {
  const run = await runCli(['check', 'examples/specs/softmax.spec.ts', '--out', join(out, 'ok')], REPO);
  expect(run.code, run.stdout + run.stderr).toBe(0);
  expect(run.stdout).toMatch(/PASS\s+my softmax vjp\s+vjp\s+float64\s+full\s+100/);
  expect(run.stdout).toMatch(/PASS\s+my softmax vjp, wide rows, fast mode\s+vjp\s+float64\s+fast\s+20/);
});

test('gradcheck check fails the diagonal-only VJP with a shrunk counterexample and an HTML report', async () => {
  const run = await runCli(
    ['check', 'examples/specs/softmax-broken.spec.ts', '--out', join(out, 'broken')],
    REPO,
  );
  expect(run.code).toBe(1);
  expect(run.stdout).toMatch(/✗ my softmax vjp \(diagonal only\) — mismatch/);
  expect(run.stdout).toMatch(
    /replay: npx gradcheck check examples\/specs\/softmax-broken.spec.ts --seed -?\d+ --path [\d:]+ --grep 'my softmax vjp \(diagonal only\)'/,
  );
  const report = parseReport(await readFile(join(out, 'broken', 'report.json'), 'utf8'));
  const failure = report.results[0]!;
  // shrinking reaches the smallest case that shows the bug: one row of two logits
  expect(failure.counterexample).toMatchObject({ rows: 1, cols: 2 });
  expect(failure.check?.verdict).toBe('mismatch');
  const html = await readFile(join(out, 'broken', 'report.html'), 'utf8');
  expect(html).toContain('my softmax vjp (diagonal only)');
});
