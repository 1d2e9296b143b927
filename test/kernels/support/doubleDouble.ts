/**
 * A double-double exponential used as an independent reference for the kernels' table-driven exp:
 * no table, a different reduction (k = round(x/ln2), ln2 as a triple-double), and the Taylor series of
 * exp(r/1024) squared up ten times, all in double-double arithmetic (Dekker 1971; Hida, Li & Bailey,
 * "Algorithms for quad-double precision floating point arithmetic", 2001). Relative accuracy ~1e-29.
 */

const SPLIT = 134217729;

function twoSum(a: number, b: number): [number, number] {
  const s = a + b;
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

function twoProd(a: number, b: number): [number, number] {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

type DD = [number, number];

function add(x: DD, y: DD): DD {
  const [s, e] = twoSum(x[0], y[0]);
  const [t, f] = twoSum(x[1], y[1]);
  const [s2, e2] = twoSum(s, e + t);
  return twoSumQuick(s2, e2 + f);
}

function twoSumQuick(a: number, b: number): DD {
  const s = a + b;
  return [s, b - (s - a)];
}

function mul(x: DD, y: DD): DD {
  const [p, e] = twoProd(x[0], y[0]);
  return twoSumQuick(p, e + (x[0] * y[1] + x[1] * y[0]));
}

function mulDouble(x: DD, k: number): DD {
  const [p, e] = twoProd(x[0], k);
  return twoSumQuick(p, e + x[1] * k);
}

/** ln 2 as three doubles (each the nearest double to what remains). */
const LN2: readonly [number, number, number] = [Math.LN2, 2.3190468138462996e-17, 5.707708438416212e-34];

/**
 * exp(x + lo) as an unevaluated sum 2^k · (H + L) with H + L ∈ [0.7, 1.5): returns [H, L, k].
 * x finite, |x| ≤ 746.
 */
export function expReference(x: number, lo: number): [number, number, number] {
  const k = Math.round(x / LN2[0]);
  // r = x + lo − k·ln2 in double-double: k·LN2[i] exactly via twoProd.
  let r: DD = [x, 0];
  for (const c of LN2) {
    const [p, e] = twoProd(k, c);
    r = add(r, [-p, -e]);
  }
  r = add(r, [lo, 0]);
  const s: DD = [r[0] / 1024, r[1] / 1024];
  // expm1(s) by Taylor: s + s²/2 + … + s^12/12!.
  let term: DD = s;
  let sum: DD = s;
  for (let n = 2; n <= 12; n++) {
    term = mul(term, s);
    term = divideDouble(term, n);
    sum = add(sum, term);
  }
  // expm1(2s) = 2·expm1(s) + expm1(s)², ten times.
  for (let i = 0; i < 10; i++) sum = add(mulDouble(sum, 2), mul(sum, sum));
  const one = add([1, 0], sum);
  return [one[0], one[1], k];
}

function divideDouble(x: DD, n: number): DD {
  const q = x[0] / n;
  const [p, e] = twoProd(q, n);
  const rem = x[0] - p - e + x[1];
  return twoSumQuick(q, rem / n);
}

/** ulp of a float64 value a ≥ 0 (the gap above it; 2^−1074 for subnormals and zero). */
export function ulp64(a: number): number {
  if (a === 0) return 2 ** -1074;
  if (a >= 2 ** 1023) return 2 ** 971;
  let b = 2 ** Math.floor(Math.log2(a));
  if (b > a) b /= 2;
  else if (2 * b <= a) b *= 2;
  return Math.max(b * 2 ** -52, 2 ** -1074);
}

/** v·2^e, applied in steps so that no factor overflows (exact while the result stays normal). */
export function scale(v: number, e: number): number {
  let r = v;
  let k = e;
  while (k > 1000) {
    r *= 2 ** 1000;
    k -= 1000;
  }
  while (k < -1000) {
    r *= 2 ** -1000;
    k += 1000;
  }
  return r * 2 ** k;
}

/** |value − exp(x + lo)| in ulps of the exact result, using the double-double reference. */
export function expUlpError(value: number, x: number, lo: number): number {
  const [h, l, k] = expReference(x, lo);
  // Compare in the scaled domain (value·2^−k is exact): no rounding of the reference into subnormals.
  const diff = Math.abs(scale(value, -k) - h - l);
  const unit = scale(ulp64(Math.abs(scale(h, k))), -k);
  return diff / unit;
}
