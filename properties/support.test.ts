/**
 * The gate's own helpers: derived bounds scale as stated, a NaN never passes an invariant (whatever
 * its bound), the special-row planter plants what it says, and findTrigger's seed and path replay the
 * input it found in the target spec.
 */
import fc from 'fast-check';
import { checkInvariant, defineProperty, runProperty, ulp } from 'gradcheck';
import { expect, test } from 'vitest';
import { findTrigger } from './regressions.js';
import { absSum, plainSum, SAFETY, sumBound, U64 } from './support/bounds.js';
import { withSpecialRows } from './support/specialRows.js';

test('sumBound is SAFETY × (ulps per value + float64 summation)', () => {
  const values = [0.5, 0.25, 0.25];
  const expected = SAFETY * (4 * (ulp(0.5) + 2 * ulp(0.25)) + 2 * U64 * absSum(values));
  expect(sumBound(values, 'float64', 4)).toBe(expected);
  expect(sumBound(values, 'float32', 4)).toBeGreaterThan(sumBound(values, 'float64', 4) * 1e8);
  expect(plainSum(values)).toBe(1);
});

test('a NaN never passes an invariant, whatever its bound', () => {
  expect(checkInvariant([Number.NaN], 0, Number.POSITIVE_INFINITY).ok).toBe(false);
  expect(checkInvariant([Number.NaN], [Number.NaN], 1).verdict).toBe('non-finite');
  expect(checkInvariant([0], [Number.NaN], 1).ok).toBe(false);
  expect(() => checkInvariant([0], 0, Number.NaN)).toThrow(/allowed must be ≥ 0/);
});

test('withSpecialRows plants NaN, +Infinity and fully masked rows', () => {
  const plain = fc.constant({ x: Float64Array.of(1, 2, 3, 4), rows: 2, cols: 2, regimes: [] });
  const seen = new Set<string>();
  for (const b of fc.sample(withSpecialRows(plain), { numRuns: 200, seed: 7 })) {
    for (let r = 0; r < b.rows; r++) {
      const row = Array.from(b.x.subarray(r * 2, r * 2 + 2));
      if (row.some(Number.isNaN)) seen.add('nan');
      else if (row.every((v) => v === Number.NEGATIVE_INFINITY)) seen.add('masked');
      else if (row.includes(Number.POSITIVE_INFINITY)) seen.add('infinite');
    }
  }
  expect([...seen].sort()).toEqual(['infinite', 'masked', 'nan']);
});

test('findTrigger returns a seed and path that replay the triggering input in the target spec', async () => {
  const replayed: number[] = [];
  const spec = defineProperty({
    name: 'target',
    input: fc.integer({ min: 0, max: 1000 }),
    check: (k) => {
      replayed.push(k);
      return checkInvariant([0], 0, 0);
    },
  });
  const found = await findTrigger(spec, (k) => k >= 500, 3);
  expect(found.counterexample).toBeGreaterThanOrEqual(500);
  await runProperty(spec, { seed: found.seed, path: found.path });
  expect(replayed).toContain(found.counterexample);
});
