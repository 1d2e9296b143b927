import { execFileSync } from 'node:child_process';
import fc from 'fast-check';
import { expect, test } from 'vitest';
import { replayCommand, shellQuote } from './api.js';
import { hostileText } from './arbitrary.js';
import { EVIL_NAME } from './fixtures.js';

const entry = { name: 'softmax vjp (float32)', seed: 42, path: '3:1:0', source: 'specs/softmax.spec.ts' };

test('a spec-file result replays with check, its seed, its path and its exact name', () => {
  expect(replayCommand(entry)).toBe(
    "npx gradcheck check specs/softmax.spec.ts --seed 42 --path 3:1:0 --grep 'softmax vjp (float32)'",
  );
});

test('a built-in result replays through the gate; without a path, --path is left out', () => {
  expect(replayCommand({ ...entry, source: 'builtin' })).toBe(
    "npx gradcheck --seed 42 --path 3:1:0 --grep 'softmax vjp (float32)'",
  );
  expect(replayCommand({ ...entry, source: undefined, path: undefined, seed: -7 })).toBe(
    "npx gradcheck --seed -7 --grep 'softmax vjp (float32)'",
  );
});

test('with a report path the command replays from the report, and the executable can be changed', () => {
  expect(replayCommand(entry, { reportPath: 'reports/2025-01-31/report.json' })).toBe(
    "npx gradcheck replay reports/2025-01-31/report.json --grep 'softmax vjp (float32)'",
  );
  expect(replayCommand(entry, { command: 'node bin/gradcheck.js' })).toMatch(
    /^node bin\/gradcheck.js check /,
  );
});

test('shellQuote leaves plain words alone and quotes the rest', () => {
  expect(shellQuote('specs/a-b_c.spec.ts')).toBe('specs/a-b_c.spec.ts');
  expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  expect(shellQuote('')).toBe("''");
});

test('a POSIX shell reads every quoted argument back exactly', () => {
  const words = [EVIL_NAME, '$(touch /tmp/gradcheck-pwned)', '`id`', 'a\nb', '-- --grep', '!event', '*', '~'];
  const generated = fc.sample(
    hostileText.map((s) => s.replace(/\0/g, '')),
    { seed: 7, numRuns: 40 },
  );
  const args = [...words, ...generated].filter((w) => !/[\ud800-\udfff]/.test(w)); // argv is UTF-8: no lone surrogates
  const script = `printf '%s\\0' ${args.map(shellQuote).join(' ')}`;
  const out = execFileSync('/bin/sh', ['-c', script], { encoding: 'utf8' });
  expect(out.split('\0').slice(0, -1)).toEqual(args);
});
