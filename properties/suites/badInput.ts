/**
 * Malformed input is rejected, never computed on: every kernel throws a GradcheckError with the
 * documented code, naming the function and the argument at fault (`fn: arg must … (given …)`), for
 * any shape. One run draws a shape and checks every kind of malformed call against it.
 */
import fc from 'fast-check';
import {
  blockDiagonal,
  type CheckResult,
  checkInvariant,
  createMlp,
  crossEntropy,
  crossEntropyGrad,
  crossEntropyWithTargets,
  crossEntropyWithTargetsGrad,
  defineProperty,
  dense,
  denseBackward,
  type GradcheckErrorCode,
  type GradSpec,
  isGradcheckError,
  logSoftmax,
  logSoftmaxJacobian,
  logSoftmaxJvp,
  logSoftmaxVjp,
  mlpBackward,
  mlpForward,
  mlpLoss,
  mlpLossFromPreActivations,
  relu,
  sigmoid,
  softmax,
  softmaxJacobian,
  softmaxJvp,
  softmaxVjp,
  tanh,
} from 'gradcheck';
import { allOf } from '../support/rows.js';
import { RUNS } from '../support/settings.js';

/** A call that must throw, and what it must throw. `message` is the message's documented start. */
interface Rejection {
  readonly call: () => unknown;
  readonly fn: string;
  readonly code: GradcheckErrorCode;
  readonly arg: string;
  readonly message: string;
}

/** 1 for each of: threw a GradcheckError, its code, its fn, its arg, its message start; all must be 1. */
function rejected(r: Rejection): CheckResult {
  let e: unknown;
  try {
    r.call();
  } catch (thrown) {
    e = thrown;
  }
  const g = isGradcheckError(e) ? e : undefined;
  const facts = [
    g ? 1 : 0,
    g?.code === r.code ? 1 : 0,
    g?.fn === r.fn ? 1 : 0,
    g?.arg === r.arg ? 1 : 0,
    g?.message.startsWith(r.message) ? 1 : 0,
  ];
  const got = g ? `${g.code} '${g.message}'` : e === undefined ? 'no error' : String(e);
  return checkInvariant(facts, 1, 0, { name: `${r.message}… (${r.code}; got ${got})` });
}

interface Shape {
  /** A row-major length that `cols` does not divide. */
  readonly n: number;
  readonly rows: number;
  readonly cols: number;
  /** A cols value that is not a positive integer. */
  readonly badCols: number;
  /** A position in the row and a label value out of [0, cols). */
  readonly at: number;
  readonly badLabel: number;
}

const shapes: fc.Arbitrary<Shape> = fc
  .record({
    rows: fc.integer({ min: 1, max: 4 }),
    cols: fc.integer({ min: 2, max: 6 }),
    extra: fc.integer({ min: 1, max: 5 }),
    badCols: fc.constantFrom(0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY),
    at: fc.nat(),
    badLabel: fc.constantFrom(-1, 0.5, Number.NaN, 99),
  })
  .map(({ rows, cols, extra, badCols, at, badLabel }) => ({
    n: rows * cols + (extra % cols === 0 ? 1 : extra % cols),
    rows,
    cols,
    badCols,
    at: at % (rows * cols),
    badLabel: badLabel === 99 ? cols : badLabel,
  }));

const rowwise = { softmax, logSoftmax, softmaxJacobian, logSoftmaxJacobian } as const;
const products = { softmaxVjp: 'g', softmaxJvp: 't', logSoftmaxVjp: 'g', logSoftmaxJvp: 't' } as const;
const productFns = { softmaxVjp, softmaxJvp, logSoftmaxVjp, logSoftmaxJvp } as const;

