/**
 * Tangents (the `t` of a JVP, a direction in input space) shaped like a function's input, one kind
 * per row: random, one-hot (a single Jacobian column), summing to 1, summing to 0 (for softmax, the
 * directions that are not pure shifts), Rademacher.
 */
import type fc from 'fast-check';
import { type DirectionConstraints, directionArrays } from './directionRows.js';
import type { Shape } from './shape.js';

/** Options of {@link tangents}: `kinds` (default all five) and `dtype` (default float64). */
export type TangentsConstraints = DirectionConstraints;

/**
 * Tangents for an input of `shape` (`{ rows, cols }` — a logit batch works as is — or a length).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { tangents } from 'gradcheck';
 * fc.sample(tangents(4, { kinds: ['rademacher'] }), 1)[0]; // e.g. Float64Array [1, -1, -1, 1]
 * ```
 */
export function tangents(
  shape: Shape,
  c?: TangentsConstraints & { dtype?: 'float64' },
): fc.Arbitrary<Float64Array>;
export function tangents(
  shape: Shape,
  c: TangentsConstraints & { dtype: 'float32' },
): fc.Arbitrary<Float32Array>;
export function tangents(shape: Shape, c?: TangentsConstraints): fc.Arbitrary<Float64Array | Float32Array>;
export function tangents(
  shape: Shape,
  c: TangentsConstraints = {},
): fc.Arbitrary<Float64Array | Float32Array> {
  return directionArrays('tangents', shape, c);
}
