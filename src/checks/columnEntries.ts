/**
 * Exact entries of located Jacobian columns: after group testing has named an input coordinate j,
 * column j is measured by coordinate finite differences and compared entry by entry with the analytic
 * column, each entry with its own error-model bound.
 */
import { estimateLine, type LineContext } from '../oracles/finiteDifference/estimateLine.js';
import { allowedBound, roundingBound } from './errorModel.js';
import type { Projector } from './projector.js';
import type { Run } from './run.js';

/** Compares analytic columns (given per located input) with finite-difference columns. */
export function columnEntries(
  run: Run,
  ctx: LineContext,
  column: (j: number) => Float64Array,
): Projector['entries'] {
  return (inputs, add) => {
    const failed: (readonly number[])[] = [];
    for (const j of inputs) {
      const est = estimateLine({ ...ctx, correct: undefined }, { kind: 'coordinate', index: j });
      const a = column(j);
      let colMax = 0;
      for (let i = 0; i < a.length; i++)
        if (est.status[i] === 0) colMax = Math.max(colMax, Math.abs(est.value[i]!));
      for (let i = 0; i < a.length; i++) {
        if (est.status[i] !== 0) continue;
        const o = est.value[i]!;
        const err = est.error[i]!;
        const rho = roundingBound(run.dtype, Math.abs(a[i]!) + Math.abs(o) + Math.abs(ctx.fx[i]!) + colMax);
        const index = [i, j];
        if (
          add({
            index,
            label: `J[${i},${j}]`,
            analytic: a[i]!,
            oracle: o,
            allowed: allowedBound(run.opts.kappa, err, rho),
            oracleError: err,
          })
        ) {
          failed.push(index);
        }
      }
    }
    return failed;
  };
}
