/**
 * Turns a `defineCheck` definition into a spec: validates it eagerly, then on each run finds the point
 * in the generated input, wraps `f` and the derivative so that they see the whole input with the
 * checker's copy of the point, and calls the checker of the definition's kind.
 */

import { checkKeys } from '../arbitraries/validate.js';
import { CHECK_OPTION_KEYS, resolveCheckOptions } from '../checks/options.js';
import type { CheckKind, CheckResult } from '../checks/result.js';
import { GradcheckError } from '../errors.js';
import type { DType } from '../types.js';
import type { CheckDefinition } from './checkDefinition.js';
import type { Checkers } from './checkers.js';
import { checkerPart, PROPERTY_OPTION_KEYS, propertyPart, validatePropertyOptions } from './options.js';
import { runDefinition } from './runDefinition.js';
import { GRAD_SPEC, type GradSpec } from './spec.js';
import { checkArbitrary, checkName } from './validateDefinition.js';

const DERIVATIVES = ['jacobian', 'vjp', 'jvp', 'gradient', 'backprop'] as const;
const KEYS = ['name', 'input', 'point', 'options', 'f', 'cotangent', ...DERIVATIVES];

/** Validates `def` and builds its spec over `checkers`. `defineCheck` is this with the real checkers. */
export function makeCheckSpec<T>(
  def: CheckDefinition<T>,
  checkers: Checkers,
  fn = 'defineCheck',
): GradSpec<T> {
  checkKeys(fn, 'def', def, KEYS);
  checkName(fn, def.name);
  checkArbitrary(fn, def.input);
  const record = def as unknown as Record<string, unknown>;
  const given = DERIVATIVES.filter((k) => record[k] !== undefined);
  if (given.length !== 1) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `def must have exactly one of ${DERIVATIVES.join(', ')} (given ${given.length === 0 ? 'none' : given.join(', ')})`,
      { arg: 'def' },
    );
  }
  const kind: CheckKind = given[0]!;
  for (const k of [kind, ...(kind === 'backprop' ? [] : ['f']), ...(record.cotangent ? ['cotangent'] : [])]) {
    if (typeof record[k] !== 'function') {
      throw new GradcheckError(
        'GC_INVALID_ARGUMENT',
        fn,
        `def.${k} must be a function (given ${typeof record[k]})`,
        {
          arg: `def.${k}`,
        },
      );
    }
  }
  if (record.cotangent !== undefined && kind !== 'vjp') {
    throw new GradcheckError('GC_INVALID_ARGUMENT', fn, 'def.cotangent only applies to vjp checks', {
      arg: 'def.cotangent',
    });
  }
  // Property options are checked here, the rest by the checkers' own validation (unknown keys
  // rejected), so a typo fails at define time rather than on every run.
  checkKeys(fn, 'def.options', def.options, [...PROPERTY_OPTION_KEYS, ...CHECK_OPTION_KEYS]);
  const options = (def.options ?? {}) as Readonly<Record<string, unknown>>;
  validatePropertyOptions(fn, 'def.options', options);
  resolveCheckOptions(fn, checkerPart(options));
  const oracle = options.oracle;
  return {
    [GRAD_SPEC]: 1,
    name: def.name,
    kind,
    mode: options.mode === 'fast' || options.mode === 'full' ? options.mode : undefined,
    dtype: options.dtype === 'float32' || options.dtype === 'float64' ? (options.dtype as DType) : undefined,
    oracle:
      oracle !== null && typeof oracle === 'object' && 'kind' in oracle
        ? (oracle.kind as GradSpec['oracle'])
        : 'finite-difference',
    input: def.input,
    options: propertyPart(options),
    run: (input, context): CheckResult | Promise<CheckResult> => {
      const checkerOptions = {
        ...checkerPart(options),
        ...(context.mode !== undefined ? { mode: context.mode } : {}),
        seed: context.seed,
      };
      return runDefinition(def, kind, input, checkers, checkerOptions);
    },
  };
}
