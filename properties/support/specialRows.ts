/**
 * Logit batches with special rows planted: a NaN, one or more +Infinity entries, or every entry
 * −Infinity (a fully masked row). The kernels document what each gives (a NaN row of NaN; +Infinity
 * entries sharing the mass; zeros, or −Infinity for log-softmax) and so do the precise references.
 */
import fc from 'fast-check';
import type { FloatArray, LogitBatch } from 'gradcheck';

/** What a planted row holds. */
export type SpecialRow = 'nan' | 'infinite' | 'masked';

/**
 * `batches` with up to two rows replaced by special ones (row and entries chosen by index, modulo the
 * shape, so that shrinking keeps them valid). Shrinks toward no special row at all.
 */
export function withSpecialRows<A extends FloatArray>(
  batches: fc.Arbitrary<LogitBatch<A>>,
): fc.Arbitrary<LogitBatch<A>> {
  const plant = fc.record({
    row: fc.nat(),
    kind: fc.constantFrom<SpecialRow>('nan', 'infinite', 'masked'),
    at: fc.nat(),
    second: fc.option(fc.nat(), { nil: undefined }),
  });
  return fc.tuple(batches, fc.array(plant, { maxLength: 2 })).map(([b, plants]) => {
    const x = b.x.slice() as A;
    for (const p of plants) {
      const o = (p.row % b.rows) * b.cols;
      if (p.kind === 'masked') x.fill(Number.NEGATIVE_INFINITY, o, o + b.cols);
      else {
        const value = p.kind === 'nan' ? Number.NaN : Number.POSITIVE_INFINITY;
        x[o + (p.at % b.cols)] = value;
        if (p.second !== undefined) x[o + (p.second % b.cols)] = value;
      }
    }
    return { ...b, x };
  });
}
