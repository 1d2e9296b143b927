/**
 * Malformed networks: createMlp's options (not an object, unknown keys, each documented option with
 * an invalid value), values passed as `mlp` that are not networks made by createMlp, and the layer
 * views `weights` / `bias` asked for a missing layer or given foreign parameters.
 */
import { createMlp, mlpBackward, mlpForward, mlpLoss } from 'gradcheck';
import { ODD_VALUES, type Rejection, type Shape } from './rejection.js';

/** createMlp rejecting its options, and the MLP functions rejecting what is not an MLP. */
export function mlpOptionRejections({ cols }: Shape): Rejection[] {
  const inDim = cols;
  const outDim = cols + 1;
  const sizes = [inDim, 3, outDim];
  const option = (arg: string, expected: string, given: string, options: unknown): Rejection => ({
    call: () => createMlp(options as never),
    fn: 'createMlp',
    code: 'GC_INVALID_OPTION',
    arg,
    message: `createMlp: ${arg} must be ${expected} (given ${given})`,
  });
  const invalid = (key: string, value: unknown, expected: string, given: string) =>
    option(`options.${key}`, expected, given, { sizes, [key]: value });
  const out: Rejection[] = [
    invalid('sizes', [inDim], 'an array of at least two sizes', 'Array(1)'),
    invalid('sizes', `${inDim},${outDim}`, 'an array of at least two sizes', 'string'),
    invalid('sizes', undefined, 'an array of at least two sizes', 'undefined'),
    option('options.sizes[1]', 'a positive integer', '0', { sizes: [inDim, 0, outDim] }),
    option('options.sizes[0]', 'a positive integer', '2.5', { sizes: [2.5, outDim] }),
    invalid('activations', ['tanh', 'tanh'], 'one activation per hidden layer (1)', '2 given'),
    invalid('activations', [], 'one activation per hidden layer (1)', '0 given'),
    option('options.activations[0]', 'one of relu, tanh, sigmoid', 'swish', { sizes, activations: 'swish' }),
    option('options.activations[1]', 'one of relu, tanh, sigmoid', 'softmax', {
      sizes: [inDim, 3, 3, outDim],
      activations: ['relu', 'softmax'],
    }),
    invalid('dtype', 'float16', "'float64' or 'float32'", 'float16'),
    invalid('seed', 0.5, 'an integer', '0.5'),
    invalid('seed', '1', 'an integer', '1'),
    invalid('scale', 0, 'a positive finite number', '0'),
    invalid('scale', Number.POSITIVE_INFINITY, 'a positive finite number', 'Infinity'),
    invalid('biasScale', -1, 'a finite number ≥ 0', '-1'),
    invalid('biasScale', Number.NaN, 'a finite number ≥ 0', 'NaN'),
    invalid('width', 3, 'a known option', 'unknown option'),
    invalid('Sizes', sizes, 'a known option', 'unknown option'),
  ];
  const mlp = createMlp({ sizes, activations: 'tanh' });
  const x = new Float64Array(inDim);
  const notMlp = (fn: string, call: () => unknown, given: string): Rejection => ({
    call,
    fn,
    code: 'GC_INVALID_ARGUMENT',
    arg: 'mlp',
    message: `${fn}: mlp must be a network made by createMlp (given ${given})`,
  });
  for (const [value, given] of ODD_VALUES) {
    if (typeof value !== 'object' || value === null) {
      out.push(option('options', 'an object', given, value));
    }
    out.push(notMlp('mlpLoss', () => mlpLoss(value as never, mlp.params, x, [0]), given));
  }
  const { layers, parameterCount } = mlp;
  out.push(
    notMlp('mlpForward', () => mlpForward({ layers } as never, mlp.params, x, 1), 'object'),
    notMlp('mlpBackward', () => mlpBackward({ parameterCount } as never, mlp.params, x, [0]), 'object'),
    notMlp('mlpLoss', () => mlpLoss({ layers: {}, parameterCount } as never, mlp.params, x, [0]), 'object'),
    notMlp('mlpLoss', () => mlpLoss({ layers, parameterCount: '9' } as never, mlp.params, x, [0]), 'object'),
    {
      call: () => mlpForward({ layers, parameterCount: 0 } as never, mlp.params, x, 1),
      fn: 'mlpForward',
      code: 'GC_OUT_OF_RANGE',
      arg: 'mlp.parameterCount',
      message: 'mlpForward: mlp.parameterCount must be a positive integer (given 0)',
      details: { 'mlp.parameterCount': 0 },
    },
    {
      call: () => mlp.weights(2),
      fn: 'weights',
      code: 'GC_OUT_OF_RANGE',
      arg: 'layer',
      message: 'weights: layer must be an integer in [0, 2) (given 2)',
    },
    {
      call: () => mlp.weights('1' as never),
      fn: 'weights',
      code: 'GC_OUT_OF_RANGE',
      arg: 'layer',
      message: 'weights: layer must be an integer in [0, 2) (given 1)',
    },
    {
      call: () => mlp.bias(0.5),
      fn: 'bias',
      code: 'GC_OUT_OF_RANGE',
      arg: 'layer',
      message: 'bias: layer must be an integer in [0, 2) (given 0.5)',
    },
  );
  const count = mlp.parameterCount;
  for (const [fn, view] of [
    ['weights', mlp.weights],
    ['bias', mlp.bias],
  ] as const) {
    for (const [p, given] of [
      [new Float64Array(count - 1), `Float64Array(${count - 1})`],
      [new Float32Array(count + 1), `Float32Array(${count + 1})`],
      [Array.from(mlp.params), `Array(${count})`],
    ] as const) {
      out.push({
        call: () => view(1, p as never),
        fn,
        code: 'GC_SHAPE_MISMATCH',
        arg: 'params',
        message: `${fn}: params must be a float array of length ${count} (given ${given})`,
      });
    }
  }
  return out;
}
