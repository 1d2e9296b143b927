/**
 * Shapes of multi-layer perceptrons: `sizes` (input, hidden widths…, classes) and one activation per
 * hidden layer, small by default so that full-mode checks stay cheap. Shrinks toward one hidden layer
 * of width 1, the smallest input and class counts, and the first listed activation.
 */
import fc from 'fast-check';
import { listOf } from './listOf.js';
import { checkKeys, checkOrder, choiceListOption, intOption } from './validate.js';

/** Hidden-layer activations (the kernels' names). */
export type MlpActivation = 'sigmoid' | 'tanh' | 'relu';

const ACTIVATIONS: readonly MlpActivation[] = ['tanh', 'sigmoid', 'relu'];

/** An MLP shape: `activations.length === sizes.length − 2` (one per hidden layer). */
export interface MlpShape {
  readonly sizes: readonly number[];
  readonly activations: readonly MlpActivation[];
}

/** Options of {@link mlpShapes}; see {@link mlpShapesConstraints} for defaults. */
export interface MlpShapesConstraints {
  /** Number of hidden layers (default 1 to 2; 0 is a softmax regression). */
  readonly minHidden?: number;
  readonly maxHidden?: number;
  /** Input width (default 1 to 6). */
  readonly minInput?: number;
  readonly maxInput?: number;
  /** Hidden widths (default 1 to 8). */
  readonly minWidth?: number;
  readonly maxWidth?: number;
  /** Number of classes at the output (default 2 to 4). */
  readonly minClasses?: number;
  readonly maxClasses?: number;
  /** Activations each hidden layer is drawn from (default tanh, sigmoid, relu). */
  readonly activations?: readonly MlpActivation[];
}

export const MLP_SHAPE_KEYS = [
  'minHidden',
  'maxHidden',
  'minInput',
  'maxInput',
  'minWidth',
  'maxWidth',
  'minClasses',
  'maxClasses',
  'activations',
];

/**
 * Fills and validates the defaults of {@link MlpShapesConstraints} (GC_INVALID_OPTION names the field).
 *
 * @example
 * ```ts
 * mlpShapesConstraints({ activations: ['relu'] }).maxWidth; // 8
 * ```
 */
export function mlpShapesConstraints(
  c: MlpShapesConstraints = {},
  fn = 'mlpShapes',
  extraKeys: readonly string[] = [],
) {
  checkKeys(fn, 'constraints', c, [...MLP_SHAPE_KEYS, ...extraKeys]);
  const int = (name: keyof MlpShapesConstraints, fallback: number, min: number, max: number) =>
    intOption(fn, `constraints.${name}`, c[name], fallback, min, max);
  const r = {
    minHidden: int('minHidden', 1, 0, 16),
    maxHidden: int('maxHidden', Math.max(2, c.minHidden ?? 1), 0, 16),
    minInput: int('minInput', 1, 1, 4096),
    maxInput: int('maxInput', Math.max(6, c.minInput ?? 1), 1, 4096),
    minWidth: int('minWidth', 1, 1, 4096),
    maxWidth: int('maxWidth', Math.max(8, c.minWidth ?? 1), 1, 4096),
    minClasses: int('minClasses', 2, 1, 4096),
    maxClasses: int('maxClasses', Math.max(4, c.minClasses ?? 2), 1, 4096),
    activations: choiceListOption(fn, 'constraints.activations', c.activations, ACTIVATIONS, ACTIVATIONS),
  };
  for (const p of ['Hidden', 'Input', 'Width', 'Classes'] as const) {
    checkOrder(fn, `constraints.min${p}`, r[`min${p}`], `constraints.max${p}`, r[`max${p}`]);
  }
  return r;
}

/**
 * MLP shapes `{ sizes, activations }` for the kernels' `createMlp`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { mlpShapes } from 'gradcheck';
 * fc.sample(mlpShapes({ activations: ['relu'] }), 1)[0]; // e.g. { sizes: [3, 5, 2], activations: ['relu'] }
 * ```
 */
export function mlpShapes(c: MlpShapesConstraints = {}): fc.Arbitrary<MlpShape> {
  return shapesOf(mlpShapesConstraints(c));
}

/** The arbitrary for resolved constraints (shared with mlpCases). */
export function shapesOf(r: ReturnType<typeof mlpShapesConstraints>): fc.Arbitrary<MlpShape> {
  const layer = fc.tuple(fc.integer({ min: r.minWidth, max: r.maxWidth }), fc.constantFrom(...r.activations));
  return fc
    .tuple(
      fc.integer({ min: r.minInput, max: r.maxInput }),
      listOf(layer, r.minHidden, r.maxHidden),
      fc.integer({ min: r.minClasses, max: r.maxClasses }),
    )
    .map(([input, hidden, classes]) => ({
      sizes: [input, ...hidden.map(([w]) => w), classes],
      activations: hidden.map(([, a]) => a),
    }));
}
