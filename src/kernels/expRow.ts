/**
 * The exponential pass of the softmax family over the staged row (workspace.ts): e_j = exp(x_j − m)
 * for a shift m ≥ every x_j, with the rounding error of `x_j − m` carried into the exponential
 * (TwoSum, Knuth TAOCP vol. 2 §4.2.2) — the same formula, bit for bit, as `expNonPositive(d, dLo)` of
 * exp.ts (Tang's table-driven exponential), inlined by hand into the loop.
 *
 * Why by hand: this loop is where the softmax kernels spend most of their time, and V8 (TurboFan)
 * compiles a call to another function, even an inlined one, with a closure identity check per element
 * and more live registers; the tables, constants and workspace rows are module-local `const`s because
 * an imported binding is re-read through a checked cell on every use, and a typed array passed as an
 * argument is re-checked on every iteration. One entry per step: two per step (the formula written
 * out twice) took 0.64–0.72 of the time when timed alone, but left the kernels no faster
 * (0.92–1.0×, bench A/B in one process). test/kernels/expRow.test.ts checks that every result equals
 * expNonPositive's.
 *
 * Results that are rounded to float32 need far less: `expRowFloat32` inlines expForFloat32 (exp.ts),
 * relative error below 3e-13, which drops the TwoSum (the rounding of x_j − m moves the result by at
 * most 745·2⁻⁵³ relative), the low parts and the exact split of ln2/256, and reads a 2 KiB table
 * instead of 32 KiB; the float32 kernels ran 1.2–1.5× faster with it (measured against the previous
 * float64 exponential, 256 entries and degree 4).
 */
import { EXP_PARTS } from './exp.js';
import { WORK_E, WORK_X } from './workspace.js';

const TABLE = EXP_PARTS.table;
const TABLE_HI256 = EXP_PARTS.tableHi256;
const SCALED = EXP_PARTS.scaled;
const C_FULL = EXP_PARTS.cFull;
const INV_C256 = EXP_PARTS.invC256;
const TWO_M64 = EXP_PARTS.twoM64;
const C_HI = EXP_PARTS.cHi;
const C_LO = EXP_PARTS.cLo;
const INV_C = EXP_PARTS.invC;
const C2 = EXP_PARTS.c2;
const SHIFTER = EXP_PARTS.shifter;
const X = WORK_X;
const E = WORK_E;

/**
 * Writes WORK_E[j] = exp(WORK_X[j] − m) for j < n ≤ WORK_CAP (m finite and ≥ every staged x_j, so
 * every e_j is in [0, 1], and exactly 1 where x_j = m). A −Infinity entry gives 0.
 *
 * @example stageRow(new Float64Array([0, -1]), 0, 2); expRow(2, 0) // WORK_E starts [1, 0.36787944117144233]
 */
export function expRow(n: number, m: number): void {
  const negM = -m;
  for (let j = 0; j < n; j++) {
    const v = X[j]!;
    // TwoSum: d + dLo = v − m exactly (dLo is NaN only when d is −Infinity, where the result is 0).
    const d = v + negM;
    const bv = d - v;
    const dLo = v - (d - bv) + (negM - bv);
    let ej = 0;
    if (d > -745.2) {
      // expNonPositive(d, dLo), exp.ts.
      const kf = d * INV_C + SHIFTER - SHIFTER;
      const k = kf | 0;
      const r = d - kf * C_HI + (dLo - kf * C_LO);
      const i = (k & 2047) << 1;
      const th = TABLE[i]!;
      ej =
        (th + (TABLE[i + 1]! + th * (r + r * r * (C2 + r * (1 / 6))))) * SCALED[(k >> 11) + 1099]! * TWO_M64;
    }
    E[j] = ej;
  }
}

/**
 * WORK_E[j] = expForFloat32(WORK_X[j] − m) for j < n ≤ WORK_CAP (m as for expRow): the exponentials of
 * a row whose results are rounded to float32 (relative error below 3e-13; subnormal results that
 * plus an ulp).
 *
 * @example stageRow(new Float64Array([0, -1]), 0, 2); expRowFloat32(2, 0) // WORK_E starts [1, ≈0.36787944117144]
 */
export function expRowFloat32(n: number, m: number): void {
  const negM = -m;
  // Stryker disable next-line EqualityOperator: `j <= n` also writes WORK_E[n], which no pass reads (they read WORK_E[0 .. n)), or past the end of WORK_E
  for (let j = 0; j < n; j++) {
    const d = X[j]! + negM;
    let ej = 0;
    // Stryker disable next-line EqualityOperator: at d = −745.2 itself the formula also gives 0 (expForFloat32)
    if (d > -745.2) {
      // expForFloat32(d), exp.ts.
      const kf = d * INV_C256 + SHIFTER - SHIFTER;
      const k = kf | 0;
      const r = d - kf * C_FULL;
      const th = TABLE_HI256[k & 255]!;
      ej = (th + th * (r + r * r * (0.5 + r * (1 / 6)))) * SCALED[(k >> 8) + 1099]! * TWO_M64;
    }
    E[j] = ej;
  }
}
