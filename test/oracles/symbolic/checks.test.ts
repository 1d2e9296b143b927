// End to end: the symbolic oracles plugged into the checkers as `options.oracle`.
import {
  blockDiagonal,
  checkGradient,
  checkJacobian,
  crossEntropy,
  crossEntropyGrad,
  crossEntropySymbolic,
  logSoftmax,
  logSoftmaxJacobian,
  logSoftmaxSymbolic,
  relu,
  reluGrad,
  reluSymbolic,
  softmax,
  softmaxJacobian,
  softmaxSymbolic,
  symbolicOracle,
} from 'gradcheck';
import { expect, test } from 'vitest';
import { logits, rng } from './reference.js';

test('a correct softmax Jacobian passes against the symbolic oracle; 1e-8 off in one entry fails, there (n 2–12, logits ±3)', () => {
  const next = rng(8);
  for (let n = 2; n <= 12; n++) {
    const x = Float64Array.from(logits(next, n, 3));
    const oracle = softmaxSymbolic(n);
    const good = checkJacobian(
      (z) => softmax(z, n),
      (z) => softmaxJacobian(z, n),
      x,
      { oracle },
    );
    expect(good.verdict, `n=${n}: ${good.message}`).toBe('pass');
    expect(good.oracle).toBe('symbolic');
    const k = Math.floor(next() * n * n);
    const wrong = (z: Float64Array) => {
      const J = softmaxJacobian(z, n);
      J[k] = J[k]! * (1 + 1e-8);
      return J;
    };
    const bad = checkJacobian((z) => softmax(z, n), wrong, x, { oracle });
    expect(bad.verdict, `n=${n}`).toBe('mismatch');
    if (bad.verdict === 'mismatch') expect(bad.located).toEqual([[Math.floor(k / n), k % n]]);
  }
});

test('batched rows at ±1000 logits: block-diagonal Jacobians pass, a transposed log-softmax block fails', () => {
  const next = rng(9);
  const n = 6;
  const x = Float64Array.from(logits(next, 3 * n, 1000));
  const sm = checkJacobian(
    (z) => softmax(z, n),
    (z) => blockDiagonal(softmaxJacobian(z, n), n),
    x,
    { oracle: softmaxSymbolic(n) },
  );
  expect(sm.verdict, sm.message).toBe('pass');
  const ls = checkJacobian(
    (z) => logSoftmax(z, n),
    (z) => blockDiagonal(logSoftmaxJacobian(z, n), n),
    x,
    { oracle: logSoftmaxSymbolic(n) },
  );
  expect(ls.verdict, ls.message).toBe('pass');
  const transposed = (z: Float64Array) => {
    const b = logSoftmaxJacobian(z, n);
    const t = new Float64Array(b.length);
    for (let r = 0; r < 3; r++)
      for (let i = 0; i < n; i++)
        for (let j = 0; j < n; j++) t[r * n * n + j * n + i] = b[r * n * n + i * n + j]!;
    return blockDiagonal(t, n);
  };
  const moderate = Float64Array.from(logits(next, 3 * n, 3));
  const bad = checkJacobian((z) => logSoftmax(z, n), transposed, moderate, { oracle: logSoftmaxSymbolic(n) });
  expect(bad.verdict).toBe('mismatch');
});

test('the cross-entropy gradient passes against its symbolic oracle; one missing the 1/rows fails', () => {
  const next = rng(10);
  const n = 5;
  const labels = [4, 0, 2];
  const x = Float64Array.from(logits(next, 3 * n, 20));
  const oracle = crossEntropySymbolic(labels, n);
  const loss = (z: Float64Array) => crossEntropy(z, labels, n);
  expect(checkGradient(loss, (z) => crossEntropyGrad(z, labels, n), x, { oracle }).verdict).toBe('pass');
  const unscaled = (z: Float64Array) => crossEntropyGrad(z, labels, n).map((g) => g * 3);
  expect(checkGradient(loss, unscaled, x, { oracle }).verdict).toBe('mismatch');
});

test('ReLU at its kink: relu′(0) = 0 passes, another convention fails unless the subdifferential is asked for', () => {
  const x = Float64Array.from([-2, 0, 0.5, 0, 3]);
  const J = (z: Float64Array) => blockDiagonal(reluGrad(z), 1);
  const ones = (z: Float64Array) =>
    blockDiagonal(
      reluGrad(z).map((g, k) => (z[k] === 0 ? 1 : g)),
      1,
    );
  expect(checkJacobian((z) => relu(z), J, x, { oracle: reluSymbolic() }).verdict).toBe('pass');
  const other = checkJacobian((z) => relu(z), ones, x, { oracle: reluSymbolic() });
  expect(other.verdict).toBe('mismatch');
  if (other.verdict === 'mismatch')
    expect(other.located).toEqual([
      [1, 1],
      [3, 3],
    ]);
  const subgradient = reluSymbolic({ atZero: 'subgradient' });
  expect(checkJacobian((z) => relu(z), ones, x, { oracle: subgradient }).verdict).toBe('pass');
  const negative = (z: Float64Array) =>
    blockDiagonal(
      reluGrad(z).map((g, k) => (z[k] === 0 ? -2 : g)),
      1,
    );
  expect(checkJacobian((z) => relu(z), negative, x, { oracle: subgradient }).verdict).toBe('mismatch');
});

test("a user's own kernel checked against a formula", () => {
  // f(a, b) = [a·b, exp(a) − b²]
  const oracle = symbolicOracle({ expressions: ['a * b', 'exp(a) - b^2'], variables: ['a', 'b'] });
  const f = (x: Float64Array) => Float64Array.of(x[0]! * x[1]!, Math.exp(x[0]!) - x[1]! ** 2);
  const right = (x: Float64Array) => [
    [x[1]!, x[0]!],
    [Math.exp(x[0]!), -2 * x[1]!],
  ];
  const wrong = (x: Float64Array) => [
    [x[1]!, x[0]!],
    [Math.exp(x[0]!), -x[1]!],
  ];
  expect(checkJacobian(f, right, [0.3, -1.7], { oracle }).verdict).toBe('pass');
  const bad = checkJacobian(f, wrong, [0.3, -1.7], { oracle });
  expect(bad.verdict).toBe('mismatch');
  if (bad.verdict === 'mismatch') expect(bad.located).toEqual([[1, 1]]);
});
