/**
 * `defineCheck`: one helper for every derivative kind. A spec states "this derivative is right for
 * every input this generator produces"; runProperty, the CLI and the vitest helpers run it.
 */
import type { CheckDefinition } from './checkDefinition.js';
import { realCheckers } from './checkers.js';
import { makeCheckSpec } from './makeCheckSpec.js';
import type { GradSpec } from './spec.js';

/**
 * A spec checking `f`'s derivative (exactly one of `jacobian`, `vjp`, `jvp`, `gradient`, `backprop`)
 * against the oracle on every generated input. Callbacks receive the generated input with its point
 * (`input.x`, or the key named by `point`; or the input itself when it is an array) replaced by the
 * checker's copy. `options` mixes property options (numRuns, seed, …) and checker options (mode,
 * dtype, oracle, …); the checker's seed is drawn per run.
 *
 * @example
 * ```ts
 * import { defineCheck, logitVectors, softmax, softmaxJacobian } from 'gradcheck';
 * export const softmaxJacobianSpec = defineCheck({
 *   name: 'softmax jacobian',
 *   input: logitVectors({ maxCols: 8 }),
 *   f: ({ x, cols }) => softmax(x, cols),
 *   jacobian: ({ x, cols }) => softmaxJacobian(x, cols),
 * });
 * ```
 */
export function defineCheck<T>(def: CheckDefinition<T>): GradSpec<T> {
  return makeCheckSpec(def, realCheckers);
}
