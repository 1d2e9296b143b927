/** Malformed calls of the dense layer, createMlp and the MLP functions. */
import {
  createMlp,
  dense,
  denseBackward,
  mlpBackward,
  mlpForward,
  mlpLoss,
  mlpLossFromPreActivations,
} from 'gradcheck';
import type { Rejection, Shape } from './rejection.js';

/** Malformed calls of the dense layer and the MLP functions. */
export function networkRejections({ rows, cols }: Shape): Rejection[] {
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
