/** Eager input checks shared by the symbolic oracles (errors name the public function and argument). */
import { GradcheckError } from '../../errors.js';

/** `x` as a Float64Array after checking it is a finite numeric array (of `length` when given). */
export function toPoint(fn: string, x: unknown, length?: number, arg = 'x'): Float64Array {
  const ok = Array.isArray(x) || x instanceof Float64Array || x instanceof Float32Array;
  if (!ok) {
    const given = x === null ? 'null' : typeof x === 'object' ? (x.constructor?.name ?? 'object') : typeof x;
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `${arg} must be a number[], Float64Array or Float32Array (given ${given})`,
      {
        arg,
      },
    );
  }
  const p = Float64Array.from(x as ArrayLike<number>);
  if (p.length === 0) {
    throw new GradcheckError('GC_EMPTY_INPUT', fn, `${arg} must hold at least one value (given length 0)`, {
      arg,
    });
  }
  if (length !== undefined && p.length !== length) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      fn,
      `${arg} must have length ${length} (${arg}.length=${p.length})`,
      {
        arg,
        details: { expected: length, given: p.length },
      },
    );
  }
  for (let i = 0; i < p.length; i++) {
    const v = (x as ArrayLike<unknown>)[i];
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new GradcheckError(
        'GC_NON_FINITE_INPUT',
        fn,
        `${arg} must be finite (${arg}[${i}]=${String(v)})`,
        {
          arg,
          details: { index: i, value: v },
        },
      );
    }
  }
  return p;
}

/** A positive integer width; `max` bounds the O(cols³) symbolic construction. */
export function checkCols(fn: string, cols: unknown, max: number): number {
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
  if (cols > max) {
    throw new GradcheckError(
      'GC_OUT_OF_RANGE',
      fn,
      `cols must be at most ${max}: symbolic Jacobians take O(cols³) to build; use the finite-difference oracle for wider rows (given ${cols})`,
      { arg: 'cols' },
    );
  }
  return cols;
}

/** Digits of a high-precision evaluation: an integer in [40, 1000] (golden values need ≥ 40). */
export function checkDigits(fn: string, digits: unknown): number {
  if (typeof digits !== 'number' || !Number.isInteger(digits) || digits < 40 || digits > 1000) {
    throw new GradcheckError(
      'GC_INVALID_OPTION',
      fn,
      `digits must be an integer in [40, 1000] (given ${String(digits)})`,
      {
        arg: 'digits',
      },
    );
  }
  return digits;
}
