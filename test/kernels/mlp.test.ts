import { describe, expect, test } from 'vitest';
import {
  createMlp,
  crossEntropyGrad,
  isGradcheckError,
  type Mlp,
  mlpBackward,
  mlpForward,
  mlpLoss,
  mlpLossFromPreActivations,
  mulberry32,
  softmax,
} from './support/api.js';
import { centralColumn, maxAbsDiff } from './support/numeric.js';

const u = mulberry32(21);
const random = (n: number, scale = 1) => Float64Array.from({ length: n }, () => (u() * 2 - 1) * scale);

function code(f: () => unknown): string | undefined {
  try {
    f();
  } catch (e) {
    return isGradcheckError(e) ? e.code : 'not a GradcheckError';
  }
  return undefined;
}

describe('createMlp', () => {
  test('lays all parameters out in one flat array with named views', () => {
    const mlp = createMlp({ sizes: [784, 128, 10], seed: 1 });
    expect(mlp.parameterCount).toBe(784 * 128 + 128 + 128 * 10 + 10);
    expect(mlp.params).toBeInstanceOf(Float64Array);
    expect(mlp.layers.map((l) => [l.weightsOffset, l.biasOffset, l.activation])).toEqual([
      [0, 100352, 'relu'],
      [100480, 101760, 'softmax'],
    ]);
    const W1 = mlp.weights(1);
    expect(W1.length).toBe(1280);
    expect(W1.buffer).toBe(mlp.params.buffer);
    W1[0] = 42;
    expect(mlp.params[100480]).toBe(42);
    expect(mlp.bias(0).length).toBe(128);
  });

  test('the same seed gives the same parameters; another seed, others; biases default to 0', () => {
    const a = createMlp({ sizes: [5, 4, 3], activations: 'tanh', seed: 7 });
    const b = createMlp({ sizes: [5, 4, 3], activations: 'tanh', seed: 7 });
    const c = createMlp({ sizes: [5, 4, 3], activations: 'tanh', seed: 8 });
    expect(a.params).toEqual(b.params);
    expect(a.params).not.toEqual(c.params);
    expect(Array.from(a.bias(0))).toEqual([0, 0, 0, 0]);
    expect(Array.from(createMlp({ sizes: [5, 4, 3], biasScale: 0.5 }).bias(0)).some((v) => v !== 0)).toBe(
      true,
    );
  });

  test('weights follow He (relu) and Glorot (others) uniform ranges times scale', () => {
    const relu = createMlp({ sizes: [600, 300, 10], seed: 2, scale: 0.5 });
    const limit = 0.5 * Math.sqrt(6 / 600);
    const w = relu.weights(0);
    const largest = (a: ArrayLike<number>) => Array.from(a).reduce((m, v) => Math.max(m, Math.abs(v)), 0);
    expect(largest(w)).toBeLessThanOrEqual(limit);
    expect(largest(w)).toBeGreaterThan(0.99 * limit);
    expect(largest(relu.weights(1))).toBeLessThanOrEqual(0.5 * Math.sqrt(6 / 310));
    expect(largest(relu.weights(1))).toBeGreaterThan(0.9 * 0.5 * Math.sqrt(6 / 310));
  });

  test('float32 networks keep float32 parameters and results', () => {
    const mlp = createMlp({ sizes: [3, 4, 2], dtype: 'float32', seed: 3 });
    expect(mlp.params).toBeInstanceOf(Float32Array);
    const x = random(6);
    const f = mlpForward(mlp, mlp.params, x, 2);
    expect(f.logits).toBeInstanceOf(Float32Array);
    expect(mlpBackward(mlp, mlp.params, x, [0, 1]).gradient).toBeInstanceOf(Float32Array);
  });

  test('invalid options are typed errors naming the option', () => {
    expect(code(() => createMlp({ sizes: [3] }))).toBe('GC_INVALID_OPTION');
    expect(() => createMlp({ sizes: [3, 0, 2] })).toThrow(
      'createMlp: options.sizes[1] must be a positive integer (given 0)',
    );
    expect(() => createMlp({ sizes: [3, 4, 4, 2], activations: ['relu'] })).toThrow(
      /options.activations must be one activation per hidden layer/,
    );
    expect(code(() => createMlp({ sizes: [3, 2], activations: ['gelu' as 'relu'] }))).toBe(
      'GC_INVALID_OPTION',
    );
    expect(code(() => createMlp({ sizes: [3, 2], dtype: 'float16' as 'float32' }))).toBe('GC_INVALID_OPTION');
    expect(code(() => createMlp({ sizes: [3, 2], seed: 1.5 }))).toBe('GC_INVALID_OPTION');
    expect(code(() => createMlp({ sizes: [3, 2], scale: 0 }))).toBe('GC_INVALID_OPTION');
    expect(() => createMlp({ sizes: [3, 2], sise: 4 } as never)).toThrow(
      /options.sise must be a known option/,
    );
  });
});

