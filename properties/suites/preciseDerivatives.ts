/**
 * Derivatives where no finite difference can go: at ±1e308, beyond the exp overflow edges and under
 * 1e6 shifts, the analytic Jacobians, VJPs and JVPs of softmax and log-softmax are finite and agree
 * with the exact derivatives built from the package's 40-digit `preciseSoftmax`:
 *   softmax      J = diag(s) − s sᵀ,  Jᵀg = s ⊙ (g − ⟨g, s⟩),  J t = s ⊙ (t − ⟨t, s⟩);
 *   log-softmax  J = I − 1 sᵀ,        Jᵀg = g − s·Σg,          J t = t − ⟨t, s⟩.
 * Jacobian entries must be within JACOBIAN_ULPS = 10 ulps. A product's entries cancel (g − ⟨g, s⟩),
 * so its bound is relative to the magnitudes it combines: SAFETY·((4 + 1)·2u_d + (n + 2)·u)·mᵢ with
 * mᵢ = sᵢ(|gᵢ| + Σⱼ sⱼ|gⱼ|) (softmax) or |gᵢ| + sᵢΣⱼ|gⱼ| (log-softmax VJP) or |tᵢ| + Σⱼ sⱼ|tⱼ|
 * (log-softmax JVP), plus one ulp of the exact value, plus SAFETY·(4 + 1)·2⁻¹⁰⁷⁴·(|vᵢ| + Σⱼ|vⱼ|) for
 * the absolute error of probabilities in float64's subnormal range (below 2.2e-308).
 */
import {
  checkInvariant,
  cotangents,
  type Decimal,
  type DType,
  defineProperty,
  exactDecimal,
  type GradSpec,
  logitBatches,
  preciseSoftmax,
  tangents,
  UNIT_ROUNDOFF,
  ulp,
  withFields,
} from 'gradcheck';
import { JACOBIAN_ULPS, KERNEL_ULPS, SAFETY, U64 } from '../support/bounds.js';
import { LOG_SOFTMAX, type RowwiseImpl, SOFTMAX } from '../support/impls.js';
import { allOf } from '../support/rows.js';
import { ALL_REGIMES, RUNS } from '../support/settings.js';
import { withinUlps } from '../support/ulps.js';
import { PRECISE_COLS, PRECISE_ROWS, REFERENCE_DIGITS } from './accuracy.js';

interface Exact {
  readonly s: Decimal[];
  readonly cols: number;
}

/**
 * Exact Jacobian blocks (rows·cols·cols) of softmax or log-softmax. Differences are written without
 * cancellation (1 − sᵢ = Σ_{k≠i} sₖ, gᵢ − ⟨g, s⟩ = Σⱼ sⱼ(gᵢ − gⱼ)), so that 40 digits stay 40 digits
 * even when sᵢ is within 1e-300 of 1.
 */
function exactJacobian({ s, cols }: Exact, log: boolean): Decimal[] {
  const out: Decimal[] = [];
  for (let r = 0; r < s.length / cols; r++) {
    const o = r * cols;
    const masked = fullyMasked(s, o, cols);
    for (let i = 0; i < cols; i++) {
      const si = s[o + i]!;
      let others = si.times(0);
      for (let k = 0; k < cols; k++) if (k !== i) others = others.plus(s[o + k]!);
      // 1 − sᵢ = Σ_{k≠i} sₖ needs Σ s = 1; a fully masked row has s = 0 and 1 − sᵢ = 1.
      if (masked) others = others.plus(1);
      for (let j = 0; j < cols; j++) {
        const sj = s[o + j]!;
        const entry = i === j ? others : sj.neg();
        out.push(log ? entry : si.times(entry));
      }
    }
  }
  return out;
}

/** True when every probability of row [o, o + cols) is 0 (a fully masked row). */
function fullyMasked(s: readonly Decimal[], o: number, cols: number): boolean {
  for (let j = 0; j < cols; j++) if (!s[o + j]!.isZero()) return false;
  return true;
}

