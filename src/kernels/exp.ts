/**
 * A table-driven exponential that also absorbs a small correction term: `expPlus(d, lo)` ≈ exp(d + lo)
 * for |lo| ≤ ulp(d), the low part of a TwoSum. This is what lets softmax carry the rounding error of
 * `x − max` into the exponential (exp(hi + lo) = exp(hi)·exp(lo) ≈ exp(hi)·(1 + lo)).
 *
 * Algorithm (Tang, "Table-driven implementation of the exponential function in IEEE floating-point
 * arithmetic", ACM TOMS 15(2), 1989), with 256 table entries:
 *   k = round(d·256/ln2),  r = (d − k·C_hi) + (lo − k·C_lo)  (C = ln2/256, k·C_hi exact),
 *   exp(d + lo) = 2^⌊k/256⌋ · 2^((k mod 256)/256) · exp(r),  |r| ≤ ln2/512 ≈ 0.00135,
 *   exp(r) − 1 ≈ c1·r + r²/2 + c3·r³ + r⁴/24: the degree-5 Taylor polynomial with its r⁵ term
 *   economised by a Chebyshev polynomial (error < 2.4e-18), evaluated in Estrin's form
 *   c1·r + r²·((1/2 + c3·r) + r²/24) (a shorter dependency chain than Horner's; |p| < 0.0014, so the
 *   order of its roundings is invisible in the result), 2^(j/256) stored as a hi/lo pair.
 * Measured error: ≤ 0.51 ulp for normal results, ≤ 1 ulp for subnormal ones (test/kernels/exp.test.ts
 * checks ~10^6 points against a double-double reference and a sample against decimal.js).
 * Below −745.2 the result is 0, above 709.78 +Infinity; NaN gives NaN. V8 inlines these functions;
 * `Math.exp` is a call into C and about twice as slow.
 */
import { EXP2_TABLE } from './expTable.js';

// Constants are module-local on purpose: V8 reads an imported binding through a checked cell on
// every use, which halves the speed of this function.
/** 2^(j/256) split into its nearest double TABLE_HI[j] and the nearest remainder TABLE_LO[j]. */
const TABLE_HI = new Float64Array(256);
const TABLE_LO = new Float64Array(256);
for (let j = 0; j < 256; j++) {
  TABLE_HI[j] = EXP2_TABLE[2 * j]!;
  TABLE_LO[j] = EXP2_TABLE[2 * j + 1]!;
}
/** ln(2)/256 split so that k·C_HI is exact for |k| < 2^19: C_HI has 34 significant bits. */
const C_HI = 0.002707606173999011;
/** The double nearest ln(2)/256 − C_HI. */
const C_LO = 6.327543041662719e-14;
/** The double nearest 256/ln(2). */
const INV_C = 369.3299304675746;
/** Economised coefficients: c1 = 1 − 5R⁴/1920, c3 = 1/6 + R²/96, R = ln2/512. */
const C1 = 0.9999999999999912;
const C3 = 0.16666668575815416;
/** 1.5·2^52: adding it rounds a double of magnitude < 2^51 to an integer (ties to even). */
const SHIFTER = 6755399441055744;

/** POW2[q + 1022] = 2^q for q ∈ [−1022, 1023]: exact scale factors in the normal range. */
const POW2 = new Float64Array(2046);
for (let q = -1022; q <= 1023; q++) POW2[q + 1022] = 2 ** q;
/** SCALED[q + 1099] = 2^(q+64) for q ∈ [−1099, 0]: normal scale factors for expNonPositive. */
const SCALED = new Float64Array(1100);
for (let q = -1099; q <= 0; q++) SCALED[q + 1099] = 2 ** (q + 64);
/** 2^−64, the second, once-rounding factor of expNonPositive. */
const TWO_M64 = 2 ** -64;

/**
 * exp(d + lo) for d ≤ 0 or −Infinity (the softmax case), with no call and one rarely taken branch:
 * the scale 2^q is applied as 2^(q+64) (exact) then 2^−64 (exact, or the single rounding of a
 * subnormal result). Below −745.2 (and at −Infinity, whatever lo is) the result is 0.
 * Callers guarantee that d is not NaN and not positive.
 *
 * @example expNonPositive(-745, 0) // 5e-324, the smallest subnormal
 */
