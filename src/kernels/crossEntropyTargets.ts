/**
 * Softmax cross-entropy with probability targets: the mean over rows of −Σ_j y_j log softmax(x)_j,
 * and its gradient (s·Σ_j y_j − y)/rows ((s − y)/rows for targets that sum to 1).
 */
import {
  accumulatedMean,
  accumulator,
  allocLike,
  type KernelOutput,
  rowData,
  rowStart,
  SLOT_OUT,
  SLOT_PROB,
  scratchRow,
} from './arrays.js';
import { targetRow } from './crossEntropyRow.js';
import { checkTargets } from './labels.js';
import { accumulateRowLoss } from './rowLoss.js';
import { floatArray, type KernelInput, nonEmpty, rowsOf } from './validate.js';

/**
 * Mean cross-entropy (1/rows)·Σ_r −Σ_j y_rj log softmax(logits_r)_j against probability rows
 * `targets` (same shape as logits; any finite reals are accepted and the gradient stays exact).
 * Terms with y_j = 0 are skipped, so masked logits (−Infinity) with zero target are harmless;
 * a positive target on a masked logit gives +Infinity.
 *
 * @throws GradcheckError `GC_SHAPE_MISMATCH` (targets.length ≠ logits.length), `GC_OUT_OF_RANGE`
 *   (a non-finite target), plus the errors of crossEntropy.
 * @example crossEntropyWithTargets(new Float64Array([0, 0]), new Float64Array([0.5, 0.5]), 2) // log 2
 */
export function crossEntropyWithTargets(logits: KernelInput, targets: KernelInput, cols: number): number {
  const fn = 'crossEntropyWithTargets';
  const xs = floatArray(fn, 'logits', logits);
  const rows = rowsOf(fn, xs.length, cols, 'logits');
  nonEmpty(fn, 'logits', xs.length);
  const ys = checkTargets(fn, targets, xs.length, cols);
  const tmp = scratchRow(SLOT_PROB, cols);
  const acc = accumulator();
  for (let r = 0; r < rows; r++) {
    accumulateRowLoss(
      acc,
      targetRow(rowData(xs, r, cols), rowStart(xs, r, cols), cols, ys, r * cols, tmp, null, 0, rows),
    );
  }
  return accumulatedMean(acc, rows);
}

/**
 * Gradient of `crossEntropyWithTargets` with respect to the logits: (s·Σ_j y_j − y)/rows per row.
 *
 * @returns logits' array type.
 * @example crossEntropyWithTargetsGrad(new Float64Array([0, 0]), new Float64Array([1, 0]), 2) // [-0.5, 0.5]
 */
export function crossEntropyWithTargetsGrad<T extends KernelInput>(
  logits: T,
  targets: KernelInput,
  cols: number,
): KernelOutput<T> {
  const fn = 'crossEntropyWithTargetsGrad';
  const xs = floatArray(fn, 'logits', logits);
  const rows = rowsOf(fn, xs.length, cols, 'logits');
  nonEmpty(fn, 'logits', xs.length);
  const ys = checkTargets(fn, targets, xs.length, cols);
  const out = allocLike(xs, xs.length);
  const tmp = scratchRow(SLOT_PROB, cols);
  const g = scratchRow(SLOT_OUT, cols);
  // Stryker disable next-line EqualityOperator: out has exactly rows·cols entries: the extra row r = rows reads past the end of logits and targets and writes past the end of out
  for (let r = 0; r < rows; r++) {
    targetRow(rowData(xs, r, cols), rowStart(xs, r, cols), cols, ys, r * cols, tmp, g, 0, rows);
    // Stryker disable next-line EqualityOperator: the extra j = cols writes out[(r + 1)·cols], set at j = 0 of the next row, or past the end of out for the last row
    for (let j = 0; j < cols; j++) out[r * cols + j] = g[j]!;
  }
  return out as KernelOutput<T>;
}
