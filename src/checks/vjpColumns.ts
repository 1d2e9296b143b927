/**
 * Exact entries for VJP localisation: once group testing has named input coordinate j, column j of the
 * Jacobian is measured by coordinate finite differences and compared with the analytic entries, taken
 * from vjp(x, eᵢ) rows (cached; at most 64 outputs) or, for wider outputs, located by a second group
 * test over output subsets (one vjp call per split).
 */
import { estimateLine, type LineContext } from '../oracles/finiteDifference/estimateLine.js';
import { allowedBound, roundingBound } from './errorModel.js';
import { locate } from './locate.js';
import type { Projector } from './projector.js';
import type { Run } from './run.js';

/** Outputs up to this many are compared row by row. */
const ROW_LIMIT = 64;

/** The `entries` step of the VJP projector. */
export function vjpColumnEntries(
  run: Run,
  ctx: LineContext,
  vjp: (w: Float64Array) => Float64Array,
  m: number,
): Projector['entries'] {
  const rows = new Map<number, Float64Array>();
  const row = (i: number) => {
    let r = rows.get(i);
    if (r === undefined) {
      const e = new Float64Array(m);
      e[i] = 1;
      r = vjp(e);
      rows.set(i, r);
    }
    return r;
  };
  return (inputs, add) => {
    const failed: (readonly number[])[] = [];
    for (const j of inputs) {
      const col = estimateLine({ ...ctx, correct: undefined }, { kind: 'coordinate', index: j });
      let colMax = 0;
      for (let i = 0; i < m; i++) if (col.status[i] === 0) colMax = Math.max(colMax, Math.abs(col.value[i]!));
      const bound = (i: number, a: number) =>
        allowedBound(
          run.opts.kappa,
          col.error[i]!,
          roundingBound(run.dtype, Math.abs(a) + Math.abs(col.value[i]!) + Math.abs(ctx.fx[i]!) + colMax),
        );
      let outputs: number[];
      if (m <= ROW_LIMIT) outputs = Array.from({ length: m }, (_, i) => i);
      else {
        const test = (lo: number, hi: number) => {
          const w = new Float64Array(m);
          w.fill(1, lo, hi);
          const a = vjp(w)[j]!;
          let o = 0;
          let b = 0;
          for (let i = lo; i < hi; i++) {
            o += col.value[i]!;
            b += bound(i, a / (hi - lo));
          }
          return { diff: Float64Array.of(a - o), bound: Float64Array.of(b), reliable: true };
        };
        outputs = locate(test(0, m), m, test, {
          maxTests: 4 * Math.ceil(Math.log2(m)) + 8,
          maxFound: 16,
        }).indices;
      }
      for (const i of outputs) {
        if (col.status[i] !== 0) continue;
        const a = row(i)[j]!;
        const index = [i, j];
        const oracleError = col.error[i]!;
        if (
          add({
            index,
            label: `J[${i},${j}]`,
            analytic: a,
            oracle: col.value[i]!,
            allowed: bound(i, a),
            oracleError,
          })
        ) {
          failed.push(index);
        }
      }
    }
    return failed;
  };
}