/** A tiny network of each activation, with random biases, a batch of 3 and both kinds of targets. */
const nets: [string, Mlp][] = [
  ['relu', createMlp({ sizes: [4, 5, 3], activations: 'relu', seed: 1, biasScale: 0.3 })],
  [
    'tanh, sigmoid',
    createMlp({ sizes: [4, 5, 4, 3], activations: ['tanh', 'sigmoid'], seed: 2, biasScale: 0.3 }),
  ],
  [
    'sigmoid ×3',
    createMlp({ sizes: [3, 4, 4, 4, 2], activations: 'sigmoid', seed: 3, biasScale: 0.3, scale: 2 }),
  ],
];
const labelsFor = (mlp: Mlp) => [0, mlp.sizes[mlp.sizes.length - 1]! - 1, 1];

describe.each(nets)('mlpBackward on a %s network', (_name, mlp) => {
  const x = random(3 * mlp.sizes[0]!, 2);
  const classes = mlp.sizes[mlp.sizes.length - 1]!;
  const labels = labelsFor(mlp);
  const probs = softmax(random(3 * classes, 2), classes);

  test.each([
    ['labels', labels],
    ['probability targets', probs],
  ] as const)('the gradient matches central differences of mlpLoss (%s)', (_kind, targets) => {
    const { loss, gradient } = mlpBackward(mlp, mlp.params, x, targets);
    expect(loss).toBe(mlpLoss(mlp, mlp.params, x, targets));
    const p = Float64Array.from(mlp.params);
    for (let i = 0; i < p.length; i++) {
      const [fd] = centralColumn((q) => [mlpLoss(mlp, q, x, targets)], p, i);
      expect(Math.abs(gradient[i]! - fd!)).toBeLessThan(1e-8);
    }
  });

  test('each delta is the gradient of mlpLossFromPreActivations in that layer’s z', () => {
    const f = mlpForward(mlp, mlp.params, x, 3);
    const { deltas, loss } = mlpBackward(mlp, mlp.params, x, labels);
    expect(deltas.length).toBe(mlp.layers.length);
    for (let l = 0; l < mlp.layers.length; l++) {
      const z = Float64Array.from(f.preActivations[l]!);
      expect(mlpLossFromPreActivations(mlp, mlp.params, x, labels, l, z)).toBe(loss);
      for (let i = 0; i < z.length; i++) {
        const [fd] = centralColumn(
          (zz) => [mlpLossFromPreActivations(mlp, mlp.params, x, labels, l, zz)],
          z,
          i,
        );
        expect(Math.abs(deltas[l]![i]! - fd!)).toBeLessThan(1e-8);
      }
    }
  });
});

