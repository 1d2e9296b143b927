/**
 * Running properties as vitest tests: `checkProperty(spec)` registers ONE test named exactly
 * `spec.name` (stable across runs: the seed is never in the name) that runs the property through
 * `runProperty` and fails with the shrunk counterexample, the worst entries and the replay seed/path.
 * `testSpecs(module)` does it for every spec a module exports.
 */
import { test } from 'vitest';
import { GradcheckError } from '../errors.js';
import { type GradSpec, isGradSpec, runProperty } from '../index.js';
import { propertyFailureMessage } from './messages.js';

/** Overrides passed to `runProperty` (numRuns, seed, path, mode, …). */
export type PropertyOverrides = NonNullable<Parameters<typeof runProperty>[1]>;

/** Overrides plus the vitest timeout of the test (default 60 000 ms). */
export type CheckPropertyOptions = PropertyOverrides & { readonly timeout?: number };

/** The error a failing property test throws; its message is the whole failure report. */
export class PropertyFailure extends Error {
  override readonly name = 'PropertyFailure';
}

/**
 * The body of a property test: runs the property and throws a `PropertyFailure` (the whole failure
 * report as its message) unless it held. For custom registration, e.g. `test.concurrent`.
 *
 * @example
 * test.concurrent(spec.name, propertyTest(spec, { numRuns: 50 }));
 */
export function propertyTest(spec: GradSpec, overrides: PropertyOverrides = {}): () => Promise<void> {
  if (!isGradSpec(spec)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      'checkProperty',
      'spec must be made with defineCheck or defineProperty',
      {
        arg: 'spec',
      },
    );
  }
  return async () => {
    const result = await runProperty(spec, overrides);
    if (!result.ok) throw new PropertyFailure(propertyFailureMessage(result));
  };
}

/**
 * Registers a vitest test named exactly `spec.name` that runs the property (timeout 60 s unless
 * `options.timeout` says otherwise).
 *
 * @example
 * import { checkProperty } from 'gradcheck/vitest';
 * import { softmaxVjpCheck } from '../specs/softmax.spec.js';
 * checkProperty(softmaxVjpCheck, { numRuns: 100 });
 */
export function checkProperty(spec: GradSpec, options: CheckPropertyOptions = {}): void {
  const { timeout = 60_000, ...overrides } = options;
  test(spec.name, propertyTest(spec, overrides), timeout);
}

/**
 * Registers one test per spec found in `specs`: a module namespace (`import * as specs from …`), an
 * array, or a single spec. Values that are not specs are ignored; finding none is an error.
 *
 * @example
 * import * as specs from '../specs/softmax.spec.js';
 * testSpecs(specs);
 */
export function testSpecs(specs: unknown, options: CheckPropertyOptions = {}): void {
  const found: GradSpec[] = [];
  const visit = (value: unknown) => {
    if (isGradSpec(value)) {
      if (!found.includes(value)) found.push(value);
    } else if (Array.isArray(value)) value.forEach(visit);
  };
  if (isGradSpec(specs) || Array.isArray(specs)) visit(specs);
  else if (typeof specs === 'object' && specs !== null) Object.values(specs).forEach(visit);
  if (found.length === 0) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      'testSpecs',
      'specs must hold at least one spec made with defineCheck or defineProperty',
      {
        arg: 'specs',
      },
    );
  }
  for (const spec of found) checkProperty(spec, options);
}
