/**
 * A row's cross-entropy can exceed the largest double although the mean over the batch does not:
 * logits [1e308, −1e308] with label 1 lose 2e308, and a batch of that row and a row losing log 2
 * averages to 1e308. The row functions (crossEntropyRow.ts) then return +Infinity and leave half of
 * the loss, which is finite, in `rowLoss.half`; `accumulateRowLoss` adds the two halves instead, so the
 * mean overflows only when it is itself beyond the largest double.
 */
import { accumulate } from './arrays.js';

/** Half of the last row's loss when that loss overflowed with finite logits; NaN otherwise. */
export const rowLoss = { half: Number.NaN };

/**
 * Adds a row loss returned by labelRow or targetRow to a running sum (arrays.ts `accumulate`): an
 * overflowed row (rowLoss.half finite) adds its two halves.
 *
 * @example accumulateRowLoss(acc, labelRow(x, 0, 2, 1, null, 0, 1))
 */
export function accumulateRowLoss(acc: Float64Array, loss: number): void {
  const half = rowLoss.half;
  if (Number.isFinite(half) && !Number.isFinite(loss)) {
    accumulate(acc, half);
    accumulate(acc, half);
  } else accumulate(acc, loss);
}