export function expNonPositive(d: number, lo: number): number {
  if (!(d > -745.2)) return 0;
  const kf = d * INV_C + SHIFTER - SHIFTER;
  const k = kf | 0;
  const r = d - kf * C_HI + (lo - kf * C_LO);
  const r2 = r * r;
  const p = r * C1 + r2 * (0.5 + r * C3 + r2 * (1 / 24));
  const j = k & 255;
  const th = TABLE_HI[j]!;
  return (th + (TABLE_LO[j]! + th * p)) * SCALED[(k >> 8) + 1099]! * TWO_M64;
}

/**
 * exp(d + lo) for any d, with at most about half an ulp of error in the normal range.
 * `lo` must be tiny next to 1 (it is the rounding error of a subtraction producing d); pass 0 for a
 * plain exponential.
 *
 * @example expPlus(-1, 0) // 0.36787944117144233, exp(−1) to the nearest double
 */
export function expPlus(d: number, lo: number): number {
  if (!(d > -708 && d < 709)) return expOutside(d, lo);
  const kf = d * INV_C + SHIFTER - SHIFTER;
  const k = kf | 0;
  const r = d - kf * C_HI + (lo - kf * C_LO);
  const r2 = r * r;
  const p = r * C1 + r2 * (0.5 + r * C3 + r2 * (1 / 24));
  const j = k & 255;
  const th = TABLE_HI[j]!;
  return (th + (TABLE_LO[j]! + th * p)) * POW2[(k >> 8) + 1022]!;
}

/**
 * The rare arguments of expPlus: NaN, ≤ −708 (subnormal or zero results, via expNonPositive) and
 * ≥ 709, where 2^q may be 2^1024: the scale is applied as 2^(q−1) then 2, so that an overflow
 * happens only in the final, correctly rounded product.
 */
function expOutside(d: number, lo: number): number {
  if (Number.isNaN(d)) return d;
  if (d <= -708) return expNonPositive(d, lo);
  if (d > 710) return Number.POSITIVE_INFINITY;
  const kf = d * INV_C + SHIFTER - SHIFTER;
  const k = kf | 0;
  const r = d - kf * C_HI + (lo - kf * C_LO);
  const r2 = r * r;
  const p = r * C1 + r2 * (0.5 + r * C3 + r2 * (1 / 24));
  const j = k & 255;
  const th = TABLE_HI[j]!;
  return (th + (TABLE_LO[j]! + th * p)) * POW2[(k >> 8) + 1021]! * 2;
}

/** The double nearest ln(2)/256, for expForFloat32 (whose k·C may round: it needs no exact split). */
const C_FULL = 0.0027076061740622863;

/**
 * exp(d) for d ≤ 0 or −Infinity to float32 grade: a relative error below 3e-13 (2.2e-13 measured;
 * 2.5·10⁻⁶ of a float32 ulp) for normal results, that plus an ulp (rounding to the subnormal grid)
 * for subnormal ones, and 0 below −745.2, like expNonPositive. The exponential of the softmax
 * family's float32 results (expRow.ts, `expRowFloat32`): less than half the arithmetic of
 * expNonPositive, with the same table and scaling but no low parts (no TwoSum of the shift, no C_LO,
 * no table low part) and a degree-3 Taylor polynomial (truncation r⁴/24 < 1.4e-13 for
 * |r| ≤ ln2/512; the rounding of k·C adds up to 1.2e-13 at d = −708). Callers guarantee that d is
 * not NaN and not positive.
 *
 * @example expForFloat32(-1) // 0.36787944117144233 to within 3e-13 relative
 */
export function expForFloat32(d: number): number {
  // Stryker disable next-line EqualityOperator: at d = −745.2 itself the formula below also gives 0 (2^−1076·(1 + p), under half the least subnormal)
  if (!(d > -745.2)) return 0;
  const kf = d * INV_C + SHIFTER - SHIFTER;
  const k = kf | 0;
  const r = d - kf * C_FULL;
  const th = TABLE_HI[k & 255]!;
  return (th + th * (r + r * r * (0.5 + r * (1 / 6)))) * SCALED[(k >> 8) + 1099]! * TWO_M64;
}

/**
 * The constants and tables of expNonPositive and expForFloat32, for the row loops of expRow.ts, which
 * inline the same formulas by hand (a call per element costs V8 a closure check and registers) and
 * must give the same bits (test/kernels/expRow.test.ts compares them). Read them into module-local
 * constants.
 */
export const EXP_PARTS = {
  tableHi: TABLE_HI,
  tableLo: TABLE_LO,
  scaled: SCALED,
  twoM64: TWO_M64,
  cFull: C_FULL,
  cHi: C_HI,
  cLo: C_LO,
  invC: INV_C,
  c1: C1,
  c3: C3,
  shifter: SHIFTER,
} as const;
