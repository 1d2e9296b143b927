/**
 * The row paths of softmax cross-entropy against 40-digit references, where the gate's other
 * properties do not reach: confident rows (a dominant logit 4 to 700 above the rest, so that the
 * loss of its label is log1p(T) with T as small as 1e-304, and its gradient −T/S/rows must keep its
 * digits) and near ties, labels on the dominant class, and targets that are any finite numbers, not
 * only probability rows, on rows holding NaN, +Infinity or only −Infinity too: the gradient is
 * documented as (s·Σy − y)/rows for any targets, with s following the softmax conventions on special
 * rows. Also, on the same inputs: softmax, log-softmax and crossEntropyGrad in place equal out of
 * place (a special row must not write past its end), and the label gradient of one row equals the
 * gradient with its one-hot target row bit for bit.
 */

import {
  checkInvariant,
  crossEntropyGrad,
  crossEntropyWithTargetsGrad,
  type Decimal,
  type DType,
  decimalContext,
  defineProperty,
  exactDecimal,
  type FloatArray,
  type GradSpec,
  logSoftmax,
  preciseSoftmax,
  softmax,
} from 'gradcheck';
import { KERNEL_ULPS } from '../support/bounds.js';
import {
  CROSS_ENTROPY,
  CROSS_ENTROPY_TARGETS,
  type CrossEntropyImpl,
  type CrossEntropyTargetsImpl,
} from '../support/impls.js';
import { argmaxOf, gradientRatio, rowPathInput } from '../support/rowPathTargets.js';
import { allOf, same } from '../support/rows.js';
import { RUNS } from '../support/settings.js';
import { withinUlps } from '../support/ulps.js';
import { REFERENCE_DIGITS } from './accuracy.js';

/**
 * Loss and gradient with labels (the label entry of the exact gradient is −Σ_{k≠label} s_k/rows, which
 * keeps its digits when s_label ≈ 1) within 4 ulps, and the gradient with any finite targets within
 * gradientRatio's bound: magnitude s_j·|Σy| + |y_j| off the dominant class a, and
 * (|Σ_{k≠a} y_k| + |y_a|·T)/S on it, where the kernel computes (Σ_{k≠a} y_k − y_a·T)/S.
 */
