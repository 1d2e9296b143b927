// The examples of the README's "Symbolic oracle" section, run through the public API as written there.
import {
  blockDiagonal,
  checkGradient,
  checkJacobian,
  crossEntropy,
  crossEntropyGrad,
  crossEntropySymbolic,
  isGradcheckError,
  reluSymbolic,
  softmax,
  softmaxJacobian,
  softmaxSymbolic,
  symbolicOracle,
} from 'gradcheck';
import { expect, test } from 'vitest';

test('README: your own formula as the oracle of your own kernel', () => {
  // f(a, b) = [a·b, exp(a) − b²] and its hand-written Jacobian
  const f = (x: Float64Array) => Float64Array.of(x[0]! * x[1]!, Math.exp(x[0]!) - x[1]! ** 2);
  const jacobian = (x: Float64Array) => [
    [x[1]!, x[0]!],
    [Math.exp(x[0]!), -2 * x[1]!],
  ];
  const oracle = symbolicOracle({ expressions: ['a * b', 'exp(a) - b^2'], variables: ['a', 'b'] });
  expect(checkJacobian(f, jacobian, [0.3, -1.7], { oracle }).ok).toBe(true);

  const { rows, cols, values, error } = oracle.jacobian([0.3, -1.7]);
  expect([rows, cols, values[3]]).toEqual([2, 2, 3.4]); // ∂(exp(a) − b²)/∂b = −2b
  expect(error[3]).toBeLessThan(1e-15);
  expect(oracle.derivative(1, 1)).toBe('0 - 2 * 1 * b ^ (2 - 1)');
});

test('README: built-in oracles for the reference kernels, at logits that overflow exp', () => {
  const x = new Float64Array([1000, -1000, 0.5, 2, 2, 2]); // two rows of three logits
  const sm = checkJacobian(
    (z) => softmax(z, 3),
    (z) => blockDiagonal(softmaxJacobian(z, 3), 3),
    x,
    { oracle: softmaxSymbolic(3) },
  );
  expect(sm.ok).toBe(true);
  const ce = checkGradient(
    (z) => crossEntropy(z, [0, 2], 3),
    (z) => crossEntropyGrad(z, [0, 2], 3),
    x,
    { oracle: crossEntropySymbolic([0, 2], 3) },
  );
  expect(ce.ok).toBe(true);
  expect([...reluSymbolic().blocks([-1, 0, 1]).values]).toEqual([0, 0, 1]); // relu′(0) = 0, as the kernels
});

test('README: golden values at 60 digits', () => {
  const golden = softmaxSymbolic(2)
    .precise(60)
    .decimals([0, Math.log(3)]);
  // s ≈ [1/4, 3/4]; Math.log(3) is rounded, so these are the digits at that double, not of −3/16
  expect(golden[0]!.length).toBeGreaterThan(60);
  expect(Number(golden[1])).toBeCloseTo(-3 / 16, 15);
});

test('README: mathjs cannot differentiate sum, so the oracle says how to write it', () => {
  try {
    symbolicOracle({ expressions: 'log(sum(exp(a), exp(b)))', variables: ['a', 'b'] });
    expect.unreachable();
  } catch (e) {
    expect(isGradcheckError(e, 'GC_INVALID_ARGUMENT')).toBe(true);
    expect((e as Error).message).toContain('write sums out with +');
  }
});
