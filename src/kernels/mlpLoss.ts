/**
 * The loss of an MLP (softmax cross-entropy at the output, mean over rows), from the inputs or from
 * one layer's pre-activations onwards.
 */
import { GradcheckError } from '../errors.js';
import type { FloatArray } from '../types.js';
import { activate } from './activation.js';
import type { Mlp } from './mlp.js';
import { type MlpTargets, mlpCall, mlpTargets } from './mlpArgs.js';
import { forwardFrom, lossOfLogits, type Trace } from './mlpPasses.js';
import { floatArray, type KernelInput, lengthIs } from './validate.js';

/**
 * Mean softmax cross-entropy of the network's logits on x against `targets` (labels or
 * probability rows); rows = x.length / sizes[0]. Computed in float64, returned as a number.
 *
 * @throws GradcheckError as mlpForward, plus label/target errors (`GC_OUT_OF_RANGE`, `GC_SHAPE_MISMATCH`).
 * @example
 * const mlp = createMlp({ sizes: [2, 3, 2], seed: 1 });
 * mlpLoss(mlp, mlp.params, new Float64Array([1, -1, 0.5, 2]), [0, 1]) // a positive number
 */
export function mlpLoss(mlp: Mlp, params: FloatArray, x: KernelInput, targets: MlpTargets): number {
  const call = mlpCall('mlpLoss', mlp, params, x);
  const t = mlpTargets('mlpLoss', call, targets);
  // Stryker disable next-line ArrayDeclaration: forwardFrom(…, 0, trace) overwrites z[0] and a[0] (only z[last] is read)
  const trace: Trace = { z: [], a: [] };
  forwardFrom(call.mlp, call.params, call.x, call.rows, 0, trace);
  const last = call.mlp.layers.length - 1;
  return lossOfLogits(trace.z[last]!, call.rows, call.mlp.sizes[last + 1]!, t, null);
}

/**
 * The loss when layer `layer`'s pre-activations are replaced by `z` (rows × sizes[layer + 1]):
 * the network is run from f_layer(z) onwards (for the last layer, z are the logits). As a function
 * of z its gradient is `mlpBackward(...).deltas[layer]`, which is how a checker verifies each delta
 * by finite differences in z. x only fixes the batch size (rows = x.length / sizes[0]).
 *
 * @throws GradcheckError `GC_OUT_OF_RANGE` (layer not in [0, layers)), `GC_SHAPE_MISMATCH` (z.length),
 *   plus the errors of mlpLoss.
 * @example
 * const f = mlpForward(mlp, mlp.params, x, rows);
 * mlpLossFromPreActivations(mlp, mlp.params, x, labels, 0, f.preActivations[0]) === mlpLoss(mlp, mlp.params, x, labels)
 */
export function mlpLossFromPreActivations(
  mlp: Mlp,
  params: FloatArray,
  x: KernelInput,
  targets: MlpTargets,
  layer: number,
  z: KernelInput,
): number {
  const fn = 'mlpLossFromPreActivations';
  const call = mlpCall(fn, mlp, params, x);
  const t = mlpTargets(fn, call, targets);
  const layers = call.mlp.layers;
  const info = layers[layer];
  if (info === undefined || !Number.isInteger(layer)) {
    throw new GradcheckError(
      'GC_OUT_OF_RANGE',
      fn,
      `layer must be an integer in [0, ${layers.length}) (given ${layer})`,
      {
        arg: 'layer',
      },
    );
  }
  const zs = floatArray(fn, 'z', z);
  lengthIs(
    fn,
    'z',
    zs.length,
    call.rows * info.outDim,
    `rows·sizes[${layer + 1}] = ${call.rows}·${info.outDim}`,
  );
  const z64 = zs instanceof Float64Array ? zs : Float64Array.from(zs);
  const last = layers.length - 1;
  if (layer === last) return lossOfLogits(z64, call.rows, info.outDim, t, null);
  const a = new Float64Array(z64.length);
  // Stryker disable next-line ConditionalExpression,StringLiteral: layer < last here and only the last layer is 'softmax', so forcing the test false or changing either literal is equivalent ('relu' is a type-level fallback never taken; forced true is killed by the deltas property)
  activate(info.activation === 'softmax' ? 'relu' : info.activation, z64, a, a.length);
  // Stryker disable next-line ArrayDeclaration: only z[last] is read, and forwardFrom(…, layer + 1, trace) writes it (last ≥ layer + 1 ≥ 1)
  const trace: Trace = { z: [], a: [] };
  forwardFrom(call.mlp, call.params, a, call.rows, layer + 1, trace);
  return lossOfLogits(trace.z[last]!, call.rows, call.mlp.sizes[last + 1]!, t, null);
}
