/**
 * Cotangents (the `g` of a VJP) shaped like a function's output, one kind per row. Three of the five
 * default kinds (random, sum-to-zero, Rademacher) rarely or never sum to 1 per row, so a VJP that
 * silently assumes `Σg = 1` (the log-softmax `g − s` bug) is found quickly; one-hot alone would hide it.
 */
import type fc from 'fast-check';
import { type DirectionConstraints, directionArrays } from './directionRows.js';
import type { Shape } from './shape.js';

/** Options of {@link cotangents}: `kinds` (default all five) and `dtype` (default float64). */
export type CotangentsConstraints = DirectionConstraints;

/**
 * Cotangents for an output of `shape` (`{ rows, cols }` — a logit batch works as is — or a length):
 * each row random (k/16 in [−4, 4]), one-hot, summing exactly to 1, summing exactly to 0, or ±1.
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { cotangents } from 'gradcheck';
 * fc.sample(cotangents({ rows: 2, cols: 3 }, { kinds: ['sum-to-zero'] }), 1)[0]; // e.g. [0.5, -1, 0.5, 0, 0, 0]
 * ```
 */
export function cotangents(
  shape: Shape,
  c?: CotangentsConstraints & { dtype?: 'float64' },
): fc.Arbitrary<Float64Array>;
export function cotangents(
  shape: Shape,
  c: CotangentsConstraints & { dtype: 'float32' },
): fc.Arbitrary<Float32Array>;
export function cotangents(
  shape: Shape,
  c?: CotangentsConstraints,
): fc.Arbitrary<Float64Array | Float32Array>;
export function cotangents(
  shape: Shape,
  c: CotangentsConstraints = {},
): fc.Arbitrary<Float64Array | Float32Array> {
  return directionArrays('cotangents', shape, c);
}
