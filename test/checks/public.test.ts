import * as gradcheck from 'gradcheck';
import { expect, test } from 'vitest';

test('the checkers, their assert twins, the error model and the finite-difference oracle are public', () => {
  for (const name of [
    'checkJacobian',
    'checkVjp',
    'checkJvp',
    'checkGradient',
    'checkBackprop',
    'assertJacobian',
    'assertVjp',
    'assertJvp',
    'assertGradient',
    'assertBackprop',
    'CheckFailedError',
    'roundingBound',
    'allowedBound',
    'finiteDifferenceJacobian',
    'directionalDerivative',
  ]) {
    expect(typeof (gradcheck as Record<string, unknown>)[name], name).toBe('function');
  }
  expect(gradcheck.DEFAULT_SEED).toBe(42);
  expect(gradcheck.DEFAULT_KAPPA).toBe(4);
  expect(gradcheck.CHECK_OPTION_KEYS).toContain('mode');
  expect(gradcheck.FINITE_DIFFERENCE_DEFAULTS.float64.initialStep).toBe(0.25);
});

test('README example: the classic softmax backward bug is caught and located', () => {
  const softmax = (x: Float64Array) => {
    const m = Math.max(...x);
    const e = x.map((v) => Math.exp(v - m));
    const s = e.reduce((a, b) => a + b, 0);
    return e.map((v) => v / s);
  };
  // Correct: J = diag(s) − s sᵀ. Buggy: uses x where s belongs.
  const jacobian = (x: Float64Array) => {
    const s = softmax(x);
    return Array.from(s, (si, i) => Array.from(s, (sj, j) => si * ((i === j ? 1 : 0) - sj)));
  };
  const buggy = (x: Float64Array) =>
    Array.from(x, (xi, i) => Array.from(x, (xj, j) => xi * ((i === j ? 1 : 0) - xj)));
  const x = [0.5, -1.2, 2.0];
  expect(gradcheck.checkJacobian(softmax, jacobian, x).ok).toBe(true);
  const r = gradcheck.checkJacobian(softmax, buggy, x);
  expect(r.verdict).toBe('mismatch');
});