/** Malformed calls of the row-wise kernels and their products. */
function rowwiseRejections({ n, rows, cols, badCols, at }: Shape): Rejection[] {
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
      },
      {
        call: () => kernel(x, badCols),
        fn,
        code: 'GC_OUT_OF_RANGE',
        arg: 'cols',
        message: `${fn}: cols must be a positive integer (given ${badCols})`,
      },
      {
        call: () => kernel(x, String(cols)),
        fn,
        code: 'GC_INVALID_ARGUMENT',
        arg: 'cols',
        message: `${fn}: cols must be a number (given`,
      },
      {
        call: () => kernel(new Int32Array(rows * cols), cols),
        fn,
        code: 'GC_INVALID_ARGUMENT',
        arg: 'x',
        message: `${fn}: x must be a Float64Array, a Float32Array or a number[] (given`,
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
        message: `${fn}: x must hold only numbers (x[${at}] is`,
      },
    );
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
    });
  }
  out.push(
    {
      call: () => softmax(x, cols, new Float32Array(rows * cols) as never),
      fn: 'softmax',
      code: 'GC_INVALID_ARGUMENT',
      arg: 'out',
      message: 'softmax: out must be a Float64Array, the type of the result (given',
    },
    {
      call: () => logSoftmax(x, cols, new Float64Array(rows * cols + 1)),
      fn: 'logSoftmax',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'out',
      message: `logSoftmax: out.length must be ${rows * cols}, the length of the result (given out.length=${rows * cols + 1})`,
    },
    {
      call: () => blockDiagonal(new Float64Array(11586), 1),
      fn: 'blockDiagonal',
      code: 'GC_TOO_LARGE',
      arg: 'blocks',
      message: 'blockDiagonal: blocks must describe at most 2^27 matrix entries (given 11586 blocks of 1×1',
    },
    {
      call: () => blockDiagonal(new Float64Array(cols * cols + 1), cols),
      fn: 'blockDiagonal',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'blocks',
      message: `blockDiagonal: blocks.length must be a multiple of cols² (blocks.length=${cols * cols + 1}, cols=${cols})`,
    },
  );
  for (const [fn, f] of Object.entries({ sigmoid, tanh, relu })) {
    out.push({
      call: () => (f as (x: unknown) => unknown)(new Int32Array(2)),
      fn,
      code: 'GC_INVALID_ARGUMENT',
      arg: 'x',
      message: `${fn}: x must be a Float64Array, a Float32Array or a number[] (given`,
    });
  }
  return out;
}

/** Malformed calls of the cross-entropy kernels. */
function crossEntropyRejections({ rows, cols, at, badLabel }: Shape): Rejection[] {
  const x = new Float64Array(rows * cols);
  const labels = new Int32Array(rows);
  const bad = Array.from(labels, (l, r) => (r === at % rows ? badLabel : l));
  const out: Rejection[] = [];
  for (const [fn, f] of Object.entries({ crossEntropy, crossEntropyGrad })) {
    const k = f as (x: unknown, labels: unknown, cols: unknown) => unknown;
    out.push(
      {
        call: () => k(x, new Int32Array(rows + 1), cols),
        fn,
        code: 'GC_SHAPE_MISMATCH',
        arg: 'labels',
        message: `${fn}: labels.length must be ${rows}, one label per row (rows=${rows}) (given labels.length=${rows + 1})`,
      },
      {
        call: () => k(x, bad, cols),
        fn,
        code: 'GC_OUT_OF_RANGE',
        arg: 'labels',
        message: `${fn}: labels must be integers in [0, ${cols}) (labels[${at % rows}] is`,
      },
      {
        call: () => k(new Float64Array(0), [], cols),
        fn,
        code: 'GC_EMPTY_INPUT',
        arg: 'logits',
        message: `${fn}: logits must hold at least one row (given 0 elements)`,
      },
      {
        call: () => k(new Float64Array(rows * cols + 1), labels, cols),
        fn,
        code: 'GC_SHAPE_MISMATCH',
        arg: 'cols',
        message: `${fn}: cols must divide logits.length (logits.length=${rows * cols + 1}, cols=${cols})`,
      },
    );
  }
  for (const [fn, f] of Object.entries({ crossEntropyWithTargets, crossEntropyWithTargetsGrad })) {
    const k = f as (x: unknown, targets: unknown, cols: unknown) => unknown;
    const t = new Float64Array(rows * cols).fill(1 / cols);
    t[at] = Number.NaN;
    out.push(
      {
        call: () => k(x, t, cols),
        fn,
        code: 'GC_OUT_OF_RANGE',
        arg: 'targets',
        message: `${fn}: targets must be finite (targets[${at}] is NaN)`,
      },
      {
        call: () => k(x, new Float64Array(rows * cols + 1), cols),
        fn,
        code: 'GC_SHAPE_MISMATCH',
        arg: 'targets',
        message: `${fn}: targets.length must be ${rows * cols}`,
      },
    );
  }
  return out;
}

