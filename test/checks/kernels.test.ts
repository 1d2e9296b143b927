import {
  blockDiagonal,
  checkBackprop,
  checkGradient,
  checkJacobian,
  checkJvp,
  checkVjp,
  createMlp,
  crossEntropy,
  crossEntropyGrad,
  logSoftmax,
  logSoftmaxJacobian,
  logSoftmaxJvp,
  logSoftmaxVjp,
  mlpBackward,
  mlpForward,
  mlpLoss,
  mlpLossFromPreActivations,
  softmax,
  softmaxJacobian,
  softmaxVjp,
} from 'gradcheck';
import { expect, test } from 'vitest';
import { prng, uniform } from './reference.js';

type Arr = Float64Array | Float32Array;

test('the reference kernels pass their own checks, float64 and float32, logits up to ±1000, batched', () => {
  const rand = prng(801);
  for (let t = 0; t < 6; t++) {
    const cols = 2 + (t % 5) * 2;
    const x64 = uniform(rand, 2 * cols, [3, 1000][t % 2]!);
    for (const x of [x64, Float32Array.from(x64)] as Arr[]) {
      for (const mode of ['full', 'fast'] as const) {
        const o = { mode, seed: t };
        const rs = [
          checkJacobian(
            (z: Arr) => softmax(z, cols),
            (z: Arr) => blockDiagonal(softmaxJacobian(z, cols), cols),
            x,
            o,
          ),
          checkJacobian(
            (z: Arr) => logSoftmax(z, cols),
            (z: Arr) => blockDiagonal(logSoftmaxJacobian(z, cols), cols),
            x,
            o,
          ),
          checkVjp(
            (z: Arr) => softmax(z, cols),
            (z: Arr, g: Arr) => softmaxVjp(z, g, cols),
            x,
            o,
          ),
          checkVjp(
            (z: Arr) => logSoftmax(z, cols),
            (z: Arr, g: Arr) => logSoftmaxVjp(z, g, cols),
            x,
            o,
          ),
          checkJvp(
            (z: Arr) => logSoftmax(z, cols),
            (z: Arr, v: Arr) => logSoftmaxJvp(z, v, cols),
            x,
            o,
          ),
          checkGradient(
            (z: Arr) => crossEntropy(z, [0, cols - 1], cols),
            (z: Arr) => crossEntropyGrad(z, [0, cols - 1], cols),
            x,
            o,
          ),
        ];
        for (const r of rs) expect(r.ok, r.message).toBe(true);
      }
    }
  }
});

test('a softmax VJP that reduces with Σg instead of ⟨g, s⟩ is caught against the kernel forward pass', () => {
  const x = Float64Array.of(0.3, -1.1, 2.2, 0.7, 0.1, -0.4);
  const bug = (z: Float64Array, g: Float64Array) => {
    const s = softmax(z, 3) as Float64Array;
    const out = new Float64Array(6);
    for (let r = 0; r < 2; r++) {
      let sum = 0;
      for (let j = 0; j < 3; j++) sum += g[r * 3 + j]!;
      for (let j = 0; j < 3; j++) out[r * 3 + j] = s[r * 3 + j]! * (g[r * 3 + j]! - sum);
    }
    return out;
  };
  for (const mode of ['full', 'fast'] as const) {
    expect(checkVjp((z: Float64Array) => softmax(z, 3), bug, x, { mode }).verdict).toBe('mismatch');
  }
});

test('checkBackprop fits mlpForward / mlpBackward / mlpLossFromPreActivations directly', () => {
  for (const act of ['relu', 'tanh'] as const) {
    const mlp = createMlp({ sizes: [5, 7, 6, 3], activations: act, seed: 3, biasScale: 0.3 });
    const x = uniform(prng(802), 4 * 5, 1);
    const labels = [0, 2, 1, 2];
    const { preActivations } = mlpForward(mlp, mlp.params, x, 4);
    const { deltas } = mlpBackward(mlp, mlp.params, x, labels);
    const lossFrom = (l: number, z: Arr) => mlpLossFromPreActivations(mlp, mlp.params, x, labels, l, z);
    for (const mode of ['full', 'fast'] as const) {
      const r = checkBackprop({ preActivations, deltas, lossFrom }, { mode });
      expect(r.verdict === 'pass' || (act === 'relu' && r.verdict === 'oracle-unreliable'), r.message).toBe(
        true,
      );
    }
    // The classic slip: δ₁ computed without the f′(z₁) factor.
    const z1 = preActivations[0]!;
    const wrong = deltas.map((d) => Float64Array.from(d));
    wrong[0] = wrong[0]!.map((d, k) =>
      act === 'tanh' ? d / (1 - Math.tanh(z1[k]!) ** 2) : d + (z1[k]! <= 0 ? 0.01 : 0),
    );
    expect(checkBackprop({ preActivations, deltas: wrong, lossFrom }).verdict).toBe('mismatch');
  }
});

test('an MLP gradient passes in fast mode with few evaluations; one wrong entry is located', () => {
  const mlp = createMlp({ sizes: [20, 16, 4], activations: 'tanh', seed: 4 });
  const x = uniform(prng(803), 8 * 20, 1);
  const labels = [0, 1, 2, 3, 0, 1, 2, 3];
  const f = (p: Float64Array) => mlpLoss(mlp, p, x, labels);
  const g = (p: Float64Array) => mlpBackward(mlp, p, x, labels).gradient as Float64Array;
  const r = checkGradient(f, g, mlp.params as Float64Array, { mode: 'fast' });
  expect(r.ok).toBe(true);
  expect(r.evaluations.function).toBeLessThanOrEqual(60);
  const g0 = g(mlp.params as Float64Array);
  const k = g0.reduce((best, v, i) => (Math.abs(v) > Math.abs(g0[best]!) ? i : best), 0);
  const bad = checkGradient(
    f,
    (p: Float64Array) => {
      const out = g(p);
      out[k] = out[k]! * (1 + 1e-6);
      return out;
    },
    mlp.params as Float64Array,
    { mode: 'fast' },
  );
  expect(bad.verdict).toBe('mismatch');
  if (bad.verdict === 'mismatch') expect(bad.located).toEqual([[k]]);
});
