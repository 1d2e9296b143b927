/**
 * A multilayer perceptron of any depth over the dense, activation and softmax cross-entropy kernels.
 * All parameters live in ONE flat array (so a checker can treat the network as a function of one
 * vector), laid out layer by layer: W_0 (sizes[0] × sizes[1], row-major), b_0, W_1, b_1, …
 */
import { GradcheckError } from '../errors.js';
import type { DType, FloatArray } from '../types.js';
import { ACTIVATION_NAMES, type ActivationName } from './activation.js';
import { mulberry32 } from './random.js';
import { describe } from './validate.js';

export type { ActivationName } from './activation.js';

/** Where one layer's parameters sit in the flat parameter vector. */
export interface MlpLayer {
  /** Layer index l: maps sizes[l] inputs to sizes[l + 1] outputs. */
  readonly index: number;
  readonly inDim: number;
  readonly outDim: number;
  /** The activation applied to this layer's pre-activations; 'softmax' for the output layer. */
  readonly activation: ActivationName | 'softmax';
  /** Offset of W_l (inDim × outDim, row-major: W[k·outDim + j] connects input k to output j). */
  readonly weightsOffset: number;
  /** Offset of b_l (outDim entries), right after W_l. */
  readonly biasOffset: number;
}

/** A network: its shape, its parameter layout, and a seeded initial parameter vector. */
export interface Mlp {
  /** Layer widths, input first, classes last, e.g. [784, 128, 10]. */
  readonly sizes: readonly number[];
  /** One activation per hidden layer (sizes.length − 2 of them). */
  readonly activations: readonly ActivationName[];
  /** Element type of `params` (and of every result computed from float32 parameters). */
  readonly dtype: DType;
  /** The layout table, one entry per layer. */
  readonly layers: readonly MlpLayer[];
  /** Total number of parameters, Σ_l (inDim + 1)·outDim. */
  readonly parameterCount: number;
  /** The initial parameters drawn from `seed`. */
  readonly params: FloatArray;
  /** A view (not a copy) of W_l inside `params` (default: this network's own parameters). */
  weights(layer: number, params?: FloatArray): FloatArray;
  /** A view (not a copy) of b_l inside `params`. */
  bias(layer: number, params?: FloatArray): FloatArray;
}

/** Options of `createMlp`. */
export interface MlpOptions {
  /** Layer widths, at least two positive integers: [inputs, hidden…, classes]. */
  readonly sizes: readonly number[];
  /** One activation for every hidden layer, or one per hidden layer (default 'relu'). */
  readonly activations?: ActivationName | readonly ActivationName[];
  /** Parameter type (default 'float64'). */
  readonly dtype?: DType;
  /** Seed of the initialiser (default 0). */
  readonly seed?: number;
  /** Multiplier of the initial weight range (default 1). */
  readonly scale?: number;
  /** Biases are drawn uniformly from [−biasScale, biasScale] (default 0: zero biases). */
  readonly biasScale?: number;
}

const KNOWN = new Set(['sizes', 'activations', 'dtype', 'seed', 'scale', 'biasScale']);

/**
 * Creates an MLP with softmax cross-entropy at the output and a seeded initialiser: weights of a
 * layer feeding a ReLU are uniform in ±scale·√(6/inDim) (He et al. 2015), all others uniform in
 * ±scale·√(6/(inDim + outDim)) (Glorot & Bengio 2010); biases uniform in ±biasScale (default 0).
 * Draws come from mulberry32(seed) in layout order, so the same options give the same parameters.
 *
 * @throws GradcheckError `GC_INVALID_OPTION` for an unknown option or an invalid value (naming it).
 * @example
 * const mlp = createMlp({ sizes: [784, 128, 10], activations: 'relu', seed: 1 });
 * mlp.parameterCount // 101770
 * mlp.weights(1).length // 1280
 */
