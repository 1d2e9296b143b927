/**
 * What kernels return, whatever the calling convention: a preallocated `out` (even x itself, which
 * the kernels allow, or the cotangent of a VJP/JVP) is filled with exactly what a fresh result holds
 * and is what they return, and plain `number[]` inputs give exactly the Float64Array results; float32
 * inputs give Float32Array results. Bit-exact comparisons (Object.is, NaN included): these are the
 * same computation.
 */
import {
  type CheckResult,
  checkInvariant,
  cotangents,
  crossEntropy,
  crossEntropyGrad,
  type DType,
  defineProperty,
  type FloatArray,
  type GradSpec,
  labels,
  logitBatches,
  logSoftmax,
  logSoftmaxJacobian,
  logSoftmaxJvp,
  logSoftmaxVjp,
  sigmoid,
  sigmoidGrad,
  softmax,
  softmaxJacobian,
  softmaxJvp,
  softmaxVjp,
  tanh,
  tanhGrad,
  withFields,
} from 'gradcheck';
import { allOf, same } from '../support/rows.js';
import { ALL_REGIMES, BATCH_COLS, BATCH_ROWS, RUNS } from '../support/settings.js';

const like = (x: FloatArray, n: number): FloatArray =>
  x instanceof Float32Array ? new Float32Array(n).fill(7) : new Float64Array(n).fill(7);

/** The results of every kernel with an `out` argument: fresh, into a preallocated out, returned as out. */
function preallocated(
  x: FloatArray,
  g: FloatArray,
  y: Int32Array,
  cols: number,
  dtype: DType,
): (() => CheckResult)[] {
  const kernels: [string, (out?: FloatArray) => FloatArray][] = [
    ['softmax', (o) => softmax(x, cols, o as never)],
    ['logSoftmax', (o) => logSoftmax(x, cols, o as never)],
    ['softmaxVjp', (o) => softmaxVjp(x, g, cols, o as never)],
    ['softmaxJvp', (o) => softmaxJvp(x, g, cols, o as never)],
    ['logSoftmaxVjp', (o) => logSoftmaxVjp(x, g, cols, o as never)],
    ['logSoftmaxJvp', (o) => logSoftmaxJvp(x, g, cols, o as never)],
    ['crossEntropyGrad', (o) => crossEntropyGrad(x, y, cols, o as never)],
  ];
  return kernels.map(([name, k]) => () => {
    const fresh = k();
    const out = like(x, x.length);
    const returned = k(out);
    return allOf(
      () => checkInvariant([returned === out ? 1 : 0], 1, 0, { name: `${name} returns its out` }),
      () => same(`${name}(…, out)`, out, fresh, dtype),
    );
  });
}

/**
 * softmax and log-softmax computed in place (out = a copy of x), and their VJPs and JVPs written over
 * a copy of x or of the cotangent (both allowed), equal their fresh results.
 */
function inPlace(x: FloatArray, g: FloatArray, cols: number, dtype: DType): (() => CheckResult)[] {
  type Product = (x: FloatArray, v: FloatArray, cols: number, out?: FloatArray) => FloatArray;
  const forward = [
    ['softmax', softmax],
    ['logSoftmax', logSoftmax],
  ].map(([name, k]) => () => {
    const f = k as (x: FloatArray, cols: number, out?: FloatArray) => FloatArray;
    const copy = x.slice();
    return same(`${name as string}(x, cols, x)`, f(copy, cols, copy), f(x, cols), dtype);
  });
  const products = (
    [
      ['softmaxVjp', softmaxVjp],
      ['softmaxJvp', softmaxJvp],
      ['logSoftmaxVjp', logSoftmaxVjp],
      ['logSoftmaxJvp', logSoftmaxJvp],
    ] as [string, Product][]
  ).map(([name, f]) => () => {
    const fresh = f(x, g, cols);
    const xc = x.slice();
    const gc = g.slice();
    return allOf(
      () => same(`${name}(x, v, cols, x)`, f(xc, g, cols, xc), fresh, dtype),
      () => same(`${name}(x, v, cols, v)`, f(x, gc, cols, gc), fresh, dtype),
    );
  });
  return [...forward, ...products];
}

/** Every kernel given x as number[] returns exactly what it returns for Float64Array.from(x). */
function plainArrays(x: FloatArray, g: FloatArray, y: Int32Array, cols: number): (() => CheckResult)[] {
  const x64 = Float64Array.from(x);
  const g64 = Float64Array.from(g);
  const xs = Array.from(x);
  const gs = Array.from(g);
  const pairs: [string, () => ArrayLike<number>, () => ArrayLike<number>][] = [
    ['softmax', () => softmax(xs, cols), () => softmax(x64, cols)],
    ['logSoftmax', () => logSoftmax(xs, cols), () => logSoftmax(x64, cols)],
    ['softmaxJacobian', () => softmaxJacobian(xs, cols), () => softmaxJacobian(x64, cols)],
    ['logSoftmaxJacobian', () => logSoftmaxJacobian(xs, cols), () => logSoftmaxJacobian(x64, cols)],
    ['softmaxVjp', () => softmaxVjp(xs, gs, cols), () => softmaxVjp(x64, g64, cols)],
    ['logSoftmaxJvp', () => logSoftmaxJvp(xs, gs, cols), () => logSoftmaxJvp(x64, g64, cols)],
    [
      'crossEntropyGrad',
      () => crossEntropyGrad(xs, Array.from(y), cols),
      () => crossEntropyGrad(x64, y, cols),
    ],
    ['crossEntropy', () => [crossEntropy(xs, Array.from(y), cols)], () => [crossEntropy(x64, y, cols)]],
    ['sigmoid', () => sigmoid(xs), () => sigmoid(x64)],
    ['sigmoidGrad', () => sigmoidGrad(xs), () => sigmoidGrad(x64)],
    ['tanh', () => tanh(xs), () => tanh(x64)],
    ['tanhGrad', () => tanhGrad(xs), () => tanhGrad(x64)],
  ];
  return pairs.map(
    ([name, a, b]) =>
      () =>
        same(`${name}(number[])`, Array.from(a()), Array.from(b()), 'float64'),
  );
}

/** Preallocated, in-place and plain-array calls agree bit for bit with the plain calls. */
export function outputsSpec(dtype: DType): GradSpec {
  const input = withFields(
    logitBatches({ maxRows: BATCH_ROWS, maxCols: BATCH_COLS, dtype, regimes: ALL_REGIMES }),
    (b) => ({ g: cotangents(b, { dtype }), y: labels(b) }),
  );
  return defineProperty({
    name: `kernel results: preallocated, in place and from plain arrays (${dtype})`,
    input,
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, g, y, cols }) =>
      allOf(
        ...preallocated(x, g, y, cols, dtype),
        ...inPlace(x, g, cols, dtype),
        ...(dtype === 'float64' ? plainArrays(x, g, y, cols) : []),
      ),
  });
}
