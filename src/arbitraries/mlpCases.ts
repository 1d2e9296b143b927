/**
 * Complete MLP problems: a shape, parameters, a batch of inputs and targets, with ReLU pre-activations
 * kept away from 0 (default: finite differences never cross a kink) or one planted exactly at 0 (to
 * test kink handling). Inputs and parameters live on dyadic grids (see mlpParameters.ts).
 */
import fc from 'fast-check';
import { GradcheckError } from '../errors.js';
import type { FloatArray } from '../types.js';
import { labels } from './labels.js';
import { dyadicUnit, mlpLayout } from './mlpLayout.js';
import {
  gridValues,
  MLP_PARAMETER_KEYS,
  type MlpParametersConstraints,
  mlpParametersConstraints,
  parameterValues,
} from './mlpParameters.js';
import {
  MLP_SHAPE_KEYS,
  type MlpActivation,
  type MlpShapesConstraints,
  mlpShapesConstraints,
  shapesOf,
} from './mlpShapes.js';
import { probabilityTargets } from './probabilityTargets.js';
import { type Kink, placePreActivations } from './reluPlacement.js';
import { choiceOption, intOption, numberOption } from './validate.js';

export type { Kink } from './reluPlacement.js';

/** Options of {@link mlpCases}: shape and parameter options plus the ones below. */
export interface MlpCasesConstraints extends MlpShapesConstraints, MlpParametersConstraints {
  /** Fixed sizes, e.g. `[784, 128, 10]` (not combinable with the min/max shape options). */
  readonly sizes?: readonly number[];
  /** Batch rows (default 1 to 4). */
  readonly minRows?: number;
  readonly maxRows?: number;
  /** Input scale: x = k·u, |k| ≤ 16, u ≈ inputScale/8 (default 1). */
  readonly inputScale?: number;
  /** `'labels'` (Int32Array, default) or `'probabilities'` (rows summing to 1). */
  readonly targets?: 'labels' | 'probabilities';
  /**
   * `'away-from-zero'` (default): every ReLU pre-activation at least `margin` from 0. `'at-zero'`:
   * the same, plus one pre-activation exactly 0 (the first hidden layer is made ReLU; see `kink`).
   * `'any'`: biases as drawn.
   */
  readonly preActivations?: 'any' | 'away-from-zero' | 'at-zero';
  /** Distance from 0 kept by `'away-from-zero'` (default 1/16). */
  readonly margin?: number;
}

/** A generated MLP problem; pass `{ sizes, activations }` to the kernels' `createMlp`. */
export interface MlpCase<A extends FloatArray = FloatArray> {
  readonly sizes: readonly number[];
  readonly activations: readonly MlpActivation[];
  /** Flat parameters: per layer W (in×out, row-major) then b. */
  readonly params: A;
  /** Inputs, row-major rows × sizes[0]. */
  readonly x: A;
  readonly rows: number;
  readonly targets: Int32Array | A;
  /** Where a pre-activation sits exactly at 0 (`preActivations: 'at-zero'` only). */
  readonly kink: Kink | undefined;
}

const OWN_KEYS = ['sizes', 'minRows', 'maxRows', 'inputScale', 'targets', 'preActivations', 'margin'];

/**
 * Complete MLP problems `{ sizes, activations, params, x, rows, targets, kink }`.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { mlpCases } from 'gradcheck';
 * const [c] = fc.sample(mlpCases({ activations: ['relu'], preActivations: 'at-zero' }), 1);
 * c?.kink; // e.g. { layer: 0, row: 1, unit: 2 }: that pre-activation is exactly 0
 * ```
 */
