/** Malformed calls of softmax, log-softmax, their derivatives, blockDiagonal and the activations. */
import {
  blockDiagonal,
  logSoftmax,
  logSoftmaxJacobian,
  logSoftmaxJvp,
  logSoftmaxVjp,
  relu,
  reluGrad,
  sigmoid,
  sigmoidGrad,
  softmax,
  softmaxJacobian,
  softmaxJvp,
  softmaxVjp,
  tanh,
  tanhGrad,
} from 'gradcheck';
import { ARRAY_TYPES, ODD_VALUES, type Rejection, type Shape } from './rejection.js';

const rowwise = { softmax, logSoftmax, softmaxJacobian, logSoftmaxJacobian } as const;
const products = { softmaxVjp: 'g', softmaxJvp: 't', logSoftmaxVjp: 'g', logSoftmaxJvp: 't' } as const;
const productFns = { softmaxVjp, softmaxJvp, logSoftmaxVjp, logSoftmaxJvp } as const;
const elementwise = { sigmoid, tanh, relu, sigmoidGrad, tanhGrad, reluGrad } as const;

/** Malformed calls of the row-wise kernels and their products. */
export function rowwiseRejections({ n, rows, cols, badCols, at }: Shape): Rejection[] {
  const x = new Float64Array(rows * cols);
  const out: Rejection[] = [];
  for (const [fn, k] of Object.entries(rowwise)) {
    const kernel = k as (x: unknown, cols: unknown) => unknown;
    out.push(
      {
        call: () => kernel(new Float64Array(n), cols),
        fn,
        code: 'GC_SHAPE_MISMATCH',
        arg: 'cols',
        message: `${fn}: cols must divide x.length (x.length=${n}, cols=${cols})`,
        details: { length: n, cols },
      },
      {
        call: () => kernel(x, badCols),
        fn,
        code: 'GC_OUT_OF_RANGE',
        arg: 'cols',
        message: `${fn}: cols must be a positive integer (given ${badCols})`,
        details: { cols: badCols },
      },
      {
        call: () => kernel(x, String(cols)),
        fn,
        code: 'GC_INVALID_ARGUMENT',
        arg: 'cols',
        message: `${fn}: cols must be a number (given string)`,
      },
      {
        call: () => kernel(new Int32Array(rows * cols), cols),
        fn,
        code: 'GC_INVALID_ARGUMENT',
        arg: 'x',
        message: `${fn}: x must be ${ARRAY_TYPES} (given Int32Array(${rows * cols}))`,
      },
      {
        call: () =>
          kernel(
            Array.from(x, (v, i) => (i === at ? String(v) : v)),
            cols,
          ),
        fn,
        code: 'GC_INVALID_ARGUMENT',
        arg: 'x',
        message: `${fn}: x must hold only numbers (x[${at}] is string)`,
        details: { index: at },
      },
    );
  }
  // Every kind of value a size or an array must not be, described as documented.
  for (const [value, given] of ODD_VALUES) {
    if (typeof value !== 'number') {
      out.push({
        call: () => softmax(x, value as never),
        fn: 'softmax',
        code: 'GC_INVALID_ARGUMENT',
        arg: 'cols',
        message: `softmax: cols must be a number (given ${given})`,
      });
    }
    if (!Array.isArray(value)) {
      out.push({
        call: () => logSoftmax(value as never, cols),
        fn: 'logSoftmax',
        code: 'GC_INVALID_ARGUMENT',
        arg: 'x',
        message: `logSoftmax: x must be ${ARRAY_TYPES} (given ${given})`,
      });
    }
  }
  for (const [fn, arg] of Object.entries(products)) {
    const kernel = productFns[fn as keyof typeof productFns] as (
      x: unknown,
      v: unknown,
      cols: unknown,
    ) => unknown;
    out.push({
      call: () => kernel(x, new Float64Array(rows * cols + 1), cols),
      fn,
      code: 'GC_SHAPE_MISMATCH',
      arg,
      message: `${fn}: ${arg}.length must be ${rows * cols}, the length of x (given ${arg}.length=${rows * cols + 1})`,
      details: { expected: rows * cols, actual: rows * cols + 1 },
    });
  }
  out.push(
    {
      call: () => softmax(x, cols, new Float32Array(rows * cols) as never),
      fn: 'softmax',
      code: 'GC_INVALID_ARGUMENT',
      arg: 'out',
      message: `softmax: out must be a Float64Array, the type of the result (given Float32Array(${rows * cols}))`,
    },
    {
      call: () => logSoftmax(x, cols, new Float64Array(rows * cols + 1)),
      fn: 'logSoftmax',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'out',
      message: `logSoftmax: out.length must be ${rows * cols}, the length of the result (given out.length=${rows * cols + 1})`,
      details: { expected: rows * cols, actual: rows * cols + 1 },
    },
    {
      call: () => blockDiagonal(new Float64Array(11586), 1),
      fn: 'blockDiagonal',
      code: 'GC_TOO_LARGE',
      arg: 'blocks',
      message:
        'blockDiagonal: blocks must describe at most 2^27 matrix entries (given 11586 blocks of 1×1: 11586² entries)',
      details: { rows: 11586, cols: 1 },
    },
    {
      call: () => blockDiagonal(new Float64Array(cols * cols + 1), cols),
      fn: 'blockDiagonal',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'blocks',
      message: `blockDiagonal: blocks.length must be a multiple of cols² (blocks.length=${cols * cols + 1}, cols=${cols})`,
      details: { length: cols * cols + 1, cols },
    },
  );
  for (const [fn, f] of Object.entries(elementwise)) {
    out.push({
      call: () => (f as (x: unknown) => unknown)(new Int32Array(2)),
      fn,
      code: 'GC_INVALID_ARGUMENT',
      arg: 'x',
      message: `${fn}: x must be ${ARRAY_TYPES} (given Int32Array(2))`,
    });
  }
  return out;
}
