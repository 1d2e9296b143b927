/**
 * Extends each generated value with fields whose arbitraries depend on it, e.g. a cotangent and labels
 * shaped like a generated logit batch. Built on `chain`: the dependent fields are regenerated when the
 * base value shrinks, then shrink themselves.
 */
import fc from 'fast-check';

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
  return base.chain((value) =>
    fc.record(fields(value)).map((extra) => ({ ...value, ...extra }) as T & FieldValues<R>),
  );
}
