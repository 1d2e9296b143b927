import { expect, test } from 'vitest';
import { WORK_CAP } from '../../src/kernels/workspace.js';
import {
  crossEntropy,
  crossEntropyGrad,
  logSoftmax,
  mulberry32,
  softmax,
  softmaxJvp,
  softmaxVjp,
} from './support/api.js';

// Rows wider than the workspace (WORK_CAP entries) are processed in chunks. A wide row whose entries
// are −Infinity (masked) except for a few finite ones spread over every chunk must give, at those
// positions, exactly the bits of the narrow row of the finite entries alone (computed in one chunk):
// a mask contributes an exponential of exactly 0 to every sum, and the order of the rest is kept.
// (The denominator is summed in two chains, even and odd positions, so the finite entries alternate
// parities like the indices of the narrow row.)

const WIDE = 2 * WORK_CAP + 123;
const u = mulberry32(31);
const positions = [
  0,
  5,
  WORK_CAP - 2,
  WORK_CAP - 1,
  WORK_CAP,
  WORK_CAP + 1,
  2 * WORK_CAP - 2,
  2 * WORK_CAP + 7,
  WIDE - 1,
];
const finite = positions.map(() => (u() + u() * 2 ** -32 - 0.5) * 60);
const cotangent = positions.map(() => u() - 0.5);

function wide(values: number[], fill: number): Float64Array {
  const row = new Float64Array(WIDE).fill(fill);
  positions.forEach((p, i) => {
    row[p] = values[i]!;
  });
  return row;
}

function at(row: ArrayLike<number>): number[] {
  return positions.map((p) => row[p]!);
}

const bits = (a: ArrayLike<number>) => Array.from(a, (v) => (Object.is(v, -0) ? '-0' : String(v)));

test('softmax and logSoftmax of a masked wide row equal those of its finite entries alone', () => {
  const x = wide(finite, Number.NEGATIVE_INFINITY);
  const narrow = Float64Array.from(finite);
  expect(bits(at(softmax(x, WIDE)))).toEqual(bits(softmax(narrow, narrow.length)));
  expect(bits(at(logSoftmax(x, WIDE)))).toEqual(bits(logSoftmax(narrow, narrow.length)));
  const s = softmax(x, WIDE);
  expect(s.every((v, j) => positions.includes(j) || v === 0)).toBe(true);
  const l = logSoftmax(x, WIDE);
  expect(l.every((v, j) => positions.includes(j) || v === Number.NEGATIVE_INFINITY)).toBe(true);
});

test('a dominant entry in a wide row keeps its digits (the non-dominant mass is summed over chunks)', () => {
  const values = finite.map((_, i) => (i === 5 ? 0 : -700 - i));
  const x = wide(values, Number.NEGATIVE_INFINITY);
  const narrow = Float64Array.from(values);
  expect(bits(at(logSoftmax(x, WIDE)))).toEqual(bits(logSoftmax(narrow, narrow.length)));
  expect(logSoftmax(x, WIDE)[positions[5]!]!).toBeLessThan(0);
});

test('VJP, JVP and cross-entropy of a masked wide row equal those of its finite entries alone', () => {
  const x = wide(finite, Number.NEGATIVE_INFINITY);
  const v = wide(cotangent, 0.25);
  const narrow = Float64Array.from(finite);
  const nv = Float64Array.from(cotangent);
  expect(bits(at(softmaxVjp(x, v, WIDE)))).toEqual(bits(softmaxVjp(narrow, nv, narrow.length)));
  expect(bits(at(softmaxJvp(x, v, WIDE)))).toEqual(bits(softmaxJvp(narrow, nv, narrow.length)));
  for (const label of [0, 3, 7]) {
    expect(crossEntropy(x, [positions[label]!], WIDE)).toBe(crossEntropy(narrow, [label], narrow.length));
    const g = crossEntropyGrad(x, [positions[label]!], WIDE);
    expect(bits(at(g))).toEqual(bits(crossEntropyGrad(narrow, [label], narrow.length)));
  }
});

test('float32 wide rows match their narrow rows too, and stay probability vectors when all finite', () => {
  const x = Float32Array.from(wide(finite, Number.NEGATIVE_INFINITY));
  const narrow = Float32Array.from(finite);
  expect(bits(at(softmax(x, WIDE)))).toEqual(bits(softmax(narrow, narrow.length)));
  expect(bits(at(logSoftmax(x, WIDE)))).toEqual(bits(logSoftmax(narrow, narrow.length)));
  const dense = Float64Array.from({ length: WIDE }, () => (u() - 0.5) * 20);
  const s = softmax(dense, WIDE);
  expect(Math.abs(s.reduce((a, b) => a + b) - 1)).toBeLessThan(1e-13);
  expect(s.every((v) => v > 0 && v < 1)).toBe(true);
});
