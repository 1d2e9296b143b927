import { checkInvariant, isGradcheckError } from 'gradcheck';
import { expect, test } from 'vitest';

test('values within their bound pass; one beyond fails and is named first', () => {
  const ok = checkInvariant([1, 1 + 2e-16, 1 - 1e-16], 1, 4e-16, { name: 'row sum' });
  expect(ok).toMatchObject({
    ok: true,
    verdict: 'pass',
    kind: 'invariant',
    oracle: 'exact',
    compared: 3,
    dtype: 'float64',
  });
  expect(ok.entries[0]?.label).toBe('row sum[1]');
  const bad = checkInvariant([1, 1.5, 1 + 1e-3], 1, 1e-2, { name: 'row sum' });
  expect(bad.verdict).toBe('mismatch');
  if (bad.verdict !== 'mismatch') return;
  expect(bad.located).toEqual([[1]]);
  expect(bad.entries.map((e) => e.label)).toEqual(['row sum[1]', 'row sum[2]', 'row sum[0]']);
  expect(bad.entries[0]).toMatchObject({
    analytic: 1.5,
    oracle: 1,
    absDiff: 0.5,
    allowed: 1e-2,
    oracleError: 0,
  });
  expect(bad.entries[0]?.margin).toBeCloseTo(-0.49, 12);
  expect(bad.message).toBe(
    "invariant 'row sum' fails on 1 of 3 values; worst row sum[1]: actual 1.5, expected 1, |Δ| = 0.5, allowed 0.01.",
  );
});

test('NaN never passes, not even with an infinite bound', () => {
  const r = checkInvariant([0.5, Number.NaN], [0.5, 0.5], Number.POSITIVE_INFINITY);
  expect(r).toMatchObject({ ok: false, verdict: 'non-finite', source: 'function', index: [1] });
  expect(Number.isNaN((r as { value: number }).value)).toBe(true);
  const oracle = checkInvariant([1], [Number.NaN], 1);
  expect(oracle).toMatchObject({ verdict: 'non-finite', source: 'oracle' });
});

test('equal infinities match (masks), other infinities are non-finite', () => {
  const ninf = Number.NEGATIVE_INFINITY;
  expect(checkInvariant([ninf, 0], [ninf, 0], 0).ok).toBe(true);
  expect(checkInvariant([Number.POSITIVE_INFINITY], [1e308], 1e308)).toMatchObject({
    verdict: 'non-finite',
    source: 'function',
  });
  expect(checkInvariant([1], [ninf], 1).verdict).toBe('mismatch');
});

test('bounds may be per entry or computed from the expected value', () => {
  expect(checkInvariant([1, 10.5], [1, 10], [0, 1]).ok).toBe(true);
  expect(checkInvariant([1, 10.5], [1, 10], [1, 0]).ok).toBe(false);
  const rel = (e: number) => 1e-3 * Math.abs(e);
  expect(checkInvariant([1000.5, 1.0005], [1000, 1], rel).ok).toBe(true);
  expect(checkInvariant([1000.5, 1.5], [1000, 1], rel).ok).toBe(false);
});

test('a zero bound demands equality; entries keep only the worst maxEntries', () => {
  const r = checkInvariant([0, 0, 0, 1, 2], 0, 0, { maxEntries: 2 });
  expect(r.entries.map((e) => e.index[0])).toEqual([3, 4]);
  expect(r.compared).toBe(5);
});

test('with cols, entries are [row, col] and a failure carries the matrix for the heatmap', () => {
  const r = checkInvariant(Float32Array.of(1, 0, 0, 2), Float32Array.of(1, 0, 0, 1), 1e-6, {
    cols: 2,
    name: 'J',
  });
  expect(r).toMatchObject({ verdict: 'mismatch', dtype: 'float32' });
  if (r.verdict !== 'mismatch') return;
  expect(r.entries[0]?.label).toBe('J[1,1]');
  expect(r.located).toEqual([[1, 1]]);
  expect(r.matrix).toEqual({
    rows: 2,
    cols: 2,
    analytic: [1, 0, 0, 2],
    oracle: [1, 0, 0, 1],
    allowed: [1e-6, 1e-6, 1e-6, 1e-6],
  });
});

test('bad arguments are GradcheckErrors naming checkInvariant', () => {
  const cases: [() => unknown, string, RegExp][] = [
    [
      () => checkInvariant([1, 2], [1], 0),
      'GC_SHAPE_MISMATCH',
      /expected must have one value per actual value \(actual\.length=2, expected\.length=1\)/,
    ],
    [() => checkInvariant([], 1, 0), 'GC_EMPTY_INPUT', /actual must hold at least one value/],
    [
      () => checkInvariant([1], 1, -1),
      'GC_INVALID_ARGUMENT',
      /allowed must be ≥ 0 for every entry \(entry 0: -1\)/,
    ],
    [() => checkInvariant([1], 1, Number.NaN), 'GC_INVALID_ARGUMENT', /allowed must be ≥ 0/],
    [
      () => checkInvariant([1, 2, 3], 1, 0, { cols: 2 }),
      'GC_SHAPE_MISMATCH',
      /options\.cols must divide actual\.length/,
    ],
    [
      () => checkInvariant('1' as never, 1, 0),
      'GC_INVALID_ARGUMENT',
      /actual must be a number, number\[\], Float64Array or Float32Array/,
    ],
  ];
  for (const [call, code, message] of cases) {
    let caught: unknown;
    try {
      call();
    } catch (e) {
      caught = e;
    }
    expect(isGradcheckError(caught, code as never), String(message)).toBe(true);
    expect((caught as Error).message).toMatch(/^checkInvariant: /);
    expect((caught as Error).message).toMatch(message);
  }
});
