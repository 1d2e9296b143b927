/** Malformed calls of the MLP functions (mlpForward, mlpLoss, mlpBackward, mlpLossFromPreActivations) on a valid network. */
import { createMlp, mlpBackward, mlpForward, mlpLoss, mlpLossFromPreActivations } from 'gradcheck';
import { ARRAY_TYPES, type Rejection, type Shape } from './rejection.js';

/** Malformed calls of the MLP functions on a valid network. */
export function networkRejections({ rows, cols }: Shape): Rejection[] {
  const inDim = cols;
  const outDim = cols + 1;
  const x = new Float64Array(rows * inDim);
  const mlp = createMlp({ sizes: [inDim, 3, outDim], activations: 'tanh' });
  const params = mlp.params;
  const count = mlp.parameterCount;
  const labels = new Int32Array(rows);
  const short = new Float64Array(count - 1);
  const forwardRows = (value: unknown): Rejection => ({
    call: () => mlpForward(mlp, params, x, value as number),
    fn: 'mlpForward',
    code: 'GC_OUT_OF_RANGE',
    arg: 'rows',
    message: `mlpForward: rows must be a positive integer (given ${String(value)})`,
  });
  return [
    {
      call: () => mlpForward(mlp, short, x, rows),
      fn: 'mlpForward',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'params',
      message: `mlpForward: params.length must be ${count}, mlp.parameterCount for sizes [${inDim}, 3, ${outDim}] (given params.length=${count - 1})`,
      details: { expected: count, actual: count - 1 },
    },
    {
      call: () => mlpForward(mlp, params, x, rows + 1),
      fn: 'mlpForward',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'x',
      message: `mlpForward: x.length must be ${(rows + 1) * inDim}, rows·sizes[0] = ${rows + 1}·${inDim} (given x.length=${rows * inDim})`,
      details: { expected: (rows + 1) * inDim, actual: rows * inDim },
    },
    forwardRows(0),
    forwardRows(1.5),
    forwardRows(Number.NaN),
    forwardRows(String(rows)),
    {
      call: () => mlpLoss(mlp, Array.from(params) as never, x, labels),
      fn: 'mlpLoss',
      code: 'GC_INVALID_ARGUMENT',
      arg: 'params',
      message: `mlpLoss: params must be a Float64Array or a Float32Array (given Array(${count}))`,
    },
    {
      call: () => mlpLoss(mlp, params, new Int32Array(rows * inDim) as never, labels),
      fn: 'mlpLoss',
      code: 'GC_INVALID_ARGUMENT',
      arg: 'x',
      message: `mlpLoss: x must be ${ARRAY_TYPES} (given Int32Array(${rows * inDim}))`,
    },
    {
      call: () => mlpLoss(mlp, params, new Float64Array(0), labels),
      fn: 'mlpLoss',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'x',
      message: `mlpLoss: x.length must be a positive multiple of sizes[0]=${inDim} (given x.length=0)`,
    },
    {
      call: () => mlpLoss(mlp, params, x, new Int32Array(rows + 1)),
      fn: 'mlpLoss',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'labels',
      message: `mlpLoss: labels.length must be ${rows}, one label per row (rows=${rows}) (given labels.length=${rows + 1})`,
      details: { expected: rows, actual: rows + 1 },
    },
    {
      call: () => mlpLoss(mlp, params, x, 'labels' as never),
      fn: 'mlpLoss',
      code: 'GC_INVALID_ARGUMENT',
      arg: 'labels',
      message: 'mlpLoss: labels must be an Int32Array or a number[] of class indices (given string)',
    },
    {
      call: () => mlpLoss(mlp, params, x, new Float32Array(rows * outDim - 1)),
      fn: 'mlpLoss',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'targets',
      message: `mlpLoss: targets.length must be ${rows * outDim}, one row of ${outDim} per row of logits (given targets.length=${rows * outDim - 1})`,
      details: { expected: rows * outDim, actual: rows * outDim - 1 },
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
      message: `mlpBackward: labels must be integers in [0, ${outDim}) (labels[0] is ${outDim})`,
      details: { index: 0, value: outDim, classes: outDim },
    },
    ...[2, 0.5, -1, '0'].map(
      (layer): Rejection => ({
        call: () =>
          mlpLossFromPreActivations(mlp, params, x, labels, layer as number, new Float64Array(rows * outDim)),
        fn: 'mlpLossFromPreActivations',
        code: 'GC_OUT_OF_RANGE',
        arg: 'layer',
        message: `mlpLossFromPreActivations: layer must be an integer in [0, 2) (given ${layer})`,
      }),
    ),
    {
      call: () => mlpLossFromPreActivations(mlp, params, x, labels, 0, new Float64Array(rows * 3 + 1)),
      fn: 'mlpLossFromPreActivations',
      code: 'GC_SHAPE_MISMATCH',
      arg: 'z',
      message: `mlpLossFromPreActivations: z.length must be ${rows * 3}, rows·sizes[1] = ${rows}·3 (given z.length=${rows * 3 + 1})`,
      details: { expected: rows * 3, actual: rows * 3 + 1 },
    },
    {
      call: () =>
        mlpLossFromPreActivations(mlp, params, x, labels, 1, new Int32Array(rows * outDim) as never),
      fn: 'mlpLossFromPreActivations',
      code: 'GC_INVALID_ARGUMENT',
      arg: 'z',
      message: `mlpLossFromPreActivations: z must be ${ARRAY_TYPES} (given Int32Array(${rows * outDim}))`,
    },
  ];
}
