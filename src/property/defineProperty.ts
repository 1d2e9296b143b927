/**
 * `defineProperty`: a spec for any property that a CheckResult can express: an invariant checked with
 * `checkInvariant` (rows sum to 1, shift invariance, J·1 = 0), or several checker calls combined.
 */
import type fc from 'fast-check';
import { checkKeys } from '../arbitraries/validate.js';
import type { CheckKind, CheckResult, OracleKind } from '../checks/result.js';
import { GradcheckError } from '../errors.js';
import type { DType } from '../types.js';
import { PROPERTY_OPTION_KEYS, type PropertyOptions, validatePropertyOptions } from './options.js';
import { GRAD_SPEC, type GradSpec, type RunContext } from './spec.js';
import { checkArbitrary, checkName } from './validateDefinition.js';

/** The definition of an invariant (or any custom) property. */
export interface PropertyDefinition<T> {
  /** Stable, unique name. */
  readonly name: string;
  /** Generator of inputs (any fast-check arbitrary; see the gradcheck arbitraries). */
  readonly input: fc.Arbitrary<T>;
  /** Checks one input; `context.seed` is a per-run seed for checkers that take one. May be async. */
  readonly check: (input: T, context: RunContext) => CheckResult | Promise<CheckResult>;
  /** Property options (numRuns default 200, seed, …). */
  readonly options?: PropertyOptions;
  /** For reports before the first run: kind (default 'invariant'), dtype, oracle (default 'exact'). */
  readonly kind?: CheckKind;
  readonly dtype?: DType;
  readonly oracle?: OracleKind;
}

const KEYS = ['name', 'input', 'check', 'options', 'kind', 'dtype', 'oracle'];

/**
 * A spec whose runs call `check(input, context)`. Runs whose result is `oracle-unreliable` are skipped;
 * any other non-pass verdict fails the property, and the failing input is shrunk.
 *
 * @example
 * ```ts
 * import { checkInvariant, defineProperty, logitBatches, softmax } from 'gradcheck';
 * export const rowsSumToOne = defineProperty({
 *   name: 'softmax rows sum to 1',
 *   input: logitBatches(),
 *   check: ({ x, rows, cols }) => {
 *     const s = softmax(x, cols);
 *     const sums = Array.from({ length: rows }, (_, r) => s.subarray(r * cols, (r + 1) * cols).reduce((a, b) => a + b, 0));
 *     return checkInvariant(sums, sums.map(() => 1), cols * 2 ** -52, { name: 'row sum' });
 *   },
 * });
 * ```
 */
export function defineProperty<T>(def: PropertyDefinition<T>): GradSpec<T> {
  const fn = 'defineProperty';
  checkKeys(fn, 'def', def, KEYS);
  checkName(fn, def.name);
  checkArbitrary(fn, def.input);
  if (typeof def.check !== 'function') {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      'def.check must be a function returning a CheckResult',
      {
        arg: 'def.check',
      },
    );
  }
  checkKeys(fn, 'def.options', def.options, PROPERTY_OPTION_KEYS);
  validatePropertyOptions(fn, 'def.options', def.options ?? {});
  const check = def.check;
  return {
    [GRAD_SPEC]: 1,
    name: def.name,
    kind: def.kind ?? 'invariant',
    mode: undefined,
    dtype: def.dtype,
    oracle: def.oracle ?? 'exact',
    input: def.input,
    options: { ...def.options },
    run: (input, context) => check(input, context),
  };
}
