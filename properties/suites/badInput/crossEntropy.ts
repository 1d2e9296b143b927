/** Malformed calls of the cross-entropy kernels (labels and probability targets). */
import {
  crossEntropy,
  crossEntropyGrad,
  crossEntropyWithTargets,
  crossEntropyWithTargetsGrad,
} from 'gradcheck';
import type { Rejection, Shape } from './rejection.js';

/** Malformed calls of the cross-entropy kernels. */
export function crossEntropyRejections({ rows, cols, at, badLabel }: Shape): Rejection[] {
  const x = new Float64Array(rows * cols);
  const labels = new Int32Array(rows);
  const bad = Array.from(labels, (l, r) => (r === at % rows ? badLabel : l));
  const out: Rejection[] = [];
  for (const [fn, f] of Object.entries({ crossEntropy, crossEntropyGrad })) {
    const k = f as (x: unknown, labels: unknown, cols: unknown) => unknown;
    out.push(
      {
        call: () => k(x, new Int32Array(rows + 1), cols),
        fn,
        code: 'GC_SHAPE_MISMATCH',
        arg: 'labels',
        message: `${fn}: labels.length must be ${rows}, one label per row (rows=${rows}) (given labels.length=${rows + 1})`,
      },
      {
        call: () => k(x, bad, cols),
        fn,
        code: 'GC_OUT_OF_RANGE',
        arg: 'labels',
        message: `${fn}: labels must be integers in [0, ${cols}) (labels[${at % rows}] is`,
      },
      {
        call: () => k(new Float64Array(0), [], cols),
        fn,
        code: 'GC_EMPTY_INPUT',
        arg: 'logits',
        message: `${fn}: logits must hold at least one row (given 0 elements)`,
      },
      {
        call: () => k(new Float64Array(rows * cols + 1), labels, cols),
        fn,
        code: 'GC_SHAPE_MISMATCH',
        arg: 'cols',
        message: `${fn}: cols must divide logits.length (logits.length=${rows * cols + 1}, cols=${cols})`,
      },
    );
  }
  for (const [fn, f] of Object.entries({ crossEntropyWithTargets, crossEntropyWithTargetsGrad })) {
    const k = f as (x: unknown, targets: unknown, cols: unknown) => unknown;
    const t = new Float64Array(rows * cols).fill(1 / cols);
    t[at] = Number.NaN;
    out.push(
      {
        call: () => k(x, t, cols),
        fn,
        code: 'GC_OUT_OF_RANGE',
        arg: 'targets',
        message: `${fn}: targets must be finite (targets[${at}] is NaN)`,
      },
      {
        call: () => k(x, new Float64Array(rows * cols + 1), cols),
        fn,
        code: 'GC_SHAPE_MISMATCH',
        arg: 'targets',
        message: `${fn}: targets.length must be ${rows * cols}`,
      },
    );
  }
  return out;
}
