import { expect, test } from 'vitest';
import { isGradcheckError } from '../../../src/errors.js';
import { crossEntropySymbolic } from '../../../src/oracles/symbolic/builtins/crossEntropySymbolic.js';
import { crossEntropyWithTargetsSymbolic } from '../../../src/oracles/symbolic/builtins/crossEntropyWithTargetsSymbolic.js';
import { logSoftmaxSymbolic } from '../../../src/oracles/symbolic/builtins/logSoftmaxSymbolic.js';
import { reluSymbolic } from '../../../src/oracles/symbolic/builtins/reluSymbolic.js';
import { sigmoidSymbolic } from '../../../src/oracles/symbolic/builtins/sigmoidSymbolic.js';
import { softmaxSymbolic } from '../../../src/oracles/symbolic/builtins/softmaxSymbolic.js';
import { tanhSymbolic } from '../../../src/oracles/symbolic/builtins/tanhSymbolic.js';
import {
  crossEntropyGradDec,
  D,
  type Dec,
  encloses,
  logits,
  logSoftmaxJacobianDec,
  rng,
  sigmoidGradDec,
  softmaxJacobianDec,
  tanhGradDec,
} from './reference.js';

function expectEnclosed(values: Float64Array, error: Float64Array, exact: readonly Dec[], what: string) {
  expect(values.length).toBe(exact.length);
  for (const [k, e] of exact.entries())
    expect(encloses(values[k]!, error[k]!, e), `${what} entry ${k}`).toBe(true);
}

test('softmax blocks are diag(s) − s sᵀ for widths 1 to 12', () => {
  const next = rng(1);
  for (let n = 1; n <= 12; n++) {
    const x = logits(next, n, 3);
    const b = softmaxSymbolic(n).blocks(x);
    expect([b.count, b.rows, b.cols]).toEqual([1, n, n]);
    expectEnclosed(b.values, b.error, softmaxJacobianDec(x), `softmax n=${n}`);
  }
});

test('a batch of softmax rows gives a block-diagonal Jacobian with exact zeros off the blocks', () => {
  const x = [0.5, -1, 2, 3, 3, 3];
  const oracle = softmaxSymbolic(3);
  const J = oracle.jacobian(x);
  expect([J.rows, J.cols]).toEqual([6, 6]);
  const blocks = [softmaxJacobianDec(x.slice(0, 3)), softmaxJacobianDec(x.slice(3))];
  for (let i = 0; i < 6; i++)
    for (let j = 0; j < 6; j++) {
      const k = i * 6 + j;
      const r = Math.floor(i / 3);
      if (r !== Math.floor(j / 3)) {
        expect([J.values[k], J.error[k]]).toEqual([0, 0]);
      } else {
        expect(encloses(J.values[k]!, J.error[k]!, blocks[r]![(i % 3) * 3 + (j % 3)]!)).toBe(true);
      }
    }
  const b = oracle.blocks(x);
  expect(b.count).toBe(2);
  expect(b.values[4]).toBe(J.values[1 * 6 + 1]);
  expect(b.values[9 + 8]).toBe(J.values[5 * 6 + 5]);
});

test('log-softmax blocks are I − 1 sᵀ, not symmetric', () => {
  const next = rng(2);
  for (const n of [2, 5, 12]) {
    const x = logits(next, 2 * n, 3);
    const b = logSoftmaxSymbolic(n).blocks(x);
    const exact = [...logSoftmaxJacobianDec(x.slice(0, n)), ...logSoftmaxJacobianDec(x.slice(n))];
    expectEnclosed(b.values, b.error, exact, `logSoftmax n=${n}`);
  }
  const b = logSoftmaxSymbolic(3).blocks([0, 1, 2]);
  expect(b.values[1]).not.toBe(b.values[3]);
});

test('cross-entropy with labels has the gradient (s − onehot)/rows, one row of rows·cols', () => {
  const x = [1, -2, 0.5, 4, 4, -4];
  const J = crossEntropySymbolic([2, 0], 3).jacobian(x);
  expect([J.rows, J.cols]).toEqual([1, 6]);
  const exact = [
    ...crossEntropyGradDec(x.slice(0, 3), [0, 0, 1]),
    ...crossEntropyGradDec(x.slice(3), [1, 0, 0]),
  ];
  expectEnclosed(
    J.values,
    J.error,
    exact.map((e) => e.div(2)),
    'cross-entropy',
  );
});

test('cross-entropy with probability targets has the gradient ((Σy)s − y)/rows, normalised or not', () => {
  const x = [0.3, -0.1, 2, 1, 1, 1];
  const y = [0.2, 0.3, 0.5, 0.6, 0.6, 0.1];
  const J = crossEntropyWithTargetsSymbolic(y, 3).jacobian(x);
  const exact = [
    ...crossEntropyGradDec(x.slice(0, 3), y.slice(0, 3)),
    ...crossEntropyGradDec(x.slice(3), y.slice(3)),
  ];
  expectEnclosed(
    J.values,
    J.error,
    exact.map((e) => e.div(2)),
    'cross-entropy targets',
  );
});

