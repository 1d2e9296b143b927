/**
 * Probability targets: rows of non-negative entries summing to 1 (cross-entropy with soft targets).
 * One-hot and smoothed rows are the common cases; `random` rows are multiples of 1/64 that sum to 1
 * exactly.
 */
import fc from 'fast-check';
import type { DType, FloatArray } from '../types.js';
import { directionRow } from './directionRows.js';
import { readShape, type Shape } from './shape.js';
import { typedRows } from './typedRows.js';
import { checkKeys, choiceListOption, choiceOption } from './validate.js';

/** `one-hot`: a single 1; `smoothed`: (1 − ε)·onehot + ε/cols, ε ∈ {0.1, 0.05, 0.2, 0.01}; `random`. */
export type TargetKind = 'one-hot' | 'smoothed' | 'random';

const TARGET_KINDS: readonly TargetKind[] = ['one-hot', 'smoothed', 'random'];

/** Options of {@link probabilityTargets}. */
export interface ProbabilityTargetsConstraints {
  /** Kinds each row is drawn from (default all three). */
  readonly kinds?: readonly TargetKind[];
  /** `'float64'` → Float64Array (default), `'float32'` → Float32Array. */
  readonly dtype?: DType;
}

function targetRow(kind: TargetKind, cols: number): fc.Arbitrary<number[]> {
  switch (kind) {
    case 'one-hot':
      return directionRow('one-hot', cols);
    case 'random':
      return directionRow('sum-to-one', cols);
    case 'smoothed':
      return fc
        .tuple(fc.nat({ max: cols - 1 }), fc.constantFrom(0.1, 0.05, 0.2, 0.01))
        .map(([i, eps]) => Array.from({ length: cols }, (_, j) => (j === i ? 1 - eps : 0) + eps / cols));
  }
}

/**
 * Rows of probabilities for `shape` (a logit batch `{ rows, cols }` works as is): one-hot, label-smoothed
 * or random, each summing to 1 (exactly for one-hot and random, to rounding for smoothed).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { probabilityTargets } from 'gradcheck';
 * fc.sample(probabilityTargets({ rows: 1, cols: 4 }, { kinds: ['smoothed'] }), 1)[0];
 * // e.g. Float64Array [0.025, 0.925, 0.025, 0.025]
 * ```
 */
export function probabilityTargets(
  shape: Shape,
  c?: ProbabilityTargetsConstraints & { dtype?: 'float64' },
): fc.Arbitrary<Float64Array>;
export function probabilityTargets(
  shape: Shape,
  c: ProbabilityTargetsConstraints & { dtype: 'float32' },
): fc.Arbitrary<Float32Array>;
export function probabilityTargets(shape: Shape, c?: ProbabilityTargetsConstraints): fc.Arbitrary<FloatArray>;
export function probabilityTargets(
  shape: Shape,
  c: ProbabilityTargetsConstraints = {},
): fc.Arbitrary<FloatArray> {
  const fn = 'probabilityTargets';
  const { rows, cols } = readShape(fn, shape);
  checkKeys(fn, 'constraints', c, ['kinds', 'dtype']);
  const kinds = choiceListOption(fn, 'constraints.kinds', c.kinds, TARGET_KINDS, TARGET_KINDS);
  const dtype = choiceOption(fn, 'constraints.dtype', c.dtype, 'float64', ['float64', 'float32']);
  const row = fc.oneof({ withCrossShrink: true }, ...kinds.map((k) => targetRow(k, cols)));
  return fc.array(row, { minLength: rows, maxLength: rows }).map((drawn) => typedRows(drawn, cols, dtype));
}
