/**
 * High-precision softmax and log-softmax references (decimal.js, 60 digits by default), computed
 * from the exact values of the inputs. They are what the kernels' 4-ulp claim is measured against,
 * and what the golden files in fixtures/golden hold.
 */
import type { Decimal } from 'decimal.js';
import { contextFor, type PreciseOptions, preciseRows } from './preciseArgs.js';
import { preciseRow } from './preciseSoftmaxRow.js';

/**
 * Row-wise softmax of a row-major batch at `options.digits` significant digits (default 60).
 * Special values follow the kernels' conventions: −Infinity is a mask (exactly 0), an all-masked row
 * gives zeros, +Infinity entries share the mass equally, a NaN makes its row NaN.
 *
 * @param x Logits (float32 values are converted exactly too: they are doubles).
 * @param cols Row width, a positive integer dividing x.length.
 * @example preciseSoftmax([0, -700], 2)[1].toString() // '9.8596765437597708567…e-305'
 */
export function preciseSoftmax(x: ArrayLike<number>, cols: number, options?: PreciseOptions): Decimal[] {
  const D = contextFor('preciseSoftmax', options);
  const { values, rows } = preciseRows('preciseSoftmax', x, cols);
  const out: Decimal[] = [];
  for (let r = 0; r < rows; r++) {
    const row = values.slice(r * cols, r * cols + cols);
    const p = preciseRow(row, D);
    if (p.kind === 'nan') for (let j = 0; j < cols; j++) out.push(new D(Number.NaN));
    else if (p.kind === 'masked') for (let j = 0; j < cols; j++) out.push(new D(0));
    else if (p.kind === 'infinite') {
      const count = p.infinite.filter(Boolean).length;
      for (const inf of p.infinite) out.push(inf ? new D(1).div(count) : new D(0));
    } else for (const e of p.exps) out.push(e.div(p.sum));
  }
  return out;
}

/**
 * Row-wise log-softmax of a row-major batch at `options.digits` significant digits (default 60):
 * (x_j − m) − log1p(T), so values near 0 (a dominant logit) are exact to the last digit too.
 * Masked entries give −Infinity, an all-masked row −Infinity everywhere, c entries at +Infinity
 * −log(c) each (the others −Infinity), a NaN makes its row NaN.
 *
 * @example preciseLogSoftmax([0, -700], 2)[0].toString() // '-9.8596765437597708567…e-305'
 */
export function preciseLogSoftmax(x: ArrayLike<number>, cols: number, options?: PreciseOptions): Decimal[] {
  const D = contextFor('preciseLogSoftmax', options);
  const { values, rows } = preciseRows('preciseLogSoftmax', x, cols);
  const out: Decimal[] = [];
  const minusInf = new D(Number.NEGATIVE_INFINITY);
  for (let r = 0; r < rows; r++) {
    const row = values.slice(r * cols, r * cols + cols);
    const p = preciseRow(row, D);
    if (p.kind === 'nan') for (let j = 0; j < cols; j++) out.push(new D(Number.NaN));
    else if (p.kind === 'masked') for (let j = 0; j < cols; j++) out.push(minusInf);
    else if (p.kind === 'infinite') {
      const share = D.ln(p.infinite.filter(Boolean).length).neg();
      for (const inf of p.infinite) out.push(inf ? share : minusInf);
    } else for (const d of p.shifted) out.push(d === null ? minusInf : d.minus(p.logSum));
  }
  return out;
}
