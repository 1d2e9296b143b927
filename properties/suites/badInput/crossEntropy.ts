/** Malformed calls of the cross-entropy kernels (labels and probability targets). */
import {
  crossEntropy,
  crossEntropyGrad,
  crossEntropyWithTargets,
  crossEntropyWithTargetsGrad,
} from 'gradcheck';
import { ARRAY_TYPES, type Rejection, type Shape } from './rejection.js';

type Kernel = (x: unknown, y: unknown, cols: unknown, out?: unknown) => unknown;

/** Malformed logits, the same for the four kernels; `y` is a valid second argument. */
function logitRejections(fn: string, k: Kernel, y: unknown, { rows, cols }: Shape): Rejection[] {
  const x = new Float64Array(rows * cols);
  return [
    {
      call: () => k(new Float64Array(0), y, cols),
      fn,
      code: 'GC_EMPTY_INPUT',
      arg: 'logits',
      message: `${fn}: logits must hold at least one row (given 0 elements)`,
    },
    {
      call: () => k(new Float64Array(rows * cols + 1), y, cols),
      fn,
      code: 'GC_SHAPE_MISMATCH',
      arg: 'cols',
      message: `${fn}: cols must divide logits.length (logits.length=${rows * cols + 1}, cols=${cols})`,
      details: { length: rows * cols + 1, cols },
    },
    {
      call: () => k(new Int32Array(rows * cols), y, cols),
      fn,
      code: 'GC_INVALID_ARGUMENT',
      arg: 'logits',
      message: `${fn}: logits must be ${ARRAY_TYPES} (given Int32Array(${rows * cols}))`,
    },
    {
      call: () => k(x, y, 0),
      fn,
      code: 'GC_OUT_OF_RANGE',
      arg: 'cols',
      message: `${fn}: cols must be a positive integer (given 0)`,
      details: { cols: 0 },
    },
  ];
}

/** Malformed calls of the cross-entropy kernels. */
export function crossEntropyRejections(shape: Shape): Rejection[] {
  const { rows, cols, at, badLabel } = shape;
  const x = new Float64Array(rows * cols);
  const labels = new Int32Array(rows);
  const bad = Array.from(labels, (l, r) => (r === at % rows ? badLabel : l));
  const out: Rejection[] = [];
  for (const [fn, f] of Object.entries({ crossEntropy, crossEntropyGrad })) {
    const k = f as Kernel;
    const notLabels = (value: unknown, given: string): Rejection => ({
      call: () => k(x, value, cols),
      fn,
      code: 'GC_INVALID_ARGUMENT',
      arg: 'labels',
      message: `${fn}: labels must be an Int32Array or a number[] of class indices (given ${given})`,
    });
    out.push(
      ...logitRejections(fn, k, labels, shape),
      {
        call: () => k(x, new Int32Array(rows + 1), cols),
        fn,
        code: 'GC_SHAPE_MISMATCH',
        arg: 'labels',
        message: `${fn}: labels.length must be ${rows}, one label per row (rows=${rows}) (given labels.length=${rows + 1})`,
        details: { expected: rows, actual: rows + 1 },
      },
      {
        call: () => k(x, bad, cols),
        fn,
        code: 'GC_OUT_OF_RANGE',
        arg: 'labels',
        message: `${fn}: labels must be integers in [0, ${cols}) (labels[${at % rows}] is ${badLabel})`,
        details: { index: at % rows, value: badLabel, classes: cols },
      },
      {
        call: () =>
          k(
            x,
            Array.from(labels, (l, r) => (r === at % rows ? String(l) : l)),
            cols,
          ),
        fn,
        code: 'GC_OUT_OF_RANGE',
        arg: 'labels',
        message: `${fn}: labels must be integers in [0, ${cols}) (labels[${at % rows}] is string)`,
        details: { index: at % rows, value: '0', classes: cols },
      },
      notLabels(new Uint8Array(rows), `Uint8Array(${rows})`),
      notLabels(new Float64Array(rows), `Float64Array(${rows})`),
      notLabels(null, 'null'),
      notLabels(rows, String(rows)),
    );
  }
  out.push({
    call: () => crossEntropyGrad(x, labels, cols, new Float32Array(rows * cols) as never),
    fn: 'crossEntropyGrad',
    code: 'GC_INVALID_ARGUMENT',
    arg: 'out',
    message: `crossEntropyGrad: out must be a Float64Array, the type of the result (given Float32Array(${rows * cols}))`,
  });
  for (const [fn, f] of Object.entries({ crossEntropyWithTargets, crossEntropyWithTargetsGrad })) {
    const k = f as Kernel;
    const t = new Float64Array(rows * cols).fill(1 / cols);
    const nan = t.slice();
    nan[at] = Number.NaN;
    out.push(
      ...logitRejections(fn, k, t, shape),
      {
        call: () => k(x, nan, cols),
        fn,
        code: 'GC_OUT_OF_RANGE',
        arg: 'targets',
        message: `${fn}: targets must be finite (targets[${at}] is NaN)`,
        details: { index: at },
      },
      {
        call: () => k(x, new Float64Array(rows * cols + 1), cols),
        fn,
        code: 'GC_SHAPE_MISMATCH',
        arg: 'targets',
        message: `${fn}: targets.length must be ${rows * cols}, one row of ${cols} per row of logits (given targets.length=${rows * cols + 1})`,
        details: { expected: rows * cols, actual: rows * cols + 1 },
      },
      {
        call: () => k(x, new Int32Array(rows * cols), cols),
        fn,
        code: 'GC_INVALID_ARGUMENT',
        arg: 'targets',
        message: `${fn}: targets must be ${ARRAY_TYPES} (given Int32Array(${rows * cols}))`,
      },
    );
  }
  return out;
}
