import { afterAll, beforeAll, expect, test } from 'vitest';
import { cleanup, FAILING_SPEC, PASSING_SPEC, runCli, tempProject } from './harness.js';

let root = '';
beforeAll(async () => {
  root = await tempProject({ 'pass.spec.ts': PASSING_SPEC, 'fail.spec.ts': FAILING_SPEC });
});
afterAll(() => cleanup(root));

const ESC = '\x1b[';
const args = ['check', 'pass.spec.ts', 'fail.spec.ts', '--out', 'out', '--runs', '20'];

test('on a TTY the progress is one line rewritten in place, and the summary is coloured', async () => {
  const run = await runCli(args, root, { isTTY: true, columns: 60 });
  expect(run.code).toBe(1);
  expect(run.stdout).toContain('\r\x1b[2K[1/3] ✓ 0 ✗ 0  running abs is the identity');
  expect(run.stdout).toContain('\r\x1b[2K[3/3] ✓ 1 ✗ 1  running squares are non-negative');
  // the failure stays on its own line above the progress line
  expect(run.stdout).toMatch(
    new RegExp(`\\[1/3\\] ${ESC.replace('[', '\\[')}31m✗.+ abs is the identity \\(mismatch, \\d+ ms\\)\\n`),
  );
  expect(run.stdout).toContain(`${ESC}32mPASS${ESC}39m`);
  expect(run.stdout).toContain(`${ESC}31mFAIL${ESC}39m`);
  expect(run.stdout).not.toContain('[2/3] ✓ addition commutes (');
});

test('a long spec name is cut to the terminal width on the progress line', async () => {
  const run = await runCli(args, root, { isTTY: true, columns: 30 });
  const lines = run.stdout.split('\r\x1b[2K').filter((l) => l.startsWith('[2/3] ✓ 0 ✗ 1'));
  expect(lines).toEqual(['[2/3] ✓ 0 ✗ 1  running addit…']);
});

test('NO_COLOR keeps the TTY progress but drops the colours', async () => {
  const run = await runCli(args, root, { isTTY: true, env: { NO_COLOR: '1' } });
  expect(run.stdout).toContain('\r\x1b[2K');
  expect(run.stdout).not.toMatch(new RegExp(`${ESC.replace('[', '\\[')}\\d+m`));
});

test('off a TTY every finished property gets one plain line and nothing is coloured', async () => {
  const run = await runCli(args, root);
  expect(run.stdout).not.toContain('\x1b');
  expect(run.stdout).not.toContain('\r');
  const progress = run.stdout.split('\n').filter((l) => /^\[\d\/3\]/.test(l));
  expect(progress.map((l) => l.replace(/\d+ ms/, 'T'))).toEqual([
    '[1/3] ✗ abs is the identity (mismatch, T)',
    '[2/3] ✓ addition commutes (20 runs, T)',
    '[3/3] ✓ squares are non-negative (20 runs, T)',
  ]);
});

test('--quiet prints only the failures, the totals line and the reports folder', async () => {
  const run = await runCli([...args, '--quiet'], root);
  expect(run.code).toBe(1);
  const blocks = run.stdout.trimEnd().split('\n\n');
  expect(blocks).toHaveLength(3);
  expect(blocks[0]).toMatch(/^✗ abs is the identity — mismatch/);
  expect(blocks[1]).toMatch(/^3 checks: 2 passed, 1 failed, 0 errors \(\d+ ms\)$/);
  expect(blocks[2]).toBe('reports: out');
});
