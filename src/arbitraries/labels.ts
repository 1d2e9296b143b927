/**
 * Integer class labels, one per row of a batch (classes = the batch's `cols`), as an Int32Array.
 * Shrinks toward class 0 in every row.
 */
import fc from 'fast-check';
import { readShape, type Shape } from './shape.js';

/**
 * One label in [0, cols) per row of `shape` (a logit batch `{ rows, cols }` works as is; a plain number
 * n means one row of n classes).
 *
 * @example
 * ```ts
 * import fc from 'fast-check';
 * import { labels } from 'gradcheck';
 * fc.sample(labels({ rows: 3, cols: 10 }), 1)[0]; // e.g. Int32Array [7, 0, 3]
 * ```
 */
export function labels(shape: Shape): fc.Arbitrary<Int32Array> {
  const { rows, cols } = readShape('labels', shape);
  return fc
    .array(fc.nat({ max: cols - 1 }), { minLength: rows, maxLength: rows })
    .map((ls) => Int32Array.from(ls));
}
