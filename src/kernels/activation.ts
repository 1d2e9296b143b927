/**
 * Activation functions by name, applied to float64 buffers (the MLP's hidden layers).
 */
import { reluDerivativeOf, reluOf } from './relu.js';
import { sigmoidDerivativeOf, sigmoidOf } from './sigmoid.js';
import { tanhDerivativeOf } from './tanh.js';

/** The hidden-layer activations an MLP may use. */
export type ActivationName = 'relu' | 'tanh' | 'sigmoid';

/** The names accepted for `ActivationName`, for validation and generators. */
export const ACTIVATION_NAMES: readonly ActivationName[] = ['relu', 'tanh', 'sigmoid'];

/** out[i] = f(z[i]) for i < n. */
export function activate(name: ActivationName, z: Float64Array, out: Float64Array, n: number): void {
  // Stryker disable next-line EqualityOperator: internal; every caller (forwardFrom, mlpLossFromPreActivations) passes n = out.length of a fresh array, so i = n only writes past its end
  if (name === 'relu') for (let i = 0; i < n; i++) out[i] = reluOf(z[i]!);
  // Stryker disable next-line EqualityOperator: as above, i = n only writes past the end of out (length n)
  else if (name === 'tanh') for (let i = 0; i < n; i++) out[i] = Math.tanh(z[i]!);
  // Stryker disable next-line EqualityOperator: as above, i = n only writes past the end of out (length n)
  else for (let i = 0; i < n; i++) out[i] = sigmoidOf(z[i]!);
}

/** delta[i] *= f′(z[i]) for i < n (relu′(0) = 0). */
export function multiplyByDerivative(
  name: ActivationName,
  z: Float64Array,
  delta: Float64Array,
  n: number,
): void {
  // Stryker disable next-line EqualityOperator: internal; its one caller (mlpBackward) passes n = delta.length of a fresh array, so i = n only writes past its end
  if (name === 'relu') for (let i = 0; i < n; i++) delta[i]! *= reluDerivativeOf(z[i]!);
  // Stryker disable next-line EqualityOperator: as above, i = n only writes past the end of delta (length n)
  else if (name === 'tanh') for (let i = 0; i < n; i++) delta[i]! *= tanhDerivativeOf(z[i]!);
  // Stryker disable next-line EqualityOperator: as above, i = n only writes past the end of delta (length n)
  else for (let i = 0; i < n; i++) delta[i]! *= sigmoidDerivativeOf(z[i]!);
}
