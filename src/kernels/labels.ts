/**
 * Validation of classification targets: integer labels (one per row) and probability rows.
 */
import { GradcheckError } from '../errors.js';
import type { FloatArray } from '../types.js';
import { describe, floatArray, lengthIs } from './validate.js';

/** Integer class labels, one per row: an Int32Array or a plain array of integers. */
export type Labels = Int32Array | readonly number[];

/**
 * Checks that `labels` holds `rows` integers in [0, classes) and returns them as an Int32Array
 * (the same object when it already is one).
 */
export function checkLabels(fn: string, labels: unknown, rows: number, classes: number): Int32Array {
  if (!(labels instanceof Int32Array) && !Array.isArray(labels)) {
    throw new GradcheckError(
      'GC_INVALID_ARGUMENT',
      fn,
      `labels must be an Int32Array or a number[] of class indices (given ${describe(labels)})`,
      { arg: 'labels' },
    );
  }
  lengthIs(fn, 'labels', labels.length, rows, `one label per row (rows=${rows})`);
  for (let r = 0; r < rows; r++) {
    const v: unknown = labels[r];
    if (
      !Number.isInteger(v) ||
      // Stryker disable next-line ConditionalExpression: forced false, equivalent: a non-number already failed Number.isInteger (this test narrows v's type)
      typeof v !== 'number' ||
      v < 0 ||
      v >= classes
    ) {
      throw new GradcheckError(
        'GC_OUT_OF_RANGE',
        fn,
        `labels must be integers in [0, ${classes}) (labels[${r}] is ${describe(v)})`,
        { arg: 'labels', details: { index: r, value: v, classes } },
      );
    }
  }
  return labels instanceof Int32Array ? labels : Int32Array.from(labels as readonly number[]);
}

/**
 * Checks that `targets` is a float array of rows·classes finite values (probability rows; any finite
 * reals are accepted, the formulas stay exact derivatives).
 */
export function checkTargets(fn: string, targets: unknown, length: number, classes: number): FloatArray {
  const t = floatArray(fn, 'targets', targets);
  lengthIs(fn, 'targets', t.length, length, `one row of ${classes} per row of logits`);
  for (let i = 0; i < t.length; i++) {
    if (!Number.isFinite(t[i])) {
      throw new GradcheckError('GC_OUT_OF_RANGE', fn, `targets must be finite (targets[${i}] is ${t[i]})`, {
        arg: 'targets',
        details: { index: i },
      });
    }
  }
  return t;
}
