/**
 * Argument checks of the high-precision references (the oracles import nothing from the kernels,
 * so that a bug there cannot hide in both).
 */
import { GradcheckError } from '../errors.js';
import type { NumericArray } from '../types.js';
import { decimalContext } from './preciseDecimal.js';

/** Options of every precise reference. */
export interface PreciseOptions {
  /** Significant decimal digits of the computation (default 60, at least 20). */
  readonly digits?: number;
}

/** Returns x as a plain number[] after checking its type; cols must divide its length. */
export function preciseRows(
  fn: string,
  x: unknown,
  cols: unknown,
): { values: number[]; rows: number; cols: number } {
  const values = numbers(fn, 'x', x);
  if (typeof cols !== 'number' || !Number.isInteger(cols) || cols < 1) {
    throw new GradcheckError(
      'GC_OUT_OF_RANGE',
      fn,
      `cols must be a positive integer (given ${String(cols)})`,
      {
        arg: 'cols',
      },
    );
  }
  if (values.length % cols !== 0) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      fn,
      `cols must divide x.length (x.length=${values.length}, cols=${cols})`,
      { arg: 'cols' },
    );
  }
  return { values, rows: values.length / cols, cols };
}

/** A copy of a NumericArray as number[]; anything else is a GC_INVALID_ARGUMENT. */
export function numbers(fn: string, arg: string, x: unknown): number[] {
  const ok =
    x instanceof Float64Array ||
    x instanceof Float32Array ||
    (Array.isArray(x) && x.every((v) => typeof v === 'number'));
  if (!ok) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `${arg} must be a Float64Array, a Float32Array or a number[] (given ${describe(x)})`,
      { arg },
    );
  }
  return Array.from(x as NumericArray);
}

function describe(x: unknown): string {
  if (Array.isArray(x)) return 'an array holding a non-number';
  if (ArrayBuffer.isView(x)) return x.constructor.name;
  return x === null ? 'null' : typeof x;
}

/** The decimal.js constructor for `options.digits`, validated. */
export function contextFor(fn: string, options: PreciseOptions | undefined) {
  const digits = options?.digits ?? 60;
  if (!Number.isInteger(digits) || digits < 20 || digits > 1000) {
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      fn,
      `options.digits must be an integer in [20, 1000] (given ${digits})`,
      {
        arg: 'options.digits',
      },
    );
  }
  return decimalContext(digits);
}
