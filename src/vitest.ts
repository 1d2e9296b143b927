/**
 * `gradcheck/vitest`: vitest matchers for derivatives, and helpers that run properties as tests.
 * This subpath (with `src/vitest/**`) is the only code of gradcheck that imports vitest.
 *
 * Register the matchers once with the setup file (`setupFiles: ['gradcheck/vitest/setup']`), then:
 * ```ts
 * expect(f).toMatchJacobian(jacobian, x, options?)   // checkJacobian(f, jacobian, x, options)
 * expect(f).toMatchVjp(vjp, x, options?)             // checkVjp
 * expect(f).toMatchJvp(jvp, x, options?)             // checkJvp
 * expect(f).toMatchGradient(gradient, x, options?)   // checkGradient
 * expect(checkResultOrPropertyResult).toPassCheck()
 * checkProperty(spec, options?)                      // one test named spec.name
 * propertyTest(spec, overrides?)                     // the body of such a test, to register yourself
 * testSpecs(specModule, options?)                    // one test per exported spec
 * ```
 */
import type { checkGradient, checkJacobian, checkJvp, checkVjp } from './index.js';

export {
  type CheckPropertyOptions,
  checkProperty,
  PropertyFailure,
  type PropertyOverrides,
  propertyTest,
  testSpecs,
} from './vitest/checkProperty.js';
export { gradcheckMatchers } from './vitest/matchers.js';
export { checkFailureMessage, propertyFailureMessage } from './vitest/messages.js';

/** The arguments of a checker after `f`: `(derivative, x, options?)`. */
type AfterF<C> = C extends (f: never, ...rest: infer Rest) => unknown ? Rest : never;

/** The matchers' signatures; `R` is what the assertion returns (void for synchronous checks). */
export interface GradcheckMatchers<R = unknown> {
  /**
   * The received function's Jacobian matches `jacobian` at `x` (see `checkJacobian`).
   * @example expect((x) => softmax(x, 3)).toMatchJacobian((x) => softmaxJacobian(x, 3), [1, 2, 3]);
   */
  toMatchJacobian(...args: AfterF<typeof checkJacobian>): R;
  /**
   * The received function's VJP matches `vjp(x, cotangent)` at `x` (see `checkVjp`).
   * @example expect((x) => softmax(x, 3)).toMatchVjp((x, g) => softmaxVjp(x, g, 3), [1, 2, 3]);
   */
  toMatchVjp(...args: AfterF<typeof checkVjp>): R;
  /**
   * The received function's JVP matches `jvp(x, tangent)` at `x` (see `checkJvp`).
   * @example expect((x) => softmax(x, 3)).toMatchJvp((x, t) => softmaxJvp(x, t, 3), [1, 2, 3]);
   */
  toMatchJvp(...args: AfterF<typeof checkJvp>): R;
  /**
   * The received scalar function's gradient matches `gradient` at `x` (see `checkGradient`).
   * @example expect((x) => crossEntropy(x, [2], 3)).toMatchGradient((x) => crossEntropyGrad(x, [2], 3), [1, 2, 3]);
   */
  toMatchGradient(...args: AfterF<typeof checkGradient>): R;
  /**
   * A `CheckResult` or `PropertyResult` passed (`ok`); on failure the message shows the worst entries.
   * @example expect(checkVjp(f, vjp, x)).toPassCheck();
   */
  toPassCheck(): R;
}

declare module 'vitest' {
  // biome-ignore lint/suspicious/noExplicitAny: must repeat vitest's own `Assertion<T = any>` parameters
  interface Assertion<T = any> extends GradcheckMatchers<void> {}
  interface AsymmetricMatchersContaining extends GradcheckMatchers<void> {}
}