/** Malformed calls of the dense layer and the MLP functions. */
function networkRejections({ rows, cols }: Shape): Rejection[] {
  const inDim = cols;
  const outDim = cols + 1;
  const x = new Float64Array(rows * inDim);
  const W = new Float64Array(inDim * outDim);
  const b = new Float64Array(outDim);
  const dy = new Float64Array(rows * outDim);
  const mlp = createMlp({ sizes: [inDim, 3, outDim], activations: 'tanh' });
  const params = mlp.params;
  const labels = new Int32Array(rows);
  const short = new Float64Array(mlp.parameterCount - 1);
  const invalid = (key: string, value: unknown, expected: string): Rejection => ({
    call: () => createMlp({ sizes: [inDim, 3, outDim], [key]: value } as never),
    fn: 'createMlp',
    code: 'GC_INVALID_OPTION',
    arg: `options.${key}`,
    message: `createMlp: options.${key} must be ${expected}`,
  });
  return [
    {
      call: () => dense(new Float64Array(rows * inDim + 1), W, b, rows, inDim, outDim),
      fn: 'dense',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'x',
      message: `dense: x.length must be ${rows * inDim}, rows·inDim`,
    },
    {
      call: () => dense(x, new Float64Array(inDim * outDim + 1), b, rows, inDim, outDim),
      fn: 'dense',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'W',
      message: `dense: W.length must be ${inDim * outDim}, inDim·outDim`,
    },
    {
      call: () => dense(x, W, new Float64Array(outDim + 1), rows, inDim, outDim),
      fn: 'dense',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'b',
      message: `dense: b.length must be ${outDim}, outDim`,
    },
    {
      call: () => dense(x, W, b, 0, inDim, outDim),
      fn: 'dense',
      code: 'GC_OUT_OF_RANGE',
      arg: 'rows',
      message: 'dense: rows must be a positive integer (given 0)',
    },
    {
      call: () => denseBackward(x, W, new Float64Array(rows * outDim + 1), rows, inDim, outDim),
      fn: 'denseBackward',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'dy',
      message: `denseBackward: dy.length must be ${rows * outDim}, rows·outDim`,
    },
    {
      call: () => denseBackward(x, W, dy, rows, -inDim, outDim),
      fn: 'denseBackward',
      code: 'GC_OUT_OF_RANGE',
      arg: 'inDim',
      message: `denseBackward: inDim must be a positive integer (given ${-inDim})`,
    },
    invalid('sizes', [inDim], 'an array of at least two sizes'),
    invalid('activations', ['tanh', 'tanh'], 'one activation per hidden layer (1)'),
    invalid('dtype', 'float16', "'float64' or 'float32'"),
    invalid('seed', 0.5, 'an integer'),
    invalid('scale', 0, 'a positive finite number'),
    invalid('biasScale', -1, 'a finite number ≥ 0'),
    invalid('width', 3, 'a known option'),
    {
      call: () => createMlp({ sizes: [inDim, 0, outDim] }),
      fn: 'createMlp',
      code: 'GC_INVALID_OPTION',
      arg: 'options.sizes[1]',
      message: 'createMlp: options.sizes[1] must be a positive integer (given 0)',
    },
    {
      call: () => createMlp({ sizes: [inDim, 3, outDim], activations: ['swish' as never] }),
      fn: 'createMlp',
      code: 'GC_INVALID_OPTION',
      arg: 'options.activations[0]',
      message: 'createMlp: options.activations[0] must be one of',
    },
    {
      call: () => mlpForward(mlp, short, x, rows),
      fn: 'mlpForward',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'params',
      message: `mlpForward: params.length must be ${mlp.parameterCount}, mlp.parameterCount for sizes [${inDim}, 3, ${outDim}]`,
    },
    {
      call: () => mlpForward(mlp, params, x, rows + 1),
      fn: 'mlpForward',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'x',
      message: `mlpForward: x.length must be ${(rows + 1) * inDim}, rows·sizes[0] = ${rows + 1}·${inDim}`,
    },
    {
      call: () => mlpForward(mlp, params, x, 0),
      fn: 'mlpForward',
      code: 'GC_OUT_OF_RANGE',
      arg: 'rows',
      message: 'mlpForward: rows must be a positive integer (given 0)',
    },
    {
      call: () => mlpLoss(mlp, Array.from(params) as never, x, labels),
      fn: 'mlpLoss',
      code: 'GC_INVALID_ARGUMENT',
      arg: 'params',
      message: 'mlpLoss: params must be a Float64Array or a Float32Array (given',
    },
    {
      call: () => mlpLoss({} as never, params, x, labels),
      fn: 'mlpLoss',
      code: 'GC_INVALID_ARGUMENT',
      arg: 'mlp',
      message: 'mlpLoss: mlp must be a network made by createMlp (given',
    },
    {
      call: () => mlpBackward(mlp, params, new Float64Array(rows * inDim + 1), labels),
      fn: 'mlpBackward',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'x',
      message: `mlpBackward: x.length must be a positive multiple of sizes[0]=${inDim} (given x.length=${rows * inDim + 1})`,
    },
    {
      call: () => mlpBackward(mlp, params, x, new Int32Array(rows).fill(outDim)),
      fn: 'mlpBackward',
      code: 'GC_OUT_OF_RANGE',
      arg: 'labels',
      message: `mlpBackward: labels must be integers in [0, ${outDim})`,
    },
    {
      call: () => mlpLossFromPreActivations(mlp, params, x, labels, 2, new Float64Array(rows * outDim)),
      fn: 'mlpLossFromPreActivations',
      code: 'GC_OUT_OF_RANGE',
      arg: 'layer',
      message: 'mlpLossFromPreActivations: layer must be an integer in [0, 2) (given 2)',
    },
    {
      call: () => mlpLossFromPreActivations(mlp, params, x, labels, 0, new Float64Array(rows * 3 + 1)),
      fn: 'mlpLossFromPreActivations',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'z',
      message: `mlpLossFromPreActivations: z.length must be ${rows * 3}, rows·sizes[1] = ${rows}·3`,
    },
    {
      call: () => mlp.weights(2),
      fn: 'weights',
      code: 'GC_OUT_OF_RANGE',
      arg: 'layer',
      message: 'weights: layer must be an integer in [0, 2) (given 2)',
    },
    {
      call: () => mlp.bias(0, short),
      fn: 'bias',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'params',
      message: `bias: params must be a float array of length ${mlp.parameterCount}`,
    },
  ];
}

/** Every kernel rejects every kind of malformed call, for any shape. */
export function badInputSpec(): GradSpec {
  return defineProperty({
    name: 'kernels reject malformed input with typed errors',
    input: shapes,
    dtype: 'float64',
    options: { numRuns: RUNS },
    check: (shape) =>
      allOf(
        ...[...rowwiseRejections(shape), ...crossEntropyRejections(shape), ...networkRejections(shape)].map(
          (r) => () => rejected(r),
        ),
      ),
  });
}
