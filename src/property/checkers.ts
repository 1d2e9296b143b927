/**
 * The derivative checkers a `defineCheck` spec dispatches to, behind one interface so that tests can
 * substitute stubs (`makeCheckSpec(def, stubs)`) and the spec layer stays a thin adapter.
 */
import type { CheckResult } from '../checks/result.js';
import { GradcheckError } from '../errors.js';
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

const missing = (name: string) => () => {
  throw new GradcheckError(
    'GC_INVALID_ARGUMENT',
    'defineCheck',
    `the ${name} checker is not available in this build`,
  );
};

/** The real checkers (src/checks). */
export const realCheckers: Checkers = {
  jacobian: missing('checkJacobian'),
  vjp: missing('checkVjp'),
  jvp: missing('checkJvp'),
  gradient: missing('checkGradient'),
  backprop: missing('checkBackprop'),
};
