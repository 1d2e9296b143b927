import { isGradcheckError, labels, probabilityTargets } from 'gradcheck';
import { expect, test } from 'vitest';
import { rowsOf, sample, shrunk } from './sample.js';

test('labels are one class in [0, cols) per row, every class reachable', () => {
  const seen = new Set<number>();
  for (const y of sample(labels({ rows: 3, cols: 5 }), 200)) {
    expect(y).toBeInstanceOf(Int32Array);
    expect(y.length).toBe(3);
    for (const c of y) {
      expect(c).toBeGreaterThanOrEqual(0);
      expect(c).toBeLessThan(5);
      seen.add(c);
    }
  }
  expect([...seen].sort()).toEqual([0, 1, 2, 3, 4]);
});

test('labels shrink toward class 0', () => {
  expect(Array.from(shrunk(labels({ rows: 4, cols: 9 }), (y) => y.every((c) => c < 3)))).toEqual([
    3, 0, 0, 0,
  ]);
});

test('probability targets are non-negative rows summing to 1', () => {
  for (const dtype of ['float64', 'float32'] as const) {
    for (const t of sample(probabilityTargets({ rows: 3, cols: 4 }, { dtype }), 200)) {
      for (const row of rowsOf(t, 4)) {
        expect(row.every((v) => v >= 0)).toBe(true);
        expect(Math.abs(row.reduce((a, b) => a + b, 0) - 1)).toBeLessThanOrEqual(
          dtype === 'float64' ? 4e-16 : 3e-7,
        );
      }
    }
  }
});

test('one-hot, smoothed and random targets each look as promised', () => {
  const rows = (kind: 'one-hot' | 'smoothed' | 'random') =>
    sample(probabilityTargets({ rows: 2, cols: 5 }, { kinds: [kind] }), 100).flatMap((t) => rowsOf(t, 5));
  expect(rows('one-hot').every((r) => r.filter((v) => v === 1).length === 1)).toBe(true);
  for (const r of rows('smoothed')) {
    const big = Math.max(...r);
    expect(big).toBeGreaterThanOrEqual(0.8);
    expect(big).toBeLessThan(1);
    expect(r.filter((v) => v === big)).toHaveLength(1);
    expect(Math.min(...r)).toBeGreaterThan(0);
  }
  for (const r of rows('random')) expect(r.every((v) => Number.isInteger(v * 64))).toBe(true);
});

test('targets refuse bad shapes and unknown kinds', () => {
  expect(() => labels({ rows: 0, cols: 3 })).toThrow(/^labels: shape\.rows must be a positive integer/);
  try {
    probabilityTargets(3, { kinds: ['hard' as never] });
  } catch (e) {
    expect(isGradcheckError(e, 'GC_INVALID_OPTION')).toBe(true);
  }
  expect(() => probabilityTargets(3, { kinds: ['hard' as never] })).toThrow(
    /^probabilityTargets: constraints\.kinds/,
  );
});
