/**
 * Derivatives on the special rows of the softmax family (fully masked, +Infinity shares, partly
 * masked): the VJP and JVP agree with the kernel's own Jacobian (gᵀJ and J t), and a fully masked
 * row, where s = 0, has the softmax Jacobian 0 and the log-softmax Jacobian I (J = I − 1 sᵀ).
 * Regression: logSoftmaxJacobian put 0 at J[0,0] of a fully masked row (complementing a largest
 * probability that is 0), and logSoftmaxJvp returned t − t₀ there.
 */
import { describe, expect, test } from 'vitest';
import {
  logSoftmaxJacobian,
  logSoftmaxJvp,
  logSoftmaxVjp,
  softmaxJacobian,
  softmaxJvp,
  softmaxVjp,
} from './support/api.js';

const I = Number.POSITIVE_INFINITY;
const rows: Record<string, number[]> = {
  'fully masked': [-I, -I, -I, -I],
  '+Infinity shares': [I, 0, -I, I],
  'partly masked': [0.5, -I, 2, -1],
  'one +Infinity': [3, I, -I, 0],
};
const g = Float64Array.of(1, -2, 0.5, 4);
const t = Float64Array.of(-3, 1, 2, 0.25);
const n = 4;

const jacobianT = (J: ArrayLike<number>, v: ArrayLike<number>) =>
  Array.from({ length: n }, (_, j) =>
    Array.from({ length: n }, (_, i) => J[i * n + j]! * v[i]!).reduce((a, b) => a + b),
  );
const jacobianTimes = (J: ArrayLike<number>, v: ArrayLike<number>) =>
  Array.from({ length: n }, (_, i) =>
    Array.from({ length: n }, (_, j) => J[i * n + j]! * v[j]!).reduce((a, b) => a + b),
  );

const kernels = [
  { name: 'softmax', jacobian: softmaxJacobian, vjp: softmaxVjp, jvp: softmaxJvp },
  { name: 'logSoftmax', jacobian: logSoftmaxJacobian, vjp: logSoftmaxVjp, jvp: logSoftmaxJvp },
];

describe.each(kernels)('$name on special rows', (k) => {
  test.each(Object.entries(rows))('%s: VJP = gᵀJ and JVP = J t', (_name, row) => {
    const x = Float64Array.from(row);
    const J = k.jacobian(x, n);
    expect(Array.from(J).every(Number.isFinite)).toBe(true);
    const vjp = Array.from(k.vjp(x, g, n));
    const jvp = Array.from(k.jvp(x, t, n));
    for (const [i, v] of jacobianT(J, g).entries()) expect(vjp[i]).toBeCloseTo(v, 14);
    for (const [i, v] of jacobianTimes(J, t).entries()) expect(jvp[i]).toBeCloseTo(v, 14);
  });
});

test('a fully masked row: the softmax Jacobian is 0, the log-softmax Jacobian is I', () => {
  const x = Float64Array.from(rows['fully masked']!);
  expect(Array.from(softmaxJacobian(x, n)).every((v) => v === 0)).toBe(true);
  const J = logSoftmaxJacobian(x, n);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < n; j++) expect(J[i * n + j] === (i === j ? 1 : 0)).toBe(true);
  expect(Array.from(logSoftmaxVjp(x, g, n))).toEqual(Array.from(g));
  expect(Array.from(logSoftmaxJvp(x, t, n))).toEqual(Array.from(t));
});
