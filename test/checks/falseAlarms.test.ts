import { expect, test } from 'vitest';
import { checkGradient } from '../../src/checks/checkGradient.js';
import { checkJacobian } from '../../src/checks/checkJacobian.js';
import { checkJvp } from '../../src/checks/checkJvp.js';
import { checkVjp } from '../../src/checks/checkVjp.js';
import type { CheckResult } from '../../src/checks/result.js';
import { backward, loss, tinyMlp } from './mlp.js';
import {
  crossEntropy,
  crossEntropyGrad,
  logSoftmax,
  logSoftmaxJacobian,
  logSoftmaxJvp,
  logSoftmaxVjp,
  prng,
  softmax,
  softmaxJacobian,
  softmaxJvp,
  softmaxVjp,
  uniform,
} from './reference.js';

const TRIALS = 6;
const modes = ['full', 'fast'] as const;

function expectPass(r: CheckResult): void {
  expect(r.ok, r.message).toBe(true);
}

test('no false alarms: softmax and log-softmax Jacobians, VJPs and JVPs, batched rows, logits up to ±1000', () => {
  const rand = prng(601);
  for (let t = 0; t < TRIALS; t++) {
    const cols = 2 + Math.floor(rand() * 8);
    const rows = 1 + (t % 3);
    const x = uniform(rand, rows * cols, [3, 30, 1000][t % 3]!);
    for (const mode of modes) {
      const o = { mode, seed: t };
      expectPass(
        checkJacobian(
          (z: Float64Array) => softmax(z, cols),
          (z: Float64Array) => softmaxJacobian(z, cols),
          x,
          o,
        ),
      );
      expectPass(
        checkJacobian(
          (z: Float64Array) => logSoftmax(z, cols),
          (z: Float64Array) => logSoftmaxJacobian(z, cols),
          x,
          o,
        ),
      );
      expectPass(
        checkVjp(
          (z: Float64Array) => softmax(z, cols),
          (z: Float64Array, g: Float64Array) => softmaxVjp(z, g, cols),
          x,
          o,
        ),
      );
      expectPass(
        checkVjp(
          (z: Float64Array) => logSoftmax(z, cols),
          (z: Float64Array, g: Float64Array) => logSoftmaxVjp(z, g, cols),
          x,
          o,
        ),
      );
      expectPass(
        checkJvp(
          (z: Float64Array) => softmax(z, cols),
          (z: Float64Array, v: Float64Array) => softmaxJvp(z, v, cols),
          x,
          o,
        ),
      );
      expectPass(
        checkJvp(
          (z: Float64Array) => logSoftmax(z, cols),
          (z: Float64Array, v: Float64Array) => logSoftmaxJvp(z, v, cols),
          x,
          o,
        ),
      );
    }
  }
});

test('no false alarms: cross-entropy gradients and float32 kernels', () => {
  const rand = prng(602);
  for (let t = 0; t < TRIALS; t++) {
    const cols = 2 + Math.floor(rand() * 8);
    const labels = [Math.floor(rand() * cols), Math.floor(rand() * cols)];
    const x = uniform(rand, 2 * cols, t % 2 === 0 ? 3 : 1000);
    const x32 = Float32Array.from(x);
    for (const mode of modes) {
      const o = { mode, seed: t };
      expectPass(
        checkGradient(
          (z: Float64Array) => crossEntropy(z, labels, cols),
          (z: Float64Array) => crossEntropyGrad(z, labels, cols),
          x,
          o,
        ),
      );
      expectPass(
        checkJacobian(
          (z: Float32Array) => softmax(z, cols),
          (z: Float32Array) => softmaxJacobian(z, cols),
          x32,
          o,
        ),
      );
      expectPass(
        checkVjp(
          (z: Float32Array) => softmax(z, cols),
          (z: Float32Array, g: Float32Array) => softmaxVjp(z, g, cols),
          x32,
          o,
        ),
      );
    }
  }
});

test('no false alarms: sharp functions (softmax of 40·x)', () => {
  const rand = prng(603);
  for (let t = 0; t < TRIALS; t++) {
    const n = 2 + Math.floor(rand() * 10);
    const x = uniform(rand, n, 1);
    const f = (z: Float64Array) =>
      softmax(
        z.map((v) => 40 * v),
        n,
      );
    const J = (z: Float64Array) =>
      softmaxJacobian(
        z.map((v) => 40 * v),
        n,
      ).map((v) => 40 * v);
    for (const mode of modes) expectPass(checkJacobian(f, J, x, { mode, seed: t }));
  }
});

test('no false alarms: sigmoid, tanh and ReLU MLP gradients at random parameters', () => {
  for (let t = 0; t < TRIALS; t++) {
    for (const act of ['sigmoid', 'tanh', 'relu'] as const) {
      const { mlp, params } = tinyMlp(700 + t, act);
      for (const mode of modes) {
        const r = checkGradient(
          (p: Float64Array) => loss(mlp, p),
          (p: Float64Array) => backward(mlp, p).gradient,
          params,
          { mode, seed: t },
        );
        // A ReLU exactly at its kink may make the oracle unreliable, never a mismatch.
        expect(r.verdict === 'pass' || (act === 'relu' && r.verdict === 'oracle-unreliable'), r.message).toBe(
          true,
        );
      }
    }
  }
});

test('no false alarms where an output is subnormal (quantised in steps of 2⁻¹⁰⁷⁴)', () => {
  // s₀ = e^(−58.8 − 673.5) ≈ 1e-318: a subnormal probability.
  const x = Float64Array.of(-58.8, 12.5, 673.5, -300);
  const r = checkJacobian(
    (z: Float64Array) => softmax(z, 4),
    (z: Float64Array) => softmaxJacobian(z, 4),
    x,
  );
  expect(r.ok, r.message).toBe(true);
});

test('no false alarms on float32 logits near 1e5, where the float32 grid is 2⁻⁷ wide (gate regression)', () => {
  const x = Float32Array.of(0, 0, 0, 100008.75, 100007.5, 100000);
  for (const mode of modes) {
    const r = checkVjp(
      (z: Float32Array) => softmax(z, 3),
      (z: Float32Array, g: Float32Array) => softmaxVjp(z, g, 3),
      x,
      { mode },
    );
    expect(r.ok, r.message).toBe(true);
  }
});
