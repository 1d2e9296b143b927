/**
 * Eager validation of constraint and option objects (fast-check style: a bad option fails at the call
 * that received it, naming the call, the option and what was given). Internal: not exported publicly.
 */
import { GradcheckError } from '../errors.js';

/** Rejects anything but a plain object or undefined, and any key not in `allowed`. */
export function checkKeys(fn: string, arg: string, value: unknown, allowed: readonly string[]): void {
  if (value === undefined) return;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new GradcheckError('GC_INVALID_OPTION', fn, `${arg} must be an object (given ${describe(value)})`, {
      arg,
    });
  }
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) {
      throw new GradcheckError(
        'GC_INVALID_OPTION',
        fn,
        `${arg}.${key} is not a known option (known: ${allowed.join(', ')})`,
        { arg: `${arg}.${key}` },
      );
    }
  }
}

/** An integer in [min, max]; `undefined` gives `fallback`. */
export function intOption(
  fn: string,
  arg: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
): number {
  if (value === undefined) return fallback;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw invalid(fn, arg, `be an integer in [${min}, ${max}]`, value);
  }
  return value;
}

/** A finite number in [min, max] (or (min, max] when `exclusiveMin`); `undefined` gives `fallback`. */
export function numberOption(
  fn: string,
  arg: string,
  value: unknown,
  fallback: number,
  min: number,
  max: number,
  exclusiveMin = false,
): number {
  if (value === undefined) return fallback;
  const low = exclusiveMin
    ? !(typeof value === 'number' && value > min)
    : !(typeof value === 'number' && value >= min);
  if (typeof value !== 'number' || !Number.isFinite(value) || low || value > max) {
    throw invalid(fn, arg, `be a finite number in ${exclusiveMin ? '(' : '['}${min}, ${max}]`, value);
  }
  return value;
}

/** A boolean; `undefined` gives `fallback`. */
export function boolOption(fn: string, arg: string, value: unknown, fallback: boolean): boolean {
  if (value === undefined) return fallback;
  if (typeof value !== 'boolean') throw invalid(fn, arg, 'be a boolean', value);
  return value;
}

/** One of `choices`; `undefined` gives `fallback`. */
export function choiceOption<C extends string>(
  fn: string,
  arg: string,
  value: unknown,
  fallback: C,
  choices: readonly C[],
): C {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || !(choices as readonly string[]).includes(value)) {
    throw invalid(fn, arg, `be one of ${choices.map((c) => `'${c}'`).join(', ')}`, value);
  }
  return value as C;
}

/** A non-empty array of distinct members of `choices`; `undefined` gives `fallback`. */
export function choiceListOption<C extends string>(
  fn: string,
  arg: string,
  value: unknown,
  fallback: readonly C[],
  choices: readonly C[],
): readonly C[] {
  if (value === undefined) return fallback;
  const ok =
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((v) => typeof v === 'string' && (choices as readonly string[]).includes(v)) &&
    new Set(value).size === value.length;
  if (!ok)
    throw invalid(fn, arg, `be a non-empty list of distinct values among ${choices.join(', ')}`, value);
  return value as readonly C[];
}

/** Throws unless `min ≤ max` (for min/max option pairs). */
export function checkOrder(fn: string, minArg: string, min: number, maxArg: string, max: number): void {
  if (min > max) {
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      fn,
      `${minArg} must be ≤ ${maxArg} (${minArg}=${min}, ${maxArg}=${max})`,
      {
        arg: minArg,
      },
    );
  }
}

function invalid(fn: string, arg: string, expectation: string, value: unknown): GradcheckError {
  return new GradcheckError(
    'GC_INVALID_OPTION',
    fn,
    `${arg} must ${expectation} (given ${describe(value)})`,
    {
      arg,
    },
  );
}

/** A short rendering of a given value for error messages. */
export function describe(value: unknown): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (Array.isArray(value)) return `[${value.map(describe).join(', ')}]`;
  if (value === null || typeof value !== 'object') return String(value);
  return value.constructor?.name ?? 'object';
}
