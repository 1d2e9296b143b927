/** Shared checks of spec definitions (eager, at define time). Internal. */
import fc from 'fast-check';
import { GradcheckError } from '../errors.js';

export function checkName(fn: string, name: unknown): void {
  if (typeof name !== 'string' || name.trim() === '') {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `def.name must be a non-empty string (given ${JSON.stringify(name)})`,
      {
        arg: 'def.name',
      },
    );
  }
}

export function checkArbitrary(fn: string, input: unknown): void {
  if (!(input instanceof fc.Arbitrary) && !looksLikeArbitrary(input)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      'def.input must be a fast-check arbitrary (e.g. logitBatches())',
      {
        arg: 'def.input',
      },
    );
  }
}

/** An arbitrary from another copy of fast-check is still usable by fc.check: duck-type it. */
function looksLikeArbitrary(v: unknown): boolean {
  return (
    v !== null &&
    typeof v === 'object' &&
    typeof (v as { generate?: unknown }).generate === 'function' &&
    typeof (v as { shrink?: unknown }).shrink === 'function'
  );
}
