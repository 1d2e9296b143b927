/**
 * Placing per-row Jacobian blocks into the dense matrix the JacobianOracle interface returns:
 * block diagonal (rows·m)×(rows·n) for row-wise outputs, 1×(rows·n) for a mean over rows.
 */
import { GradcheckError } from '../../errors.js';

/** Largest dense Jacobian built (entries); the per-row blocks have no such limit. */
export const MAX_DENSE = 2 ** 24;

export interface DenseLayout {
  readonly rows: number;
  readonly cols: number;
  /** Dense index of block entry k (row r, output i, input j, k = (r·m + i)·n + j). */
  place(k: number): number;
}

export function denseLayout(
  layout: 'blocks' | 'mean',
  R: number,
  m: number,
  n: number,
  call: string,
): DenseLayout {
  const rows = layout === 'mean' ? 1 : R * m;
  const cols = R * n;
  if (rows * cols > MAX_DENSE) {
    throw new GradcheckError(
      'GC_TOO_LARGE',
      call,
      `x must give a dense Jacobian of at most ${MAX_DENSE} entries (${rows}×${cols}); use blocks(x)`,
      { arg: 'x', details: { rows, cols } },
    );
  }
  const place = (k: number) => {
    const r = Math.floor(k / (m * n));
    const i = Math.floor(k / n) % m;
    const j = k % n;
    return layout === 'mean' ? r * n + j : (r * m + i) * cols + r * n + j;
  };
  return { rows, cols, place };
}