test('deltas follow δ_last = (softmax(z_last) − y)/rows and δ_l = (δ_{l+1} W_{l+1}ᵀ) ⊙ f′(z_l)', () => {
  const mlp = nets[1]![1];
  const x = random(3 * 4);
  const labels = labelsFor(mlp);
  const f = mlpForward(mlp, mlp.params, x, 3);
  const { deltas } = mlpBackward(mlp, mlp.params, x, labels);
  expect(maxAbsDiff(deltas[2]!, crossEntropyGrad(f.logits, labels, 3))).toBe(0);
  expect(maxAbsDiff(f.activations[3]!, softmax(f.logits, 3))).toBe(0);
  const fPrime = [
    (z: number) => 1 - Math.tanh(z) ** 2,
    (z: number) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2,
  ];
  for (const l of [1, 0]) {
    const W = mlp.weights(l + 1);
    const { inDim, outDim } = mlp.layers[l + 1]!;
    for (let r = 0; r < 3; r++)
      for (let k = 0; k < inDim; k++) {
        let s = 0;
        for (let j = 0; j < outDim; j++) s += deltas[l + 1]![r * outDim + j]! * W[k * outDim + j]!;
        const expected = s * fPrime[l]!(f.preActivations[l]![r * inDim + k]!);
        expect(Math.abs(deltas[l]![r * inDim + k]! - expected)).toBeLessThan(1e-15);
      }
  }
});

test('mlpForward returns every layer: activations[0] = x, hidden f(z), then the probabilities', () => {
  const mlp = nets[0]![1];
  const x = random(8);
  const f = mlpForward(mlp, mlp.params, x, 2);
  expect(f.preActivations.map((z) => z.length)).toEqual([10, 6]);
  expect(f.activations.map((a) => a.length)).toEqual([8, 10, 6]);
  expect(f.activations[0]).toEqual(x);
  expect(f.activations[0]).not.toBe(x);
  expect(Array.from(f.activations[1]!)).toEqual(Array.from(f.preActivations[0]!, (v) => Math.max(v, 0)));
});

test('relu′(0) = 0 in backprop: a unit pinned at z = 0 passes no gradient', () => {
  const mlp = createMlp({ sizes: [1, 1, 2], seed: 1 });
  const p = Float64Array.from(mlp.params);
  p[0] = 1; // W_0
  p[1] = 0; // b_0 → z_0 = x
  const { deltas, gradient } = mlpBackward(mlp, p, Float64Array.of(0), [1]);
  expect(deltas[0]![0] === 0).toBe(true);
  expect(gradient[0] === 0 && gradient[1] === 0).toBe(true);
  expect(gradient[4] === 0).toBe(false); // the output bias still gets a gradient
});

test('argument errors: parameter length, input shape, targets, layer', () => {
  const mlp = nets[0]![1];
  const x = random(8);
  expect(() => mlpLoss(mlp, new Float64Array(3), x, [0, 1])).toThrow(/mlpLoss: params.length must be 43/);
  expect(code(() => mlpLoss(mlp, [1, 2] as unknown as Float64Array, x, [0, 1]))).toBe('GC_INVALID_ARGUMENT');
  expect(code(() => mlpLoss(mlp, mlp.params, random(7), [0, 1]))).toBe('GC_SHAPE_MISMATCH');
  expect(code(() => mlpForward(mlp, mlp.params, x, 3))).toBe('GC_SHAPE_MISMATCH');
  expect(code(() => mlpBackward(mlp, mlp.params, x, [0, 3]))).toBe('GC_OUT_OF_RANGE');
  expect(code(() => mlpBackward(mlp, mlp.params, x, [0]))).toBe('GC_SHAPE_MISMATCH');
  expect(code(() => mlpBackward(mlp, mlp.params, x, new Float64Array(5)))).toBe('GC_SHAPE_MISMATCH');
  expect(code(() => mlpLossFromPreActivations(mlp, mlp.params, x, [0, 1], 2, random(6)))).toBe(
    'GC_OUT_OF_RANGE',
  );
  expect(code(() => mlpLossFromPreActivations(mlp, mlp.params, x, [0, 1], 0, random(6)))).toBe(
    'GC_SHAPE_MISMATCH',
  );
  expect(code(() => mlpLoss({} as Mlp, mlp.params, x, [0, 1]))).toBe('GC_INVALID_ARGUMENT');
  expect(code(() => mlp.weights(5))).toBe('GC_OUT_OF_RANGE');
});
