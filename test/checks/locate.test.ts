import { expect, test } from 'vitest';
import { type Discrepancy, locate, significant } from '../../src/checks/locate.js';

/** Additive synthetic tests: the discrepancy of [lo, hi) is the sum of the defects inside it. */
function oracle(defects: Map<number, number>, bound = 1e-3) {
  let tests = 0;
  const measure = (lo: number, hi: number): Discrepancy => {
    tests++;
    let d = 0;
    for (const [k, v] of defects) if (k >= lo && k < hi) d += v;
    return { diff: Float64Array.of(d), bound: Float64Array.of(bound), reliable: true };
  };
  return { measure, count: () => tests };
}

test('one wrong coordinate among 101,770 is found in at most ⌈log₂ n⌉ = 17 tests', () => {
  const n = 101_770;
  const o = oracle(new Map([[54_321, 1]]));
  const total = o.measure(0, n);
  const found = locate(total, n, o.measure, { maxTests: 100, maxFound: 8 });
  expect(found.indices).toEqual([54_321]);
  expect(found.tests).toBeLessThanOrEqual(17);
  expect(found.tests).toBeGreaterThanOrEqual(16);
  expect(found.incomplete).toBe(false);
});

test('several defects are all found, including ones that cancel in the total', () => {
  const n = 1000;
  const o = oracle(
    new Map([
      [3, 1],
      [500, -1],
      [999, 0.5],
    ]),
  );
  const found = locate(
    { diff: Float64Array.of(0.5), bound: Float64Array.of(1e-3), reliable: true },
    n,
    o.measure,
    {
      maxTests: 200,
      maxFound: 8,
    },
  );
  expect(found.indices).toEqual([3, 500, 999]);
});

test('the test budget is respected and an early stop is reported', () => {
  const n = 1 << 20;
  const o = oracle(new Map([[12345, 1]]));
  const found = locate(o.measure(0, n), n, o.measure, { maxTests: 5, maxFound: 8 });
  expect(found.tests).toBeLessThanOrEqual(5);
  expect(found.incomplete).toBe(true);
  expect(found.indices).toEqual([]);
});

test('NaN discrepancies count as significant', () => {
  expect(significant({ diff: Float64Array.of(Number.NaN), bound: Float64Array.of(1), reliable: true })).toBe(
    true,
  );
  expect(significant({ diff: Float64Array.of(0.5), bound: Float64Array.of(1), reliable: true })).toBe(false);
});
