/**
 * A tiny dense MLP for the checker tests: y = act(x W₁ + b₁) W₂ + b₂, softmax cross-entropy loss,
 * with all parameters in one flat vector, a hand-written backward pass (gradient and per-layer deltas)
 * and the loss from a layer's pre-activations (what `checkBackprop` perturbs).
 */
import { crossEntropy, crossEntropyGrad, prng, uniform } from './reference.js';

export type Activation = 'tanh' | 'sigmoid' | 'relu';

export interface TinyMlp {
  readonly sizes: readonly [number, number, number];
  readonly act: Activation;
  readonly x: Float64Array;
  readonly labels: number[];
  readonly rows: number;
}

const f = {
  tanh: Math.tanh,
  sigmoid: (z: number) => 1 / (1 + Math.exp(-z)),
  relu: (z: number) => Math.max(0, z),
};
const df = {
  tanh: (z: number) => 1 - Math.tanh(z) ** 2,
  sigmoid: (z: number) => {
    const s = 1 / (1 + Math.exp(-z));
    return s * (1 - s);
  },
  relu: (z: number) => (z > 0 ? 1 : 0),
};

/** A seeded problem: inputs, labels and a parameter vector. */
export function tinyMlp(
  seed: number,
  act: Activation,
  sizes: [number, number, number] = [4, 6, 3],
  rows = 5,
) {
  const rand = prng(seed);
  const [a, h, c] = sizes;
  const mlp: TinyMlp = {
    sizes,
    act,
    x: uniform(rand, rows * a, 1),
    labels: Array.from({ length: rows }, () => Math.floor(rand() * c)),
    rows,
  };
  const params = uniform(rand, a * h + h + h * c + c, 1);
  return { mlp, params };
}

function views(m: TinyMlp, p: Float64Array) {
  const [a, h, c] = m.sizes;
  const o1 = a * h;
  const o2 = o1 + h;
  const o3 = o2 + h * c;
  return {
    W1: p.subarray(0, o1),
    b1: p.subarray(o1, o2),
    W2: p.subarray(o2, o3),
    b2: p.subarray(o3, o3 + c),
  };
}

function dense(x: ArrayLike<number>, W: Float64Array, b: Float64Array, rows: number, i: number, o: number) {
  const y = new Float64Array(rows * o);
  for (let r = 0; r < rows; r++) {
    for (let k = 0; k < o; k++) {
      let s = b[k]!;
      for (let j = 0; j < i; j++) s += x[r * i + j]! * W[j * o + k]!;
      y[r * o + k] = s;
    }
  }
  return y;
}

/** Pre-activations [z₁, z₂] at the parameters. */
export function forward(m: TinyMlp, p: ArrayLike<number>) {
  const [a, h, c] = m.sizes;
  const { W1, b1, W2, b2 } = views(m, Float64Array.from(p));
  const z1 = dense(m.x, W1, b1, m.rows, a, h);
  const a1 = z1.map(f[m.act]);
  const z2 = dense(a1, W2, b2, m.rows, h, c);
  return { z1, a1, z2 };
}

/** The loss at the parameters. */
export function loss(m: TinyMlp, p: ArrayLike<number>): number {
  return crossEntropy(forward(m, p).z2, m.labels, m.sizes[2]);
}

/** The loss with layer `layer`'s pre-activations replaced by z. */
export function lossFrom(m: TinyMlp, p: ArrayLike<number>, layer: number, z: ArrayLike<number>): number {
  const [, h, c] = m.sizes;
  if (layer === 1) return crossEntropy(Float64Array.from(z), m.labels, c);
  const { W2, b2 } = views(m, Float64Array.from(p));
  const a1 = Float64Array.from(z, f[m.act]);
  return crossEntropy(dense(a1, W2, b2, m.rows, h, c), m.labels, c);
}

/** Gradient (flat, like the parameters) and deltas [∂L/∂z₁, ∂L/∂z₂]. */
export function backward(m: TinyMlp, p: ArrayLike<number>) {
  const [a, h, c] = m.sizes;
  const { W2 } = views(m, Float64Array.from(p));
  const { z1, a1, z2 } = forward(m, p);
  const d2 = crossEntropyGrad(z2, m.labels, c);
  const d1 = new Float64Array(m.rows * h);
  for (let r = 0; r < m.rows; r++) {
    for (let j = 0; j < h; j++) {
      let s = 0;
      for (let k = 0; k < c; k++) s += d2[r * c + k]! * W2[j * c + k]!;
      d1[r * h + j] = s * df[m.act](z1[r * h + j]!);
    }
  }
  const g = new Float64Array(p.length);
  const gv = views(m, g);
  for (let r = 0; r < m.rows; r++) {
    for (let j = 0; j < h; j++) {
      for (let i = 0; i < a; i++) gv.W1[i * h + j] = gv.W1[i * h + j]! + m.x[r * a + i]! * d1[r * h + j]!;
      gv.b1[j] = gv.b1[j]! + d1[r * h + j]!;
      for (let k = 0; k < c; k++) gv.W2[j * c + k] = gv.W2[j * c + k]! + a1[r * h + j]! * d2[r * c + k]!;
    }
    for (let k = 0; k < c; k++) gv.b2[k] = gv.b2[k]! + d2[r * c + k]!;
  }
  return { gradient: g, deltas: [d1, d2] };
}
