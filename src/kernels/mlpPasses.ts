/**
 * The float64 forward pass and loss of an MLP, shared by mlpForward, mlpLoss, mlpBackward and
 * mlpLossFromPreActivations.
 */

import { activate } from './activation.js';
import { accumulatedMean, accumulator, SLOT_PROB, scratchRow } from './arrays.js';
import { labelRow, targetRow } from './crossEntropyRow.js';
import { affine } from './matmul.js';
import type { Mlp } from './mlp.js';
import type { CheckedTargets } from './mlpArgs.js';
import { accumulateRowLoss } from './rowLoss.js';

/** Pre-activations z_l = a_l W_l + b_l and layer inputs a_l (a_0 = x, a_{l+1} = f_l(z_l)). */
export interface Trace {
  readonly z: Float64Array[];
  readonly a: Float64Array[];
}

/**
 * Runs layers `from` … last on input `input` (rows × sizes[from]); `z` and `a` receive the
 * pre-activations and layer inputs of those layers (earlier entries are left as they are).
 */
export function forwardFrom(
  mlp: Mlp,
  params: Float64Array,
  input: Float64Array,
  rows: number,
  from: number,
  trace: Trace,
): void {
  let a = input;
  trace.a[from] = a;
  for (let l = from; l < mlp.layers.length; l++) {
    const layer = mlp.layers[l]!;
    const z = new Float64Array(rows * layer.outDim);
    affine(
      a,
      params.subarray(layer.weightsOffset, layer.biasOffset),
      params.subarray(layer.biasOffset, layer.biasOffset + layer.outDim),
      z,
      rows,
      layer.inDim,
      layer.outDim,
    );
    trace.z[l] = z;
    if (layer.activation === 'softmax') break;
    a = new Float64Array(z.length);
    activate(layer.activation, z, a, z.length);
    trace.a[l + 1] = a;
  }
}

/**
 * Mean softmax cross-entropy of `logits` (rows × classes) against the targets; when `grad` is given
 * it receives ∂loss/∂logits = (softmax − y)/rows.
 */
export function lossOfLogits(
  logits: Float64Array,
  rows: number,
  classes: number,
  targets: CheckedTargets,
  grad: Float64Array | null,
): number {
  const acc = accumulator();
  if ('labels' in targets) {
    for (let r = 0; r < rows; r++) {
      const o = r * classes;
      accumulateRowLoss(acc, labelRow(logits, o, classes, targets.labels[r]!, grad, o, rows));
    }
  } else {
    const tmp = scratchRow(SLOT_PROB, classes);
    for (let r = 0; r < rows; r++) {
      const y = targets.probabilities;
      accumulateRowLoss(
        acc,
        targetRow(logits, r * classes, classes, y, r * classes, tmp, grad, r * classes, rows),
      );
    }
  }
  return accumulatedMean(acc, rows);
}
