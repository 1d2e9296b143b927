/**
 * Softmax cross-entropy with integer labels: the mean over rows of −log softmax(logits)[label],
 * and its gradient with respect to the logits, (softmax − onehot)/rows.
 */
import { accumulatedMean, accumulator, type KernelOutput, resultArray } from './arrays.js';
import { labelRow } from './crossEntropyRow.js';
import { checkLabels, type Labels } from './labels.js';
import { accumulateRowLoss } from './rowLoss.js';
import { floatArray, type KernelInput, nonEmpty, rowsOf } from './validate.js';

/**
 * Mean softmax cross-entropy (1/rows)·Σ_r −log softmax(logits_r)[labels_r], computed through the
 * stable log-softmax (log1p of the non-dominant mass): a few ulps from the exact value, finite for
 * every finite logit (±1e308 included) unless the exact mean exceeds the largest double (then
 * +Infinity, its correct rounding), and exactly 0 only when the exact loss underflows. The row losses
 * are summed with TwoSum before dividing by rows; a row's loss may exceed the largest double
 * (logits [1e308, −1e308], label 1: 2e308) and still count exactly (rowLoss.ts).
 *
 * Special values: a label whose logit is −Infinity (masked) gives +Infinity; a row of NaN gives NaN;
 * a label on a +Infinity logit among c gives log(c) for that row, off them +Infinity.
 *
 * @param logits rows × cols (Float64Array, Float32Array or number[]). Float32 logits are used exactly;
 *   the loss is always a float64 number.
 * @param labels One integer class in [0, cols) per row (Int32Array or number[]).
 * @throws GradcheckError `GC_EMPTY_INPUT` (no rows), `GC_SHAPE_MISMATCH` (labels.length ≠ rows,
 *   cols not dividing logits.length), `GC_OUT_OF_RANGE` (label not an integer in range, bad cols),
 *   `GC_INVALID_ARGUMENT` (wrong array types).
 * @example crossEntropy(new Float64Array([0, 0, 1000, 0]), [0, 1], 2) // (log 2 + 1000) / 2
 */
export function crossEntropy(logits: KernelInput, labels: Labels, cols: number): number {
  const xs = floatArray('crossEntropy', 'logits', logits);
  const rows = rowsOf('crossEntropy', xs.length, cols, 'logits');
  nonEmpty('crossEntropy', 'logits', xs.length);
  const ls = checkLabels('crossEntropy', labels, rows, cols);
  const acc = accumulator();
  for (let r = 0; r < rows; r++) accumulateRowLoss(acc, labelRow(xs, r * cols, cols, ls[r]!, null, 0, rows));
  return accumulatedMean(acc, rows);
}

/**
 * Gradient of `crossEntropy` with respect to the logits: (softmax(logits) − onehot(labels)) / rows,
 * row by row. The label entry s − 1 keeps its relative accuracy even when s is within an ulp of 1
 * (it is computed as −(non-dominant mass)/S). Rows sum to 0 up to rounding.
 *
 * @param out Optional preallocated result (logits' array type and length; may be logits itself).
 * @returns logits' array type (float32 computed in float64, with float32-grade exponentials, and
 *   rounded once).
 * @example crossEntropyGrad(new Float64Array([0, 0]), [1], 2) // Float64Array [0.5, -0.5]
 */
export function crossEntropyGrad<T extends KernelInput>(
  logits: T,
  labels: Labels,
  cols: number,
  out?: KernelOutput<T>,
): KernelOutput<T> {
  const xs = floatArray('crossEntropyGrad', 'logits', logits);
  const rows = rowsOf('crossEntropyGrad', xs.length, cols, 'logits');
  nonEmpty('crossEntropyGrad', 'logits', xs.length);
  const ls = checkLabels('crossEntropyGrad', labels, rows, cols);
  const result = resultArray('crossEntropyGrad', xs, xs.length, out);
  // Stryker disable next-line EqualityOperator: result (new, or out / logits checked to be exactly rows·cols long) gets the extra row r = rows only past its end; that row reads only past the end of logits and labels
  for (let r = 0; r < rows; r++) labelRow(xs, r * cols, cols, ls[r]!, result, r * cols, rows);
  return result as KernelOutput<T>;
}
