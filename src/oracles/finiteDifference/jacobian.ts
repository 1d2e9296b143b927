/**
 * The full finite-difference Jacobian: one Richardson-extrapolated line per input coordinate (see
 * `estimateLine.ts`), each with exact, dtype-aware steps, giving every entry a value, an error
 * estimate and a smoothness status.
 */
import type { JacobianEstimate } from '../types.js';
import { estimateLine, type LineContext } from './estimateLine.js';

/** A finite-difference Jacobian with per-entry status and its cost. */
export interface FiniteDifferenceJacobian extends JacobianEstimate {
  /** Per entry (row-major): SMOOTH 0, KINK 1, DISCONTINUITY 2, NO_STEP 3. */
  readonly status: Uint8Array;
  /** Evaluations of f made. */
  readonly evaluations: number;
}

/**
 * Estimates every column of the m×n Jacobian of f at ctx.x.
 * @example finiteDifferenceColumns(ctx).values // row-major m·n
 */
export function finiteDifferenceColumns(ctx: LineContext): FiniteDifferenceJacobian {
  const m = ctx.fx.length;
  const n = ctx.x.length;
  const values = new Float64Array(m * n);
  const error = new Float64Array(m * n);
  const status = new Uint8Array(m * n);
  let evaluations = 0;
  for (let j = 0; j < n; j++) {
    const col = estimateLine(ctx, { kind: 'coordinate', index: j });
    evaluations += col.evaluations;
    for (let i = 0; i < m; i++) {
      values[i * n + j] = col.value[i]!;
      error[i * n + j] = col.error[i]!;
      status[i * n + j] = col.status[i]!;
    }
  }
  return { rows: m, cols: n, values, error, status, evaluations };
}
