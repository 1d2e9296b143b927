/**
 * Argument checks shared by the MLP functions: parameters of the right length, inputs of
 * rows × sizes[0], and targets that are either labels or probability rows.
 */
import { GradcheckError } from '../errors.js';
import type { FloatArray } from '../types.js';
import { checkLabels, checkTargets, type Labels } from './labels.js';
import type { Mlp } from './mlp.js';
import { describe, floatArray, type KernelInput, lengthIs, positiveInteger } from './validate.js';

/**
 * Targets of an MLP loss: integer labels (Int32Array or number[], one per row) or probability rows
 * (Float64Array or Float32Array, rows × classes). The array type decides which.
 */
export type MlpTargets = Labels | Float64Array | Float32Array;

/** Validated, float64 views of an MLP call's arguments. */
export interface MlpCall {
  readonly mlp: Mlp;
  readonly rows: number;
  /** The parameters as float64 (the caller's array when it is a Float64Array). */
  readonly params: Float64Array;
  /** The caller's parameter array: results take its type. */
  readonly like: FloatArray;
  readonly x: Float64Array;
}

/** Checks mlp, params and x; rows is given (mlpForward) or inferred from x.length / sizes[0]. */
export function mlpCall(fn: string, mlp: unknown, params: unknown, x: unknown, rows?: unknown): MlpCall {
  const net = checkMlp(fn, mlp);
  if (!(params instanceof Float64Array || params instanceof Float32Array)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `params must be a Float64Array or a Float32Array (given ${describe(params)})`,
      { arg: 'params' },
    );
  }
  lengthIs(
    fn,
    'params',
    params.length,
    net.parameterCount,
    `mlp.parameterCount for sizes [${net.sizes.join(', ')}]`,
  );
  const xs = floatArray(fn, 'x', x);
  const inputs = net.sizes[0]!;
  let n: number;
  if (rows === undefined) {
    if (xs.length === 0 || xs.length % inputs !== 0) {
      throw new GradcheckError(
        'GC_SHAPE_MISMATCH',
        fn,
        `x.length must be a positive multiple of sizes[0]=${inputs} (given x.length=${xs.length})`,
        { arg: 'x' },
      );
    }
    n = xs.length / inputs;
  } else {
    if (
      !Number.isInteger(rows) ||
      // Stryker disable next-line ConditionalExpression: forced false, equivalent: a non-number already failed Number.isInteger (this test narrows rows' type)
      typeof rows !== 'number' ||
      rows < 1
    ) {
      throw new GradcheckError(
        'GC_OUT_OF_RANGE',
        fn,
        `rows must be a positive integer (given ${String(rows)})`,
        {
          arg: 'rows',
        },
      );
    }
    n = rows;
    lengthIs(fn, 'x', xs.length, n * inputs, `rows·sizes[0] = ${n}·${inputs}`);
  }
  return {
    mlp: net,
    rows: n,
    params: params instanceof Float64Array ? params : Float64Array.from(params),
    like: params,
    x: xs instanceof Float64Array ? xs : Float64Array.from(xs),
  };
}

/** Validated targets: labels, or probability rows. */
export type CheckedTargets = { readonly labels: Int32Array } | { readonly probabilities: FloatArray };

/** Checks targets against rows and the number of classes (the last size). */
export function mlpTargets(fn: string, call: MlpCall, targets: unknown): CheckedTargets {
  const classes = call.mlp.sizes[call.mlp.sizes.length - 1]!;
  if (targets instanceof Float64Array || targets instanceof Float32Array) {
    return { probabilities: checkTargets(fn, targets, call.rows * classes, classes) };
  }
  return { labels: checkLabels(fn, targets, call.rows, classes) };
}

/** Copies a float64 result into an array of `like`'s type (no copy when like is float64). */
export function resultLike(like: FloatArray, v: Float64Array): FloatArray {
  if (like instanceof Float64Array) return v;
  const out = new Float32Array(v.length);
  out.set(v);
  return out;
}

export type { KernelInput };

/** Checks that a value is an Mlp made by createMlp (used by every mlp* function). */
export function checkMlp(fn: string, mlp: unknown): Mlp {
  const m = mlp as Partial<Mlp> | null;
  if (
    typeof m !== 'object' ||
    m === null ||
    !Array.isArray(m.layers) ||
    typeof m.parameterCount !== 'number'
  ) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `mlp must be a network made by createMlp (given ${describe(mlp)})`,
      {
        arg: 'mlp',
      },
    );
  }
  positiveInteger(fn, 'mlp.parameterCount', m.parameterCount);
  return m as Mlp;
}
