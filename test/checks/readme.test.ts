/**
 * The examples of the README section "Checking derivatives", verbatim, so that they keep running.
 */
import {
  assertVjp,
  CheckFailedError,
  checkBackprop,
  checkGradient,
  checkJacobian,
  checkVjp,
  createMlp,
  directionalDerivative,
  finiteDifferenceJacobian,
  mlpBackward,
  mlpForward,
  mlpLoss,
  mlpLossFromPreActivations,
  softmax,
  softmaxJacobian,
  softmaxVjp,
} from 'gradcheck';
import { expect, test } from 'vitest';

test('README: a Jacobian, right and wrong', () => {
  const x = Float64Array.of(0.5, -1.2, 2.0);
  const f = (z: Float64Array) => softmax(z, 3);

  const ok = checkJacobian(f, (z: Float64Array) => softmaxJacobian(z, 3), x);
  expect(ok.verdict).toBe('pass');

  // One entry off by one part in 10⁸: J[1,2].
  const wrong = (z: Float64Array) => {
    const J = softmaxJacobian(z, 3);
    J[1 * 3 + 2] = J[1 * 3 + 2]! * (1 + 1e-8);
    return J;
  };
  const r = checkJacobian(f, wrong, x);
  expect(r.verdict).toBe('mismatch');
  expect(r.ok).toBe(false);
  if (r.verdict === 'mismatch') expect(r.located).toEqual([[1, 2]]);
  expect(r.entries[0]!.label).toBe('J[1,2]');
});

test('README: fast mode and the assert twins', () => {
  const x = Float64Array.of(0.5, -1.2, 2.0, 0.3, 0.3, -4);
  const f = (z: Float64Array) => softmax(z, 3);
  const vjp = (z: Float64Array, g: Float64Array) => softmaxVjp(z, g, 3);
  expect(checkVjp(f, vjp, x, { mode: 'fast' }).ok).toBe(true);
  expect(() =>
    assertVjp(f, (z: Float64Array, g: Float64Array) => softmaxVjp(z, g, 3).map((v) => 2 * v), x),
  ).toThrow(CheckFailedError);
});

test('README: an MLP gradient in fast mode, and its per-layer deltas', () => {
  const mlp = createMlp({ sizes: [20, 16, 4], activations: 'tanh', seed: 1 });
  const images = Float64Array.from({ length: 8 * 20 }, (_, i) => ((i * 37) % 101) / 101);
  const labels = [0, 1, 2, 3, 3, 2, 1, 0];
  const loss = (p: Float64Array) => mlpLoss(mlp, p, images, labels);
  const gradient = (p: Float64Array) => mlpBackward(mlp, p, images, labels).gradient;
  const r = checkGradient(loss, gradient, mlp.params as Float64Array, { mode: 'fast' });
  expect(r.ok).toBe(true);
  expect(r.evaluations.function).toBeLessThan(60);

  const { preActivations } = mlpForward(mlp, mlp.params, images, 8);
  const { deltas } = mlpBackward(mlp, mlp.params, images, labels);
  const b = checkBackprop({
    preActivations,
    deltas,
    lossFrom: (layer, z: Float64Array) =>
      mlpLossFromPreActivations(mlp, mlp.params, images, labels, layer, z),
  });
  expect(b.ok).toBe(true);
});

test('README: the finite-difference oracle on its own', () => {
  const J = finiteDifferenceJacobian((x) => Float64Array.of(x[0]! * x[1]!, Math.sin(x[0]!)), [0.5, 2]);
  expect(Math.abs(J.values[0]! - 2)).toBeLessThanOrEqual(J.error[0]!);
  const d = directionalDerivative((x) => [x[0]! ** 2 + x[1]!], [3, 1], [1, -1]);
  expect(Math.abs(d.value[0]! - 5)).toBeLessThanOrEqual(d.error[0]! + 1e-15);
});
