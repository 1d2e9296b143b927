/**
 * A table-driven exponential that also absorbs a small correction term: `expPlus(d, lo)` ≈ exp(d + lo)
 * for |lo| ≤ ulp(d), the low part of a TwoSum. This is what lets softmax carry the rounding error of
 * `x − max` into the exponential (exp(hi + lo) = exp(hi)·exp(lo) ≈ exp(hi)·(1 + lo)).
 *
 * Algorithm (Tang, "Table-driven implementation of the exponential function in IEEE floating-point
 * arithmetic", ACM TOMS 15(2), 1989), with 2048 table entries:
 *   k = round(d·2048/ln2),  r = (d − k·C_hi) + (lo − k·C_lo)  (C = ln2/2048, k·C_hi exact),
 *   exp(d + lo) = 2^⌊k/2048⌋ · 2^((k mod 2048)/2048) · exp(r),  |r| ≤ R = ln2/4096 ≈ 0.000169,
 *   exp(r) ≈ (1 + c0) + r + c2·r² + r³/6: the degree-4 Taylor polynomial with its r⁴ term
 *   economised (Chebyshev, on r² ∈ [0, R²]: c2 = 1/2 + R²/24, c0 = −R⁴/192; error < 4.3e-18), the
 *   constant c0 folded into the table, whose entries 2^(j/2048) are stored as hi + lo pairs with
 *   hi + lo = 2^(j/2048)·(1 + c0). The result is hi + (lo + hi·p), p = r + r²·(c2 + r/6).
 * Measured error: ≤ 0.54 ulp for normal results (0.538 worst over 10⁶ points; 0.5 of it is the final
 * rounding), ≤ 1 ulp for subnormal ones (test/kernels/exp.test.ts checks ~10^6 points against a
 * double-double reference and a sample against decimal.js).
 * Below −745.2 the result is 0, above 709.78 +Infinity; NaN gives NaN. V8 inlines these functions;
 * `Math.exp` is a call into C and about twice as slow. The float64 softmax kernels ran a median 1.07×
 * faster with this form than with the previous one (256 entries, 4 KiB, degree 4, 0.51 ulp; 0.99–1.15×
 * over 20 in-kernel A/B runs): two multiplications and an addition fewer per entry.
 */
import { EXP2_TABLE } from './expTable.js';

// Constants are module-local on purpose: V8 reads an imported binding through a checked cell on
// every use, which halves the speed of this function.
/** [hi_j, lo_j] interleaved, hi_j + lo_j = 2^(j/2048)·(1 + c0) (expTable.ts). */
const TABLE = EXP2_TABLE;
/** ln(2)/2048 split so that k·C_HI is exact for |k| < 2^24: C_HI has 29 significant bits. */
const C_HI = 0.0003384507717782981;
/** The double nearest ln(2)/2048 − C_HI. */
const C_LO = -2.0512280628325608e-14;
/** The double nearest 2048/ln(2). */
const INV_C = 2954.639443740597;
/** Economised coefficient c2 = 1/2 + R²/24, R = ln2/4096 (the double nearest it). */
const C2 = 0.500000001193218;
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
  const i = (k & 2047) << 1;
  const th = TABLE[i]!;
  return (th + (TABLE[i + 1]! + th * (r + r * r * (C2 + r * (1 / 6))))) * SCALED[(k >> 11) + 1099]! * TWO_M64;
}

/**
 * exp(x − m) for x ≤ m with the rounding of x − m carried (TwoSum, Knuth): expNonPositive of both
 * parts, bit for bit what the float64 exponential pass of expRow.ts gives for one entry.
 *
 * @example expShifted(-1, 0) // 0.36787944117144233
 */
export function expShifted(x: number, m: number): number {
  const d = x - m;
  const bv = d - x;
  return expNonPositive(d, x - (d - bv) + (-m - bv));
}

/**
 * exp(d + lo) for any d, with at most 0.54 ulp of error in the normal range.
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
  const i = (k & 2047) << 1;
  const th = TABLE[i]!;
  return (th + (TABLE[i + 1]! + th * (r + r * r * (C2 + r * (1 / 6))))) * POW2[(k >> 11) + 1022]!;
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
  const i = (k & 2047) << 1;
  const th = TABLE[i]!;
  return (th + (TABLE[i + 1]! + th * (r + r * r * (C2 + r * (1 / 6))))) * POW2[(k >> 11) + 1021]! * 2;
}

/** The double nearest ln(2)/256, for expForFloat32 (whose k·C may round: it needs no exact split). */
const C_FULL = 0.0027076061740622863;
/** The double nearest 256/ln(2), for expForFloat32. */
const INV_C256 = 369.3299304675746;
/** 2^(j/256) to the nearest double (the table's hi_8j), for expForFloat32: 2 KiB, not 32. */
const TABLE_HI256 = new Float64Array(256);
for (let j = 0; j < 256; j++) TABLE_HI256[j] = TABLE[16 * j]!;

/**
 * exp(d) for d ≤ 0 or −Infinity to float32 grade: a relative error below 3e-13 (2.2e-13 measured;
 * 2.5·10⁻⁶ of a float32 ulp) for normal results, that plus an ulp (rounding to the subnormal grid)
 * for subnormal ones, and 0 below −745.2, like expNonPositive. The exponential of the softmax
 * family's float32 results (expRow.ts, `expRowFloat32`): less arithmetic than expNonPositive, with
 * the same scaling and every eighth entry of its table (2^(j/256)) but no low parts (no TwoSum of the
 * shift, no C_LO, no table low part) and a degree-3 Taylor polynomial (truncation r⁴/24 < 1.4e-13
 * for |r| ≤ ln2/512; the rounding of k·C adds up to 1.2e-13 at d = −708). Callers guarantee that d is
 * not NaN and not positive.
 *
 * @example expForFloat32(-1) // 0.36787944117144233 to within 3e-13 relative
 */
export function expForFloat32(d: number): number {
  // Stryker disable next-line EqualityOperator: at d = −745.2 itself the formula below also gives 0 (2^−1076·(1 + p), under half the least subnormal)
  if (!(d > -745.2)) return 0;
  const kf = d * INV_C256 + SHIFTER - SHIFTER;
  const k = kf | 0;
  const r = d - kf * C_FULL;
  const th = TABLE_HI256[k & 255]!;
  return (th + th * (r + r * r * (0.5 + r * (1 / 6)))) * SCALED[(k >> 8) + 1099]! * TWO_M64;
}

/**
 * The constants and tables of expNonPositive and expForFloat32, for the row loops of expRow.ts, which
 * inline the same formulas by hand (a call per element costs V8 a closure check and registers) and
 * must give the same bits (test/kernels/expRow.test.ts compares them). Read them into module-local
 * constants.
 */
export const EXP_PARTS = {
  table: TABLE,
  tableHi256: TABLE_HI256,
  scaled: SCALED,
  twoM64: TWO_M64,
  cFull: C_FULL,
  invC256: INV_C256,
  cHi: C_HI,
  cLo: C_LO,
  invC: INV_C,
  c2: C2,
  shifter: SHIFTER,
} as const;