export function crossEntropyRowPathsSpec(
  dtype: DType,
  withLabels: CrossEntropyImpl = CROSS_ENTROPY,
  withTargets: CrossEntropyTargetsImpl = CROSS_ENTROPY_TARGETS,
): GradSpec {
  return defineProperty({
    name: `cross-entropy on confident rows and with any targets, 40-digit reference (${dtype})`,
    input: rowPathInput(dtype),
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, rows, cols, y, t }) => {
      const s = preciseSoftmax(x, cols, { digits: REFERENCE_DIGITS });
      const D = decimalContext(REFERENCE_DIGITS);
      let loss: Decimal = new D(0);
      const labelGrad: Decimal[] = [];
      const targetRatios: number[] = [];
      const tg = withTargets.grad(x, t, cols);
      for (let r = 0; r < rows; r++) {
        const o = r * cols;
        const yl = y[r]!;
        const others = (skip: number) => {
          let sum: Decimal = new D(0);
          for (let k = 0; k < cols; k++) if (k !== skip) sum = sum.plus(s[o + k]!);
          return sum;
        };
        // Label entry: −Σ_{k≠label} s_k when the row sums to 1 (not NaN, not fully masked), else s − 1.
        const rest = others(yl);
        const sums = rest
          .plus(s[o + yl]!)
          .minus(1)
          .abs()
          .lt(1e-30);
        for (let j = 0; j < cols; j++) {
          const g = j !== yl ? s[o + j]! : sums ? rest.neg() : s[o + j]!.minus(1);
          labelGrad.push(g.div(rows));
        }
        let ySum = 0;
        for (let j = 0; j < cols; j++) ySum += t[o + j]!;
        const a = argmaxOf(x, r, cols);
        const finite = a >= 0 && Number.isFinite(x[o + a]!) && !s[o]!.isNaN();
        // −log s_label = (x_a − x_label) + log1p(T) on a finite row, T = Σ_{k≠a} s_k / s_a (log s_a
        // would lose the 40 digits), by its series when T < 1e-10 (error below T⁴); s_label itself
        // may underflow the decimals (a gap of 1e308).
        if (finite) {
          const T = others(a).div(s[o + a]!);
          const log1p = T.lt(1e-10) ? T.minus(T.pow(2).div(2)).plus(T.pow(3).div(3)) : T.plus(1).ln();
          loss = loss.plus(exactDecimal(x[o + a]!).minus(exactDecimal(x[o + yl]!))).plus(log1p);
        } else loss = loss.minus(s[o + yl]!.ln());
        for (let j = 0; j < cols; j++) {
          const yj = t[o + j]!;
          const sj = s[o + j]!;
          let exact = sj.times(ySum).minus(yj);
          let magnitude = Math.abs(sj.toNumber()) * Math.abs(ySum) + Math.abs(yj);
          if (finite && j === a) {
            // s_a·Σy − y_a = s_a·Σ_{k≠a} y_k − y_a·Σ_{k≠a} s_k (1 − s_a would lose the 40 digits), which
            // the kernel computes as (Σ_{k≠a} y_k − y_a·T)/S: 1/S = s_a and T/S = Σ_{k≠a} s_k.
            const rest = others(a);
            exact = sj.times(ySum - yj).minus(rest.times(yj));
            magnitude = Math.abs(ySum - yj) * sj.toNumber() + Math.abs(yj) * rest.toNumber();
          }
          targetRatios.push(gradientRatio(tg[o + j]!, exact.div(rows), magnitude / rows, dtype));
        }
      }
      // In place (out = x) equals out of place: a special row must not write past its end, where the
      // next row's logits are still to be read.
      const inPlace = (f: (z: FloatArray) => FloatArray) => f(x.slice() as FloatArray);
      // Row 0 alone: the label path is the one-hot targets path specialised (its e_label is bit for bit
      // the exponential pass's), so with one row (no division) the two gradients are identical, unless
      // the label is a tied largest logit after the first (then s_label − 1 is −T/S on one path and
      // 1/S − 1 on the other).
      const x0 = x.subarray(0, cols) as FloatArray;
      const y0 = y[0]!;
      const a0 = argmaxOf(x, 0, cols);
      const oneHot = x0.slice() as FloatArray;
      oneHot.fill(0);
      oneHot[y0] = 1;
      const tied = a0 >= 0 && a0 !== y0 && x0[y0] === x0[a0];
      return allOf(
        () =>
          tied
            ? checkInvariant([1], 1, 0, { name: 'label vs one-hot: tied label, nothing to compare', dtype })
            : same(
                'crossEntropyGrad (one row) vs crossEntropyWithTargetsGrad with its one-hot row',
                crossEntropyGrad(x0, Int32Array.of(y0), cols),
                crossEntropyWithTargetsGrad(x0, oneHot, cols),
                dtype,
              ),
        () =>
          same(
            'softmax in place',
            inPlace((z) => softmax(z, cols, z)),
            softmax(x, cols),
            dtype,
          ),
        () =>
          same(
            'logSoftmax in place',
            inPlace((z) => logSoftmax(z, cols, z)),
            logSoftmax(x, cols),
            dtype,
          ),
        () =>
          same(
            'crossEntropyGrad in place',
            inPlace((z) => crossEntropyGrad(z, y, cols, z)),
            crossEntropyGrad(x, y, cols),
            dtype,
          ),
        () =>
          withinUlps([withLabels.loss(x, y, cols)], [loss.div(rows)], 'float64', KERNEL_ULPS, {
            name: 'cross-entropy (labels) error in float64 ulps',
          }),
        () =>
          withinUlps(withLabels.grad(x, y, cols), labelGrad, dtype, KERNEL_ULPS, {
            name: 'cross-entropy gradient (labels) error in ulps',
            cols,
            dtype,
          }),
        () =>
          checkInvariant(targetRatios, 0, 1, {
            name: 'cross-entropy gradient (any targets) error over its bound',
            cols,
            dtype,
          }),
      );
    },
  });
}
