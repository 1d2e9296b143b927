/**
 * The decimal twin of a rowwise oracle: every row evaluated at its exact, unshifted logits (decimal
 * exponents cannot overflow), assembled into the same dense layout.
 */
import type { NumericArray } from '../../types.js';
import { denseLayout } from './dense.js';
import type { PreciseOracle } from './oracle.js';
import { preciseValues } from './precise.js';
import type { RowwiseConfig } from './rowwise.js';
import { checkDigits, toPoint } from './validate.js';

export function rowwisePrecise(
  config: RowwiseConfig,
  rowsOf: (x: Float64Array, call: string) => number,
  digits: number,
): PreciseOracle {
  const { fn, program, layout, kink } = config;
  const call = `${fn}.precise`;
  const d = checkDigits(call, digits);
  const n = program.variables.length;
  const m = program.expressions.length;
  const p = program.parameters.length;
  const at = (xIn: NumericArray) => {
    const x = toPoint(call, xIn);
    const R = rowsOf(x, call);
    const { rows, cols, place } = denseLayout(layout, R, m, n, call);
    const values = new Float64Array(rows * cols);
    const error = new Float64Array(rows * cols);
    const decimals: string[] = new Array(rows * cols).fill('0');
    for (let r = 0; r < R; r++) {
      const row = [...x.subarray(r * n, r * n + n), ...(config.parameters?.subarray(r * p, r * p + p) ?? [])];
      const pv = preciseValues(program.graph, program.jacobianIds, row, d, layout === 'mean' ? R : 1);
      const kinked = kink !== undefined && x[r] === kink.at;
      for (let k = 0; k < m * n; k++) {
        const to = place(r * m * n + k);
        values[to] = kinked ? kink.value : pv.values[k]!;
        error[to] = kinked ? kink.error : pv.error[k]!;
        decimals[to] = kinked ? String(kink.value) : pv.decimals[k]!;
      }
    }
    return { rows, cols, values, error, decimals };
  };
  return {
    kind: 'high-precision',
    description: `${config.description}, evaluated at ${d} digits`,
    jacobian: (x) => {
      const { rows, cols, values, error } = at(x);
      return { rows, cols, values, error };
    },
    decimals: (x) => at(x).decimals,
  };
}