export function mlpCases(
  c?: MlpCasesConstraints & { dtype?: 'float64' },
): fc.Arbitrary<MlpCase<Float64Array>>;
export function mlpCases(c: MlpCasesConstraints & { dtype: 'float32' }): fc.Arbitrary<MlpCase<Float32Array>>;
export function mlpCases(c?: MlpCasesConstraints): fc.Arbitrary<MlpCase>;
export function mlpCases(c: MlpCasesConstraints = {}): fc.Arbitrary<MlpCase> {
  const fn = 'mlpCases';
  const shapeC = mlpShapesConstraints(c, fn, [...MLP_PARAMETER_KEYS, ...OWN_KEYS]);
  const paramC = mlpParametersConstraints(c, fn);
  const minRows = intOption(fn, 'constraints.minRows', c.minRows, 1, 1, 4096);
  const maxRows = intOption(fn, 'constraints.maxRows', c.maxRows, Math.max(4, minRows), minRows, 4096);
  const inputScale = numberOption(fn, 'constraints.inputScale', c.inputScale, 1, 0, 1e6, true);
  const targets = choiceOption(fn, 'constraints.targets', c.targets, 'labels', [
    'labels',
    'probabilities',
  ] as const);
  const mode = choiceOption(fn, 'constraints.preActivations', c.preActivations, 'away-from-zero', [
    'any',
    'away-from-zero',
    'at-zero',
  ] as const);
  const margin = numberOption(fn, 'constraints.margin', c.margin, 1 / 16, 0, 1e6, true);
  const shapes = c.sizes === undefined ? shapesOf(shapeC) : fixedShapes(fn, c, shapeC.activations);
  if (mode === 'at-zero' && (c.sizes === undefined ? shapeC.maxHidden === 0 : c.sizes.length < 3)) {
    const arg = c.sizes === undefined ? 'constraints.maxHidden' : 'constraints.sizes';
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      fn,
      `${arg} must allow a hidden layer with preActivations 'at-zero'`,
      {
        arg,
      },
    );
  }
  const rowsArb = fc.integer({ min: minRows, max: maxRows });
  return fc.tuple(shapes, rowsArb).chain(([shape, rows]) => {
    const sizes = shape.sizes;
    const activations =
      mode === 'at-zero' ? ['relu' as const, ...shape.activations.slice(1)] : shape.activations;
    const classes = sizes[sizes.length - 1]!;
    const targetArb =
      targets === 'labels'
        ? labels({ rows, cols: classes })
        : probabilityTargets({ rows, cols: classes }, { dtype: paramC.dtype });
    const xArb = gridValues(rows * sizes[0]!, dyadicUnit(inputScale / 8), 16);
    const kinkArb = fc.tuple(fc.nat(), fc.nat(), fc.nat());
    return fc.tuple(parameterValues(sizes, paramC), xArb, targetArb, kinkArb).map(([params, x, t, draw]) => {
      const kink = mode === 'at-zero' ? pickKink(sizes, activations, rows, draw) : undefined;
      const round = paramC.dtype === 'float32' ? Math.fround : (v: number) => v;
      placePreActivations(params, mlpLayout(sizes).layers, activations, x, rows, {
        mode,
        margin,
        kink,
        round,
      });
      const array = (vs: number[]) =>
        paramC.dtype === 'float32' ? Float32Array.from(vs) : Float64Array.from(vs);
      return { sizes, activations, params: array(params), x: array(x), rows, targets: t, kink };
    });
  });
}

/** A kink layer among the leading ReLU layers, a row and a unit of it (from three drawn naturals). */
function pickKink(
  sizes: readonly number[],
  activations: readonly MlpActivation[],
  rows: number,
  [l, i, j]: [number, number, number],
): Kink {
  let eligible = 0;
  while (eligible < activations.length && activations[eligible] === 'relu') eligible++;
  const layer = l % eligible;
  return { layer, row: i % rows, unit: j % sizes[layer + 1]! };
}

function fixedShapes(fn: string, c: MlpCasesConstraints, choices: readonly MlpActivation[]) {
  const sizes = c.sizes;
  const given = MLP_SHAPE_KEYS.filter((k) => k !== 'activations' && k in c);
  if (
    !Array.isArray(sizes) ||
    sizes.length < 2 ||
    !sizes.every((s) => Number.isInteger(s) && s >= 1 && s <= 1 << 20)
  ) {
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      fn,
      'constraints.sizes must list at least 2 positive integer widths',
      {
        arg: 'constraints.sizes',
      },
    );
  }
  if (given.length > 0) {
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      fn,
      `constraints.sizes cannot be combined with ${given.join(', ')}`,
      {
        arg: 'constraints.sizes',
      },
    );
  }
  const hidden = sizes.length - 2;
  return fc
    .array(fc.constantFrom(...choices), { minLength: hidden, maxLength: hidden })
    .map((activations) => ({ sizes: [...sizes], activations }));
}
