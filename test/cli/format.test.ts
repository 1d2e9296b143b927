import { expect, test } from 'vitest';
import type { Entry } from '../../src/checks/result.js';
import { colorEnabled, palette, visibleLength } from '../../src/cli/color.js';
import { entriesTable } from '../../src/cli/entriesTable.js';
import { formatNumber } from '../../src/cli/formatNumber.js';
import { summaryTable } from '../../src/cli/summaryTable.js';
import { textTable } from '../../src/cli/textTable.js';
import type { PropertyResult } from '../../src/property/result.js';

test('colour needs a TTY and no NO_COLOR; FORCE_COLOR forces it', () => {
  expect(colorEnabled(true, {})).toBe(true);
  expect(colorEnabled(false, {})).toBe(false);
  expect(colorEnabled(true, { NO_COLOR: '1' })).toBe(false);
  expect(colorEnabled(true, { NO_COLOR: '' })).toBe(true);
  expect(colorEnabled(false, { FORCE_COLOR: '1' })).toBe(true);
  expect(colorEnabled(true, { FORCE_COLOR: '0', NO_COLOR: '1' })).toBe(false);
  expect(palette(true).red('x')).toBe('\x1b[31mx\x1b[39m');
  expect(palette(false).red('x')).toBe('x');
  expect(visibleLength(palette(true).bold(palette(true).green('abc')))).toBe(3);
});

test('numbers print with 6 significant digits, exponent form for tiny and huge values', () => {
  expect(formatNumber(0.1234567)).toBe('0.123457');
  expect(formatNumber(1234.5)).toBe('1234.5');
  expect(formatNumber(1.5e-12)).toBe('1.5e-12');
  expect(formatNumber(-2.000001e300)).toBe('-2e300');
  expect(formatNumber(0)).toBe('0');
  expect(formatNumber(-0)).toBe('-0');
  expect(formatNumber(Number.NaN)).toBe('NaN');
  expect(formatNumber(Number.NEGATIVE_INFINITY)).toBe('-Infinity');
});

test('tables pad columns to the widest cell, ignoring colour codes', () => {
  const red = palette(true).red;
  const table = textTable(
    ['a', 'n'],
    [
      [red('long cell'), '1'],
      ['x', '100'],
    ],
    ['left', 'right'],
  );
  expect(table.split('\n').map(visibleLength)).toEqual([14, 14, 14, 14]);
  expect(table.split('\n')[3]).toBe('x          100');
});

const entry = (label: string, analytic: number, oracle: number, allowed: number): Entry => ({
  index: [0],
  label,
  analytic,
  oracle,
  absDiff: Math.abs(analytic - oracle),
  allowed,
  margin: allowed - Math.abs(analytic - oracle),
  oracleError: allowed / 10,
});

test('the entries table shows the worst entries first and counts the rest', () => {
  const entries = [
    entry('J[1,0]', 0.25, 0.2, 1e-9),
    entry('J[0,0]', 0.5, 0.5, 1e-9),
    entry('J[0,1]', 1, 1, 1e-9),
  ];
  const text = entriesTable(entries, 2);
  const lines = text.split('\n');
  expect(lines[0]).toMatch(/^entry\s+analytic\s+oracle\s+\|Δ\|\s+allowed\s+margin$/);
  expect(lines[2]).toMatch(/^J\[1,0\]\s+0.25\s+0.2\s+0.05\s+1e-9\s+-0.05$/);
  expect(lines).toHaveLength(5);
  expect(lines[4]).toBe('(1 more entry not shown)');
  expect(entriesTable(entries)).not.toMatch(/not shown/);
});

const result = (name: string, status: PropertyResult['status'], numSkips: number): PropertyResult => ({
  name,
  ok: status === 'passed',
  status,
  verdict: status === 'passed' ? 'pass' : status === 'failed' ? 'mismatch' : 'error',
  kind: 'vjp',
  mode: 'full',
  dtype: 'float64',
  oracle: 'finite-difference',
  seed: 1,
  path: undefined,
  numRuns: 200,
  numSkips,
  numShrinks: status === 'failed' ? 7 : 0,
  counterexample: undefined,
  counterexampleText: undefined,
  check: undefined,
  error: undefined,
  durationMs: 1234,
});

test('the summary table has one line per property, skipped runs counted, and a totals line', () => {
  const text = summaryTable(
    [result('softmax vjp', 'passed', 3), result('broken vjp', 'failed', 0), result('throws', 'error', 0)],
    2500,
    palette(false),
  );
  expect(text.split('\n')).toEqual([
    'status  name         kind  dtype    mode  runs  skips  shrinks   time',
    '------  -----------  ----  -------  ----  ----  -----  -------  -----',
    'PASS    softmax vjp  vjp   float64  full   200      3        0  1.2 s',
    'FAIL    broken vjp   vjp   float64  full   200      0        7  1.2 s',
    'ERROR   throws       vjp   float64  full   200      0        0  1.2 s',
    '',
    '3 checks: 1 passed, 1 failed, 1 error (2.5 s)',
  ]);
});
