/**
 * Backpropagation through an MLP: the loss, the gradient of every parameter (flat, in the
 * parameters' layout) and the per-layer deltas δ_l = ∂loss/∂z_l.
 */
import type { FloatArray } from '../types.js';
import { multiplyByDerivative } from './activation.js';
import { columnSums, timesTranspose, transposeTimes } from './matmul.js';
import type { Mlp } from './mlp.js';
import { type MlpTargets, mlpCall, mlpTargets, resultLike } from './mlpArgs.js';
import { forwardFrom, lossOfLogits, type Trace } from './mlpPasses.js';
import type { KernelInput } from './validate.js';

/** What mlpBackward returns; arrays have the parameters' type. */
export interface MlpBackward {
  /** The mean softmax cross-entropy (as mlpLoss). */
  readonly loss: number;
  /** ∂loss/∂params, laid out exactly as params. */
  readonly gradient: FloatArray;
  /** deltas[l] = ∂loss/∂z_l, rows × sizes[l + 1], for every layer l. */
  readonly deltas: FloatArray[];
}

/**
 * Forward and backward pass. Deltas follow the textbook recursion (for any depth):
 *   δ_last = (softmax(z_last) − y) / rows,   δ_l = (δ_{l+1} W_{l+1}ᵀ) ⊙ f_l′(z_l),
 * and the parameter gradients are ∂W_l = a_lᵀ δ_l, ∂b_l = Σ_rows δ_l (a_0 = x). relu′(0) = 0.
 * Computed in float64; results take the parameters' array type.
 *
 * @throws GradcheckError as mlpLoss.
 * @example
 * const mlp = createMlp({ sizes: [784, 128, 10], seed: 1 });
 * const { loss, gradient, deltas } = mlpBackward(mlp, mlp.params, x, labels);
 * // gradient.length === 101770, deltas[0].length === rows·128, deltas[1].length === rows·10
 */
export function mlpBackward(mlp: Mlp, params: FloatArray, x: KernelInput, targets: MlpTargets): MlpBackward {
  const call = mlpCall('mlpBackward', mlp, params, x);
  const t = mlpTargets('mlpBackward', call, targets);
  const { rows } = call;
  const layers = call.mlp.layers;
  const last = layers.length - 1;
  // Stryker disable next-line ArrayDeclaration: forwardFrom(…, 0, trace) overwrites z[0] and a[0] (every entry read)
  const trace: Trace = { z: [], a: [] };
  forwardFrom(call.mlp, call.params, call.x, rows, 0, trace);
  // Stryker disable next-line ArrayDeclaration: deltas[last] … deltas[0] are all assigned below, deltas[0] included
  const deltas: Float64Array[] = [];
  const top = new Float64Array(rows * layers[last]!.outDim);
  const loss = lossOfLogits(trace.z[last]!, rows, layers[last]!.outDim, t, top);
  deltas[last] = top;
  const gradient = new Float64Array(call.mlp.parameterCount);
  for (let l = last; l >= 0; l--) {
    const layer = layers[l]!;
    const delta = deltas[l]!;
    const wEnd = layer.biasOffset;
    transposeTimes(
      trace.a[l]!,
      delta,
      gradient.subarray(layer.weightsOffset, wEnd),
      rows,
      layer.inDim,
      layer.outDim,
    );
    columnSums(delta, gradient.subarray(wEnd, wEnd + layer.outDim), rows, layer.outDim);
    if (l === 0) break;
    const below = layers[l - 1]!;
    const next = new Float64Array(rows * layer.inDim);
    timesTranspose(
      delta,
      call.params.subarray(layer.weightsOffset, wEnd),
      next,
      rows,
      layer.inDim,
      layer.outDim,
    );
    // Stryker disable next-line ConditionalExpression,StringLiteral: only the last layer is 'softmax' and below (l − 1 < last) never is, so forcing the test true or comparing with '' is equivalent (forced false is killed by the gradient properties)
    if (below.activation !== 'softmax')
      multiplyByDerivative(below.activation, trace.z[l - 1]!, next, next.length);
    deltas[l - 1] = next;
  }
  return {
    loss,
    gradient: resultLike(call.like, gradient),
    deltas: deltas.map((d) => resultLike(call.like, d)),
  };
}