/** Exact products of each row with v (Jᵀv when `transpose`, else J v), and their rounding magnitudes. */
function exactProduct({ s, cols }: Exact, v: ArrayLike<number>, log: boolean, transpose: boolean) {
  const values: number[] = [];
  const magnitudes: number[] = [];
  const scales: number[] = [];
  for (let r = 0; r < s.length / cols; r++) {
    const o = r * cols;
    let weighted = 0;
    let plain = 0;
    for (let j = 0; j < cols; j++) {
      weighted += s[o + j]!.toNumber() * Math.abs(v[o + j]!);
      plain += Math.abs(v[o + j]!);
    }
    for (let i = 0; i < cols; i++) {
      const si = s[o + i]!;
      const vi = v[o + i]!;
      scales.push(Math.abs(vi) + plain);
      let centred = si.times(0); // Σⱼ sⱼ(vᵢ − vⱼ) = vᵢ − ⟨v, s⟩
      let rest = si.times(0); // vᵢ·Σ_{j≠i} sⱼ − sᵢ·Σ_{j≠i} vⱼ = vᵢ − sᵢ·Σv
      for (let j = 0; j < cols; j++) {
        if (j === i) continue;
        const sj = s[o + j]!;
        const vj = v[o + j]!;
        centred = centred.plus(sj.times(exactDecimal(vi).minus(exactDecimal(vj))));
        rest = rest.plus(sj.times(exactDecimal(vi))).minus(si.times(exactDecimal(vj)));
      }
      if (fullyMasked(s, o, cols)) {
        // s = 0: softmax's J is 0 and log-softmax's is I (the identities above need Σ s = 1).
        values.push(log ? vi : 0);
        magnitudes.push(Math.abs(vi));
      } else if (!log) {
        values.push(si.times(centred).toNumber());
        magnitudes.push(si.toNumber() * (Math.abs(vi) + weighted));
      } else if (transpose) {
        values.push(rest.toNumber());
        magnitudes.push(Math.abs(vi) + si.toNumber() * plain);
      } else {
        values.push(centred.toNumber());
        magnitudes.push(Math.abs(vi) + weighted);
      }
    }
  }
  return { values, magnitudes, scales };
}

function productCheck(
  name: string,
  actual: ArrayLike<number>,
  exact: ReturnType<typeof exactProduct>,
  cols: number,
  dtype: DType,
) {
  const relative = (KERNEL_ULPS + 1) * 2 * UNIT_ROUNDOFF[dtype] + (cols + 2) * U64;
  // A subnormal sⱼ (below 2.2e-308, computed in float64) carries an absolute error of up to
  // KERNEL_ULPS·2⁻¹⁰⁷⁴ that no relative bound covers; the products multiply it by up to |vᵢ| + Σ|v|.
  const floor = (KERNEL_ULPS + 1) * 2 ** -1074;
  const allowed = exact.values.map(
    (e, i) => SAFETY * (relative * exact.magnitudes[i]! + floor * exact.scales[i]!) + ulp(e, dtype),
  );
  return checkInvariant(Array.from(actual), exact.values, allowed, { name, cols, dtype });
}

function jacobianCheck(
  name: string,
  actual: ArrayLike<number>,
  exact: Decimal[],
  cols: number,
  dtype: DType,
) {
  return withinUlps(actual, exact, dtype, JACOBIAN_ULPS, {
    name: `${name} error in ulps`,
    cols: cols * cols,
    dtype,
  });
}

/**
 * Jacobians, VJPs and JVPs of softmax and log-softmax against exact derivatives, on every finite
 * regime (±1e308 included) and on rows with `-Infinity` masks, fully masked rows included (s = 0:
 * the softmax Jacobian is 0, the log-softmax Jacobian I), with generated cotangents and tangents.
 */
export function preciseDerivativesSpec(
  dtype: DType,
  soft: RowwiseImpl = SOFTMAX,
  log: RowwiseImpl = LOG_SOFTMAX,
): GradSpec {
  const input = withFields(
    logitBatches({
      maxRows: PRECISE_ROWS,
      maxCols: PRECISE_COLS,
      dtype,
      regimes: ALL_REGIMES,
      fullyMaskedRows: true,
    }),
    (b) => ({ g: cotangents(b, { dtype }), t: tangents(b, { dtype }) }),
  );
  return defineProperty({
    name: `softmax and log-softmax derivatives vs 40-digit reference (${dtype})`,
    input,
    dtype,
    options: { numRuns: RUNS },
    check: ({ x, cols, g, t }) => {
      const exact: Exact = { s: preciseSoftmax(x, cols, { digits: REFERENCE_DIGITS }), cols };
      return allOf(
        () => jacobianCheck('softmax J', soft.jacobian(x, cols), exactJacobian(exact, false), cols, dtype),
        () => jacobianCheck('log-softmax J', log.jacobian(x, cols), exactJacobian(exact, true), cols, dtype),
        () =>
          productCheck('softmax Jᵀg', soft.vjp(x, g, cols), exactProduct(exact, g, false, true), cols, dtype),
        () =>
          productCheck(
            'softmax J t',
            soft.jvp(x, t, cols),
            exactProduct(exact, t, false, false),
            cols,
            dtype,
          ),
        () =>
          productCheck(
            'log-softmax Jᵀg',
            log.vjp(x, g, cols),
            exactProduct(exact, g, true, true),
            cols,
            dtype,
          ),
        () =>
          productCheck(
            'log-softmax J t',
            log.jvp(x, t, cols),
            exactProduct(exact, t, true, false),
            cols,
            dtype,
          ),
      );
    },
  });
}
