/**
 * The forward pass of an MLP, keeping every layer's pre-activations and activations.
 */
import type { FloatArray } from '../types.js';
import type { Mlp } from './mlp.js';
import { mlpCall, resultLike } from './mlpArgs.js';
import { forwardFrom, type Trace } from './mlpPasses.js';
import { softmaxRow } from './softmaxRow.js';
import type { KernelInput } from './validate.js';

/** What mlpForward returns; every array has the parameters' type. */
export interface MlpForward {
  /** The output layer's pre-activations, rows × classes (= preActivations[last]). */
  readonly logits: FloatArray;
  /** z_l = a_l W_l + b_l for each layer l, rows × sizes[l + 1]. */
  readonly preActivations: FloatArray[];
  /**
   * Layer inputs and the output: activations[0] = x (its values, in a new array of the parameters'
   * type: never x itself), activations[l + 1] = f_l(z_l) for hidden layers, and
   * activations[last + 1] = softmax(logits), the class probabilities (length sizes.length).
   */
  readonly activations: FloatArray[];
}

/**
 * Runs the network on a batch. Computed in float64 (float32 parameters and inputs are widened
 * exactly); results take the parameters' array type (float32: rounded once).
 *
 * @param params A flat parameter vector laid out as `mlp.layers` says (e.g. `mlp.params`).
 * @param x rows × sizes[0] inputs. @param rows The batch size.
 * @throws GradcheckError `GC_SHAPE_MISMATCH` (params.length ≠ mlp.parameterCount, x.length ≠
 *   rows·sizes[0]), `GC_INVALID_ARGUMENT` (wrong types), `GC_OUT_OF_RANGE` (rows).
 * @example
 * const mlp = createMlp({ sizes: [2, 3, 2], seed: 1 });
 * mlpForward(mlp, mlp.params, new Float64Array([1, -1]), 1).logits.length // 2
 */
export function mlpForward(mlp: Mlp, params: FloatArray, x: KernelInput, rows: number): MlpForward {
  const call = mlpCall('mlpForward', mlp, params, x, rows);
  // Stryker disable next-line ArrayDeclaration: forwardFrom(…, 0, trace) overwrites z[0] and a[0] (every entry read)
  const trace: Trace = { z: [], a: [] };
  forwardFrom(call.mlp, call.params, call.x, call.rows, 0, trace);
  const layers = call.mlp.layers.length;
  const logits = trace.z[layers - 1]!;
  const classes = call.mlp.sizes[layers]!;
  const probabilities = new Float64Array(logits.length);
  // Stryker disable next-line EqualityOperator: probabilities has exactly rows·classes entries, so the extra row r = rows only reads past the end of logits and writes past the end of probabilities
  for (let r = 0; r < call.rows; r++) softmaxRow(logits, r * classes, probabilities, r * classes, classes);
  const like = call.like;
  const preActivations = trace.z.map((z) => resultLike(like, z));
  const activations = [
    // Stryker disable next-line ConditionalExpression: forced true is equivalent (the hidden activations, fresh internal arrays, are copied too: same values, same type); forced false is killed by the network property (activations[0] would be x itself)
    ...trace.a.map((a, l) => (l === 0 ? resultLike(like, Float64Array.from(a)) : resultLike(like, a))),
    resultLike(like, probabilities),
  ];
  return { logits: preActivations[layers - 1]!, preActivations, activations };
}
