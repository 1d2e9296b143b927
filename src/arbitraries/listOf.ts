/**
 * Arrays of min…max items that shrink well. fast-check's `fc.array` cannot drop the last item of an
 * array sitting at its `minLength` while keeping an earlier one (the tail's length arbitrary stops at
 * `minLength`), so `[bad, fine]` would never shrink to `[bad]`. Drawing with `minLength − 1` and
 * filtering out the one too-short length lets the shrinker reach every sub-list of the minimum size;
 * the filter rejects only that length, so generation stays cheap. `size: 'max'` lets lengths reach
 * `max` (fast-check's default size caps generated arrays near 10 items whatever `maxLength` says).
 */
import fc from 'fast-check';

/** An array of `min` to `max` items from `arb`, shrinking toward any `min` of them. Internal. */
export function listOf<T>(arb: fc.Arbitrary<T>, min: number, max: number): fc.Arbitrary<T[]> {
  if (min === 0) return fc.array(arb, { maxLength: max, size: 'max' });
  return fc.array(arb, { minLength: min - 1, maxLength: max, size: 'max' }).filter((a) => a.length >= min);
}