test('sigmoid and tanh derivatives are σ(1 − σ) and 1 − tanh² on the diagonal, at any finite x', () => {
  const x = [-1000, -40, -1.5, -1e-8, 0, 0.25, 3, 20, 800];
  const s = sigmoidSymbolic().blocks(x);
  expectEnclosed(s.values, s.error, x.map(sigmoidGradDec), 'sigmoid');
  const t = tanhSymbolic().blocks(x);
  expectEnclosed(t.values, t.error, x.map(tanhGradDec), 'tanh');
  const J = sigmoidSymbolic().jacobian([1, 2]);
  expect([J.rows, J.cols, J.values[1], J.values[2]]).toEqual([2, 2, 0, 0]);
});

test("ReLU derivative is exactly 0 or 1 off the kink, the kernels' 0 at it, or the subdifferential [0, 1] on request", () => {
  const b = reluSymbolic().blocks([-3, -1e-300, 0, 1e-300, 2]);
  expect([...b.values]).toEqual([0, 0, 0, 1, 1]);
  expect(b.error[2]).toBe(0);
  expect(Math.max(...b.error)).toBeLessThan(1e-15);
  const sub = reluSymbolic({ atZero: 'subgradient' }).blocks([0, -0, 1]);
  expect([...sub.values.subarray(0, 2), ...sub.error.subarray(0, 2)]).toEqual([0.5, 0.5, 0.5, 0.5]);
  expect(reluSymbolic({ atZero: 1 }).blocks([0]).values[0]).toBe(1);
  const p = reluSymbolic({ atZero: 'subgradient' }).precise().jacobian([-1, 0, 2]);
  expect([p.values[0], p.values[4], p.error[4], p.values[8]]).toEqual([0, 0.5, 0.5, 1]);
});

test('the high-precision twins agree with the closed forms, at the unshifted logits', () => {
  const x = [700, -700, 0.5];
  const P = softmaxSymbolic(3).precise(40);
  const exact = softmaxJacobianDec(x);
  P.decimals(x).forEach((s, k) => {
    const e = exact[k]!;
    const rel = new D(s).minus(e).abs().div(e.abs().plus('1e-1000'));
    expect(rel.lt('1e-38'), `entry ${k}`).toBe(true);
  });
  const ce = crossEntropySymbolic([1], 3).precise().jacobian(x);
  const ref = crossEntropyGradDec(x, [0, 1, 0]);
  for (const [k, e] of ref.entries()) expect(ce.values[k]).toBe(e.toNumber());
});

test('derivative shows the mathjs formula of one row', () => {
  expect(softmaxSymbolic(2).derivative(0, 1)).toContain('exp(x0)');
  expect(reluSymbolic().derivative(0, 0)).toContain('abs(x0)');
});

function codeOf(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    if (isGradcheckError(e)) return `${e.code} ${e.message}`;
    throw e;
  }
  return undefined;
}

test('bad widths, shapes, labels, targets and options are refused with typed errors', () => {
  expect(codeOf(() => softmaxSymbolic(0))).toBe(
    'GC_OUT_OF_RANGE softmaxSymbolic: cols must be a positive integer (given 0)',
  );
  expect(codeOf(() => logSoftmaxSymbolic(2.5))).toMatch(
    /^GC_OUT_OF_RANGE logSoftmaxSymbolic: cols must be a positive integer/,
  );
  expect(codeOf(() => softmaxSymbolic(129))).toMatch(
    /cols must be at most 128: symbolic Jacobians take O\(cols³\)/,
  );
  expect(codeOf(() => softmaxSymbolic(3).jacobian([1, 2, 3, 4]))).toBe(
    'GC_SHAPE_MISMATCH softmaxSymbolic.jacobian: x.length must be a multiple of cols=3 (x.length=4)',
  );
  expect(codeOf(() => softmaxSymbolic(3).blocks([1, Number.NaN, 3]))).toMatch(
    /^GC_NON_FINITE_INPUT softmaxSymbolic.blocks/,
  );
  expect(codeOf(() => crossEntropySymbolic([0, 3], 3))).toBe(
    'GC_OUT_OF_RANGE crossEntropySymbolic: labels[1] must be an integer in [0, 3) (given 3)',
  );
  expect(codeOf(() => crossEntropySymbolic([0.5], 3))).toMatch(/labels\[0\] must be an integer/);
  expect(codeOf(() => crossEntropySymbolic([], 3))).toMatch(/^GC_EMPTY_INPUT/);
  expect(codeOf(() => crossEntropySymbolic([0, 1], 3).jacobian([1, 2, 3]))).toBe(
    'GC_SHAPE_MISMATCH crossEntropySymbolic.jacobian: x.length must be rows·cols = 2·3 (x.length=3)',
  );
  expect(codeOf(() => crossEntropyWithTargetsSymbolic([0.5, 0.5, 1], 2))).toMatch(
    /^GC_SHAPE_MISMATCH .*targets.length must be a multiple of cols/,
  );
  expect(codeOf(() => reluSymbolic({ atZero: Number.NaN }))).toMatch(
    /^GC_INVALID_OPTION reluSymbolic: options.atZero/,
  );
  expect(codeOf(() => sigmoidSymbolic().jacobian(new Float64Array(5000)))).toMatch(
    /^GC_TOO_LARGE .*use blocks\(x\)/,
  );
  expect(sigmoidSymbolic().blocks(new Float64Array(5000)).values.length).toBe(5000);
});