export function createMlp(options: MlpOptions): Mlp {
  const fn = 'createMlp';
  if (typeof options !== 'object' || options === null) invalid('options', 'an object', describe(options));
  for (const key of Object.keys(options))
    if (!KNOWN.has(key)) invalid(`options.${key}`, 'a known option', 'unknown option');
  const sizes = options.sizes;
  if (!Array.isArray(sizes) || sizes.length < 2)
    invalid('options.sizes', 'an array of at least two sizes', describe(sizes));
  sizes.forEach((s, i) => {
    if (!Number.isInteger(s) || s < 1) invalid(`options.sizes[${i}]`, 'a positive integer', String(s));
  });
  const hidden = sizes.length - 2;
  const acts = options.activations ?? 'relu';
  const activations: ActivationName[] = typeof acts === 'string' ? Array(hidden).fill(acts) : [...acts];
  if (activations.length !== hidden) {
    invalid(
      'options.activations',
      `one activation per hidden layer (${hidden})`,
      `${activations.length} given`,
    );
  }
  activations.forEach((a, i) => {
    if (!ACTIVATION_NAMES.includes(a))
      invalid(`options.activations[${i}]`, `one of ${ACTIVATION_NAMES.join(', ')}`, String(a));
  });
  const dtype = options.dtype ?? 'float64';
  if (dtype !== 'float64' && dtype !== 'float32')
    invalid('options.dtype', "'float64' or 'float32'", String(dtype));
  const seed = options.seed ?? 0;
  if (!Number.isInteger(seed)) invalid('options.seed', 'an integer', String(seed));
  const scale = options.scale ?? 1;
  if (!(scale > 0 && Number.isFinite(scale)))
    invalid('options.scale', 'a positive finite number', String(scale));
  const biasScale = options.biasScale ?? 0;
  if (!(biasScale >= 0 && Number.isFinite(biasScale)))
    invalid('options.biasScale', 'a finite number ≥ 0', String(biasScale));

  const layers: MlpLayer[] = [];
  let offset = 0;
  for (let l = 0; l + 1 < sizes.length; l++) {
    const inDim = sizes[l]!;
    const outDim = sizes[l + 1]!;
    layers.push({
      index: l,
      inDim,
      outDim,
      activation: l < hidden ? activations[l]! : 'softmax',
      weightsOffset: offset,
      biasOffset: offset + inDim * outDim,
    });
    offset += (inDim + 1) * outDim;
  }
  const params = dtype === 'float32' ? new Float32Array(offset) : new Float64Array(offset);
  const uniform = mulberry32(seed);
  for (const layer of layers) {
    const fanSum = layer.activation === 'relu' ? layer.inDim : layer.inDim + layer.outDim;
    const limit = scale * Math.sqrt(6 / fanSum);
    for (let i = layer.weightsOffset; i < layer.biasOffset; i++) params[i] = (2 * uniform() - 1) * limit;
    for (let i = layer.biasOffset; i < layer.biasOffset + layer.outDim; i++) {
      const draw = uniform(); // drawn even for zero biases, so biasScale never shifts the weights' draws
      params[i] = biasScale === 0 ? 0 : (2 * draw - 1) * biasScale;
    }
  }

  const layerAt = (name: string, l: number): MlpLayer => {
    const layer = layers[l];
    if (layer === undefined || !Number.isInteger(l)) {
      throw new GradcheckError(
        'GC_OUT_OF_RANGE',
        name,
        `layer must be an integer in [0, ${layers.length}) (given ${l})`,
        {
          arg: 'layer',
        },
      );
    }
    return layer;
  };
  const own = (name: string, p: FloatArray | undefined): FloatArray => {
    const v = p ?? params;
    if (!(v instanceof Float64Array || v instanceof Float32Array) || v.length !== offset) {
      throw new GradcheckError(
        'GC_SHAPE_MISMATCH',
        name,
        `params must be a float array of length ${offset} (given ${describe(v)})`,
        { arg: 'params' },
      );
    }
    return v;
  };
  return {
    sizes: [...sizes],
    activations,
    dtype,
    layers,
    parameterCount: offset,
    params,
    weights(l, p) {
      const layer = layerAt('weights', l);
      return own('weights', p).subarray(layer.weightsOffset, layer.biasOffset);
    },
    bias(l, p) {
      const layer = layerAt('bias', l);
      return own('bias', p).subarray(layer.biasOffset, layer.biasOffset + layer.outDim);
    },
  };

  function invalid(arg: string, expected: string, given: string): never {
    throw new GradcheckError('GC_INVALID_OPTION', fn, `${arg} must be ${expected} (given ${given})`, { arg });
  }
}
