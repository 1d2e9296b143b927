/**
 * The derivative checkers a `defineCheck` spec dispatches to, behind one interface so that tests can
 * substitute stubs (`makeCheckSpec(def, stubs)`) and the spec layer stays a thin adapter.
 */

import { type BackpropModel, checkBackprop } from '../checks/checkBackprop.js';
import { checkGradient } from '../checks/checkGradient.js';
import { checkJacobian } from '../checks/checkJacobian.js';
import { checkJvp } from '../checks/checkJvp.js';
import { checkVjp } from '../checks/checkVjp.js';
import type { JvpFunction, VjpFunction } from '../checks/functions.js';
import type { CheckResult } from '../checks/result.js';
import type { FloatArray, NumericArray } from '../types.js';

type Maybe<R> = R | Promise<R>;
/** Options handed to a checker: the spec's checker options plus the per-run `seed` (and `mode`). */
export type CheckerOptions = Readonly<Record<string, unknown>>;

/** The contract of src/checks (DESIGN.md), as the spec layer calls it. */
export interface Checkers {
  jacobian(
    f: (x: NumericArray) => NumericArray,
    jacobian: (x: NumericArray) => NumericArray | readonly NumericArray[],
    x: NumericArray,
    options: CheckerOptions,
  ): Maybe<CheckResult>;
  vjp(
    f: (x: NumericArray) => NumericArray,
    vjp: (x: NumericArray, cotangent: FloatArray) => NumericArray,
    x: NumericArray,
    options: CheckerOptions,
  ): Maybe<CheckResult>;
  jvp(
    f: (x: NumericArray) => NumericArray,
    jvp: (x: NumericArray, tangent: FloatArray) => NumericArray,
    x: NumericArray,
    options: CheckerOptions,
  ): Maybe<CheckResult>;
  gradient(
    f: (x: NumericArray) => number,
    gradient: (x: NumericArray) => NumericArray,
    x: NumericArray,
    options: CheckerOptions,
  ): Maybe<CheckResult>;
  backprop(model: unknown, options: CheckerOptions): Maybe<CheckResult>;
}

/** The real checkers (src/checks). */
export const realCheckers: Checkers = {
  jacobian: (f, jacobian, x, options) => checkJacobian(f, jacobian, x, options),
  vjp: (f, vjp, x, options) => checkVjp(f, vjp as VjpFunction, x, options),
  jvp: (f, jvp, x, options) => checkJvp(f, jvp as JvpFunction, x, options),
  gradient: (f, gradient, x, options) => checkGradient(f, gradient, x, options),
  backprop: (model, options) => checkBackprop(model as BackpropModel, options),
};
