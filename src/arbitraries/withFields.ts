/**
 * Extends each generated value with fields whose arbitraries depend on it, e.g. a cotangent and labels
 * shaped like a generated logit batch. When the base value shrinks the fields are redrawn for its new
 * shape, then shrink themselves; unlike `fc.chain`, the base keeps shrinking afterwards too.
 */
import fc from 'fast-check';
import { dependent } from './dependent.js';

/** The values of a record of arbitraries. */
export type FieldValues<R> = { [K in keyof R]: R[K] extends fc.Arbitrary<infer U> ? U : never };

/**
 * `base` extended with the fields that `fields(value)` describes (a record of arbitraries).
 *
 * @example
 * ```ts
 * import { cotangents, labels, logitBatches, withFields } from 'gradcheck';
 * const input = withFields(logitBatches({ maxCols: 6 }), (b) => ({ g: cotangents(b), y: labels(b) }));
 * // values: { x, rows, cols, regimes, g: Float64Array(rows·cols), y: Int32Array(rows) }
 * ```
 */
export function withFields<T extends object, R extends Record<string, fc.Arbitrary<unknown>>>(
  base: fc.Arbitrary<T>,
  fields: (value: T) => R,
): fc.Arbitrary<T & FieldValues<R>> {
  return dependent(base, (value) => fc.record(fields(value))).map(
    ([value, extra]) => ({ ...value, ...extra }) as T & FieldValues<R>,
  );
}
