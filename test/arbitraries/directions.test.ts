import fc from 'fast-check';
import { cotangents, isGradcheckError, tangents } from 'gradcheck';
import { expect, test } from 'vitest';
import { rowsOf, sample, shrunk } from './sample.js';

const sum = (row: number[]) => row.reduce((a, b) => a + b, 0);

test('each kind keeps its promise in every row', () => {
  const shape = { rows: 3, cols: 5 };
  const promise: Record<string, (row: number[]) => boolean> = {
    random: (row) => row.every((v) => Math.abs(v) <= 4 && Number.isInteger(v * 16)),
    'one-hot': (row) => row.filter((v) => v === 1).length === 1 && row.filter((v) => v === 0).length === 4,
    'sum-to-one': (row) => sum(row) === 1 && row.every((v) => v >= 0),
    'sum-to-zero': (row) => sum(row) === 0,
    rademacher: (row) => row.every((v) => v === 1 || v === -1),
  };
  for (const [kind, holds] of Object.entries(promise)) {
    for (const g of sample(cotangents(shape, { kinds: [kind as never] }), 100)) {
      expect(g.length).toBe(15);
      for (const row of rowsOf(g, 5)) expect(holds(row), `${kind}: ${row}`).toBe(true);
    }
  }
});

test('by default most cotangent rows do not sum to 1', () => {
  const rows = sample(cotangents({ rows: 4, cols: 6 }), 200).flatMap((g) => rowsOf(g, 6));
  const nonUnit = rows.filter((row) => Math.abs(sum(row) - 1) > 1e-12).length / rows.length;
  expect(nonUnit).toBeGreaterThan(0.5);
});

/** A log-softmax VJP that assumes Σg = 1 (returns g − s instead of g − s·Σg), and the right one. */
const buggyVjp = (s: number[], g: number[]) => g.map((gi, i) => gi - s[i]!);
const rightVjp = (s: number[], g: number[]) => g.map((gi, i) => gi - s[i]! * sum(g));

test('default cotangents expose a VJP that assumes the cotangent sums to 1', () => {
  const s = [0.25, 0.5, 0.25];
  const differs = (g: Float64Array) => {
    const a = buggyVjp(s, Array.from(g));
    const b = rightVjp(s, Array.from(g));
    return a.every((v, i) => Math.abs(v - b[i]!) < 1e-12);
  };
  const found = fc.check(fc.property(cotangents(3), differs), { seed: 1 });
  expect(found.failed).toBe(true);
  expect(sum(Array.from(found.counterexample![0]))).not.toBe(1);
  // One-hot and unit-sum cotangents alone can never show it: the reason for the other kinds.
  const blind = fc.check(fc.property(cotangents(3, { kinds: ['one-hot', 'sum-to-one'] }), differs), {
    seed: 1,
  });
  expect(blind.failed).toBe(false);
});

test('tangents take a plain length and a float32 dtype', () => {
  for (const t of sample(tangents(7, { dtype: 'float32' }), 50)) {
    expect(t).toBeInstanceOf(Float32Array);
    expect(t.length).toBe(7);
  }
});

test('a generated batch can be passed as the shape', () => {
  const batch = { x: new Float64Array(6), rows: 2, cols: 3, regimes: [] };
  for (const g of sample(cotangents(batch), 20)) expect(g.length).toBe(6);
});

test('directions shrink to small readable rows', () => {
  const g = shrunk(cotangents({ rows: 2, cols: 3 }, { kinds: ['random'] }), (g) => g.every((v) => v <= 2));
  expect(Array.from(g).sort((a, b) => b - a)).toEqual([2.0625, 0, 0, 0, 0, 0]);
});

test('bad shapes and constraints are refused with the call named', () => {
  const cases: [() => unknown, string, RegExp][] = [
    [
      () => cotangents(0),
      'GC_OUT_OF_RANGE',
      /^cotangents: shape\.cols must be a positive integer \(given 0\)/,
    ],
    [() => tangents({ rows: 1.5, cols: 2 }), 'GC_OUT_OF_RANGE', /^tangents: shape\.rows/],
    [
      () => tangents('3' as never),
      'GC_INVALID_ARGUMENT',
      /^tangents: shape must be a length or \{ rows, cols \}/,
    ],
    [() => cotangents(3, { kinds: ['gaussian' as never] }), 'GC_INVALID_OPTION', /constraints\.kinds/],
    [
      () => cotangents(3, { scale: 2 } as never),
      'GC_INVALID_OPTION',
      /constraints\.scale is not a known option/,
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
    expect((caught as Error).message).toMatch(message);
  }
});
