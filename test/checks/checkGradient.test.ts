import { expect, test } from 'vitest';
import { checkGradient } from '../../src/checks/checkGradient.js';
import { type Activation, backward, loss, tinyMlp } from './mlp.js';
import { crossEntropy, crossEntropyGrad, prng, textbookCrossEntropyGrad, uniform } from './reference.js';

test('MLP gradients pass at random parameters for sigmoid, tanh and ReLU, in full and fast mode', () => {
  for (const act of ['sigmoid', 'tanh', 'relu'] as Activation[]) {
    for (let trial = 0; trial < 4; trial++) {
      const { mlp, params } = tinyMlp(400 + trial, act);
      for (const mode of ['full', 'fast'] as const) {
        const r = checkGradient(
          (p: Float64Array) => loss(mlp, p),
          (p: Float64Array) => backward(mlp, p).gradient,
          params,
          { mode, seed: trial },
        );
        expect(r.ok, r.message).toBe(true);
      }
    }
  }
});

test('one wrong gradient entry is found by fast mode and located by group testing', () => {
  const { mlp, params } = tinyMlp(410, 'tanh');
  const g0 = backward(mlp, params).gradient;
  const k = g0.reduce((best, v, i) => (Math.abs(v) > Math.abs(g0[best]!) ? i : best), 0);
  const wrong = (p: Float64Array) => {
    const g = backward(mlp, p).gradient;
    g[k] = g[k]! * (1 + 1e-6);
    return g;
  };
  const r = checkGradient((p: Float64Array) => loss(mlp, p), wrong, params, { mode: 'fast' });
  expect(r.verdict).toBe('mismatch');
  if (r.verdict === 'mismatch') expect(r.located).toEqual([[k]]);
  expect(r.entries[0]!.label).toBe(`grad[${k}]`);
});

test('cross-entropy gradients pass; the "δ = a − y without the mean" bug is caught', () => {
  const labels = [2, 0, 1];
  const x = uniform(prng(411), 9, 3);
  const f = (z: Float64Array) => crossEntropy(z, labels, 3);
  expect(checkGradient(f, (z: Float64Array) => crossEntropyGrad(z, labels, 3), x).ok).toBe(true);
  const noMean = (z: Float64Array) => crossEntropyGrad(z, labels, 3).map((v) => v * labels.length);
  expect(checkGradient(f, noMean, x).verdict).toBe('mismatch');
});

test('a gradient that loses digits the loss resolves is reported: s − 1 = 0 where the loss sees 1e-20', () => {
  const labels = [1];
  const x = Float64Array.of(-20, 25, 3);
  const f = (z: Float64Array) => crossEntropy(z, labels, 3);
  expect(checkGradient(f, (z: Float64Array) => crossEntropyGrad(z, labels, 3), x).ok).toBe(true);
  const r = checkGradient(f, (z: Float64Array) => textbookCrossEntropyGrad(z, labels, 3), x);
  expect(r.verdict).toBe('mismatch');
  if (r.verdict === 'mismatch') expect(r.located).toEqual([[1]]);
});

test('localize: false skips group testing', () => {
  const f = (z: Float64Array) => z[0]! * z[1]!;
  const r = checkGradient(f, (z: Float64Array) => [z[1]!, z[0]! + 1e-3], [1, 2], {
    mode: 'fast',
    localize: false,
  });
  expect(r.verdict).toBe('mismatch');
  if (r.verdict === 'mismatch') expect(r.located).toEqual([]);
});

test('gaussian tangents work as well as rademacher ones', () => {
  const f = (z: Float64Array) => z.reduce((s, v, i) => s + Math.sin(v * (i + 1)), 0);
  const g = (z: Float64Array) => z.map((v, i) => (i + 1) * Math.cos(v * (i + 1)));
  const x = uniform(prng(412), 12, 1);
  expect(checkGradient(f, g, x, { mode: 'fast', tangents: 'gaussian' }).ok).toBe(true);
  const bad = (z: Float64Array) => g(z).map((v, i) => (i === 5 ? v + 1e-7 : v));
  expect(checkGradient(f, bad, x, { mode: 'fast', tangents: 'gaussian', probes: 4 }).verdict).toBe(
    'mismatch',
  );
});
