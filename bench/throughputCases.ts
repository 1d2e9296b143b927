/**
 * The throughput cases of bench/kernels.ts, one per (kernel, dtype): each is measured in a fresh
 * child process (bench/throughputChild.ts), so that what V8 compiled for one case (feedback, inlining,
 * the heap left by the allocating cases) cannot move another, and the parent takes the median over
 * several such processes.
 */
import {
  createMlp,
  crossEntropy,
  crossEntropyGrad,
  logSoftmax,
  mlpBackward,
  mulberry32,
  softmax,
  softmaxVjp,
} from '../src/index.js';
import {
  crossEntropyGradPlain,
  crossEntropyPlain,
  logSoftmaxPlain,
  mlpPlain,
  type PlainLayer,
  softmaxPlain,
  softmaxVjpPlain,
} from './kernelsBaseline.js';
import { type Pair, pair } from './pairs.js';

export const ROWS = 1024;
export const COLS = 1000;
export const MLP_BATCH = 32;
export const DTYPES = ['float64', 'float32'] as const;
export type Dtype = (typeof DTYPES)[number];
/** The softmax-family kernels, in table order; 'crossEntropy' is the loss, 'mlp' the network. */
export const KERNELS = ['softmax', 'logSoftmax', 'softmaxVjp', 'crossEntropyGrad', 'crossEntropy'] as const;
export type CaseName = (typeof KERNELS)[number] | 'mlp';

/** A case's pairs: every call allocating its result, and every call writing into a preallocated one. */
export interface CaseResult {
  readonly fresh: Pair;
  /** Equal to `fresh` where nothing is allocated (the loss, the MLP). */
  readonly into: Pair;
}

/** Runs one case in this process. */
export function runCase(name: CaseName, dtype: Dtype): CaseResult {
  if (name === 'mlp') {
    const p = mlpPair(dtype);
    return { fresh: p, into: p };
  }
  const u = mulberry32(1);
  const x64 = Float64Array.from({ length: ROWS * COLS }, () => (u() - 0.5) * 20);
  const g64 = Float64Array.from({ length: ROWS * COLS }, () => u() - 0.5);
  const labels = Int32Array.from({ length: ROWS }, () => Math.floor(u() * COLS));
  const x = Array.from(x64);
  const g = Array.from(g64);
  const labelArray = Array.from(labels);
  const xs = dtype === 'float32' ? Float32Array.from(x64) : x64;
  const gs = dtype === 'float32' ? Float32Array.from(g64) : g64;
  const out = dtype === 'float32' ? new Float32Array(xs.length) : new Float64Array(xs.length);
  const plainOut = Array.from(x);
  const units = ROWS * COLS;
  if (name === 'crossEntropy') {
    const loss = pair(
      () => crossEntropy(xs, labels, COLS),
      () => crossEntropyPlain(x, labelArray, COLS),
      units,
    );
    return { fresh: loss, into: loss };
  }
  // [kernel allocating, plain allocating, kernel into out, plain into out]
  const fns: Record<typeof name, [() => unknown, () => unknown, () => unknown, () => unknown]> = {
    softmax: [
      () => softmax(xs, COLS),
      () => softmaxPlain(x, COLS),
      () => softmax(xs, COLS, out),
      () => softmaxPlain(x, COLS, plainOut),
    ],
    logSoftmax: [
      () => logSoftmax(xs, COLS),
      () => logSoftmaxPlain(x, COLS),
      () => logSoftmax(xs, COLS, out),
      () => logSoftmaxPlain(x, COLS, plainOut),
    ],
    softmaxVjp: [
      () => softmaxVjp(xs, gs, COLS),
      () => softmaxVjpPlain(x, g, COLS),
      () => softmaxVjp(xs, gs, COLS, out),
      () => softmaxVjpPlain(x, g, COLS, plainOut),
    ],
    crossEntropyGrad: [
      () => crossEntropyGrad(xs, labels, COLS),
      () => crossEntropyGradPlain(x, labelArray, COLS),
      () => crossEntropyGrad(xs, labels, COLS, out),
      () => crossEntropyGradPlain(x, labelArray, COLS, plainOut),
    ],
  };
  const [kernelNew, plainNew, kernelInto, plainInto] = fns[name];
  return { fresh: pair(kernelNew, plainNew, units), into: pair(kernelInto, plainInto, units) };
}

/** MLP 784-128-10 (ReLU) forward + backward on a batch of MLP_BATCH, in samples per CPU-second. */
function mlpPair(dtype: Dtype): Pair {
  const u = mulberry32(2);
  const x64 = Float64Array.from({ length: MLP_BATCH * 784 }, () => u());
  const labels = Array.from({ length: MLP_BATCH }, () => Math.floor(u() * 10));
  const net = createMlp({ sizes: [784, 128, 10], activations: 'relu', dtype, seed: 3, biasScale: 0.1 });
  const xs = dtype === 'float32' ? Float32Array.from(x64) : x64;
  const layers: PlainLayer[] = net.layers.map((l) => ({
    W: Array.from(net.weights(l.index)),
    b: Array.from(net.bias(l.index)),
    inDim: l.inDim,
    outDim: l.outDim,
  }));
  const x = Array.from(x64);
  return pair(
    () => mlpBackward(net, net.params, xs, labels),
    () => mlpPlain(layers, x, labels, MLP_BATCH),
    MLP_BATCH,
  );
}
