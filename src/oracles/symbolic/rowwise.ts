/**
 * A per-row symbolic program applied to every row of a batch (the reference kernels are row-wise):
 * the derivative program of one n-wide row is built once per width and evaluated row by row, so a
 * batch costs rows × (one small DAG pass) instead of a (rows·n)-variable program.
 *
 * Layouts: `blocks` — row r's outputs depend on row r only, the full Jacobian is block diagonal
 * (rows·m)×(rows·n); `mean` — one scalar per row averaged over rows (cross-entropy), the full
 * Jacobian is 1×(rows·n).
 */
import { derivative, parse } from 'mathjs';
import { GradcheckError } from '../../errors.js';
import type { NumericArray } from '../../types.js';
import type { JacobianEstimate, JacobianOracle } from '../types.js';
import { evaluateGraph, gather, workspace } from './evaluate.js';
import { outward, TINY, U } from './interval.js';
import type { PreciseOracle } from './oracle.js';
import { preciseValues } from './precise.js';
import type { Program } from './program.js';
import { maxShift } from './shift.js';
import { checkDigits, toPoint } from './validate.js';

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
  /** Overrides the derivative where a 1-wide program's input equals `at` (ReLU's kink). */
  readonly kink?: { readonly at: number; readonly value: number; readonly error: number };
}

/** Largest dense Jacobian `jacobian(x)` builds (entries); `blocks(x)` has no such limit. */
export const MAX_DENSE = 2 ** 24;

export function rowwiseOracle(config: RowwiseConfig): RowwiseOracle {
  const { fn, program, layout } = config;
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

  const blocks = (xIn: NumericArray, call = `${fn}.blocks`): JacobianBlocks => {
    const x = toPoint(call, xIn);
    const rows = rowsOf(x, call);
    const values = new Float64Array(rows * m * n);
    const error = new Float64Array(rows * m * n);
    for (let r = 0; r < rows; r++) {
      if (config.transform === 'shift') maxShift(x, r * n, n, inputs, radius);
      for (let j = 0; j < n; j++) {
        const v = x[r * n + j]!;
        if (config.transform !== 'shift') inputs[j] = config.transform === 'even' ? Math.abs(v) : v;
        if (config.transform !== 'shift') radius[j] = 0;
      }
      for (let k = 0; k < p; k++) inputs[n + k] = config.parameters![r * p + k]!;
      evaluateGraph(program.graph, inputs, radius, ws);
      gather(ws, program.jacobianIds, values, error, r * m * n);
      if (config.kink !== undefined && x[r] === config.kink.at) {
        values[r] = config.kink.value;
        error[r] = config.kink.error;
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

  const dense = (
    b: JacobianBlocks,
    call: string,
  ): { rows: number; cols: number; place: (k: number) => number } => {
    const R = b.count;
    const rows = layout === 'mean' ? 1 : R * m;
    const cols = R * n;
    if (rows * cols > MAX_DENSE) {
      throw new GradcheckError(
        'GC_TOO_LARGE',
        call,
        `x must give a dense Jacobian of at most ${MAX_DENSE} entries (${rows}×${cols}); use blocks(x)`,
        {
          arg: 'x',
        },
      );
    }
    // Entry k of the blocks (row r, output i, input j) lands at (r·m + i, r·n + j), or (0, r·n + j).
    const place = (k: number) => {
      const r = Math.floor(k / (m * n));
      const i = Math.floor(k / n) % m;
      const j = k % n;
      return layout === 'mean' ? r * n + j : (r * m + i) * cols + r * n + j;
    };
    return { rows, cols, place };
  };

  const jacobian = (x: NumericArray): JacobianEstimate => {
    const call = `${fn}.jacobian`;
    const b = blocks(x, call);
    const { rows, cols, place } = dense(b, call);
    const values = new Float64Array(rows * cols);
    const error = new Float64Array(rows * cols);
    for (let k = 0; k < b.values.length; k++) {
      values[place(k)] = b.values[k]!;
      error[place(k)] = b.error[k]!;
    }
    return { rows, cols, values, error };
  };

  const precise = (digits = 50): PreciseOracle => {
    const d = checkDigits(`${fn}.precise`, digits);
    const at = (xIn: NumericArray, call: string) => {
      const x = toPoint(call, xIn);
      const R = rowsOf(x, call);
      const b = {
        count: R,
        rows: m,
        cols: n,
        values: new Float64Array(R * m * n),
        error: new Float64Array(R * m * n),
      };
      const { rows, cols, place } = dense(b, call);
      const values = new Float64Array(rows * cols);
      const error = new Float64Array(rows * cols);
      const decimals: string[] = new Array(rows * cols).fill('0');
      for (let r = 0; r < R; r++) {
        const row = [
          ...x.subarray(r * n, r * n + n),
          ...(config.parameters?.subarray(r * p, r * p + p) ?? []),
        ];
        const pv = preciseValues(program.graph, program.jacobianIds, row, d, layout === 'mean' ? R : 1);
        for (let k = 0; k < m * n; k++) {
          const at = place(r * m * n + k);
          const kinked = config.kink !== undefined && x[r] === config.kink.at;
          values[at] = kinked ? config.kink!.value : pv.values[k]!;
          error[at] = kinked ? config.kink!.error : pv.error[k]!;
          decimals[at] = kinked ? String(config.kink!.value) : pv.decimals[k]!;
        }
      }
      return { rows, cols, values, error, decimals };
    };
    return {
      kind: 'high-precision',
      description: `${config.description}, evaluated at ${d} digits`,
      jacobian: (x) => {
        const { rows, cols, values, error } = at(x, `${fn}.precise`);
        return { rows, cols, values, error };
      },
      decimals: (x) => at(x, `${fn}.precise`).decimals,
    };
  };

  return {
    kind: 'symbolic',
    description: config.description,
    cols: n,
    expressions: program.expressions,
    variables: program.variables,
    jacobian,
    blocks: (x) => blocks(x),
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
      return derivative(parse(text), v, { simplify: false }).toString();
    },
    precise,
  };
}
