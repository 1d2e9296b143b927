/**
 * The matcher implementations registered by `gradcheck/vitest/setup` (`expect.extend`). Each
 * derivative matcher runs the corresponding checker on the received function; the verdict is the
 * checker's (`ok`), never a fixed tolerance, and `.not` is handled by vitest. A checker that throws
 * (bad shapes, bad options) fails the test with that error, as a wrong call should.
 */
import type { MatcherResult, MatcherState } from 'vitest';
import type { CheckResult } from '../checks/result.js';
import { GradcheckError } from '../errors.js';
import { checkGradient, checkJacobian, checkJvp, checkVjp } from '../index.js';
import type { PropertyResult } from '../property/result.js';
import { checkFailureMessage, checkPassedMessage, propertyFailureMessage } from './messages.js';

type AnyChecker = (
  f: never,
  derivative: never,
  x: never,
  options?: never,
) => CheckResult | Promise<CheckResult>;

function verdict(result: CheckResult, matcher: string): { pass: boolean; message: () => string } {
  return {
    pass: result.ok,
    message: () => (result.ok ? checkPassedMessage(result, matcher) : checkFailureMessage(result, matcher)),
  };
}

function derivativeMatcher(matcher: string, checker: AnyChecker) {
  const call = checker as unknown as (
    f: unknown,
    d: unknown,
    x: unknown,
    o?: unknown,
  ) => CheckResult | Promise<CheckResult>;
  return function (
    this: MatcherState,
    received: unknown,
    derivative: unknown,
    x: unknown,
    options?: unknown,
  ): MatcherResult {
    if (typeof received !== 'function') {
      throw new GradcheckError(
        'GC_INVALID_ARGUMENT',
        matcher,
        `expect(f) must be given the function f (given ${received === null ? 'null' : typeof received})`,
        {
          arg: 'f',
        },
      );
    }
    const outcome =
      options === undefined ? call(received, derivative, x) : call(received, derivative, x, options);
    return outcome instanceof Promise ? outcome.then((r) => verdict(r, matcher)) : verdict(outcome, matcher);
  };
}

function isPropertyResult(value: object): value is PropertyResult {
  return 'status' in value && 'numRuns' in value;
}

function isCheckResult(value: object): value is CheckResult {
  return 'verdict' in value && 'entries' in value && 'ok' in value;
}

/** `expect(result).toPassCheck()`: a CheckResult or PropertyResult whose `ok` is true. */
function toPassCheck(this: MatcherState, received: unknown): MatcherResult {
  if (
    typeof received !== 'object' ||
    received === null ||
    !(isPropertyResult(received) || isCheckResult(received))
  ) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      'toPassCheck',
      'expect(result) must be given a CheckResult or PropertyResult',
      {
        arg: 'result',
      },
    );
  }
  if (isPropertyResult(received)) {
    return {
      pass: received.ok,
      message: () =>
        received.ok
          ? `toPassCheck: expected property "${received.name}" to fail, but it held over ${received.numRuns} runs (seed ${received.seed})`
          : propertyFailureMessage(received),
    };
  }
  return verdict(received, 'toPassCheck');
}

/**
 * The matchers, for `expect.extend(gradcheckMatchers)` (the setup file does this).
 *
 * @example
 * import { expect } from 'vitest';
 * import { gradcheckMatchers } from 'gradcheck/vitest';
 * expect.extend(gradcheckMatchers);
 */
export const gradcheckMatchers = {
  toMatchJacobian: derivativeMatcher('toMatchJacobian', checkJacobian as AnyChecker),
  toMatchVjp: derivativeMatcher('toMatchVjp', checkVjp as AnyChecker),
  toMatchJvp: derivativeMatcher('toMatchJvp', checkJvp as AnyChecker),
  toMatchGradient: derivativeMatcher('toMatchGradient', checkGradient as AnyChecker),
  toPassCheck,
};
