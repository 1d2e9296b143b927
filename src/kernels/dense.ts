/**
 * A dense (fully connected) layer y = x W + b and its backward pass. Layout: x is rows × inDim,
 * W is inDim × outDim row-major (W[k·outDim + j] connects input k to output j), b has outDim
 * entries, y is rows × outDim. Computed in float64 (float32 inputs widened exactly, results rounded once).
 */
import type { FloatArray } from '../types.js';
import { allocLike, type KernelOutput } from './arrays.js';
import { affine, columnSums, timesTranspose, transposeTimes } from './matmul.js';
import { floatArray, type KernelInput, lengthIs, positiveInteger } from './validate.js';

/** Gradients of a dense layer: dx (rows × inDim), dW (inDim × outDim), db (outDim). */
export interface DenseGradients<T extends FloatArray = FloatArray> {
  readonly dx: T;
  readonly dW: T;
  readonly db: T;
}

function shapes(fn: string, rows: unknown, inDim: unknown, outDim: unknown) {
  return {
    rows: positiveInteger(fn, 'rows', rows),
    inDim: positiveInteger(fn, 'inDim', inDim),
    outDim: positiveInteger(fn, 'outDim', outDim),
  };
}

function widen(x: FloatArray): Float64Array {
  return x instanceof Float64Array ? x : Float64Array.from(x);
}

function narrowLike(like: FloatArray, v: Float64Array): FloatArray {
  // Stryker disable next-line ConditionalExpression: forced false is equivalent (v, a fresh internal array, is copied into a new Float64Array of the same values); forced true is killed by the network property (result type)
  if (like instanceof Float64Array) return v;
  const out = allocLike(like, v.length);
  out.set(v);
  return out;
}

/**
 * Forward pass y = x W + b of a dense layer.
 *
 * @param x rows × inDim. @param W inDim × outDim, row-major. @param b outDim biases.
 * @returns y, rows × outDim, of x's array type.
 * @throws GradcheckError `GC_SHAPE_MISMATCH` when a length disagrees with rows/inDim/outDim,
 *   `GC_OUT_OF_RANGE` for a size that is not a positive integer, `GC_INVALID_ARGUMENT` for wrong types.
 * @example dense(new Float64Array([1, 2]), new Float64Array([1, 0, 0, 1]), new Float64Array([0.5, 0]), 1, 2, 2)
 * // Float64Array [1.5, 2]
 */
export function dense<T extends KernelInput>(
  x: T,
  W: KernelInput,
  b: KernelInput,
  rows: number,
  inDim: number,
  outDim: number,
): KernelOutput<T> {
  const s = shapes('dense', rows, inDim, outDim);
  const xs = floatArray('dense', 'x', x);
  const ws = floatArray('dense', 'W', W);
  const bs = floatArray('dense', 'b', b);
  lengthIs('dense', 'x', xs.length, s.rows * s.inDim, 'rows·inDim');
  lengthIs('dense', 'W', ws.length, s.inDim * s.outDim, 'inDim·outDim');
  lengthIs('dense', 'b', bs.length, s.outDim, 'outDim');
  const y = new Float64Array(s.rows * s.outDim);
  affine(widen(xs), widen(ws), widen(bs), y, s.rows, s.inDim, s.outDim);
  return narrowLike(xs, y) as KernelOutput<T>;
}

/**
 * Backward pass of `dense` given dy = ∂loss/∂y (rows × outDim): dx = dy Wᵀ, dW = xᵀ dy, db = Σ_rows dy.
 *
 * @returns { dx, dW, db }, each of x's array type.
 * @example denseBackward(new Float64Array([1, 2]), new Float64Array([1, 0, 0, 1]), new Float64Array([1, 1]), 1, 2, 2)
 * // { dx: [1, 1], dW: [1, 1, 2, 2], db: [1, 1] }
 */
export function denseBackward<T extends KernelInput>(
  x: T,
  W: KernelInput,
  dy: KernelInput,
  rows: number,
  inDim: number,
  outDim: number,
): DenseGradients<KernelOutput<T>> {
  const s = shapes('denseBackward', rows, inDim, outDim);
  const xs = floatArray('denseBackward', 'x', x);
  const ws = floatArray('denseBackward', 'W', W);
  const dys = floatArray('denseBackward', 'dy', dy);
  lengthIs('denseBackward', 'x', xs.length, s.rows * s.inDim, 'rows·inDim');
  lengthIs('denseBackward', 'W', ws.length, s.inDim * s.outDim, 'inDim·outDim');
  lengthIs('denseBackward', 'dy', dys.length, s.rows * s.outDim, 'rows·outDim');
  const x64 = widen(xs);
  const dy64 = widen(dys);
  const dx = new Float64Array(s.rows * s.inDim);
  const dW = new Float64Array(s.inDim * s.outDim);
  const db = new Float64Array(s.outDim);
  timesTranspose(dy64, widen(ws), dx, s.rows, s.inDim, s.outDim);
  transposeTimes(x64, dy64, dW, s.rows, s.inDim, s.outDim);
  columnSums(dy64, db, s.rows, s.outDim);
  return {
    dx: narrowLike(xs, dx),
    dW: narrowLike(xs, dW),
    db: narrowLike(xs, db),
  } as DenseGradients<KernelOutput<T>>;
}
