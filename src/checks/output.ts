/**
 * Reading what user code returned: vectors (number[] | Float64Array | Float32Array), scalars and
 * Jacobians (flat row-major or an array of rows), with shape errors that say what was expected.
 * Non-finite numbers are returned as they are: whether they end the check is the caller's decision.
 */
import { GradcheckError } from '../errors.js';
import { describe } from './options.js';

/** A returned vector as doubles, and whether it came as a Float32Array (→ float32 bounds). */
export interface ReadVector {
  readonly values: Float64Array;
  readonly float32: boolean;
}

/**
 * Reads a vector returned by `what` (e.g. `f(x)`), optionally of a required length.
 * @example readVector('checkJvp', 'jvp(x, t)', out, 4)
 */
export function readVector(fn: string, what: string, value: unknown, length?: number): ReadVector {
  let float32 = false;
  let src: ArrayLike<unknown>;
  if (value instanceof Float64Array) src = value;
  else if (value instanceof Float32Array) {
    src = value;
    float32 = true;
  } else if (Array.isArray(value)) src = value;
  else {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `${what} must return a number[], Float64Array or Float32Array (returned ${describe(value)})`,
      { arg: what },
    );
  }
  if (length !== undefined && src.length !== length) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      fn,
      `${what} must return ${length} values (returned ${src.length})`,
      { arg: what, details: { expected: length, returned: src.length } },
    );
  }
  const values = new Float64Array(src.length);
  for (let i = 0; i < src.length; i++) {
    const v = src[i];
    if (typeof v !== 'number') {
      throw new GradcheckError(
        'GC_INVALID_ARGUMENT',
        fn,
        `${what}[${i}] must be a number (returned ${describe(v)})`,
        {
          arg: what,
        },
      );
    }
    values[i] = v;
  }
  return { values, float32 };
}

/** Reads a scalar: a number, or a vector of length 1. */
export function readScalar(fn: string, what: string, value: unknown): ReadVector {
  if (typeof value === 'number') return { values: Float64Array.of(value), float32: false };
  if (value instanceof Float64Array || value instanceof Float32Array || Array.isArray(value)) {
    if ((value as ArrayLike<unknown>).length !== 1) {
      throw new GradcheckError(
        'GC_SHAPE_MISMATCH',
        fn,
        `${what} must return a number (returned an array of length ${(value as ArrayLike<unknown>).length})`,
        { arg: what },
      );
    }
    return readVector(fn, what, value, 1);
  }
  throw new GradcheckError(
    'GC_INVALID_ARGUMENT',
    fn,
    `${what} must return a number (returned ${describe(value)})`,
    {
      arg: what,
    },
  );
}

/** Reads an m×n Jacobian given flat (row-major, length m·n) or as m rows of length n. */
export function readJacobian(fn: string, what: string, value: unknown, m: number, n: number): ReadVector {
  if (Array.isArray(value) && value.length > 0 && typeof value[0] !== 'number') {
    if (value.length !== m) {
      throw new GradcheckError(
        'GC_SHAPE_MISMATCH',
        fn,
        `${what} must return ${m} rows of ${n} (one per output of f; returned ${value.length} rows)`,
        { arg: what, details: { rows: value.length, expectedRows: m } },
      );
    }
    const values = new Float64Array(m * n);
    let float32 = false;
    for (let i = 0; i < m; i++) {
      const row = readVector(fn, `${what}[${i}]`, value[i], n);
      values.set(row.values, i * n);
      float32 ||= row.float32;
    }
    return { values, float32 };
  }
  const flat = readVector(fn, what, value);
  if (flat.values.length !== m * n) {
    throw new GradcheckError(
      'GC_SHAPE_MISMATCH',
      fn,
      `${what} must return m·n = ${m}·${n} = ${m * n} values row-major, or ${m} rows (returned ${flat.values.length} values)`,
      { arg: what, details: { expected: m * n, returned: flat.values.length } },
    );
  }
  return flat;
}

/** Index of the first non-finite value, or -1. */
export function firstNonFinite(values: Float64Array): number {
  for (let i = 0; i < values.length; i++) if (!Number.isFinite(values[i]!)) return i;
  return -1;
}
