/**
 * The examples of the README's "Reference kernels" section, run as written (through the public
 * 'gradcheck' import). Keep the two in step.
 */
import {
  createMlp,
  crossEntropy,
  crossEntropyGrad,
  logSoftmax,
  mlpBackward,
  mlpForward,
  mlpLossFromPreActivations,
  mulberry32,
  preciseLogSoftmax,
  softmax,
  softmaxJacobian,
  softmaxVjp,
  ulpError,
} from 'gradcheck';
import { expect, test } from 'vitest';

test('README: softmax and logSoftmax on huge and masked logits', () => {
  const x = new Float64Array([0, -700, 1000, 1000]); // two rows of two logits
  expect(Array.from(softmax(x, 2))).toEqual([1, 9.85967654375977e-305, 0.5, 0.5]);
  expect(Array.from(logSoftmax(x, 2))).toEqual([-9.85967654375977e-305, -700, -Math.LN2, -Math.LN2]);
  // the dominant entry keeps its digits: within an ulp of the 60-digit reference
  expect(ulpError(logSoftmax(x, 2)[0]!, preciseLogSoftmax(x, 2)[0]!)).toBeLessThan(1);
  expect(Array.from(softmax(new Float64Array([2, Number.NEGATIVE_INFINITY]), 2))).toEqual([1, 0]);
});

test('README: derivatives and cross-entropy', () => {
  expect(Array.from(softmaxJacobian(new Float64Array([0, 0]), 2))).toEqual([0.25, -0.25, -0.25, 0.25]);
  expect(Array.from(softmaxVjp(new Float64Array([0, 0]), new Float64Array([1, 0]), 2))).toEqual([
    0.25, -0.25,
  ]);
  const logits = new Float64Array([2, 0, 0, 2]);
  expect(crossEntropy(logits, [0, 0], 2)).toBeCloseTo(
    (Math.log1p(Math.exp(-2)) + 2 + Math.log1p(Math.exp(-2))) / 2,
    15,
  );
  const g = crossEntropyGrad(logits, [0, 0], 2); // (softmax − onehot) / rows
  expect(g[0]! + g[1]!).toBe(0);
});

test('README: an MNIST-sized MLP, its gradient and per-layer deltas', () => {
  const mlp = createMlp({ sizes: [784, 128, 10], activations: 'relu', seed: 1 });
  const u = mulberry32(7);
  const batch = Float64Array.from({ length: 32 * 784 }, () => u());
  const labels = Array.from({ length: 32 }, (_, i) => i % 10);
  const { loss, gradient, deltas } = mlpBackward(mlp, mlp.params, batch, labels);
  expect(mlp.parameterCount).toBe(101770);
  expect(gradient.length).toBe(101770);
  expect(deltas.map((d) => d.length)).toEqual([32 * 128, 32 * 10]);
  // deltas[l] is the gradient of the loss as a function of layer l's pre-activations:
  const z = Float64Array.from(mlpForward(mlp, mlp.params, batch, 32).preActivations[0]!);
  expect(mlpLossFromPreActivations(mlp, mlp.params, batch, labels, 0, z)).toBe(loss);
});
