import { expect, test } from 'vitest';
import { EntryCollector, severity } from '../../src/checks/entries.js';

const base = { index: [0], label: 'x', oracleError: 0 };

test('NaN never passes and sorts as the worst entry', () => {
  const c = new EntryCollector(3);
  expect(c.add({ ...base, analytic: 1, oracle: 1, allowed: 1e-3 })).toBe(false);
  expect(c.add({ ...base, label: 'nan', analytic: Number.NaN, oracle: 1, allowed: 1e-3 })).toBe(true);
  expect(c.add({ ...base, label: 'big', analytic: 2, oracle: 1, allowed: 1e-3 })).toBe(true);
  expect(c.add({ ...base, label: 'nan bound', analytic: 1, oracle: 1, allowed: Number.NaN })).toBe(true);
  expect(c.compared).toBe(4);
  expect(c.failed).toHaveLength(3);
  const kept = c.entries();
  expect(kept).toHaveLength(3);
  expect(
    kept
      .map((e) => e.label)
      .slice(0, 2)
      .sort(),
  ).toEqual(['nan', 'nan bound']);
  expect(kept[2]!.label).toBe('big');
});

test('severity is |Δ|/allowed, 0 for exact agreement and ∞ against a zero bound', () => {
  expect(severity({ absDiff: 1, allowed: 4 })).toBe(0.25);
  expect(severity({ absDiff: 0, allowed: 0 })).toBe(0);
  expect(severity({ absDiff: 1e-300, allowed: 0 })).toBe(Number.POSITIVE_INFINITY);
});
