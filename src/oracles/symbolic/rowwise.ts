/**
 * A per-row symbolic program applied to every row of a batch (the reference kernels are row-wise):
 * the derivative program of one n-wide row is built once per width and evaluated row by row, so a
 * batch costs rows × (one small DAG pass) instead of a (rows·n)-variable program.
 *
 * Layouts: `blocks` — row r's outputs depend on row r only, the full Jacobian is block diagonal
 * (rows·m)×(rows·n); `mean` — one scalar per row averaged over rows (cross-entropy), the full
 * Jacobian is 1×(rows·n).
 */
import { GradcheckError } from '../../errors.js';
import type { NumericArray } from '../../types.js';
import type { JacobianEstimate, JacobianOracle } from '../types.js';
import { denseLayout } from './dense.js';
import { evaluateGraph, gather, workspace } from './evaluate.js';
import { outward, TINY, U } from './interval.js';
import { derivativeText } from './mathjs.js';
import type { PreciseOracle } from './oracle.js';
import type { Program } from './program.js';
import { rowwisePrecise } from './rowwisePrecise.js';
import { maxShift } from './shift.js';
import { toPoint } from './validate.js';

/** The per-row Jacobians of a batch: `count` blocks of rows×cols, concatenated row-major. */
export interface JacobianBlocks {
  readonly count: number;
  readonly rows: number;
  readonly cols: number;
  readonly values: Float64Array;
  readonly error: Float64Array;
}

/** A symbolic oracle for a row-wise kernel: `x` holds rows·cols logits (or elements). */
export interface RowwiseOracle extends JacobianOracle {
  /** Width of one row (1 for elementwise activations). */
  readonly cols: number;
  /** The formulas of one row, in variables x0…x(cols−1). */
  readonly expressions: readonly string[];
  readonly variables: readonly string[];
  /** Dense Jacobian of the whole batch (block diagonal, or 1×(rows·cols) for a mean loss). */
  jacobian(x: NumericArray): JacobianEstimate;
  /** The per-row blocks only: rows·m·cols values instead of (rows·m)·(rows·cols). */
  blocks(x: NumericArray): JacobianBlocks;
  /** mathjs's derivative of one row's output `output` in `x<input>`, as text. */
  derivative(output: number, input: number): string;
  /** The same Jacobian in decimal at `digits` significant digits (default 50), at the unshifted x. */
  precise(digits?: number): PreciseOracle;
}

/** How a rowwise oracle evaluates. */
export interface RowwiseConfig {
  readonly fn: string;
  readonly description: string;
  readonly program: Program;
  /** `shift`: evaluate at x − max(x) (shift-invariant functions); `even`: at |x| (f′ even). */
  readonly transform: 'shift' | 'even' | 'none';
  readonly layout: 'blocks' | 'mean';
  /** Fixed row count (cross-entropy: one per label) and per-row parameter values (rows × p). */
  readonly rows?: number;
  readonly parameters?: Float64Array;
  /** For 1-wide, 1-output programs: the derivative where the input equals `at` (ReLU's kink). */
  readonly kink?: { readonly at: number; readonly value: number; readonly error: number };
}

export function rowwiseOracle(config: RowwiseConfig): RowwiseOracle {
  const { fn, program, layout, kink } = config;
  const n = program.variables.length;
  const m = program.expressions.length;
  const p = program.parameters.length;
  const ws = workspace(program.graph);
  const inputs = new Float64Array(n + p);
  const radius = new Float64Array(n + p);

  const rowsOf = (x: Float64Array, call: string): number => {
    const rows = config.rows ?? x.length / n;
    if (!Number.isInteger(rows) || rows * n !== x.length) {
      const want = config.rows === undefined ? `a multiple of cols=${n}` : `rows·cols = ${config.rows}·${n}`;
      throw new GradcheckError('GC_SHAPE_MISMATCH', call, `x.length must be ${want} (x.length=${x.length})`, {
        arg: 'x',
        details: { length: x.length, cols: n },
      });
    }
    return rows;
  };

  const loadRow = (x: Float64Array, r: number) => {
    if (config.transform === 'shift') {
      maxShift(x, r * n, n, inputs, radius);
    } else {
      for (let j = 0; j < n; j++) {
        const v = x[r * n + j]!;
        inputs[j] = config.transform === 'even' ? Math.abs(v) : v;
        radius[j] = 0;
      }
    }
    for (let k = 0; k < p; k++) inputs[n + k] = config.parameters![r * p + k]!;
  };

  const blocks = (xIn: NumericArray, call: string): JacobianBlocks => {
    const x = toPoint(call, xIn);
    const rows = rowsOf(x, call);
    const values = new Float64Array(rows * m * n);
    const error = new Float64Array(rows * m * n);
    for (let r = 0; r < rows; r++) {
      loadRow(x, r);
      evaluateGraph(program.graph, inputs, radius, ws);
      gather(ws, program.jacobianIds, values, error, r * m * n);
      if (kink !== undefined && x[r] === kink.at) {
        values[r] = kink.value;
        error[r] = kink.error;
      }
    }
    if (layout === 'mean') {
      for (let k = 0; k < values.length; k++) {
        const v = values[k]! / rows;
        error[k] = outward(error[k]! / rows + U * Math.abs(v) + TINY);
        values[k] = v;
      }
    }
    return { count: rows, rows: m, cols: n, values, error };
  };

  const jacobian = (x: NumericArray): JacobianEstimate => {
    const call = `${fn}.jacobian`;
    const b = blocks(x, call);
    const { rows, cols, place } = denseLayout(layout, b.count, m, n, call);
    const values = new Float64Array(rows * cols);
    const error = new Float64Array(rows * cols);
    for (let k = 0; k < b.values.length; k++) {
      values[place(k)] = b.values[k]!;
      error[place(k)] = b.error[k]!;
    }
    return { rows, cols, values, error };
  };

  return {
    kind: 'symbolic',
    description: config.description,
    cols: n,
    expressions: program.expressions,
    variables: program.variables,
    jacobian,
    blocks: (x) => blocks(x, `${fn}.blocks`),
    derivative(output, input) {
      const text = program.expressions[output];
      const v = program.variables[input];
      if (text === undefined || v === undefined) {
        throw new GradcheckError(
          'GC_OUT_OF_RANGE',
          `${fn}.derivative`,
          `output and input must index one row's Jacobian (${m}×${n}; given ${output}, ${input})`,
        );
      }
      return derivativeText(text, v);
    },
    precise: (digits = 50) => rowwisePrecise(config, rowsOf, digits),
  };
}
