/**
 * The throwing twins of the checkers (fast-check's `check` / `assert` split): same arguments, same
 * work, but any verdict other than `pass` throws a `CheckFailedError` (code GC_CHECK_FAILED) whose
 * message is the result's paragraph and whose `result` is the full CheckResult.
 */
import { GradcheckError } from '../errors.js';
import type { NumericArray } from '../types.js';
import { type BackpropModel, checkBackprop } from './checkBackprop.js';
import { checkGradient } from './checkGradient.js';
import { checkJacobian } from './checkJacobian.js';
import { checkJvp } from './checkJvp.js';
import { checkVjp } from './checkVjp.js';
import type {
  GradientFunction,
  JacobianFunction,
  JvpFunction,
  ScalarFunction,
  VectorFunction,
  VjpFunction,
} from './functions.js';
import type { CheckOptions } from './options.js';
import type { CheckResult } from './result.js';

/** Thrown by `assert*` on any non-pass verdict; `result` is the CheckResult, `code` is GC_CHECK_FAILED. */
export class CheckFailedError extends GradcheckError {
  readonly result: CheckResult;
  constructor(fn: string, result: CheckResult) {
    super(
      'GC_CHECK_FAILED',
      fn,
      `the derivative must pass its check (verdict ${result.verdict}): ${result.message}`,
      {
        details: { verdict: result.verdict, seed: result.seed },
      },
    );
    this.result = result;
  }
}

function pass(fn: string, result: CheckResult): CheckResult {
  if (!result.ok) throw new CheckFailedError(fn, result);
  return result;
}

/**
 * `checkJacobian` that throws `CheckFailedError` unless the verdict is `pass`.
 * @example assertJacobian((x) => x.map(Math.exp), (x) => [[Math.exp(x[0])]], [0.3]);
 */
export function assertJacobian(
  f: VectorFunction,
  jacobian: JacobianFunction,
  x: NumericArray,
  options?: CheckOptions,
): CheckResult {
  return pass('assertJacobian', checkJacobian(f, jacobian, x, options));
}

/**
 * `checkVjp` that throws `CheckFailedError` unless the verdict is `pass`.
 * @example assertVjp((x) => x.map(Math.sin), (x, w) => x.map((v, i) => Math.cos(v) * w[i]), [0.1, 0.2]);
 */
export function assertVjp(
  f: VectorFunction,
  vjp: VjpFunction,
  x: NumericArray,
  options?: CheckOptions,
): CheckResult {
  return pass('assertVjp', checkVjp(f, vjp, x, options));
}

/**
 * `checkJvp` that throws `CheckFailedError` unless the verdict is `pass`.
 * @example assertJvp((x) => x.map(Math.sin), (x, t) => x.map((v, i) => Math.cos(v) * t[i]), [0.1, 0.2]);
 */
export function assertJvp(
  f: VectorFunction,
  jvp: JvpFunction,
  x: NumericArray,
  options?: CheckOptions,
): CheckResult {
  return pass('assertJvp', checkJvp(f, jvp, x, options));
}

/**
 * `checkGradient` that throws `CheckFailedError` unless the verdict is `pass`.
 * @example assertGradient((x) => x[0] * x[1], (x) => [x[1], x[0]], [2, 3]);
 */
export function assertGradient(
  f: ScalarFunction,
  gradient: GradientFunction,
  x: NumericArray,
  options?: CheckOptions,
): CheckResult {
  return pass('assertGradient', checkGradient(f, gradient, x, options));
}

/**
 * `checkBackprop` that throws `CheckFailedError` unless the verdict is `pass`.
 * @example assertBackprop({ preActivations: [z], deltas: [dz], lossFrom: (_, z) => loss(z) });
 */
export function assertBackprop(model: BackpropModel, options?: CheckOptions): CheckResult {
  return pass('assertBackprop', checkBackprop(model, options));
}
