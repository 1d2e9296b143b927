/**
 * A fast-check arbitrary of PropertyResults consistent with the contract (status, ok and verdict
 * agree; each verdict carries its fields), with hostile text (any UTF-16 code unit: controls, lone
 * surrogates, markup) and any doubles (NaN, ±Infinity, −0, subnormals, 1e308).
 */

import fc from 'fast-check';
import type { CheckResult, Entry, PropertyResult } from 'gradcheck';

/** Text built from arbitrary UTF-16 code units, biased towards markup and shell metacharacters. */
export const hostileText = fc.string({
  unit: fc.oneof(
    fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    fc.constantFrom(
      '<',
      '>',
      '&',
      '"',
      "'",
      '|',
      '`',
      '\\',
      '$',
      '\n',
      ']]>',
      '<script>',
      '</pre>',
      '*',
      '_',
    ),
  ),
  maxLength: 24,
});

const nat = fc.nat({ max: 1000 });
const num = fc.double();
const index = fc.array(fc.nat({ max: 20 }), { minLength: 1, maxLength: 2 });

const entry: fc.Arbitrary<Entry> = fc.record({
  index,
  label: hostileText,
  analytic: num,
  oracle: num,
  absDiff: num,
  allowed: num,
  margin: num,
  oracleError: num,
});

const matrix = fc
  .tuple(fc.integer({ min: 1, max: 4 }), fc.integer({ min: 1, max: 4 }))
  .chain(([rows, cols]) =>
    fc.record(
      {
        rows: fc.constant(rows),
        cols: fc.constant(cols),
        analytic: fc.array(num, { minLength: rows * cols, maxLength: rows * cols }),
        oracle: fc.array(num, { minLength: rows * cols, maxLength: rows * cols }),
        allowed: fc.array(num, { minLength: rows * cols, maxLength: rows * cols }),
        rowIndex: fc.array(fc.nat({ max: 99 }), { minLength: rows, maxLength: rows }),
      },
      { requiredKeys: ['rows', 'cols', 'analytic', 'oracle', 'allowed'] },
    ),
  );

const common = fc.record({
  kind: fc.constantFrom('jacobian', 'vjp', 'jvp', 'gradient', 'backprop', 'invariant' as const),
  mode: fc.constantFrom('full', 'fast' as const),
  dtype: fc.constantFrom('float64', 'float32' as const),
  oracle: fc.constantFrom('finite-difference', 'symbolic', 'high-precision', 'exact' as const),
  seed: fc.integer(),
  inputSize: nat,
  outputSize: nat,
  compared: nat,
  entries: fc.array(entry, { maxLength: 4 }),
  evaluations: fc.record({ function: nat, derivative: nat }),
  durationMs: num,
  message: hostileText,
});

const source = fc.constantFrom('function', 'derivative' as const);

/** Any CheckResult. */
export const checkResult: fc.Arbitrary<CheckResult> = fc.oneof(
  common.map((c): CheckResult => ({ ...c, verdict: 'pass', ok: true })),
  fc.tuple(common, fc.array(index, { maxLength: 3 }), fc.option(matrix, { nil: undefined })).map(
    ([c, located, m]): CheckResult => ({
      ...c,
      verdict: 'mismatch',
      ok: false,
      located,
      ...(m ? { matrix: m } : {}),
    }),
  ),
  fc.tuple(common, fc.constantFrom('function', 'derivative', 'oracle' as const), index, num).map(
    ([c, s, i, value]): CheckResult => ({
      ...c,
      verdict: 'non-finite',
      ok: false,
      source: s,
      index: i,
      value,
    }),
  ),
  fc
    .tuple(
      common,
      fc.constantFrom('kink', 'discontinuity', 'noise', 'step' as const),
      fc.array(fc.nat({ max: 9 })),
    )
    .map(
      ([c, reason, coordinates]): CheckResult => ({
        ...c,
        verdict: 'oracle-unreliable',
        ok: false,
        reason,
        coordinates,
      }),
    ),
  fc
    .tuple(common, source)
    .map(([c, s]): CheckResult => ({ ...c, verdict: 'nondeterministic', ok: false, source: s })),
  fc.tuple(common, source, fc.nat({ max: 9 }), num, num).map(
    ([c, s, i, before, after]): CheckResult => ({
      ...c,
      verdict: 'argument-mutated',
      ok: false,
      source: s,
      index: i,
      before,
      after,
    }),
  ),
);

const base = fc.record({
  name: hostileText,
  kind: fc.constantFrom('jacobian', 'vjp', 'jvp', 'gradient', 'backprop', 'invariant' as const),
  mode: fc.constantFrom('full', 'fast' as const),
  dtype: fc.constantFrom('float64', 'float32', 'mixed' as const),
  oracle: fc.constantFrom('finite-difference', 'symbolic', 'high-precision', 'exact' as const),
  seed: fc.integer(),
  path: fc.option(
    fc.array(fc.nat({ max: 9 }), { maxLength: 4 }).map((p) => p.join(':')),
    { nil: undefined },
  ),
  numRuns: fc.nat({ max: 300 }),
  numSkips: fc.nat({ max: 300 }),
  numShrinks: fc.nat({ max: 50 }),
  counterexample: fc.option(fc.anything({ withTypedArray: true, maxDepth: 2 }), { nil: undefined }),
  counterexampleText: fc.option(hostileText, { nil: undefined }),
  durationMs: fc.double({ min: 0, max: 1e6, noNaN: true }),
  source: fc.option(fc.oneof(hostileText, fc.constant('builtin')), { nil: undefined }),
});

/** Any PropertyResult whose status, ok, verdict and check agree. */
export const propertyResult: fc.Arbitrary<PropertyResult> = fc.oneof(
  fc.tuple(base, fc.option(checkResult, { nil: undefined })).map(([b, c]): PropertyResult => {
    const check = c === undefined ? undefined : ({ ...c, verdict: 'pass', ok: true } as CheckResult);
    const { source, ...rest } = b;
    return {
      ...rest,
      ...(source === undefined ? {} : { source }),
      status: 'passed',
      ok: true,
      verdict: 'pass',
      check,
      error: undefined,
    };
  }),
  fc
    .tuple(
      base,
      checkResult.filter((c) => !c.ok),
    )
    .map(([b, c]): PropertyResult => {
      const { source, ...rest } = b;
      return {
        ...rest,
        ...(source === undefined ? {} : { source }),
        status: 'failed',
        ok: false,
        verdict: c.verdict,
        check: c,
        error: undefined,
      };
    }),
  fc
    .tuple(
      base,
      fc.record({
        message: hostileText,
        code: fc.option(fc.constant('GC_FUNCTION_THREW'), { nil: undefined }),
        stack: fc.option(hostileText, { nil: undefined }),
      }),
    )
    .map(([b, e]): PropertyResult => {
      const { source, ...rest } = b;
      const error = {
        message: e.message,
        ...(e.code ? { code: e.code } : {}),
        ...(e.stack !== undefined ? { stack: e.stack } : {}),
      };
      return {
        ...rest,
        ...(source === undefined ? {} : { source }),
        status: 'error',
        ok: false,
        verdict: 'error',
        check: undefined,
        error,
      };
    }),
);
